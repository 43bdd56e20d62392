package dev.conn.command;

import static dev.conn.command.Script.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.incident.EventType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckBackTaskTest {
    private final Script s = new Script()
            .declared(at(0), "Alice")
            .joined(at(1), "b", "Bob")
            .task(at(10), "t1", "b", "Bob", "Check the DB failover", at(13));

    private CheckBackTask only() {
        List<CheckBackTask> tasks = CheckBackTask.fold(s.events());
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    @Test
    void assignedTaskCountsDownToItsCheckBackTime() {
        CheckBackTask t = only();

        assertThat(t.state()).isEqualTo(TaskState.ASSIGNED);
        assertThat(t.person()).isEqualTo("Bob");
        assertThat(t.checkBackAt()).isEqualTo(at(13));
        assertThat(t.remaining(at(11))).isEqualTo(Duration.ofMinutes(2));
        assertThat(t.isOverdue(at(11))).isFalse();
    }

    @Test
    void taskIsOverdueFromItsCheckBackTime() {
        CheckBackTask t = only();

        assertThat(t.isOverdue(at(13))).isTrue();
        assertThat(t.remaining(at(14))).isZero();
        assertThat(t.overdueBy(at(15))).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void acknowledgedTaskRecordsWhenAndStaysOpen() {
        s.add(EventType.TASK_ACKNOWLEDGED, at(11), "taskId", "t1");

        CheckBackTask t = only();

        assertThat(t.state()).isEqualTo(TaskState.ACKNOWLEDGED);
        assertThat(t.acknowledgedAt()).contains(at(11));
        assertThat(t.isOverdue(at(14))).isTrue();
    }

    @Test
    void doneTaskIsNeverOverdue() {
        s.add(EventType.TASK_ACKNOWLEDGED, at(11), "taskId", "t1")
                .add(EventType.TASK_DONE, at(12), "taskId", "t1", "text", "Failover healthy");

        CheckBackTask t = only();

        assertThat(t.state()).isEqualTo(TaskState.DONE);
        assertThat(t.outcome()).contains("Failover healthy");
        assertThat(t.isOverdue(at(20))).isFalse();
        assertThat(t.remaining(at(11))).isZero();
        assertThat(CheckBackTask.open(List.of(t))).isEmpty();
    }

    @Test
    void cancelledTaskIsClosedAndLaterEventsDoNotReopenIt() {
        s.add(EventType.TASK_CANCELLED, at(12), "taskId", "t1", "reason", "not needed")
                .add(EventType.TASK_ACKNOWLEDGED, at(13), "taskId", "t1")
                .add(EventType.TASK_DONE, at(14), "taskId", "t1");

        CheckBackTask t = only();

        assertThat(t.state()).isEqualTo(TaskState.CANCELLED);
        assertThat(t.closedAt()).contains(at(12));
        assertThat(t.outcome()).contains("not needed");
        assertThat(t.isOverdue(at(20))).isFalse();
    }

    @Test
    void openTasksAreListedSoonestCheckBackFirst() {
        s.task(at(11), "t2", "b", "Bob", "Drain eu-west", at(12));

        assertThat(CheckBackTask.open(CheckBackTask.fold(s.events())))
                .extracting(CheckBackTask::taskId)
                .containsExactly("t2", "t1");
    }
}
