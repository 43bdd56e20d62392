package dev.conn.incident;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.UUID;

/**
 * One immutable fact in an incident's append-only log. The incident state on screen is a fold over
 * these (see {@link IncidentState}).
 *
 * @param id UUID v7 (RFC 9562 section 5.7), minted where the event is born; the dedupe key for
 *     import and sync
 * @param incidentId the incident it belongs to
 * @param occurredAt when it happened in the world (UTC); may be back-dated by the user
 * @param recordedAt when Conn stored it (UTC); never edited
 * @param author the person at the keyboard, or the name a script passed to the CLI
 * @param type what kind of fact
 * @param payload type-specific fields (see {@link EventType})
 */
public record Event(
        UUID id,
        IncidentId incidentId,
        Instant occurredAt,
        Instant recordedAt,
        String author,
        EventType type,
        Payload payload) {

    private static final TimeBasedEpochGenerator UUID_V7 = Generators.timeBasedEpochGenerator();

    /**
     * Timeline order: by when it happened, then by id (which, being time-ordered, is the order of
     * creation), so back-dated entries sort into place and ties are stable.
     */
    public static final Comparator<Event> BY_OCCURRENCE =
            Comparator.comparing(Event::occurredAt).thenComparing(Event::id);

    /** @throws NullPointerException if any field is null */
    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
    }

    /** @return a fresh UUID v7 */
    public static UUID newId() {
        return UUID_V7.generate();
    }
}
