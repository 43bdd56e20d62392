package dev.conn.warroom;

import java.util.Objects;
import java.util.UUID;

/**
 * Where one event stands in the war room's one order.
 *
 * @param eventId the event
 * @param serverSeq its position, assigned by the server (from 1)
 * @param role the database role the server recorded as its writer
 */
public record Position(UUID eventId, long serverSeq, String role) {
    /**
     * @throws NullPointerException if the id or role is null
     * @throws IllegalArgumentException if the position is not positive
     */
    public Position {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(role, "role");
        if (serverSeq < 1) {
            throw new IllegalArgumentException("server positions start at 1, not " + serverSeq);
        }
    }
}
