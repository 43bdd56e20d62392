package dev.conn.timeline;

import dev.conn.incident.EventType;
import dev.conn.incident.Payload;
import java.time.Instant;
import java.util.Optional;

/**
 * What one line typed into the quick-capture bar means: either an entry to record, or a message
 * saying why the line cannot be recorded as typed.
 */
public sealed interface Capture {

    /**
     * An entry to record.
     *
     * @param type the event type
     * @param payload its fields
     * @param occurredAt the back-dated time (UTC), if the line carried {@code @09:12} or {@code @-5m}
     */
    record Entry(EventType type, Payload payload, Optional<Instant> occurredAt) implements Capture {}

    /**
     * A line that cannot be recorded; nothing is saved and the text stays in the bar.
     *
     * @param message what is wrong and how to fix it
     */
    record Invalid(String message) implements Capture {}

    /** A blank line: nothing to do. */
    record Blank() implements Capture {}
}
