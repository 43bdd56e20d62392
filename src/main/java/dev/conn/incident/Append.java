package dev.conn.incident;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One atomic write to the {@link EventStore}: events that are all stored, in order, in one
 * transaction and one sync, or none.
 *
 * @param events the events, in order
 * @param guard the staleness check, for events decided on a read of the log
 * @param origin where they come from
 * @param step extra SQL run in the same transaction after the events are inserted (if any was
 *     newly stored): the outbox's compare-and-set on a row's state with the lease's fencing token,
 *     which must commit with the delivery event or not at all; a step that throws rolls all back
 */
public record Append(List<Event> events, Optional<Guard> guard, Origin origin, Optional<JdbcTransactionStep> step) {
    /** Copies the list. */
    public Append {
        events = List.copyOf(events);
        guard = guard == null ? Optional.empty() : guard;
        java.util.Objects.requireNonNull(origin, "origin");
        step = step == null ? Optional.empty() : step;
    }

    /**
     * @param events the events, in order
     * @param guard the staleness check
     * @param origin where they come from
     */
    public Append(List<Event> events, Optional<Guard> guard, Origin origin) {
        this(events, guard, origin, Optional.empty());
    }

    /**
     * What a decision read: the append is refused with {@link ConcurrentChangeException} if an
     * event of a watched type of the same incident, not in {@code ignored}, was stored after
     * {@code position}. Checked inside the append's transaction, under the append lock, so it holds
     * across processes.
     *
     * @param position the log position the read saw ({@link EventStore.Slice#position()})
     * @param watched the types whose arrival makes the read stale
     * @param ignored ids the caller itself stored since the read
     */
    public record Guard(long position, Set<EventType> watched, Set<UUID> ignored) {
        /** Copies the sets. */
        public Guard {
            watched = Set.copyOf(watched);
            ignored = Set.copyOf(ignored);
        }
    }
}
