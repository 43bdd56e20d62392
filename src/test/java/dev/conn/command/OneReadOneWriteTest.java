package dev.conn.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.fatigue.AlertFatigue;
import dev.conn.fatigue.FatigueCrossing;
import dev.conn.fatigue.FatigueMonitor;
import dev.conn.incident.AckMethod;
import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.Role;
import dev.conn.settings.PolicyFile;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12, "one read, one write": every people command reads the incident's log once and appends
 * once, counted at the store; the answer to the caller is folded from what the decision read,
 * never read again.
 */
class OneReadOneWriteTest {

    /** A command made ready on the incident (what it needs recorded first), and what it appends. */
    private record Case(Function<People, PeopleCommand> prepare, EventType appends) {}

    private static Arguments of(String name, Function<People, PeopleCommand> prepare, EventType appends) {
        return Arguments.of(name, new Case(prepare, appends));
    }

    private static String offer(People p) {
        return p.offerCommandToBob().handoff().offerId();
    }

    private static String task(People p) {
        return p.run(new TaskCommand.Assign(p.bob, "Check the DB", Duration.ofMinutes(3)), "Alice")
                .task()
                .orElseThrow()
                .taskId();
    }

    static Stream<Arguments> commands() {
        return Stream.of(
                of(
                        "add responder",
                        p -> new RosterCommand.AddResponder("Dan", Optional.empty(), Optional.empty()),
                        EventType.RESPONDER_JOINED),
                of(
                        "join again",
                        p -> {
                            p.run(new RosterCommand.Leave(p.bob), "Alice");
                            return new RosterCommand.Join(p.bob);
                        },
                        EventType.RESPONDER_JOINED),
                of("leave", p -> new RosterCommand.Leave(p.bob), EventType.RESPONDER_LEFT),
                of("start break", p -> new RosterCommand.StartBreak(p.bob), EventType.BREAK_STARTED),
                of(
                        "end break",
                        p -> {
                            p.run(new RosterCommand.StartBreak(p.bob), "Bob");
                            return new RosterCommand.EndBreak(p.bob);
                        },
                        EventType.BREAK_ENDED),
                of("assign role", p -> new RosterCommand.AssignRole(Role.SCRIBE, p.carol), EventType.ROLE_ASSIGNED),
                of("designate next IC", p -> new RosterCommand.DesignateNextIc(p.bob), EventType.NEXT_IC_DESIGNATED),
                of(
                        "offer hand-off",
                        p -> HandoffCommand.Offer.of(Role.INCIDENT_COMMANDER, p.bob),
                        EventType.HANDOFF_OFFERED),
                of(
                        "acknowledge hand-off",
                        p -> new HandoffCommand.Acknowledge(offer(p), AckMethod.IN_PERSON, Optional.empty()),
                        EventType.HANDOFF_ACKNOWLEDGED),
                of(
                        "decline hand-off",
                        p -> new HandoffCommand.Decline(offer(p), Optional.empty()),
                        EventType.HANDOFF_DECLINED),
                of(
                        "withdraw hand-off",
                        p -> new HandoffCommand.Withdraw(offer(p), Optional.empty()),
                        EventType.HANDOFF_WITHDRAWN),
                of(
                        "expire due hand-offs",
                        p -> {
                            offer(p);
                            p.minutes(6);
                            return new HandoffCommand.ExpireDue();
                        },
                        EventType.HANDOFF_EXPIRED),
                of(
                        "assign task",
                        p -> new TaskCommand.Assign(p.bob, "Check the DB", Duration.ofMinutes(3)),
                        EventType.TASK_ASSIGNED),
                of("acknowledge task", p -> new TaskCommand.Acknowledge(task(p)), EventType.TASK_ACKNOWLEDGED),
                of("complete task", p -> new TaskCommand.Complete(task(p), Optional.empty()), EventType.TASK_DONE),
                of("cancel task", p -> new TaskCommand.Cancel(task(p), Optional.empty()), EventType.TASK_CANCELLED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void aPeopleCommandReadsTheLogOnceAndWritesOnce(String name, Case c) {
        People p = new People();
        PeopleCommand command = c.prepare().apply(p);
        p.store.resetCounts();

        PeopleService.Result r = p.run(command, "Alice");

        assertThat(r.appended()).extracting(Event::type).containsExactly(c.appends());
        assertThat(p.store.calls("read")).as("reads").isEqualTo(1);
        assertThat(p.store.calls("append")).as("appends").isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void repeatingAPeopleCommandReadsOnceAndWritesAtMostOnce(String name, Case c) {
        People p = new People();
        PeopleCommand command = c.prepare().apply(p);
        p.run(command, "Alice");
        p.store.resetCounts();

        try {
            p.run(command, "Alice"); // the same again: most are refused now; the rest do it again
        } catch (dev.conn.incident.CommandRefusedException expected) {
            assertThat(p.store.calls("append")).isZero();
        }
        assertThat(p.store.calls("read")).isEqualTo(1);
        assertThat(p.store.calls("append")).isLessThanOrEqualTo(1);
    }

    @org.junit.jupiter.api.Test
    void aPreviewReadsOnceAndWritesNothing() {
        People p = new People();
        p.store.resetCounts();

        p.people.preview(p.incident, HandoffCommand.Offer.of(Role.INCIDENT_COMMANDER, p.bob));

        assertThat(p.store.calls("read")).isEqualTo(1);
        assertThat(p.store.calls("append")).isZero();
    }

    @org.junit.jupiter.api.Test
    void fatigueAlertsAreRecordedOnceWithOneReadAndOneWrite() {
        People p = new People();
        p.minutes(91);
        FatigueMonitor monitor = new FatigueMonitor(PolicyFile.defaults().fatigue(), ZoneOffset.UTC);
        List<FatigueCrossing> due = monitor.crossings(p.read().dutyLog(), p.clock);
        assertThat(due).hasSize(3); // Alice, Bob and Carol joined 91 minutes ago
        p.store.resetCounts();

        List<Event> recorded = p.people.alertFatigue(p.incident, new AlertFatigue(due), "Alice");

        assertThat(recorded)
                .extracting(Event::type)
                .containsOnly(EventType.FATIGUE_ALERTED)
                .hasSize(3);
        assertThat(p.store.calls("read")).isEqualTo(1);
        assertThat(p.store.calls("append")).isEqualTo(1);
        // another console showed the same crossings: nothing is recorded twice
        assertThat(p.people.alertFatigue(p.incident, new AlertFatigue(due), "Dana"))
                .isEmpty();
    }
}
