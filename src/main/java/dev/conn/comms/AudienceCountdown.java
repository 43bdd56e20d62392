package dev.conn.comms;

import dev.conn.incident.Audience;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The "next update due" countdown of one audience.
 *
 * @param audience the audience
 * @param lastUpdateAt when it last got a message (UTC), if ever
 * @param dueAt when the next update is due (UTC); empty if the policy asks for no further update
 * @param basis why the next update is due at {@code dueAt}, so the screen can say so
 * @param state {@link ItemState#PENDING}, {@link ItemState#DUE_SOON} or {@link ItemState#OVERDUE};
 *     {@link ItemState#DONE} when no further update is due
 */
public record AudienceCountdown(
        Audience audience, Optional<Instant> lastUpdateAt, Optional<Instant> dueAt, Basis basis, ItemState state) {

    /** Why the next update is due when it is. */
    public enum Basis {
        /** The first update of this audience, due its policy offset after the severity took effect. */
        FIRST_UPDATE,
        /** The policy cadence after the last update. */
        CADENCE,
        /** The "next update at" the last message to this audience promised. */
        PROMISED,
        /** A state summary is due at every hand-off of command (Google SRE book, ch. 14). */
        HANDOFF
    }

    /** @return true if {@code dueAt} is a "next update at" promised in the last message */
    public boolean promised() {
        return basis == Basis.PROMISED;
    }

    /**
     * @param now the current instant
     * @return time left, negative when overdue; empty if nothing is due
     */
    public Optional<Duration> remaining(Instant now) {
        return dueAt.map(d -> Duration.between(now, d));
    }
}
