package dev.conn.incident;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The append-only event log. Implementations are durable: when {@link #append} returns, the event
 * is committed and synced to the storage device, so neither a process kill nor a power cut loses
 * it. Nothing is ever updated or deleted.
 *
 * <p>Order: the reads that feed folds ({@link #read}, {@link #readIncident}, {@link #readByType})
 * return the log's one order: events shared in a war room in the order its server gave them, then
 * this console's events not yet shared, in the order they were stored here (issue 13; without a
 * war room that is simply storage order). {@link #readAfter} and {@link #readIncidentTail} follow
 * storage order, which is what following the log needs.
 *
 * <p>All methods block on I/O: call them from a background task, never from the FX thread.
 */
public interface EventStore {

    /**
     * Opens the H2 event store on a migrated database.
     *
     * @param dataSource the database of {@code dev.conn.platform.db.Database}
     * @return the store
     */
    static EventStore jdbc(javax.sql.DataSource dataSource) {
        return new JdbcEventStore(dataSource);
    }

    /**
     * Opens the H2 event store with projections written in each append's transaction.
     *
     * @param dataSource the database of {@code dev.conn.platform.db.Database}
     * @param projections rows that commit with their events (the outbox)
     * @return the store
     */
    static EventStore jdbc(javax.sql.DataSource dataSource, List<JdbcProjection> projections) {
        return new JdbcEventStore(dataSource, projections);
    }

    /**
     * Stores events durably, in order, in one transaction and one sync: all of them or none. Events
     * whose id is already stored are skipped (re-appending, re-importing and retrying are no-ops).
     * After the commit and the sync, the newly stored events are handed to every {@link #subscribe
     * subscriber} on the calling thread. Only {@link IncidentLog}, the one writer, calls this.
     *
     * @param append the events, their staleness guard and origin
     * @return the events newly stored, in order (empty if all were stored before)
     * @throws ConcurrentChangeException if the guard finds the read stale; nothing is stored
     * @throws StoreException if the database cannot be written; nothing is stored
     * @throws EventConflictException if an event's id is already stored for another incident, or
     *     the events declare an incident the log already holds with another {@code
     *     INCIDENT_DECLARED}; nothing is stored
     * @throws RuntimeException of a transactional projection (the outbox); nothing is stored
     */
    List<Event> append(Append append);

    /**
     * Reads an incident's events of some types together with the log position they were read at,
     * for a decision whose append is guarded against changes made since ({@link Append.Guard}).
     *
     * @param incidentId the incident
     * @param types the types wanted
     * @return the events in storage order and the position (every event at or before it was seen)
     * @throws StoreException if the database cannot be read
     */
    default Slice read(IncidentId incidentId, Set<EventType> types) {
        long position = lastSequence();
        return new Slice(readIncident(incidentId, types), position);
    }

    /**
     * Subscribes to what this process appends: after each commit and sync, the newly stored events
     * in order, on the appending thread (a background thread: subscribers hand work on quickly).
     * Events other processes append are not announced here; {@code shell.LiveLogFollower} reads
     * those.
     *
     * @param subscriber receives the events of each append
     * @return the subscription; {@link Subscription#cancel()} ends it
     */
    default Subscription subscribe(java.util.function.Consumer<List<Event>> subscriber) {
        throw new UnsupportedOperationException("this event store does not publish its appends");
    }

    /**
     * @param id an event id
     * @return true if this process appended that event recently (the last 100,000 appended), so a
     *     follower of the log can tell this process's events from other processes'
     */
    default boolean appendedHere(java.util.UUID id) {
        return false;
    }

    /**
     * Events read with the position they were read at.
     *
     * @param events in storage order
     * @param position the log position of the read ({@link #lastSequence()} then)
     */
    record Slice(List<Event> events, long position) {
        /** Copies the list. */
        public Slice {
            events = List.copyOf(events);
        }
    }

    /** An ongoing subscription. */
    @FunctionalInterface
    interface Subscription {
        /** Ends the subscription; idempotent. */
        void cancel();
    }

    /**
     * @param incidentId an incident
     * @return its events in the order they were stored (empty if unknown)
     * @throws StoreException if the database cannot be read
     */
    List<Event> readIncident(IncidentId incidentId);

    /**
     * Reads events of every incident stored after a position, for following the log live (another
     * process, such as the CLI, may be appending).
     *
     * @param afterSequence a {@link Batch#lastSequence()} from an earlier call, or 0 for the start
     * @param limit the most events to return
     * @return the events in storage order and the position to continue from
     * @throws StoreException if the database cannot be read
     */
    Batch readAfter(long afterSequence, int limit);

    /**
     * Reads the events of the given types for every incident, in storage order: enough to fold
     * the header of each incident for the incident list without reading whole timelines.
     *
     * @param types the types to read
     * @return the matching events
     * @throws StoreException if the database cannot be read
     */
    List<Event> readByType(Set<EventType> types);

    /**
     * Reads the most recently stored events of an incident: what a console shows first while it
     * loads the rest of a long incident.
     *
     * @param incidentId an incident
     * @param limit the most events to return
     * @return up to {@code limit} of its newest events, in storage order
     * @throws StoreException if the database cannot be read
     */
    List<Event> readIncidentTail(IncidentId incidentId, int limit);

    /**
     * @param incidentId an incident
     * @param types the types to read
     * @return that incident's events of those types, in storage order
     * @throws StoreException if the database cannot be read
     */
    List<Event> readIncident(IncidentId incidentId, Set<EventType> types);

    /**
     * @return the position of the newest stored event, to start following the log from
     * @throws StoreException if the database cannot be read
     */
    long lastSequence();

    /** @return the incident chosen last in any console sharing this store, if any */
    Optional<IncidentId> activeIncident();

    /**
     * Remembers the incident chosen in a console, so the next launch and the CLI use it.
     *
     * @param incidentId the incident
     */
    void setActiveIncident(IncidentId incidentId);

    /**
     * A slice of the log read by {@link #readAfter}.
     *
     * @param events the events, in storage order
     * @param lastSequence the position to pass to the next {@link #readAfter} call
     */
    record Batch(List<Event> events, long lastSequence) {}
}
