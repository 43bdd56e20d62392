package dev.conn.fatigue;

import dev.conn.incident.FatigueLevel;
import java.util.Objects;

/**
 * A responder and a level they have been alerted on, as recorded by a {@code FATIGUE_ALERTED}
 * event.
 *
 * @param responderId the responder's stable id
 * @param level the level alerted on
 */
public record AlertKey(String responderId, FatigueLevel level) {
    /** @throws NullPointerException if a field is null */
    public AlertKey {
        Objects.requireNonNull(responderId, "responderId");
        Objects.requireNonNull(level, "level");
    }
}
