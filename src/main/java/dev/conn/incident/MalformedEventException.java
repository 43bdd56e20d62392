package dev.conn.incident;

import java.util.UUID;

/**
 * A stored or imported event whose payload does not fit its type. The message names the event id,
 * its type and the field, so the user (or a support engineer) can find it.
 */
public final class MalformedEventException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient UUID eventId;

    /**
     * @param eventId the event
     * @param type its type
     * @param detail what is wrong, naming the field
     */
    public MalformedEventException(UUID eventId, EventType type, String detail) {
        super("event " + eventId + " (" + type + "): " + detail);
        this.eventId = eventId;
    }

    /** @return the event whose payload is malformed */
    public UUID eventId() {
        return eventId;
    }
}
