package dev.conn.warroom;

import dev.conn.comms.DispatchLease;
import dev.conn.comms.Outbox;
import java.util.Objects;

/**
 * The war room's side of sending, for one console: its outbox (rows in the war room's database,
 * handed over by the consoles that queued them; queueing itself stays in the console's own outbox)
 * and its dispatch lease (server clock, fencing token). The comms feature builds its dispatcher on
 * these while the console is in a war room: {@code new OutboxDispatcher(d.outbox(), d.lease(),
 * channels, clock, Sleeper.REAL, backoff, known)}.
 *
 * @param outbox the war room's outbox
 * @param lease the war room's dispatch lease
 * @param connections closes their connections to the war room
 */
public record WarRoomDispatch(Outbox outbox, DispatchLease lease, AutoCloseable connections) implements AutoCloseable {
    /** @throws NullPointerException if a field is null */
    public WarRoomDispatch {
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(lease, "lease");
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
