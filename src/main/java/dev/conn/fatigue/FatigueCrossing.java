package dev.conn.fatigue;

import dev.conn.incident.CommandEvent;
import dev.conn.incident.FatigueLevel;
import java.time.Instant;
import java.util.Objects;

/**
 * A fatigue threshold a responder has crossed and nobody has been alerted to yet: show a
 * notification (for a role holder, offer "Start hand-off") and record it with the {@link
 * FatigueAlertDecider}, which stores {@link #event()}.
 *
 * @param responderId the responder's stable id
 * @param person the responder's display name
 * @param level the level reached
 * @param reachedAt when the threshold was reached (UTC); earlier than the check if checks were late
 */
public record FatigueCrossing(String responderId, String person, FatigueLevel level, Instant reachedAt) {

    /** @throws NullPointerException if a field is null */
    public FatigueCrossing {
        Objects.requireNonNull(responderId, "responderId");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(reachedAt, "reachedAt");
    }

    /** @return the responder and level, as in {@link FatigueMonitor#alreadyAlerted} */
    public AlertKey key() {
        return new AlertKey(responderId, level);
    }

    /** @return the {@code FATIGUE_ALERTED} event body that records this alert */
    public CommandEvent.FatigueAlerted event() {
        return new CommandEvent.FatigueAlerted(responderId, person, level);
    }
}
