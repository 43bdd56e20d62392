package dev.conn.command;

import dev.conn.incident.Event;
import dev.conn.incident.IncidentState;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The extension point through which the hand-off brief learns the coming communication deadlines
 * (next stakeholder update, next status page update), which the update-cadence policy of the
 * {@code comms} feature will compute. Until a source is plugged in, {@link #NONE} applies and the
 * brief has no deadlines section. An implementation lives with the feature that knows the
 * deadlines and is handed to {@link HandoffDecider} by the composition root, so {@code command}
 * never depends on it.
 */
@FunctionalInterface
public interface CommunicationDeadlines {

    /** No source of deadlines: the brief leaves the section out. */
    CommunicationDeadlines NONE = (incident, events, now) -> List.of();

    /**
     * @param incident the incident's header state
     * @param events every event of the incident, in storage order
     * @param now the current instant (UTC), from the caller's clock
     * @return the deadlines to brief the incoming holder on, soonest first; may include overdue
     *     ones; never null
     */
    List<Deadline> upcoming(IncidentState incident, List<Event> events, Instant now);

    /**
     * One communication that is due.
     *
     * @param what what is due, e.g. "Status page update" or "Stakeholder update"
     * @param dueAt when (UTC)
     */
    record Deadline(String what, Instant dueAt) {
        /** @throws NullPointerException if any field is null */
        public Deadline {
            Objects.requireNonNull(what, "what");
            Objects.requireNonNull(dueAt, "dueAt");
        }
    }
}
