package dev.conn.command;

import static dev.conn.command.Script.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.fatigue.DutyLog;
import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The incremental people fold gives exactly what the whole-log folds give, whatever order the
 * events arrive in, and folds events that arrive in timeline order without starting again.
 */
class PeopleFoldTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    /** A busy incident: joins, a delegated role, hand-offs answered every way, breaks, tasks, a gap. */
    private static Script busyIncident() {
        Script s = new Script()
                .declared(at(0), "Alice")
                .joined(at(1), "a", "Alice")
                .joined(at(1), "b", "Bob")
                .joined(at(2), "c", "Carol")
                .assigned(at(3), Role.SCRIBE, "c", "Carol")
                .offered(at(10), "o1", Role.INCIDENT_COMMANDER, "Alice", "a", "Bob", "b")
                .acknowledged(at(12), "o1", Role.INCIDENT_COMMANDER, "Bob", "b")
                .breakStarted(at(20), "a")
                .nextIc(at(21), "c", "Carol")
                .task(at(22), "t1", "c", "Carol", "check the DB", at(25))
                .add(EventType.TASK_ACKNOWLEDGED, at(23), "taskId", "t1")
                .offered(at(24), "o2", Role.SCRIBE, "Carol", "c", "Alice", "a")
                .add(EventType.HANDOFF_DECLINED, at(25), "offerId", "o2", "reason", "on a break")
                .breakEnded(at(30), "a")
                .left(at(40), "b")
                .assigned(at(43), Role.INCIDENT_COMMANDER, "c", "Carol")
                .offered(at(50), "o3", Role.SCRIBE, "Carol", "c", "Alice", "a")
                .add(EventType.HANDOFF_EXPIRED, at(55), "offerId", "o3")
                .acknowledged(at(56), "o3", Role.SCRIBE, "Alice", "a")
                .add(EventType.TASK_DONE, at(60), "taskId", "t1", "text", "healthy")
                .add(
                        EventType.FATIGUE_ALERTED,
                        at(91),
                        "responderId",
                        "c",
                        "person",
                        "Carol",
                        "level",
                        "BREAK_SUGGESTED")
                .decision(at(92), "Roll back");
        return s;
    }

    /** What the folds show, compared whole: roster, hand-offs, tasks and the duty log. */
    private record Seen(
            List<Responder> responders,
            List<RoleHolder> holders,
            Optional<Roster.NextIc> next,
            List<LeaderlessInterval> gaps,
            List<Handoff> handoffs,
            List<CheckBackTask> tasks,
            String duty) {}

    private static Seen wholeFold(List<Event> events) {
        Roster r = Roster.fold(events);
        return new Seen(
                r.responders(),
                r.holders(),
                r.nextCommander(),
                r.leaderlessIntervals(),
                Handoffs.fold(events, TIMEOUT).all(),
                CheckBackTask.fold(events),
                DutyLog.fold(events).toString());
    }

    private static Seen seen(PeopleFold f) {
        Roster r = f.roster();
        return new Seen(
                r.responders(),
                r.holders(),
                r.nextCommander(),
                r.leaderlessIntervals(),
                f.handoffs().all(),
                f.tasks(),
                f.dutyLog().toString());
    }

    @Test
    void eventsArrivingInTimelineOrderAreFoldedOneByOneWithoutStartingAgain() {
        List<Event> log = busyIncident().events();
        PeopleFold fold = new PeopleFold(TIMEOUT);
        fold.roster(); // the empty fold is built once

        for (int i = 0; i < log.size(); i++) {
            fold.add(log.get(i));
            assertThat(seen(fold)).as("after %s", log.get(i).type()).isEqualTo(wholeFold(log.subList(0, i + 1)));
        }

        assertThat(fold.refolds()).isEqualTo(1);
        assertThat(fold.roster().commander().map(RoleHolder::person)).contains("Carol");
        assertThat(fold.roster().leaderlessIntervals()).hasSize(1);
        assertThat(fold.handoffs().find("o3").orElseThrow().recordedState()).isEqualTo(HandoffState.EXPIRED);
    }

    @Test
    void eventsArrivingInAnyOrderFoldToWhatTheWholeLogGives() {
        List<Event> log = busyIncident().events();
        for (long seed = 1; seed <= 20; seed++) {
            List<Event> shuffled = new ArrayList<>(log);
            Collections.shuffle(shuffled, new Random(seed));
            PeopleFold fold = new PeopleFold(TIMEOUT);
            List<Event> so = new ArrayList<>();
            for (Event e : shuffled) {
                fold.add(e);
                so.add(e);
                assertThat(seen(fold)).as("seed %d", seed).isEqualTo(wholeFold(so));
            }
        }
    }

    @Test
    void aRetractionArrivingLaterUndoesWhatItWithdrew() {
        Script s = busyIncident();
        List<Event> log = new ArrayList<>(s.events());
        Event ack = log.get(6); // Bob's acknowledgement of command
        PeopleFold fold = new PeopleFold(TIMEOUT);
        fold.addAll(log);
        assertThat(fold.roster().commander().map(RoleHolder::person)).contains("Carol");

        Event retraction = s.retraction(ack, at(100));
        fold.add(retraction);
        log.add(retraction);

        assertThat(seen(fold)).isEqualTo(wholeFold(log));
        assertThat(fold.handoffs().find("o1").orElseThrow().recordedState()).isEqualTo(HandoffState.OFFERED);
    }

    @Test
    void anOutcomeDatedBeforeItsOfferStillClosesItWhenTheOfferArrivesLater() {
        Script s = new Script()
                .declared(at(0), "Alice")
                .joined(at(1), "b", "Bob")
                .acknowledged(at(9), "o1", Role.INCIDENT_COMMANDER, "Bob", "b") // a console whose clock runs behind
                .offered(at(10), "o1", Role.INCIDENT_COMMANDER, "Alice", null, "Bob", "b");
        PeopleFold fold = new PeopleFold(TIMEOUT);
        s.events().forEach(e -> {
            fold.add(e);
            fold.roster();
        });

        assertThat(seen(fold)).isEqualTo(wholeFold(s.events()));
        assertThat(fold.roster().commander().map(RoleHolder::person)).contains("Bob");
    }

    @Test
    void eventsOfOtherTypesAndRepeatsAreNotKept() {
        Script s = busyIncident();
        PeopleFold fold = new PeopleFold(TIMEOUT);

        assertThat(fold.add(s.events().get(0))).isTrue();
        assertThat(fold.add(s.events().get(0))).isFalse();
        assertThat(fold.add(Script.noteElsewhere(at(1)))).isFalse();
        assertThat(fold.events()).hasSize(1);
        // the declaration alone: the declaring commander on duty, nobody else
        assertThat(fold.dutyLog().responders()).extracting(r -> r.name()).containsExactly("Alice");
    }
}
