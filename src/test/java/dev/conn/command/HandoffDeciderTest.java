package dev.conn.command;

import static dev.conn.command.People.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.conn.incident.AckMethod;
import dev.conn.incident.CommandEvent;
import dev.conn.incident.CommandRefusedException;
import dev.conn.incident.EntryCommand;
import dev.conn.incident.EntryDecider;
import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Hand-offs with brief, read-back code and expiry, decided by {@link HandoffDecider} through the one writer. */
class HandoffDeciderTest {
    private final People p = new People();

    @Test
    void offerThenAcknowledgementTransfersTheRoleAtTheAcknowledgementTime() {
        HandoffOffer offer = p.offerCommandToBob();
        p.minutes(2);
        assertThat(p.commanderName()).isEqualTo("Alice");

        Acknowledgement ack = p.acknowledge(
                        offer, AckMethod.READ_BACK, offer.code().value(), "Bob")
                .acknowledgement()
                .orElseThrow();

        RoleHolder ic = p.roster().commander().orElseThrow();
        assertThat(ic.person()).isEqualTo("Bob");
        assertThat(ic.since()).isEqualTo(T0.plus(Duration.ofMinutes(2)));
        assertThat(ack.announcement())
                .isEqualTo("Everyone, be advised: at 14:02 UTC command passed from Alice to Bob.");
    }

    @Test
    void incidentStateCommanderAgreesWithTheRosterAfterAHandoff() {
        HandoffOffer offer = p.offerCommandToBob();
        p.acknowledge(offer, AckMethod.IN_PERSON, null, "Bob");

        assertThat(p.incidents.state(p.incident).commander())
                .isEqualTo(p.commanderName())
                .isEqualTo("Bob");
    }

    @Test
    void previewRecordsNothingAndTheOfferKeepsThePreviewedCode() {
        BriefPreview preview = p.people.preview(p.incident, HandoffCommand.Offer.of(Role.INCIDENT_COMMANDER, p.bob));
        assertThat(p.typesRecorded()).doesNotContain(EventType.HANDOFF_OFFERED);
        assertThat(preview.brief().text()).contains(preview.code().value());

        HandoffOffer offer = p.run(
                        new HandoffCommand.Offer(
                                Role.INCIDENT_COMMANDER, Optional.empty(), p.bob, Optional.of(preview.code())),
                        "Alice")
                .offer()
                .orElseThrow();

        assertThat(offer.code()).isEqualTo(preview.code());
        assertThat(p.acknowledge(offer, AckMethod.READ_BACK, preview.code().value(), "Bob")
                        .acknowledgement()
                        .orElseThrow()
                        .handoff()
                        .to())
                .isEqualTo("Bob");
    }

    @Test
    void previewIsRefusedForTheSameReasonsAsTheOffer() {
        p.offerCommandToBob();

        assertThatThrownBy(() -> p.people.preview(p.incident, HandoffCommand.Offer.of(Role.INCIDENT_COMMANDER, p.bob)))
                .isInstanceOf(CommandRefusedException.class)
                .hasMessageContaining("already pending");
    }

    @Test
    void offerRecordsTheFieldsOfTheEventType() {
        HandoffOffer offer = p.offerCommandToBob();

        Event stored = p.incidents.timeline(p.incident).stream()
                .filter(e -> e.type() == EventType.HANDOFF_OFFERED)
                .findFirst()
                .orElseThrow();
        CommandEvent.HandoffOffered o = (CommandEvent.HandoffOffered) stored.body();
        assertThat(o.offerId()).isEqualTo(offer.handoff().offerId());
        assertThat(o.role()).isEqualTo(Role.INCIDENT_COMMANDER);
        assertThat(o.from()).isEqualTo("Alice");
        assertThat(o.fromId()).contains(p.alice);
        assertThat(o.to()).isEqualTo("Bob");
        assertThat(o.toId()).isEqualTo(p.bob);
        assertThat(o.readBackCode()).isEqualTo(offer.code().value());
        assertThat(o.brief()).contains(offer.brief().text());
        assertThat(o.expiresAt()).contains(T0.plus(Duration.ofMinutes(5)));
        assertThat(stored.payloadJson())
                .contains("\"readBackCode\":\"" + offer.code().value() + "\"");
    }

