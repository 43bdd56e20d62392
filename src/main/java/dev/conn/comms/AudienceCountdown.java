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
 * @param promised true if {@code dueAt} is a "next update at" promised in the last message
 * @param state {@link ItemState#PENDING}, {@link ItemState#DUE_SOON} or {@link ItemState#OVERDUE};
 *     {@link ItemState#DONE} when no further update is due
 */
public record AudienceCountdown(
        Audience audience, Optional<Instant> lastUpdateAt, Optional<Instant> dueAt, boolean promised, ItemState state) {

    /**
     * @param now the current instant
     * @return time left, negative when overdue; empty if nothing is due
     */
    public Optional<Duration> remaining(Instant now) {
        return dueAt.map(d -> Duration.between(now, d));
    }
}
