package dev.conn.warroom;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Where one event of this console's journal stands in the war room.
 *
 * @param eventId the event
 * @param author the author it claims
 * @param serverRole the database role the war room recorded as its writer, once shared
 */
public record EventShare(UUID eventId, String author, Optional<String> serverRole) {
    /** @throws NullPointerException if a field is null */
    public EventShare {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(serverRole, "serverRole");
    }

    /** @return true once the war room holds it */
    public boolean shared() {
        return serverRole.isPresent();
    }
}
