package dev.conn.fatigue;

import dev.conn.incident.FatigueLevel;
import java.time.Instant;
import java.util.Objects;

/**
 * The next fatigue threshold a responder will cross if nothing changes (they stay on duty, take no
 * break): when to show the next prompt.
 *
 * @param level the level whose threshold is crossed
 * @param at the instant it is crossed (UTC)
 */
public record UpcomingThreshold(FatigueLevel level, Instant at) {
    /** @throws NullPointerException if a field is null */
    public UpcomingThreshold {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(at, "at");
    }
}
