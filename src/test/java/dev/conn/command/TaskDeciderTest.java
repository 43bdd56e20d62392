package dev.conn.command;

import static dev.conn.command.People.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.conn.incident.CommandRefusedException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Check-back tasks, decided by {@link TaskDecider} through the one writer. */
class TaskDeciderTest {
    private final People p = new People();

    private CheckBackTask task(TaskCommand command, String author) {
        return p.run(command, author).task().orElseThrow();
    }

    @Test
    void checkBackTaskCountsDownIsAcknowledgedAndDone() {
        CheckBackTask t = task(new TaskCommand.Assign(p.bob, "Check the DB failover", Duration.ofMinutes(3)), "Alice");
        assertThat(t.checkBackAt()).isEqualTo(T0.plus(Duration.ofMinutes(3)));
        p.minutes(1);

        CheckBackTask acked = task(new TaskCommand.Acknowledge(t.taskId()), "Bob");
        assertThat(acked.state()).isEqualTo(TaskState.ACKNOWLEDGED);
        assertThat(acked.remaining(p.clock.instant())).isEqualTo(Duration.ofMinutes(2));
        p.minutes(3);
        assertThat(p.read().tasks().get(0).isOverdue(p.clock.instant())).isTrue();

        CheckBackTask done = task(new TaskCommand.Complete(t.taskId(), Optional.of("Failover healthy")), "Bob");

        assertThat(done.state()).isEqualTo(TaskState.DONE);
        assertThat(done.outcome()).contains("Failover healthy");
        assertThat(done.isOverdue(p.clock.instant())).isFalse();
        assertThatThrownBy(() -> p.run(new TaskCommand.Cancel(t.taskId(), Optional.empty()), "Bob"))
                .isInstanceOf(CommandRefusedException.class)
                .hasMessage("The task \"Check the DB failover\" is done already");
    }

    @Test
    void aTaskIsAcknowledgedOnlyOnce() {
        CheckBackTask t = task(new TaskCommand.Assign(p.bob, "Check the DB", Duration.ofMinutes(3)), "Alice");
        p.run(new TaskCommand.Acknowledge(t.taskId()), "Bob");

        assertThatThrownBy(() -> p.run(new TaskCommand.Acknowledge(t.taskId()), "Bob"))
                .hasMessage("The task \"Check the DB\" is acknowledged already");
    }

    @Test
    void taskForSomeoneOnABreakIsRefused() {
        p.run(new RosterCommand.StartBreak(p.bob), "Bob");

        assertThatThrownBy(() ->
                        p.run(new TaskCommand.Assign(p.bob, "Check the DB failover", Duration.ofMinutes(3)), "Alice"))
                .isInstanceOf(CommandRefusedException.class)
                .hasMessage("Bob is on a break; end the break first");
    }

    @Test
    void aTaskNeedsTextAndACheckBackInTheFuture() {
        assertThatThrownBy(() -> p.run(new TaskCommand.Assign(p.bob, " ", Duration.ofMinutes(3)), "Alice"))
                .hasMessage("Say what the task is");
        assertThatThrownBy(() -> p.run(new TaskCommand.Assign(p.bob, "Check", Duration.ZERO), "Alice"))
                .hasMessage("Give a check-back time in the future");
        assertThrows(
                CommandRefusedException.class,
                () -> p.run(new TaskCommand.Complete("no-such-task", Optional.empty()), "Alice"));
    }
}
