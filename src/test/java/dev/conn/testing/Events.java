package dev.conn.testing;

import dev.conn.incident.Append;
import dev.conn.incident.Event;
import dev.conn.incident.EventStore;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentId;
import dev.conn.incident.Origin;
import dev.conn.incident.Payload;
import dev.conn.incident.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Builds events for tests without going through the service. */
public final class Events {
    private Events() {}

    /** @return a new incident id */
    public static IncidentId newIncident() {
        return new IncidentId(Event.newId());
    }

    /**
     * @return an event with a fresh id, recorded when it occurred, by "alice"
     */
    public static Event event(IncidentId incident, EventType type, Instant occurredAt, Payload payload) {
        return new Event(Event.newId(), incident, occurredAt, occurredAt, "alice", type, payload);
    }

    /** @return an {@code INCIDENT_DECLARED} event titled "Checkout errors" */
    public static Event declared(IncidentId incident, Instant at, Severity severity, String commander) {
        return event(
                incident,
                EventType.INCIDENT_DECLARED,
                at,
                Payload.of("title", "Checkout errors", "severity", severity, "commander", commander));
    }

    /** @return a note with the given text */
    public static Event note(IncidentId incident, Instant at, String text) {
        return event(incident, EventType.NOTE, at, Payload.of("text", text));
    }

    /** @return an {@code EVENT_CORRECTED} of {@code target} by {@code author}, recorded at {@code at} */
    public static Event correction(Event target, Instant at, String author, String newText) {
        return new Event(
                Event.newId(),
                target.incidentId(),
                at,
                at,
                author,
                EventType.EVENT_CORRECTED,
                Payload.of("correctedEventId", target.id(), "text", newText));
    }

    /** @return an {@code EVENT_RETRACTED} of {@code target} */
    public static Event retraction(Event target, Instant at) {
        return event(
                target.incidentId(),
                EventType.EVENT_RETRACTED,
                at,
                Payload.of("retractedEventId", target.id(), "reason", "wrong incident"));
    }

    /**
     * Seeds a store with events built by hand, through its only write ({@link EventStore#append(Append)}),
     * as an import stores them: in one transaction, ids already stored skipped.
     *
     * @return the events newly stored
     */
    public static List<Event> seed(EventStore store, Event... events) {
        return store.append(new Append(List.of(events), Optional.empty(), Origin.IMPORTED));
    }

    /** @return an incident id with a chosen UUID, for prefix tests */
    public static IncidentId incident(String uuid) {
        return new IncidentId(UUID.fromString(uuid));
    }
}
