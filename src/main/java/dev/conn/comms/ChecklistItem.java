package dev.conn.comms;

import dev.conn.incident.Audience;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One communication checklist item as evaluated at an instant.
 *
 * @param id the policy's item id (recorded in checklist events)
 * @param title what to do
 * @param audience sending a message to this audience ticks it, if set
 * @param dueAt when it is due (UTC); empty while {@link ItemState#WAITING}
 * @param state where it stands
 * @param settledAt when it was done or skipped (UTC), if it was
 * @param note the skip reason, or what ticked it (e.g. "message: Investigating"), if any
 * @param promised true if {@code dueAt} is the next update the last message to its audience
 *     promised: the same instant that audience's countdown shows
 */
public record ChecklistItem(
        String id,
        String title,
        Optional<Audience> audience,
        Optional<Instant> dueAt,
        ItemState state,
        Optional<Instant> settledAt,
        Optional<String> note,
        boolean promised) {

    /**
     * @param now the current instant
     * @return time left until due, negative when overdue; empty if there is no deadline
     */
    public Optional<Duration> remaining(Instant now) {
        return dueAt.map(d -> Duration.between(now, d));
    }
}
