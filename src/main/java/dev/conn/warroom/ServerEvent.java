package dev.conn.warroom;

import dev.conn.incident.Event;
import java.time.Instant;
import java.util.Objects;

/**
 * An event as the war room's server holds it: the event exactly as its console stored it, and what
 * the server added when it arrived.
 *
 * @param event the event (id, incident, times, author, type and payload as written by its console)
 * @param serverSeq its position in the war room's one order (assigned by the server, from 1)
 * @param role the database role that wrote it, as the server recorded it ({@code current_user})
 * @param arrivedAt when it reached the server, by the server's clock (UTC)
 */
public record ServerEvent(Event event, long serverSeq, String role, Instant arrivedAt) {
    /** @throws NullPointerException if a field is null */
    public ServerEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(arrivedAt, "arrivedAt");
    }

    /** @return where the event now stands in the war room's order */
    public Position position() {
        return new Position(event.id(), serverSeq, role);
    }
}