    @Test
    void offerNotAcknowledgedInTimeExpiresAndTheHolderKeepsCommand() {
        HandoffOffer offer = p.offerCommandToBob();
        p.minutes(5);

        assertThat(p.handoffs().find(offer.handoff().offerId()).orElseThrow().stateAt(p.clock.instant()))
                .isEqualTo(HandoffState.EXPIRED);
        List<Handoff> expired = p.run(new HandoffCommand.ExpireDue(), "Alice").expired();

        assertThat(expired)
                .extracting(Handoff::offerId)
                .containsExactly(offer.handoff().offerId());
        assertThat(p.commanderName()).isEqualTo("Alice");
        Event recorded = p.lastRecorded();
        assertThat(recorded.type()).isEqualTo(EventType.HANDOFF_EXPIRED);
        assertThat(recorded.occurredAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
    }

    @Test
    void expireDueIsIdempotent() {
        p.offerCommandToBob();
        p.minutes(7);
        p.run(new HandoffCommand.ExpireDue(), "Alice");

        assertThat(p.run(new HandoffCommand.ExpireDue(), "Alice").expired()).isEmpty();
        assertThat(p.typesRecorded())
                .filteredOn(t -> t == EventType.HANDOFF_EXPIRED)
                .hasSize(1);
    }

    @Test
    void expireDueRecordsNothingWhileTheOfferIsPending() {
        p.offerCommandToBob();
        p.minutes(4);

        assertThat(p.run(new HandoffCommand.ExpireDue(), "Alice").appended()).isEmpty();
        assertThat(p.typesRecorded()).doesNotContain(EventType.HANDOFF_EXPIRED);
    }

    @Test
    void acknowledgementAfterExpiryIsRefusedStoresNothingAndTheNextTickRecordsTheExpiry() {
        HandoffOffer offer = p.offerCommandToBob();
        p.minutes(6);
        int before = p.typesRecorded().size();

        CommandRefusedException e = assertThrows(
                CommandRefusedException.class,
                () -> p.acknowledge(offer, AckMethod.READ_BACK, offer.code().value(), "Bob"));

        assertThat(e.getMessage()).contains("expired at 14:05 UTC").contains("Alice still holds the role");
        assertThat(p.commanderName()).isEqualTo("Alice");
        assertThat(p.typesRecorded()).hasSize(before).doesNotContain(EventType.HANDOFF_ACKNOWLEDGED);
        p.run(new HandoffCommand.ExpireDue(), "Alice");
        assertThat(p.lastRecorded().type()).isEqualTo(EventType.HANDOFF_EXPIRED);
        assertThat(p.lastRecorded().occurredAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
    }

    @Test
    void anyPeopleCommandRecordsTheExpiriesDueFirstInItsOneWrite() {
        HandoffOffer offer = p.offerCommandToBob();
        p.minutes(6);
        p.store.resetCounts();

        PeopleService.Result r = p.run(new RosterCommand.StartBreak(p.carol), "Alice");

        assertThat(r.appended())
                .extracting(Event::type)
                .containsExactly(EventType.HANDOFF_EXPIRED, EventType.BREAK_STARTED);
        assertThat(r.appended().get(0).occurredAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(r.expired())
                .extracting(Handoff::offerId)
                .containsExactly(offer.handoff().offerId());
        assertThat(p.store.calls("read")).isEqualTo(1);
        assertThat(p.store.calls("append")).isEqualTo(1);
    }

    @Test
    void declineIsRecordedAndTheHolderKeepsCommand() {
        HandoffOffer offer = p.offerCommandToBob();
        p.minutes(1);

        Handoff declined = p.run(
                        new HandoffCommand.Decline(offer.handoff().offerId(), Optional.of(" on another incident ")),
                        "Bob")
                .closed()
                .orElseThrow();

        assertThat(declined.recordedState()).isEqualTo(HandoffState.DECLINED);
        assertThat(p.commanderName()).isEqualTo("Alice");
        assertThat(p.handoffs().find(offer.handoff().offerId()).orElseThrow().reason())
                .contains("on another incident");
    }

    @Test
    void withdrawnOfferCannotBeAcknowledged() {
        HandoffOffer offer = p.offerCommandToBob();
        p.minutes(1);
        p.run(new HandoffCommand.Withdraw(offer.handoff().offerId(), Optional.empty()), "Alice");

        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> p.acknowledge(offer, AckMethod.IN_PERSON, null, "Bob"));

        assertThat(e.getMessage()).contains("withdrawn at 14:01 UTC");
        assertThat(p.commanderName()).isEqualTo("Alice");
    }

    @Test
    void secondPendingOfferOfTheSameRoleIsRefused() {
        p.offerCommandToBob();

        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> p.offer(Role.INCIDENT_COMMANDER, p.carol, "Alice"));

        assertThat(e.getMessage()).contains("already pending");
    }

    @Test
    void newOfferIsAllowedOnceTheFirstExpiredAndRecordsTheExpiry() {
        p.offerCommandToBob();
        p.minutes(5);

        HandoffOffer second = p.offer(Role.INCIDENT_COMMANDER, p.carol, "Alice");

        assertThat(second.handoff().to()).isEqualTo("Carol");
        assertThat(p.handoffs().pending(p.clock.instant())).containsExactly(second.handoff());
        assertThat(p.typesRecorded()).endsWith(EventType.HANDOFF_EXPIRED, EventType.HANDOFF_OFFERED);
    }

    @Test
    void wrongReadBackCodeIsRefusedAndTheOfferStaysPending() {
        HandoffOffer offer = p.offerCommandToBob();

        assertThatThrownBy(() -> p.acknowledge(offer, AckMethod.READ_BACK, "Z9-ZULU", "Bob"))
                .isInstanceOf(CommandRefusedException.class)
                .hasMessageContaining("'Z9-ZULU' is not the code on the brief; the hand-off is still pending");

        assertThat(p.handoffs().pending(p.clock.instant())).hasSize(1);
        assertThat(p.commanderName()).isEqualTo("Alice");
    }

    @Test
    void voiceAcknowledgementWithoutCodeIsRecordedAsSuch() {
        HandoffOffer offer = p.offerCommandToBob();

        p.acknowledge(offer, AckMethod.VOICE_WITHOUT_CODE, null, "Alice");

        assertThat(p.handoffs().find(offer.handoff().offerId()).orElseThrow().method())
                .contains(AckMethod.VOICE_WITHOUT_CODE);
    }

    @Test
    void offeringARoleToItsHolderIsRefused() {
        assertThatThrownBy(() -> p.offer(Role.INCIDENT_COMMANDER, p.alice, "Alice"))
                .isInstanceOf(CommandRefusedException.class)
                .hasMessage("Alice already holds the Incident Commander role");
    }

    @Test
    void offeringARoleToSomeoneWhoLeftIsRefused() {
        p.run(new RosterCommand.Leave(p.bob), "Alice");

        IllegalStateException e = assertThrows(IllegalStateException.class, p::offerCommandToBob);

        assertThat(e.getMessage()).contains("Bob has left");
    }

    @Test
    void acknowledgementAfterTheOfferingHolderLeftIsRefused() {
        p.run(new RosterCommand.AssignRole(Role.SCRIBE, p.carol), "Alice");
        HandoffOffer offer = p.offer(Role.SCRIBE, p.bob, "Carol");
        p.minutes(1);
        p.run(new RosterCommand.Leave(p.carol), "Carol"); // the Scribe role goes back to Alice, the IC

        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> p.acknowledge(offer, AckMethod.IN_PERSON, null, "Bob"));

        assertThat(e.getMessage()).contains("Carol no longer holds the Scribe role");
        assertThat(p.roster().holder(Role.SCRIBE).orElseThrow().person()).isEqualTo("Alice");
    }

