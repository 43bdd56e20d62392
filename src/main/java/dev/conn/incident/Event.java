package dev.conn.incident;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.UUID;

/**
 * One immutable fact in an incident's append-only log: an envelope (id, incident, times, author)
 * around a typed {@link EventBody}. The incident state on screen is a fold over these.
 *
 * <p>An event keeps the JSON its body is stored as ({@link #payloadJson()}): for an event read from
 * a database or a bundle that is exactly the stored text, so an export writes back byte for byte
 * what was read, fields a newer Conn added included. New events are made with {@link #of}, which
 * encodes the body through {@link EventCodec}.
 *
 * <p>Fields: {@code id} is a UUID v7 (RFC 9562 section 5.7) minted where the event is born, the
 * dedupe key for import and sync; {@code occurredAt} is when it happened in the world (UTC; may be
 * back-dated by the user); {@code recordedAt} when Conn stored it (UTC; never edited); {@code
 * author} the person at the keyboard, or the name a script passed to the CLI.
 */
public final class Event {
    private static final TimeBasedEpochGenerator UUID_V7 = Generators.timeBasedEpochGenerator();

    /**
     * Timeline order: by when it happened, then by id (which, being time-ordered, is the order of
     * creation), so back-dated entries sort into place and ties are stable.
     */
    public static final Comparator<Event> BY_OCCURRENCE =
            Comparator.comparing(Event::occurredAt).thenComparing(Event::id);

    private final UUID id;
    private final IncidentId incidentId;
    private final Instant occurredAt;
    private final Instant recordedAt;
    private final String author;
    private final EventType type;
    private final String json;
    private volatile EventBody body;
    private volatile Payload payload;

    private Event(
            UUID id,
            IncidentId incidentId,
            Instant occurredAt,
            Instant recordedAt,
            String author,
            EventType type,
            String json,
            EventBody body) {
        this.id = Objects.requireNonNull(id, "id");
        this.incidentId = Objects.requireNonNull(incidentId, "incidentId");
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
        this.recordedAt = Objects.requireNonNull(recordedAt, "recordedAt");
        this.author = Objects.requireNonNull(author, "author");
        this.type = Objects.requireNonNull(type, "type");
        this.json = Objects.requireNonNull(json, "payload");
        this.body = body;
    }

    /**
     * An event from untyped fields: the form of the code written before typed events.
     *
     * @param id the event id
     * @param incidentId the incident
     * @param occurredAt when it happened (UTC)
     * @param recordedAt when Conn stored it (UTC)
     * @param author who
     * @param type its type
     * @param payload its fields
     * @throws NullPointerException if any field is null
     * @deprecated build a typed {@link EventBody} and use {@link #of}
     */
    @Deprecated
    public Event(
            UUID id,
            IncidentId incidentId,
            Instant occurredAt,
            Instant recordedAt,
            String author,
            EventType type,
            Payload payload) {
        this(
                id,
                incidentId,
                occurredAt,
                recordedAt,
                author,
                type,
                Objects.requireNonNull(payload, "payload").json(),
                null);
        this.payload = payload;
    }

    /**
     * A new event.
     *
     * @param id the event id ({@link #newId()})
     * @param incidentId the incident
     * @param occurredAt when it happened (UTC)
     * @param recordedAt when Conn stores it (UTC)
     * @param author who
     * @param body what happened
     * @return the event, its body encoded
     * @throws NullPointerException if any field is null
     */
    public static Event of(
            UUID id, IncidentId incidentId, Instant occurredAt, Instant recordedAt, String author, EventBody body) {
        Objects.requireNonNull(body, "body");
        return new Event(id, incidentId, occurredAt, recordedAt, author, body.type(), EventCodec.encode(body), body);
    }

    /**
     * An event as stored in a database or a bundle. The body is decoded on first use.
     *
     * @param id the event id
     * @param incidentId the incident
     * @param occurredAt when it happened (UTC)
     * @param recordedAt when Conn stored it (UTC)
     * @param author who
     * @param type its stored type
     * @param json its stored payload, kept as it is
     * @return the event
     * @throws NullPointerException if any field is null
     */
    public static Event stored(
            UUID id,
            IncidentId incidentId,
            Instant occurredAt,
            Instant recordedAt,
            String author,
            EventType type,
            String json) {
        return new Event(id, incidentId, occurredAt, recordedAt, author, type, json, null);
    }

    /** @return a fresh UUID v7 */
    public static UUID newId() {
        return UUID_V7.generate();
    }

    /** @return the event id (UUID v7) */
    public UUID id() {
        return id;
    }

    /** @return the incident it belongs to */
    public IncidentId incidentId() {
        return incidentId;
    }

    /** @return when it happened in the world (UTC) */
    public Instant occurredAt() {
        return occurredAt;
    }

    /** @return when Conn stored it (UTC) */
    public Instant recordedAt() {
        return recordedAt;
    }

    /** @return who recorded it */
    public String author() {
        return author;
    }

    /** @return what kind of fact */
    public EventType type() {
        return type;
    }

    /**
     * @return what happened, typed
     * @throws MalformedEventException naming the event and the field if the stored payload does not
     *     fit its type
     */
    public EventBody body() {
        EventBody b = body;
        if (b == null) {
            b = EventCodec.decode(id, type, json);
            body = b;
        }
        return b;
    }

    /** @return the payload as stored: compact JSON text */
    public String payloadJson() {
        return json;
    }

    /**
     * @return the payload as an untyped JSON object
     * @deprecated use {@link #body()}
     */
    @Deprecated
    public Payload payload() {
        Payload p = payload;
        if (p == null) {
            p = Payload.parse(json);
            payload = p;
        }
        return p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Event e
                && e.id.equals(id)
                && e.incidentId.equals(incidentId)
                && e.occurredAt.equals(occurredAt)
                && e.recordedAt.equals(recordedAt)
                && e.author.equals(author)
                && e.type == type
                && (e.json.equals(json) || e.payload().equals(payload()));
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, incidentId, occurredAt, recordedAt, author, type);
    }

    @Override
    public String toString() {
        return "Event[id=" + id + ", incidentId=" + incidentId + ", occurredAt=" + occurredAt + ", recordedAt="
                + recordedAt + ", author=" + author + ", type=" + type + ", payload=" + json + "]";
    }
}
