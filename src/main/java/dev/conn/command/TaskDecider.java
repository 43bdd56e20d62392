package dev.conn.command;

import dev.conn.incident.CommandEvent;
import dev.conn.incident.Decision;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Decides {@link TaskCommand}s: a time-boxed task for a responder on duty, its acknowledgement by
 * the assignee, and its end (done or cancelled) while it is open.
 */
public final class TaskDecider extends PeopleDecider<TaskCommand> {

    /**
     * @param ackTimeout the policy ACK timeout (for the expiries every decision records)
     * @throws IllegalArgumentException if the timeout is not positive
     */
    public TaskDecider(Duration ackTimeout) {
        this(ackTimeout, uuids());
    }

    /**
     * @param ackTimeout the policy ACK timeout
     * @param newId mints task ids
     * @throws IllegalArgumentException if the timeout is not positive
     */
    public TaskDecider(Duration ackTimeout, Supplier<String> newId) {
        super(ackTimeout, newId);
    }

    @Override
    List<Decision.Draft> decide(TaskCommand command, PeopleFold state, Instant now) {
        if (command instanceof TaskCommand.Assign a) {
            String text = a.text().strip();
            if (text.isEmpty()) {
                throw refuse("Say what the task is");
            }
            Duration in = a.checkBackIn();
            if (in == null || in.isNegative() || in.isZero()) {
                throw refuse("Give a check-back time in the future");
            }
            Responder r = requireOnDuty(state.roster(), a.responderId(), "take a task");
            return one(new CommandEvent.TaskAssigned(newId(), r.id(), r.name(), text, now.plus(in)));
        }
        if (command instanceof TaskCommand.Acknowledge a) {
            CheckBackTask t = require(state, a.taskId());
            if (t.state() != TaskState.ASSIGNED) {
                throw already(t);
            }
            return one(new CommandEvent.TaskAcknowledged(a.taskId()));
        }
        if (command instanceof TaskCommand.Complete c) {
            requireOpen(state, c.taskId());
            return one(new CommandEvent.TaskDone(c.taskId(), clean(c.result())));
        }
        TaskCommand.Cancel c = (TaskCommand.Cancel) command;
        requireOpen(state, c.taskId());
        return one(new CommandEvent.TaskCancelled(c.taskId(), clean(c.reason())));
    }

    private static void requireOpen(PeopleFold state, String taskId) {
        CheckBackTask t = require(state, taskId);
        if (!t.isOpen()) {
            throw already(t);
        }
    }

    private static Refusal already(CheckBackTask t) {
        return refuse("The task \"" + t.text() + "\" is " + t.state().name().toLowerCase(Locale.ROOT) + " already");
    }

    private static CheckBackTask require(PeopleFold state, String taskId) {
        return state.tasks().stream()
                .filter(t -> t.taskId().equals(taskId))
                .findFirst()
                .orElseThrow(() -> refuse("No task " + taskId + " in this incident"));
    }
}
