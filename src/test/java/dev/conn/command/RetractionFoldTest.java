package dev.conn.command;

import static dev.conn.command.Script.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.fatigue.DutyLog;
import dev.conn.incident.Event;
import dev.conn.incident.IncidentState;
import dev.conn.incident.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A retracted event no longer counts in any state fold (header, roster, hand-offs, tasks, duty),
 * so every panel agrees on who holds command after a mistaken entry is withdrawn.
 */
class RetractionFoldTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private final Script s = new Script();

    private List<Event> plusRetractionOf(Event target) {
        List<Event> all = new ArrayList<>(s.events());
        all.add(s.retraction(target, at(30)));
        return all;
    }

    @Test
    void retractedAcknowledgementLeavesCommandWithTheOfferer() {
        s.declared(at(0), "Alice")
                .joined(at(1), "b", "Bob")
                .offered(at(2), "o1", Role.INCIDENT_COMMANDER, "Alice", "", "Bob", "b")
                .acknowledged(at(3), "o1", Role.INCIDENT_COMMANDER, "Bob", "b");
        assertThat(Roster.fold(s.events()).commander().orElseThrow().person()).isEqualTo("Bob");

        List<Event> withRetraction = plusRetractionOf(s.last());

        assertThat(Roster.fold(withRetraction).commander().orElseThrow().person())
                .isEqualTo("Alice");
        assertThat(IncidentState.fold(withRetraction).commander()).isEqualTo("Alice");
        Handoff offer = Handoffs.fold(withRetraction, TIMEOUT).all().get(0);
        assertThat(offer.recordedState()).isEqualTo(HandoffState.OFFERED);
        assertThat(offer.stateAt(at(30))).isEqualTo(HandoffState.EXPIRED);
    }

    @Test
    void retractedRoleAssignmentReturnsTheRoleToTheCommander() {
        s.declared(at(0), "Alice").joined(at(1), "c", "Carol").assigned(at(2), Role.SCRIBE, "c", "Carol");

        Roster r = Roster.fold(plusRetractionOf(s.last()));

        assertThat(r.holder(Role.SCRIBE).orElseThrow().person()).isEqualTo("Alice");
    }

    @Test
    void retractedTaskIsNoLongerOpenOrOverdue() {
        s.declared(at(0), "Alice").joined(at(1), "b", "Bob").task(at(2), "t1", "b", "Bob", "check the DB", at(5));
        assertThat(CheckBackTask.open(CheckBackTask.fold(s.events()))).hasSize(1);

        assertThat(CheckBackTask.fold(plusRetractionOf(s.last()))).isEmpty();
    }

    @Test
    void retractedBreakDoesNotLeaveTheIncidentLeaderless() {
        s.declared(at(0), "Alice").joined(at(1), "a", "Alice").breakStarted(at(2), "a");
        assertThat(Roster.fold(s.events()).isLeaderless()).isTrue();

        List<Event> withRetraction = plusRetractionOf(s.last());

        assertThat(Roster.fold(withRetraction).isLeaderless()).isFalse();
        assertThat(DutyLog.fold(withRetraction).responders().get(0).statusAt(at(10)))
                .isEqualTo(dev.conn.fatigue.DutyStatus.ON_DUTY);
    }

    @Test
    void theDeclarationCannotBeRetracted() {
        s.declared(at(0), "Alice");

        IncidentState st = IncidentState.fold(plusRetractionOf(s.last()));

        assertThat(st.commander()).isEqualTo("Alice");
    }
}
