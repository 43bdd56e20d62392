package dev.conn.command;

import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentState;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

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
     * @param events the incident's people events and those of {@link #reads()}, in storage order
     * @param now the current instant (UTC), from the caller's clock
     * @return the deadlines to brief the incoming holder on, soonest first; may include overdue
     *     ones; never null
     */
    List<Deadline> upcoming(IncidentState incident, List<Event> events, Instant now);

    /**
     * @return the event types {@link #upcoming} needs besides the people events (the checklist and
     *     the messages, for the comms feature's source): the hand-off decider reads them too and
     *     passes them in {@code events}, so the brief is computed over the same events as the
     *     source's own screen; none by default
     */
    default Set<EventType> reads() {
        return Set.of();
    }

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
