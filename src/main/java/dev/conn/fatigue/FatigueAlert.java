package dev.conn.fatigue;

import dev.conn.incident.FatigueLevel;
import java.time.Instant;
import java.util.Objects;

/**
 * A {@code FATIGUE_ALERTED} event as the fatigue fold reads it.
 *
 * @param at when the alert was raised (the event's {@code occurredAt}, UTC)
 * @param level the level alerted on
 */
public record FatigueAlert(Instant at, FatigueLevel level) {
    /** @throws NullPointerException if a field is null */
    public FatigueAlert {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(level, "level");
    }
}
