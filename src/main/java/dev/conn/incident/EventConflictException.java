package dev.conn.incident;

import java.util.UUID;

/**
 * A batch of events made elsewhere (an import) contradicts the log, so none of it was stored (see
 * {@link EventStore#append(Append)}): an event id the log already holds for another incident, or a
 * second {@code INCIDENT_DECLARED} for an incident the log already holds. Storing it would either
 * drop the event without a word (ids are the dedupe key) or rewrite the incident's title and
 * severity.
 */
public final class EventConflictException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** What the conflict is. */
    public enum Kind {
        /** The event's id is stored already, for another incident. */
        ID_OF_ANOTHER_INCIDENT,
        /** The incident is stored already, declared by another {@code INCIDENT_DECLARED} event. */
        SECOND_DECLARATION
    }

    private final Kind kind;
    private final UUID eventId;
    private final transient IncidentId storedIncident;
    private final UUID storedEventId;
    private final int more;

    /**
     * @param kind what the conflict is
     * @param eventId the id of the event in the batch
     * @param storedIncident the incident the stored event belongs to
     * @param storedEventId the stored event (the same id for {@link Kind#ID_OF_ANOTHER_INCIDENT},
     *     the stored declaration for {@link Kind#SECOND_DECLARATION})
     * @param more how many further events of the batch conflict
     */
    public EventConflictException(Kind kind, UUID eventId, IncidentId storedIncident, UUID storedEventId, int more) {
        super(describe(kind, eventId, storedIncident, storedEventId)
                + (more > 0 ? " (and " + more + " more " + (more == 1 ? "event" : "events") + ")" : "")
                + "; nothing was stored");
        this.kind = kind;
        this.eventId = eventId;
        this.storedIncident = storedIncident;
        this.storedEventId = storedEventId;
        this.more = more;
    }

    private static String describe(Kind kind, UUID eventId, IncidentId storedIncident, UUID storedEventId) {
        return switch (kind) {
            case ID_OF_ANOTHER_INCIDENT -> "event " + eventId + " is already stored here for another incident, "
                    + storedIncident.shortForm();
            case SECOND_DECLARATION -> "incident " + storedIncident.shortForm() + " is already stored here,"
                    + " declared by event " + storedEventId + "; event " + eventId + " would declare it again";
        };
    }

    /** @return what the conflict is */
    public Kind kind() {
        return kind;
    }

    /** @return the id of the conflicting event in the batch */
    public UUID eventId() {
        return eventId;
    }

    /** @return the incident the stored event belongs to */
    public IncidentId storedIncident() {
        return storedIncident;
    }

    /** @return how many further events of the batch conflict */
    public int more() {
        return more;
    }

    /** @return the stored event it conflicts with */
    public UUID storedEventId() {
        return storedEventId;
    }
}
