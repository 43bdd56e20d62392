package dev.conn.command;

import dev.conn.incident.Role;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Who holds a role, as folded by {@link Roster}: derived from events, never stored.
 *
 * @param role the role
 * @param person the holder's display name
 * @param responderId the holder's {@code responderId}, if known (an IC named only at declaration
 *     has one once a responder of the same name joined)
 * @param since when this person began holding the role (UTC): the {@code ROLE_ASSIGNED} or
 *     {@code HANDOFF_ACKNOWLEDGED} time, never the offer time
 * @param byDefault true if the incident commander holds the role only because nobody else was
 *     given it (SRE book ch. 14: the IC holds every role not delegated)
 */
public record RoleHolder(Role role, String person, Optional<String> responderId, Instant since, boolean byDefault) {

    /** @throws NullPointerException if any field is null */
    public RoleHolder {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(responderId, "responderId");
        Objects.requireNonNull(since, "since");
    }

    /**
     * @param responderIdOrNull a responder id, or null
     * @param name a display name
     * @return true if this holder is that person: same id when both are known, else the same name
     *     (ignoring case and surrounding spaces)
     */
    public boolean isPerson(String responderIdOrNull, String name) {
        if (responderIdOrNull != null && responderId.isPresent()) {
            return responderId.get().equals(responderIdOrNull);
        }
        return name != null && person.strip().equalsIgnoreCase(name.strip());
    }
}