    @Test
    void acknowledgingAnUnknownOfferIsRefused() {
        assertThatThrownBy(() -> p.run(
                        new HandoffCommand.Acknowledge("no-such-offer", AckMethod.IN_PERSON, Optional.empty()), "Bob"))
                .isInstanceOf(CommandRefusedException.class)
                .hasMessageContaining("There is no hand-off offer no-such-offer in this incident");
    }

    @Test
    void nonCommandRoleIsHandedOffAndAnnouncedByName() {
        p.run(new RosterCommand.AssignRole(Role.SCRIBE, p.carol), "Alice");
        p.minutes(3);
        HandoffOffer offer = p.offer(Role.SCRIBE, p.bob, "Carol");
        p.minutes(1);

        Acknowledgement ack = p.acknowledge(offer, AckMethod.IN_PERSON, null, "Bob")
                .acknowledgement()
                .orElseThrow();

        assertThat(p.roster().holder(Role.SCRIBE).map(RoleHolder::person)).contains("Bob");
        assertThat(ack.announcement())
                .isEqualTo("Everyone, be advised: at 14:04 UTC the Scribe role passed from Carol to Bob.");
    }

    @Test
    void aSubjectMatterExpertHandsOffByName() {
        p.run(new RosterCommand.AssignRole(Role.SUBJECT_MATTER_EXPERT, p.carol), "Alice");
        assertThatThrownBy(() -> p.offer(Role.SUBJECT_MATTER_EXPERT, p.bob, "Carol"))
                .hasMessage("Say which Subject Matter Expert hands off");

        HandoffOffer offer = p.run(
                        new HandoffCommand.Offer(
                                Role.SUBJECT_MATTER_EXPERT, Optional.of(p.carol), p.bob, Optional.empty()),
                        "Carol")
                .offer()
                .orElseThrow();
        p.acknowledge(offer, AckMethod.IN_PERSON, null, "Bob");

        assertThat(p.roster().holders(Role.SUBJECT_MATTER_EXPERT))
                .extracting(RoleHolder::person)
                .containsExactly("Bob");
    }

