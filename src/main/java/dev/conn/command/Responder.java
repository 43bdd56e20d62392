package dev.conn.command;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * One person in the response, as folded by {@link Roster} from {@code RESPONDER_JOINED},
 * {@code RESPONDER_LEFT}, {@code BREAK_STARTED} and {@code BREAK_ENDED}.
 *
 * @param id the stable {@code responderId}, reused when the person joins again
 * @param name display name
 * @param handle chat handle or phone, if given
 * @param timeZone the person's IANA time zone, if given (for night-hour awareness)
 * @param presence on duty, on a break, or left
 * @param since when the current presence began (UTC)
 * @param joinedAt when the person first joined this incident (UTC)
 */
public record Responder(
        String id,
        String name,
        Optional<String> handle,
        Optional<ZoneId> timeZone,
        Presence presence,
        Instant since,
        Instant joinedAt) {

    /** @throws NullPointerException if any field is null */
    public Responder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(presence, "presence");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(joinedAt, "joinedAt");
    }

    /** @return true if the responder is on duty (not on a break, not left) */
    public boolean isOnDuty() {
        return presence == Presence.ON_DUTY;
    }
}
