package dev.conn.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.conn.incident.AckMethod;
import dev.conn.incident.Declaration;
import dev.conn.incident.Event;
import dev.conn.incident.EventStore;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.incident.Payload;
import dev.conn.incident.Role;
import dev.conn.incident.Severity;
import dev.conn.platform.db.Database;
import dev.conn.settings.Policy;
import dev.conn.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandServiceTest {
    private static final Instant T0 = Instant.parse("2026-11-21T14:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private Database db;
    private IncidentService incidents;
    private CommandService command;
    private IncidentId incident;
    private String alice;
    private String bob;
    private String carol;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        incidents = new IncidentService(EventStore.jdbc(db.dataSource()), clock);
        command = new CommandService(incidents, new Policy.Handoff(5), new SplittableRandom(7));
        incident = incidents
                .declare(new Declaration("Checkout errors", Severity.SEV1, "", Optional.empty(), "Alice"), "Alice")
                .incidentId();
        alice = join("Alice");
        bob = join("Bob");
        carol = join("Carol");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private String join(String name) {
        return command.addResponder(incident, name, Optional.empty(), Optional.empty(), "Alice")
                .id();
    }

    private void minutes(int n) {
        clock.advance(Duration.ofMinutes(n));
    }

    private HandoffOffer offerCommandToBob() {
        return command.offerHandoff(incident, Role.INCIDENT_COMMANDER, bob, "Alice");
    }

    private String commanderName() {
        return command.roster(incident).commander().orElseThrow().person();
    }

    private List<EventType> typesRecorded() {
        return incidents.timeline(incident).stream().map(Event::type).toList();
    }

    @Test
    void addedResponderIsOnDutyWithHandleAndTimeZone() {
        Responder dan = command.addResponder(
                incident, " Dan ", Optional.of("@dan"), Optional.of(ZoneId.of("Asia/Tokyo")), "Alice");

        assertThat(dan.name()).isEqualTo("Dan");
        assertThat(dan.presence()).isEqualTo(Presence.ON_DUTY);
        assertThat(command.roster(incident).responder(dan.id()).orElseThrow().timeZone())
                .contains(ZoneId.of("Asia/Tokyo"));
    }

    @Test
    void addingSomeoneAlreadyInTheResponseIsRefused() {
        assertThrows(
                IllegalStateException.class,
                () -> command.addResponder(incident, "bob", Optional.empty(), Optional.empty(), "Alice"));
    }

    @Test
    void responderWhoLeftJoinsAgainUnderTheSameId() {
        command.leave(incident, bob, "Alice");

        assertThat(join("Bob")).isEqualTo(bob);
        assertThat(command.roster(incident).responder(bob).orElseThrow().isOnDuty())
                .isTrue();
    }

    @Test
    void offerThenAcknowledgementTransfersTheRoleAtTheAcknowledgementTime() {
        HandoffOffer offer = offerCommandToBob();
        minutes(2);
        assertThat(commanderName()).isEqualTo("Alice");

        Acknowledgement ack = command.acknowledge(
                incident,
                offer.handoff().offerId(),
                AckMethod.READ_BACK,
                offer.code().value(),
                "Bob");

        RoleHolder ic = command.roster(incident).commander().orElseThrow();
        assertThat(ic.person()).isEqualTo("Bob");
        assertThat(ic.since()).isEqualTo(T0.plus(Duration.ofMinutes(2)));
        assertThat(ack.announcement())
                .isEqualTo("Everyone, be advised: at 14:02 UTC command passed from Alice to Bob.");
    }

    @Test
    void incidentStateCommanderAgreesWithTheRosterAfterAHandoff() {
        HandoffOffer offer = offerCommandToBob();
        command.acknowledge(incident, offer.handoff().offerId(), AckMethod.IN_PERSON, null, "Bob");

        assertThat(incidents.state(incident).commander())
                .isEqualTo(commanderName())
                .isEqualTo("Bob");
    }

    @Test
    void previewRecordsNothingAndTheOfferKeepsThePreviewedCode() {
        CommandService.BriefPreview preview = command.previewHandoff(incident, Role.INCIDENT_COMMANDER, bob);
        assertThat(typesRecorded()).doesNotContain(EventType.HANDOFF_OFFERED);
        assertThat(preview.brief().text()).contains(preview.code().value());

        HandoffOffer offer =
                command.offerHandoff(incident, Role.INCIDENT_COMMANDER, bob, Optional.of(preview.code()), "Alice");

        assertThat(offer.code()).isEqualTo(preview.code());
        assertThat(command.acknowledge(
                                incident,
                                offer.handoff().offerId(),
                                AckMethod.READ_BACK,
                                preview.code().value(),
                                "Bob")
                        .handoff()
                        .to())
                .isEqualTo("Bob");
    }

    @Test
    void previewIsRefusedForTheSameReasonsAsTheOffer() {
        offerCommandToBob();

        assertThatThrownBy(() -> command.previewHandoff(incident, Role.INCIDENT_COMMANDER, bob))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already pending");
    }

    @Test
    void offerRecordsTheFieldsOfTheEventType() {
        HandoffOffer offer = offerCommandToBob();

        Payload p = incidents.timeline(incident).stream()
                .filter(e -> e.type() == EventType.HANDOFF_OFFERED)
                .findFirst()
                .orElseThrow()
                .payload();
        assertThat(p.text("offerId")).contains(offer.handoff().offerId());
        assertThat(p.text("role")).contains("INCIDENT_COMMANDER");
        assertThat(p.text("from")).contains("Alice");
        assertThat(p.text("fromId")).contains(alice);
        assertThat(p.text("to")).contains("Bob");
        assertThat(p.text("toId")).contains(bob);
        assertThat(p.text("readBackCode")).contains(offer.code().value());
        assertThat(p.text("brief")).contains(offer.brief().text());
    }

    @Test
    void offerNotAcknowledgedInTimeExpiresAndTheHolderKeepsCommand() {
        HandoffOffer offer = offerCommandToBob();
        minutes(5);

        assertThat(command.handoffs(incident)
                        .find(offer.handoff().offerId())
                        .orElseThrow()
                        .stateAt(clock.instant()))
                .isEqualTo(HandoffState.EXPIRED);
        List<Handoff> expired = command.expireDue(incident, "Alice");

        assertThat(expired)
                .extracting(Handoff::offerId)
                .containsExactly(offer.handoff().offerId());
        assertThat(commanderName()).isEqualTo("Alice");
        Event recorded =
                incidents.timeline(incident).get(incidents.timeline(incident).size() - 1);
        assertThat(recorded.type()).isEqualTo(EventType.HANDOFF_EXPIRED);
        assertThat(recorded.occurredAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
    }

    @Test
    void expireDueIsIdempotent() {
        offerCommandToBob();
        minutes(7);
        command.expireDue(incident, "Alice");

        assertThat(command.expireDue(incident, "Alice")).isEmpty();
        assertThat(typesRecorded())
                .filteredOn(t -> t == EventType.HANDOFF_EXPIRED)
                .hasSize(1);
    }

    @Test
    void expireDueRecordsNothingWhileTheOfferIsPending() {
        offerCommandToBob();
        minutes(4);

        assertThat(command.expireDue(incident, "Alice")).isEmpty();
        assertThat(typesRecorded()).doesNotContain(EventType.HANDOFF_EXPIRED);
    }

    @Test
    void acknowledgementAfterExpiryIsRefusedAndTheExpiryRecorded() {
        HandoffOffer offer = offerCommandToBob();
        minutes(6);

        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> command.acknowledge(
                        incident,
                        offer.handoff().offerId(),
                        AckMethod.READ_BACK,
                        offer.code().value(),
                        "Bob"));

        assertThat(e.getMessage()).contains("expired at 14:05 UTC").contains("Alice still holds the role");
        assertThat(commanderName()).isEqualTo("Alice");
        assertThat(typesRecorded()).contains(EventType.HANDOFF_EXPIRED).doesNotContain(EventType.HANDOFF_ACKNOWLEDGED);
    }

    @Test
    void declineIsRecordedAndTheHolderKeepsCommand() {
        HandoffOffer offer = offerCommandToBob();
        minutes(1);

        Handoff declined =
                command.decline(incident, offer.handoff().offerId(), Optional.of("on another incident"), "Bob");

        assertThat(declined.recordedState()).isEqualTo(HandoffState.DECLINED);
        assertThat(commanderName()).isEqualTo("Alice");
        assertThat(command.handoffs(incident)
                        .find(offer.handoff().offerId())
                        .orElseThrow()
                        .reason())
                .contains("on another incident");
    }

    @Test
    void withdrawnOfferCannotBeAcknowledged() {
        HandoffOffer offer = offerCommandToBob();
        minutes(1);
        command.withdraw(incident, offer.handoff().offerId(), Optional.empty(), "Alice");

        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> command.acknowledge(incident, offer.handoff().offerId(), AckMethod.IN_PERSON, null, "Bob"));

        assertThat(e.getMessage()).contains("withdrawn at 14:01 UTC");
        assertThat(commanderName()).isEqualTo("Alice");
    }

    @Test
    void secondPendingOfferOfTheSameRoleIsRefused() {
        offerCommandToBob();

        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> command.offerHandoff(incident, Role.INCIDENT_COMMANDER, carol, "Alice"));

        assertThat(e.getMessage()).contains("already pending");
    }

    @Test
    void newOfferIsAllowedOnceTheFirstExpired() {
        offerCommandToBob();
        minutes(5);

        HandoffOffer second = command.offerHandoff(incident, Role.INCIDENT_COMMANDER, carol, "Alice");

        assertThat(second.handoff().to()).isEqualTo("Carol");
        assertThat(command.handoffs(incident).pending(clock.instant())).containsExactly(second.handoff());
    }

    @Test
    void wrongReadBackCodeIsRefusedAndTheOfferStaysPending() {
        HandoffOffer offer = offerCommandToBob();

        assertThrows(
                IllegalArgumentException.class,
                () -> command.acknowledge(incident, offer.handoff().offerId(), AckMethod.READ_BACK, "Z9-ZULU", "Bob"));

        assertThat(command.handoffs(incident).pending(clock.instant())).hasSize(1);
        assertThat(commanderName()).isEqualTo("Alice");
    }

    @Test
    void voiceAcknowledgementWithoutCodeIsRecordedAsSuch() {
        HandoffOffer offer = offerCommandToBob();

        command.acknowledge(incident, offer.handoff().offerId(), AckMethod.VOICE_WITHOUT_CODE, null, "Alice");

        assertThat(command.handoffs(incident)
                        .find(offer.handoff().offerId())
                        .orElseThrow()
                        .method())
                .contains(AckMethod.VOICE_WITHOUT_CODE);
    }

    @Test
    void offeringARoleToItsHolderIsRefused() {
        assertThrows(
                IllegalStateException.class,
                () -> command.offerHandoff(incident, Role.INCIDENT_COMMANDER, alice, "Alice"));
    }

    @Test
    void offeringARoleToSomeoneWhoLeftIsRefused() {
        command.leave(incident, bob, "Alice");

        IllegalStateException e = assertThrows(IllegalStateException.class, this::offerCommandToBob);

        assertThat(e.getMessage()).contains("Bob has left");
    }

    @Test
    void acknowledgementAfterTheOfferingHolderLeftIsRefused() {
        command.assignRole(incident, Role.SCRIBE, carol, "Alice");
        HandoffOffer offer = command.offerHandoff(incident, Role.SCRIBE, bob, "Carol");
        minutes(1);
        command.leave(incident, carol, "Carol"); // the Scribe role goes back to Alice, the IC

        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> command.acknowledge(incident, offer.handoff().offerId(), AckMethod.IN_PERSON, null, "Bob"));

        assertThat(e.getMessage()).contains("Carol no longer holds the Scribe role");
        assertThat(command.roster(incident).holder(Role.SCRIBE).orElseThrow().person())
                .isEqualTo("Alice");
    }

    @Test
    void acknowledgingAnUnknownOfferIsRefused() {
        assertThrows(
                IllegalStateException.class,
                () -> command.acknowledge(incident, "no-such-offer", AckMethod.IN_PERSON, null, "Bob"));
    }

    @Test
    void nonCommandRoleIsHandedOffAndAnnouncedByName() {
        command.assignRole(incident, Role.SCRIBE, carol, "Alice");
        minutes(3);
        HandoffOffer offer = command.offerHandoff(incident, Role.SCRIBE, bob, "Carol");
        minutes(1);

        Acknowledgement ack =
                command.acknowledge(incident, offer.handoff().offerId(), AckMethod.IN_PERSON, null, "Bob");

        assertThat(command.roster(incident).holder(Role.SCRIBE).map(RoleHolder::person))
                .contains("Bob");
        assertThat(ack.announcement())
                .isEqualTo("Everyone, be advised: at 14:04 UTC the Scribe role passed from Carol to Bob.");
    }

    @Test
    void delegatedRoleIsNotReassignedWithoutAHandoff() {
        command.assignRole(incident, Role.SCRIBE, carol, "Alice");

        assertThrows(IllegalStateException.class, () -> command.assignRole(incident, Role.SCRIBE, bob, "Alice"));
    }

    @Test
    void commandIsNotAssignedDirectlyWhileSomeoneIsInCommand() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class, () -> command.assignRole(incident, Role.INCIDENT_COMMANDER, bob, "Bob"));

        assertThat(e.getMessage()).contains("Alice is in command");
    }

    @Test
    void leaderlessGapRunsFromTheCommanderLeavingToTheNewCommanderAcknowledging() {
        minutes(20);
        command.leave(incident, alice, "Alice");
        Instant t1 = clock.instant();
        minutes(3);
        HandoffOffer offer = offerCommandToBob();
        minutes(2);
        Instant t2 = clock.instant();
        command.acknowledge(
                incident,
                offer.handoff().offerId(),
                AckMethod.READ_BACK,
                offer.code().value(),
                "Bob");

        assertThat(command.roster(incident).leaderlessIntervals())
                .containsExactly(new LeaderlessInterval(t1, Optional.of(t2), LeaderlessInterval.Reason.COMMANDER_LEFT));
    }

    @Test
    void commanderOnBreakWithoutHandoffIsLeaderlessAndSomeoneCanTakeCommandDirectly() {
        minutes(30);
        command.startBreak(incident, alice, "Alice");
        assertThat(command.roster(incident).isLeaderless()).isTrue();
        minutes(2);

        command.assignRole(incident, Role.INCIDENT_COMMANDER, bob, "Bob");

        Roster r = command.roster(incident);
        assertThat(r.isLeaderless()).isFalse();
        assertThat(r.leaderlessIntervals()).singleElement().satisfies(gap -> assertThat(gap.length(clock.instant()))
                .isEqualTo(Duration.ofMinutes(2)));
    }

    @Test
    void commanderOnBreakAfterAHandoffLeavesNoGap() {
        HandoffOffer offer = offerCommandToBob();
        command.acknowledge(incident, offer.handoff().offerId(), AckMethod.IN_PERSON, null, "Bob");
        minutes(1);

        command.startBreak(incident, alice, "Alice");

        assertThat(command.roster(incident).leaderlessIntervals()).isEmpty();
    }

    @Test
    void breaksStartAndEndOnlyFromTheRightState() {
        assertThrows(IllegalStateException.class, () -> command.endBreak(incident, bob, "Bob"));
        command.startBreak(incident, bob, "Bob");
        assertThrows(IllegalStateException.class, () -> command.startBreak(incident, bob, "Bob"));

        assertThat(command.endBreak(incident, bob, "Bob").isOnDuty()).isTrue();
    }

    @Test
    void nextIcIsDesignatedButNotTheCommanderItself() {
        assertThat(command.designateNextIc(incident, bob, "Alice").person()).isEqualTo("Bob");
        assertThrows(IllegalStateException.class, () -> command.designateNextIc(incident, alice, "Alice"));
        assertThrows(IllegalStateException.class, () -> command.designateNextIc(incident, bob, "Alice"));
    }

    @Test
    void checkBackTaskCountsDownIsAcknowledgedAndDone() {
        CheckBackTask t = command.assignTask(incident, bob, "Check the DB failover", Duration.ofMinutes(3), "Alice");
        assertThat(t.checkBackAt()).isEqualTo(T0.plus(Duration.ofMinutes(3)));
        minutes(1);

        CheckBackTask acked = command.acknowledgeTask(incident, t.taskId(), "Bob");
        assertThat(acked.state()).isEqualTo(TaskState.ACKNOWLEDGED);
        assertThat(acked.remaining(clock.instant())).isEqualTo(Duration.ofMinutes(2));
        minutes(3);
        assertThat(command.tasks(incident).get(0).isOverdue(clock.instant())).isTrue();

        CheckBackTask done = command.completeTask(incident, t.taskId(), Optional.of("Failover healthy"), "Bob");

        assertThat(done.state()).isEqualTo(TaskState.DONE);
        assertThat(done.isOverdue(clock.instant())).isFalse();
        assertThrows(
                IllegalStateException.class, () -> command.cancelTask(incident, t.taskId(), Optional.empty(), "Bob"));
    }

    @Test
    void taskForSomeoneOnABreakIsRefused() {
        command.startBreak(incident, bob, "Bob");

        assertThrows(
                IllegalStateException.class,
                () -> command.assignTask(incident, bob, "Check the DB failover", Duration.ofMinutes(3), "Alice"));
    }

    @Test
    void briefOfAnOfferCarriesRolesOpenTasksRecentDecisionsAndTheCode() {
        command.assignRole(incident, Role.COMMUNICATIONS_LEAD, carol, "Alice");
        command.assignTask(incident, carol, "Post to the status page", Duration.ofMinutes(10), "Alice");
        incidents.record(
                incident, EventType.DECISION, Payload.of("text", "Roll back payments-api"), Optional.empty(), "Alice");
        minutes(2);

        HandoffOffer offer = offerCommandToBob();

        assertThat(offer.brief().lines())
                .contains(
                        "- Incident Commander: Alice since 14:00 UTC",
                        "- Communications Lead: Carol",
                        "- Carol: Post to the status page. Check back 14:10 UTC (in 8 min, not acknowledged yet)",
                        "- 14:00 UTC Roll back payments-api",
                        "- To acknowledge, Bob reads back the code "
                                + offer.code().value());
    }

    @Test
    void codesComeFromTheInjectedGenerator() {
        HandoffOffer offer = offerCommandToBob();

        assertThat(offer.code()).isEqualTo(ReadBackCode.generate(new SplittableRandom(7)));
    }
}