    @Test
    void leaderlessGapRunsFromTheCommanderLeavingToTheNewCommanderAcknowledging() {
        p.minutes(20);
        p.run(new RosterCommand.Leave(p.alice), "Alice");
        Instant t1 = p.clock.instant();
        p.minutes(3);
        HandoffOffer offer = p.offerCommandToBob();
        p.minutes(2);
        Instant t2 = p.clock.instant();
        p.acknowledge(offer, AckMethod.READ_BACK, offer.code().value(), "Bob");

        assertThat(p.roster().leaderlessIntervals())
                .containsExactly(new LeaderlessInterval(t1, Optional.of(t2), LeaderlessInterval.Reason.COMMANDER_LEFT));
    }

    @Test
    void commanderOnBreakAfterAHandoffLeavesNoGap() {
        HandoffOffer offer = p.offerCommandToBob();
        p.acknowledge(offer, AckMethod.IN_PERSON, null, "Bob");
        p.minutes(1);

        p.run(new RosterCommand.StartBreak(p.alice), "Alice");

        assertThat(p.roster().leaderlessIntervals()).isEmpty();
    }

    @Test
    void briefOfAnOfferCarriesRolesOpenTasksRecentDecisionsAndTheCode() {
        p.run(new RosterCommand.AssignRole(Role.COMMUNICATIONS_LEAD, p.carol), "Alice");
        p.run(new TaskCommand.Assign(p.carol, "Post to the status page", Duration.ofMinutes(10)), "Alice");
        p.incidents
                .log()
                .execute(
                        p.incident,
                        new EntryDecider(),
                        new EntryCommand.Add(
                                Event.newId(), EntryCommand.Kind.DECISION, "Roll back payments-api", Optional.empty()),
                        "Alice");
        p.minutes(2);

        HandoffOffer offer = p.offerCommandToBob();

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
        HandoffOffer offer = p.offerCommandToBob();

        assertThat(offer.code()).isEqualTo(ReadBackCode.generate(new SplittableRandom(7)));
    }
}
