package dev.conn.command;

import dev.conn.incident.CommandEvent;
import dev.conn.incident.Event;
import dev.conn.incident.EventBody;
import dev.conn.incident.IncidentId;
import dev.conn.incident.Retractions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A time-boxed task with a check-back time ("Bob: check the DB failover, back to me in 3 min"),
 * the IC's closed-loop tasking of the Google SRE book ch. 14 and ICS: the assignee acknowledges,
 * the IC watches the countdown, and a task past its check-back time is overdue until it is done or
 * cancelled. Folded from {@code TASK_ASSIGNED}, {@code TASK_ACKNOWLEDGED}, {@code TASK_DONE} and
 * {@code TASK_CANCELLED}.
 *
 * @param taskId the {@code taskId} shared by the task's events
 * @param responderId the assignee's responder id
 * @param person the assignee's display name
 * @param text what to do
 * @param assignedAt when assigned (UTC)
 * @param checkBackAt when the assignee must report back (UTC)
 * @param state the state
 * @param acknowledgedAt when the assignee confirmed (UTC), if they did
 * @param closedAt when done or cancelled (UTC), if it is
 * @param outcome the result given when done, or the reason given when cancelled, if any
 */
public record CheckBackTask(
        String taskId,
        String responderId,
        String person,
        String text,
        Instant assignedAt,
        Instant checkBackAt,
        TaskState state,
        Optional<Instant> acknowledgedAt,
        Optional<Instant> closedAt,
        Optional<String> outcome) {

    /** @throws NullPointerException if any field is null */
    public CheckBackTask {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(responderId, "responderId");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(assignedAt, "assignedAt");
        Objects.requireNonNull(checkBackAt, "checkBackAt");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(acknowledgedAt, "acknowledgedAt");
        Objects.requireNonNull(closedAt, "closedAt");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** @return true while assigned or acknowledged */
    public boolean isOpen() {
        return state.isOpen();
    }

    /**
     * @param now the current instant (UTC), from the caller's clock
     * @return true if the check-back time has passed (inclusive) and the task is neither done nor
     *     cancelled
     */
    public boolean isOverdue(Instant now) {
        return isOpen() && !now.isBefore(checkBackAt);
    }

    /**
     * @param now the current instant (UTC)
     * @return time left until the check-back, for the countdown; zero once due or closed
     */
    public Duration remaining(Instant now) {
        if (!isOpen() || !now.isBefore(checkBackAt)) {
            return Duration.ZERO;
        }
        return Duration.between(now, checkBackAt);
    }

    /**
     * @param now the current instant (UTC)
     * @return how long past the check-back time an open task is; zero if not overdue
     */
    public Duration overdueBy(Instant now) {
        return isOverdue(now) ? Duration.between(checkBackAt, now) : Duration.ZERO;
    }

    /**
     * Folds an incident's tasks, in timeline order ({@link Event#BY_OCCURRENCE}). The log is
     * trusted: the first of done and cancelled counts, an acknowledgement after either is
     * skipped, events of unknown tasks are skipped, and an assignment without a usable
     * {@code checkBackAt} is skipped.
     *
     * @param events the events of one incident, in any order; other types are ignored
     * @return every task, in order of assignment
     * @throws IllegalArgumentException if the events belong to more than one incident
     */
    public static List<CheckBackTask> fold(Collection<Event> events) {
        List<Event> sorted = new ArrayList<>(Retractions.withoutRetracted(List.copyOf(events)));
        sorted.sort(Event.BY_OCCURRENCE);
        Fold f = new Fold();
        sorted.forEach(f::apply);
        return f.tasks();
    }

    /** The incremental fold behind {@link #fold}: apply events in timeline order. Not thread-safe. */
    static final class Fold {
        private final Map<String, CheckBackTask> byId = new LinkedHashMap<>();
        private IncidentId incident;

        /**
         * @param e the next event in timeline order, retracted ones left out
         * @throws IllegalArgumentException if it belongs to another incident than the events before
         */
        void apply(Event e) {
            if (incident == null) {
                incident = e.incidentId();
            } else if (!incident.equals(e.incidentId())) {
                throw new IllegalArgumentException(
                        "events of incidents " + incident + " and " + e.incidentId() + " mixed");
            }
            EventBody b = Bodies.of(e).orElse(null);
            Instant at = e.occurredAt();
            if (b instanceof CommandEvent.TaskAssigned a) {
                if (!a.taskId().isEmpty() && !byId.containsKey(a.taskId())) {
                    byId.put(
                            a.taskId(),
                            new CheckBackTask(
                                    a.taskId(),
                                    a.responderId(),
                                    a.person(),
                                    a.text(),
                                    at,
                                    a.checkBackAt(),
                                    TaskState.ASSIGNED,
                                    Optional.empty(),
                                    Optional.empty(),
                                    Optional.empty()));
                }
            } else if (b instanceof CommandEvent.TaskAcknowledged a) {
                byId.computeIfPresent(a.taskId(), (k, t) -> t.state() == TaskState.ASSIGNED ? t.acknowledged(at) : t);
            } else if (b instanceof CommandEvent.TaskDone d) {
                byId.computeIfPresent(d.taskId(), (k, t) -> t.isOpen() ? t.closed(TaskState.DONE, at, d.text()) : t);
            } else if (b instanceof CommandEvent.TaskCancelled c) {
                byId.computeIfPresent(
                        c.taskId(), (k, t) -> t.isOpen() ? t.closed(TaskState.CANCELLED, at, c.reason()) : t);
            }
        }

        /** @return every task so far, in order of assignment */
        List<CheckBackTask> tasks() {
            return List.copyOf(byId.values());
        }
    }

    /**
     * @param tasks tasks from {@link #fold}
     * @return the open ones, soonest check-back first
     */
    public static List<CheckBackTask> open(Collection<CheckBackTask> tasks) {
        return tasks.stream()
                .filter(CheckBackTask::isOpen)
                .sorted(java.util.Comparator.comparing(CheckBackTask::checkBackAt))
                .toList();
    }

    private CheckBackTask acknowledged(Instant at) {
        return new CheckBackTask(
                taskId,
                responderId,
                person,
                text,
                assignedAt,
                checkBackAt,
                TaskState.ACKNOWLEDGED,
                Optional.of(at),
                closedAt,
                outcome);
    }

    private CheckBackTask closed(TaskState to, Instant at, Optional<String> why) {
        return new CheckBackTask(
                taskId,
                responderId,
                person,
                text,
                assignedAt,
                checkBackAt,
                to,
                acknowledgedAt,
                Optional.of(at),
                why.filter(s -> !s.isBlank()));
    }
}
