package dev.conn.warroom;

import dev.conn.comms.DispatchLease;
import dev.conn.comms.Outbox;
import dev.conn.incident.IncidentLog;
import java.util.Objects;

/**
 * The war room's side of sending, for one console: its outbox (rows in the war room's database,
 * handed over by the consoles that queued them; queueing itself stays in the console's own outbox),
 * its dispatch lease (server clock, fencing token) and the console's one writer, through which the
 * outcomes are recorded (each outbox change that goes with an event is a step of the event's local
 * append, committed in the war room first with the event in its log: ADR 0021). A console builds the war room's
 * dispatcher on these while it is in a war room: {@code new OutboxDispatcher(d.outbox(), d.log(),
 * new OutboxWatch(d.outbox()), d.lease(), channels, Sleeper.REAL, backoff, known)}.
 *
 * @param outbox the war room's outbox
 * @param lease the war room's dispatch lease
 * @param log the console's one writer (its journal)
 * @param connections closes their connections to the war room
 */
public record WarRoomDispatch(Outbox outbox, DispatchLease lease, IncidentLog log, AutoCloseable connections)
        implements AutoCloseable {
    /** @throws NullPointerException if a field is null */
    public WarRoomDispatch {
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(connections, "connections");
    }

    /** Drops the connections; never throws. */
    @Override
    public void close() {
        try {
            connections.close();
        } catch (Exception e) {
            // connections that failed are gone already
        }
    }
}
