package dev.conn.command;

import static dev.conn.command.Script.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.incident.AckMethod;
import dev.conn.incident.CommandEvent;
import dev.conn.incident.CommandFold;
import dev.conn.incident.Event;
import dev.conn.incident.IncidentState;
import dev.conn.incident.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Decisions that need one winner go to the first in the log's order (a war room's server order),
 * never to the earlier clock: two acknowledgements of one offer, two offers of one role. The loser
 * stays in the log, superseded, with its reason; whole-log and incremental folds agree.
 */
class OneWinnerTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private static Event ack(Script s, int minute, String offerId, String to, String toId) {
        return s.event(
                at(minute),
                new CommandEvent.HandoffAcknowledged(
                        offerId, Role.INCIDENT_COMMANDER, to, Optional.of(toId), AckMethod.READ_BACK));
    }

    private static Script incident() {
        return new Script()
                .declared(at(0), "Alice")
                .joined(at(1), "a", "Alice")
                .joined(at(1), "b", "Bob")
                .joined(at(1), "c", "Carol");
    }

    @Test
    void ofTwoAcknowledgementsOfOneOfferTheFirstInTheLogsOrderWinsWhateverTheClocksSay() {
        Script s = incident().offered(at(2), "o1", Role.INCIDENT_COMMANDER, "Alice", "a", "Bob", "b");
        // Carol's console ran fast: her acknowledgement claims 14:04, Bob's 14:03, but Carol's
        // reached the war room first
        Event carol = ack(s, 4, "o1", "Carol", "c");
        Event bob = ack(s, 3, "o1", "Bob", "b");
        List<Event> log = new ArrayList<>(s.events());
        log.add(carol);
        log.add(bob);

        assertThat(IncidentState.fold(log).commander()).isEqualTo("Carol");
        assertThat(Roster.fold(log).commander().map(RoleHolder::person)).contains("Carol");
        CommandFold fold = CommandFold.of(
                log.stream().filter(e -> CommandFold.TYPES.contains(e.type())).toList());
        assertThat(fold.supersession(bob.id())).hasValueSatisfying(l -> {
            assertThat(l.winner()).isEqualTo(carol);
            assertThat(l.summary()).contains("Carol acknowledged it first");
        });
        assertThat(fold.supersession(carol.id())).isEmpty();

        PeopleFold one = new PeopleFold(TIMEOUT);
        log.forEach(one::add);
        assertThat(one.roster().commander().map(RoleHolder::person)).contains("Carol");
        assertThat(one.handoffs().require("o1").recordedState()).isEqualTo(HandoffState.ACKNOWLEDGED);
    }

    @Test
    void ofTwoOffersOfOneRolePendingAtOnceTheFirstStandsAndTheSecondIsSuperseded() {
        Script s = incident();
        s.offered(at(3), "o-alice", Role.INCIDENT_COMMANDER, "Alice", "a", "Bob", "b");
        Event first = s.last();
        s.offered(at(2), "o-carol", Role.INCIDENT_COMMANDER, "Alice", "a", "Carol", "c");
        Event second = s.last();
        Event carolAcks = ack(s, 4, "o-carol", "Carol", "c");
        List<Event> log = new ArrayList<>(s.events());
        log.add(carolAcks);

        Handoffs h = Handoffs.fold(log, TIMEOUT);
        assertThat(h.require("o-alice").isPendingAt(at(4))).isTrue();
        assertThat(h.require("o-carol").recordedState()).isEqualTo(HandoffState.SUPERSEDED);
        assertThat(h.require("o-carol").reason())
                .hasValueSatisfying(r -> assertThat(r).contains("already pending"));
        assertThat(h.pendingFor(Role.INCIDENT_COMMANDER, at(4)))
                .extracting(Handoff::offerId)
                .containsExactly("o-alice");
        assertThat(IncidentState.fold(log).commander())
                .as("an acknowledgement of the superseded offer hands nothing over")
                .isEqualTo("Alice");
        CommandFold fold = CommandFold.of(
                log.stream().filter(e -> CommandFold.TYPES.contains(e.type())).toList());
        assertThat(fold.supersession(second.id()))
                .hasValueSatisfying(l -> assertThat(l.winner()).isEqualTo(first));
        assertThat(fold.supersession(carolAcks.id())).isPresent();
    }

    @Test
    void theIncrementalFoldAgreesWithTheWholeLogInEveryArrivalOrder() {
        Script s = incident().offered(at(2), "o1", Role.INCIDENT_COMMANDER, "Alice", "a", "Bob", "b");
        Event bob = ack(s, 3, "o1", "Bob", "b");
        Event carol = ack(s, 4, "o1", "Carol", "c");
        for (List<Event> tail : List.of(List.of(bob, carol), List.of(carol, bob))) {
            List<Event> log = new ArrayList<>(s.events());
            log.addAll(tail);
            PeopleFold incremental = new PeopleFold(TIMEOUT);
            for (Event e : log) {
                incremental.add(e);
                incremental.roster();
            }
            String winner = tail.get(0) == bob ? "Bob" : "Carol";
            assertThat(incremental.roster().commander().map(RoleHolder::person)).contains(winner);
            assertThat(Roster.fold(log).commander().map(RoleHolder::person)).contains(winner);
            assertThat(IncidentState.fold(log).commander()).isEqualTo(winner);
        }
    }
}
