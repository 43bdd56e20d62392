package dev.conn.command;

import static dev.conn.command.Script.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentState;
import dev.conn.incident.Role;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RosterTest {
    private final Script s = new Script();

    @Test
    void declaredCommanderHoldsCommandFromTheDeclaration() {
        s.declared(at(0), "Alice");

        Roster r = Roster.fold(s.events());

        assertThat(r.commander()).hasValueSatisfying(ic -> {
            assertThat(ic.person()).isEqualTo("Alice");
            assertThat(ic.since()).isEqualTo(at(0));
        });
        assertThat(r.isLeaderless()).isFalse();
    }

    @Test
    void commanderHoldsEveryRoleNotDelegated() {
        s.declared(at(0), "Alice").joined(at(1), "c", "Carol").assigned(at(2), Role.SCRIBE, "c", "Carol");

        Roster r = Roster.fold(s.events());

        assertThat(r.holder(Role.SCRIBE)).hasValueSatisfying(h -> {
            assertThat(h.person()).isEqualTo("Carol");
            assertThat(h.byDefault()).isFalse();
        });
        assertThat(r.holder(Role.DEPUTY)).hasValueSatisfying(h -> {
            assertThat(h.person()).isEqualTo("Alice");
            assertThat(h.byDefault()).isTrue();
        });
        assertThat(r.holder(Role.COMMUNICATIONS_LEAD).map(RoleHolder::person)).contains("Alice");
        assertThat(r.holder(Role.OPERATIONS_LEAD).map(RoleHolder::person)).contains("Alice");
        assertThat(r.holders(Role.SUBJECT_MATTER_EXPERT)).isEmpty();
    }

    @Test
    void delegatedRoleRevertsToTheCommanderWhenItsHolderLeaves() {
        s.declared(at(0), "Alice")
                .joined(at(1), "c", "Carol")
                .assigned(at(2), Role.SCRIBE, "c", "Carol")
                .left(at(10), "c");

        RoleHolder scribe = Roster.fold(s.events()).holder(Role.SCRIBE).orElseThrow();

        assertThat(scribe.person()).isEqualTo("Alice");
        assertThat(scribe.byDefault()).isTrue();
        assertThat(scribe.since()).isEqualTo(at(10));
    }

    @Test
    void subjectMatterExpertsAreSeveral() {
        s.declared(at(0), "Alice")
                .joined(at(1), "d", "Dan")
                .joined(at(1), "e", "Erin")
                .assigned(at(2), Role.SUBJECT_MATTER_EXPERT, "d", "Dan")
                .assigned(at(3), Role.SUBJECT_MATTER_EXPERT, "e", "Erin");

        Roster r = Roster.fold(s.events());

        assertThat(r.holders(Role.SUBJECT_MATTER_EXPERT))
                .extracting(RoleHolder::person)
                .containsExactly("Dan", "Erin");
        assertThrows(IllegalArgumentException.class, () -> r.holder(Role.SUBJECT_MATTER_EXPERT));
    }

    @Test
    void respondersMoveBetweenOnDutyOnBreakAndLeftWithTheTimeOfEachChange() {
        s.declared(at(0), "Alice")
                .add(
                        EventType.RESPONDER_JOINED,
                        at(1),
                        "responderId",
                        "b",
                        "name",
                        "Bob",
                        "handle",
                        "@bob",
                        "timeZone",
                        "Europe/Berlin")
                .breakStarted(at(20), "b");

        Responder bob = Roster.fold(s.events()).responder("b").orElseThrow();
        assertThat(bob.presence()).isEqualTo(Presence.ON_BREAK);
        assertThat(bob.since()).isEqualTo(at(20));
        assertThat(bob.handle()).contains("@bob");
        assertThat(bob.timeZone()).contains(ZoneId.of("Europe/Berlin"));

        s.breakEnded(at(35), "b").left(at(50), "b");
        Responder gone = Roster.fold(s.events()).responder("b").orElseThrow();
        assertThat(gone.presence()).isEqualTo(Presence.LEFT);
        assertThat(gone.since()).isEqualTo(at(50));
        assertThat(gone.joinedAt()).isEqualTo(at(1));
    }

    @Test
    void theDeclaringCommanderIsOnTheRosterAndStaysAfterHandingOffCommand() {
        s.declared(at(0), "Alice").joined(at(1), "b", "Bob");
        Roster before = Roster.fold(s.events());
        Responder alice = before.responders().get(0);
        assertThat(alice.name()).isEqualTo("Alice");
        assertThat(alice.presence()).isEqualTo(Presence.ON_DUTY);
        assertThat(alice.joinedAt()).isEqualTo(at(0));
        assertThat(before.rolesOf(alice.id())).extracting(RoleHolder::role).contains(Role.INCIDENT_COMMANDER);

        s.offered(at(5), "o1", Role.INCIDENT_COMMANDER, "Alice", null, "Bob", "b")
                .acknowledged(at(6), "o1", Role.INCIDENT_COMMANDER, "Bob", "b");
        Roster after = Roster.fold(s.events());

        assertThat(after.commander().map(RoleHolder::person)).contains("Bob");
        assertThat(after.present()).extracting(Responder::name).containsExactly("Alice", "Bob");
        assertThat(after.responder(alice.id()).orElseThrow().presence()).isEqualTo(Presence.ON_DUTY);
    }

    @Test
    void anOlderLogThatAddedTheDeclaringCommanderByHandHasThemOnce() {
        s.declared(at(0), "Alice").joined(at(1), "a", "alice").joined(at(2), "b", "Bob");

        Roster r = Roster.fold(s.events());

        assertThat(r.responders()).extracting(Responder::id).containsExactly("a", "b");
        assertThat(r.responder("a").orElseThrow().joinedAt()).isEqualTo(at(0));
    }

    @Test
    void joiningAgainAfterLeavingReusesTheIdAndIsOnDuty() {
        s.declared(at(0), "Alice").joined(at(1), "b", "Bob").left(at(5), "b").joined(at(9), "b", "Bob");

        Roster r = Roster.fold(s.events());

        assertThat(r.responders()).extracting(Responder::name).containsExactly("Alice", "Bob");
        assertThat(r.responder("b").orElseThrow().presence()).isEqualTo(Presence.ON_DUTY);
        assertThat(r.responder("b").orElseThrow().since()).isEqualTo(at(9));
    }

    @Test
    void roleTransfersAtTheAcknowledgementNotAtTheOffer() {
        s.declared(at(0), "Alice")
                .joined(at(0), "a", "Alice")
                .joined(at(1), "b", "Bob")
                .offered(at(10), "o1", Role.INCIDENT_COMMANDER, "Alice", "a", "Bob", "b");
        assertThat(Roster.fold(s.events()).commander().map(RoleHolder::person)).contains("Alice");

        s.acknowledged(at(12), "o1", Role.INCIDENT_COMMANDER, "Bob", "b");
        RoleHolder ic = Roster.fold(s.events()).commander().orElseThrow();

        assertThat(ic.person()).isEqualTo("Bob");
        assertThat(ic.since()).isEqualTo(at(12));
    }

    @Test
    void incidentStateCommanderAgreesWithRosterCommanderAfterAHandoff() {
        s.declared(at(0), "Alice")
                .joined(at(1), "b", "Bob")
                .assigned(at(2), Role.SCRIBE, "b", "Bob")
                .offered(at(10), "o1", Role.INCIDENT_COMMANDER, "Alice", null, "Bob", "b")
                .acknowledged(at(12), "o1", Role.INCIDENT_COMMANDER, "Bob", "b");

        assertThat(Roster.fold(s.events()).commander().map(RoleHolder::person))
                .contains(IncidentState.fold(s.events()).commander())
                .contains("Bob");
    }

    @Test
    void foldGivesTheSameRosterWhateverOrderTheEventsComeIn() {
        s.declared(at(0), "Alice")
                .joined(at(1), "b", "Bob")
                .breakStarted(at(5), "b")
                .breakEnded(at(9), "b")
                .offered(at(10), "o1", Role.INCIDENT_COMMANDER, "Alice", null, "Bob", "b")
                .acknowledged(at(12), "o1", Role.INCIDENT_COMMANDER, "Bob", "b");
        List<Event> shuffled = new ArrayList<>(s.events());
        Collections.shuffle(shuffled, new Random(7));

        Roster ordered = Roster.fold(s.events());
        Roster mixed = Roster.fold(shuffled);

        assertThat(mixed.commander()).isEqualTo(ordered.commander());
        assertThat(mixed.responders()).isEqualTo(ordered.responders());
        assertThat(mixed.holders()).isEqualTo(ordered.holders());
    }

    @Test
    void nextIcIsDesignatedAndClearedWhenTheyTakeCommand() {
        s.declared(at(0), "Alice").joined(at(1), "b", "Bob").nextIc(at(2), "b", "Bob");
        assertThat(Roster.fold(s.events()).nextCommander()).contains(new Roster.NextIc("b", "Bob", at(2)));

        s.offered(at(10), "o1", Role.INCIDENT_COMMANDER, "Alice", null, "Bob", "b")
                .acknowledged(at(11), "o1", Role.INCIDENT_COMMANDER, "Bob", "b");

        assertThat(Roster.fold(s.events()).nextCommander()).isEmpty();
    }

    @Test
    void leaderlessGapRunsFromTheCommanderLeavingToTheNewCommanderAcknowledging() {
        s.declared(at(0), "Alice")
                .joined(at(0), "a", "Alice")
                .joined(at(1), "b", "Bob")
                .left(at(20), "a")
                .offered(at(25), "o1", Role.INCIDENT_COMMANDER, "Alice", "a", "Bob", "b")
                .acknowledged(at(27), "o1", Role.INCIDENT_COMMANDER, "Bob", "b");

        assertThat(Roster.fold(s.events()).leaderlessIntervals())
                .containsExactly(
                        new LeaderlessInterval(at(20), Optional.of(at(27)), LeaderlessInterval.Reason.COMMANDER_LEFT));
    }

    @Test
    void commanderOnBreakWithoutHandoffLeavesTheIncidentLeaderless() {
        s.declared(at(0), "Alice").joined(at(0), "a", "Alice").breakStarted(at(30), "a");

        Roster r = Roster.fold(s.events());

        assertThat(r.isLeaderless()).isTrue();
        assertThat(r.currentLeaderlessInterval())
                .contains(
                        new LeaderlessInterval(at(30), Optional.empty(), LeaderlessInterval.Reason.COMMANDER_ON_BREAK));
    }

    @Test
    void commanderOnBreakAfterAHandoffLeavesNoGap() {
        s.declared(at(0), "Alice")
                .joined(at(0), "a", "Alice")
                .joined(at(1), "b", "Bob")
                .offered(at(28), "o1", Role.INCIDENT_COMMANDER, "Alice", "a", "Bob", "b")
                .acknowledged(at(29), "o1", Role.INCIDENT_COMMANDER, "Bob", "b")
                .breakStarted(at(30), "a");

        Roster r = Roster.fold(s.events());

        assertThat(r.leaderlessIntervals()).isEmpty();
        assertThat(r.isLeaderless()).isFalse();
    }

    @Test
    void commanderBackFromBreakClosesTheGap() {
        s.declared(at(0), "Alice")
                .joined(at(0), "a", "Alice")
                .breakStarted(at(30), "a")
                .breakEnded(at(40), "a");

        assertThat(Roster.fold(s.events()).leaderlessIntervals())
                .containsExactly(new LeaderlessInterval(
                        at(30), Optional.of(at(40)), LeaderlessInterval.Reason.COMMANDER_ON_BREAK));
    }

    @Test
    void everyLeaderlessIntervalIsListedInOrder() {
        s.declared(at(0), "Alice")
                .joined(at(0), "a", "Alice")
                .joined(at(1), "b", "Bob")
                .breakStarted(at(10), "a")
                .breakEnded(at(15), "a")
                .left(at(60), "a")
                .assigned(at(64), Role.INCIDENT_COMMANDER, "b", "Bob")
                .breakStarted(at(90), "b");

        assertThat(Roster.fold(s.events()).leaderlessIntervals())
                .containsExactly(
                        new LeaderlessInterval(
                                at(10), Optional.of(at(15)), LeaderlessInterval.Reason.COMMANDER_ON_BREAK),
                        new LeaderlessInterval(at(60), Optional.of(at(64)), LeaderlessInterval.Reason.COMMANDER_LEFT),
                        new LeaderlessInterval(at(90), Optional.empty(), LeaderlessInterval.Reason.COMMANDER_ON_BREAK));
    }

    @Test
    void handoffRecordedAtTheInstantTheCommanderLeavesLeavesNoGap() {
        s.declared(at(0), "Alice")
                .joined(at(0), "a", "Alice")
                .joined(at(1), "b", "Bob")
                .offered(at(5), "o1", Role.INCIDENT_COMMANDER, "Alice", "a", "Bob", "b")
                .left(at(9), "a")
                .acknowledged(at(9), "o1", Role.INCIDENT_COMMANDER, "Bob", "b");

        assertThat(Roster.fold(s.events()).leaderlessIntervals()).isEmpty();
    }

    @Test
    void resolutionEndsALeaderlessGap() {
        s.declared(at(0), "Alice").joined(at(0), "a", "Alice").left(at(30), "a").add(EventType.RESOLVED, at(45));

        assertThat(Roster.fold(s.events()).leaderlessIntervals())
                .containsExactly(
                        new LeaderlessInterval(at(30), Optional.of(at(45)), LeaderlessInterval.Reason.COMMANDER_LEFT));
    }

    @Test
    void commanderWhoNeverJoinedAsResponderIsPresumedPresent() {
        s.declared(at(0), "Alice").joined(at(1), "b", "Bob").left(at(5), "b");

        assertThat(Roster.fold(s.events()).isLeaderless()).isFalse();
    }

    @Test
    void declaredCommanderIsMatchedToTheResponderOfTheSameName() {
        s.declared(at(0), "alice").joined(at(1), "a", "Alice");

        Roster r = Roster.fold(s.events());

        assertThat(r.commander().flatMap(RoleHolder::responderId)).contains("a");
        assertThat(r.rolesOf("a")).extracting(RoleHolder::role).contains(Role.INCIDENT_COMMANDER, Role.SCRIBE);
    }

    @Test
    void entryBackDatedBeforeTheDeclarationIsNoLeaderlessGap() {
        s.joined(at(1), "b", "Bob"); // e.g. a note back-dated to before the incident was declared
        s.declared(at(5), "Alice");

        assertThat(Roster.fold(s.events()).leaderlessIntervals()).isEmpty();
    }

    @Test
    void acknowledgementOfADeclinedOfferHandsNothingOver() {
        s.declared(at(0), "Alice");
        s.joined(at(1), "b", "Bob");
        s.add(
                EventType.HANDOFF_OFFERED,
                at(2),
                "offerId",
                "o1",
                "role",
                "INCIDENT_COMMANDER",
                "from",
                "Alice",
                "to",
                "Bob",
                "toId",
                "b",
                "readBackCode",
                "K7-DELTA");
        s.add(EventType.HANDOFF_DECLINED, at(3), "offerId", "o1");
        s.add(
                EventType.HANDOFF_ACKNOWLEDGED,
                at(4),
                "offerId",
                "o1",
                "role",
                "INCIDENT_COMMANDER",
                "to",
                "Bob",
                "toId",
                "b",
                "method",
                "IN_PERSON");
        List<Event> events = s.events();

        assertThat(Roster.fold(events).commander()).map(RoleHolder::person).contains("Alice");
        assertThat(dev.conn.incident.IncidentState.fold(events).commander()).isEqualTo("Alice");
    }

    @Test
    void foldRefusesEventsOfTwoIncidents() {
        s.declared(at(0), "Alice");
        List<Event> mixed = new ArrayList<>(s.events());
        mixed.add(Script.noteElsewhere(at(1)));

        assertThrows(IllegalArgumentException.class, () -> Roster.fold(mixed));
    }
}
