package dev.conn.warroom;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A person of the war room as the server last saw them.
 *
 * @param person who
 * @param role the database role their console connects as
 * @param lastSeen their console's last heartbeat, by the server's clock (UTC)
 * @param signedOff true if their console said goodbye (Disconnect, closed)
 * @param serverNow the server's clock when this was read (UTC), to judge {@link #connected}
 */
public record PersonSeen(Person person, String role, Instant lastSeen, boolean signedOff, Instant serverNow) {
    /** How long after its last heartbeat a console still counts as connected: three heartbeats. */
    public static final Duration CONNECTED_WITHIN = Duration.ofSeconds(15);

    /** @throws NullPointerException if a field is null */
    public PersonSeen {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(serverNow, "serverNow");
    }

    /** @return true if their console is connected now (a heartbeat within {@link #CONNECTED_WITHIN}) */
    public boolean connected() {
        return !signedOff && !lastSeen.plus(CONNECTED_WITHIN).isBefore(serverNow);
    }
}
