package dev.conn.command.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.Role;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The People panel's roster and tasks, kept folded and sent as typed commands. */
class PeopleListViewModelTest {
    private final Screen screen = new Screen();
    private final PeopleListViewModel people = screen.list();

    private String add(String name) {
        people.addResponder(name, Optional.empty(), Optional.empty(), screen.errors::add);
        return people.roster().responders().stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow()
                .id();
    }

    @Test
    void anAddedResponderAppearsOnTheRosterAtOnce() {
        add("Bob");

        assertThat(people.responders())
                .last()
                .satisfies(
                        r -> { // after Ana Ops, the declaring IC
                            assertThat(r.responder().name()).isEqualTo("Bob");
                            assertThat(r.presence()).isEqualTo("ON DUTY");
                            assertThat(r.continuousDuty()).isEqualTo("0:00");
                        });
        assertThat(screen.incident.events()).extracting(Event::type).contains(EventType.RESPONDER_JOINED);
        assertThat(screen.errors).isEmpty();
    }

    @Test
    void aRefusedCommandIsToldInTheUsersWords() {
        add("Bob");

        people.addResponder("bob", Optional.empty(), Optional.empty(), screen.errors::add);

        assertThat(screen.errors).containsExactly("bob is already in the response (on duty)");
        assertThat(people.responders()).hasSize(2); // Ana Ops (the declaring IC) and Bob
    }

    @Test
    void rolesAndTheNextCommanderShowOnTheRoster() {
        String bob = add("Bob");
        String carol = add("Carol");

        people.assignRole(Role.SCRIBE, carol);
        people.designateNextIc(bob);

        assertThat(people.responders())
                .extracting(PeopleListViewModel.ResponderRow::roles)
                .containsExactly("Incident Commander, Deputy, Communications Lead, Operations Lead", "", "Scribe");
        assertThat(people.responders().get(1).nextIc()).isTrue();
        assertThat(people.nextCommander().map(r -> r.name())).contains("Bob");
    }

    @Test
    void leftRespondersAreListedLast() {
        String bob = add("Bob");
        add("Carol");

        people.leave(bob);

        assertThat(people.responders())
                .extracting(r -> r.responder().name() + " " + r.presence())
                .containsExactly("Ana Ops ON DUTY", "Carol ON DUTY", "Bob LEFT");
    }

    @Test
    void aTaskCountsDownThenShowsOverdue() {
        String bob = add("Bob");
        people.assignTask(bob, "check the DB failover", Duration.ofMinutes(3), screen.errors::add);

        screen.tick(Duration.ofMinutes(1));
        assertThat(people.tasks()).singleElement().satisfies(t -> {
            assertThat(t.countdown()).isEqualTo("2:00");
            assertThat(t.overdue()).isFalse();
        });
        assertThat(people.anyOverdueProperty().get()).isFalse();

        screen.tick(Duration.ofMinutes(3));
        assertThat(people.tasks().get(0).overdue()).isTrue();
        assertThat(people.tasks().get(0).countdown()).isEqualTo("OVERDUE 1:00");
        assertThat(people.anyOverdueProperty().get()).isTrue();

        people.completeTask(people.tasks().get(0).task().taskId());
        assertThat(people.tasks().get(0).countdown()).isEqualTo("DONE");
        assertThat(people.anyOverdueProperty().get()).isFalse();
    }

    @Test
    void aTaskWhoseAssigneeLeftIsFlaggedUnownedNotJustOverdue() {
        String bob = add("Bob");
        people.assignTask(bob, "check the DB failover", Duration.ofMinutes(3), screen.errors::add);

        people.leave(bob);
        screen.tick(Duration.ofSeconds(1));

        assertThat(people.tasks()).singleElement().satisfies(t -> {
            assertThat(t.countdown()).isEqualTo("UNOWNED: Bob left; reassign or cancel");
            assertThat(t.overdue()).isTrue(); // the IC is alerted straight away, not at check-back time
        });
        people.cancelTask(people.tasks().get(0).task().taskId());
        assertThat(people.tasks().get(0).countdown()).isEqualTo("CANCELLED");
        assertThat(screen.errors).isEmpty();
    }

    @Test
    void theTickRecomputesCountdownsWithoutReadingTheLog() {
        String bob = add("Bob");
        people.assignTask(bob, "check the DB failover", Duration.ofMinutes(3), screen.errors::add);
        screen.store.resetCounts();

        for (int i = 0; i < 120; i++) {
            screen.tick(Duration.ofSeconds(1));
        }

        assertThat(people.tasks().get(0).countdown()).isEqualTo("1:00");
        assertThat(screen.store.calls("read")).isZero();
    }

    @Test
    void formatsCountdownsAndDuty() {
        assertThat(Countdowns.minutesSeconds(Duration.ofSeconds(299))).isEqualTo("4:59");
        assertThat(Countdowns.minutesSeconds(Duration.ofSeconds(-3))).isEqualTo("0:00");
        assertThat(Countdowns.hoursMinutes(Duration.ofMinutes(92))).isEqualTo("1:32");
    }
}
