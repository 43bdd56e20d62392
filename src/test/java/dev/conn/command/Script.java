package dev.conn.command;

import dev.conn.incident.AckMethod;
import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentId;
import dev.conn.incident.Payload;
import dev.conn.incident.Role;
import dev.conn.incident.Severity;
import dev.conn.testing.Events;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Writes an incident's log by hand, with the payload fields of {@link EventType}, for pure fold tests. */
final class Script {
    static final Instant T0 = Instant.parse("2026-11-21T14:00:00Z");

    final IncidentId incident = Events.newIncident();
    private final List<Event> events = new ArrayList<>();

    static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    Event last() {
        return events.get(events.size() - 1);
    }

    Script add(EventType type, Instant at, Object... payload) {
        events.add(Events.event(incident, type, at, Payload.of(payload)));
        return this;
    }

    Script declared(Instant at, String commander) {
        events.add(Events.declared(incident, at, Severity.SEV1, commander));
        return this;
    }

    Script joined(Instant at, String id, String name) {
        return add(EventType.RESPONDER_JOINED, at, "responderId", id, "name", name);
    }

    Script left(Instant at, String id) {
        return add(EventType.RESPONDER_LEFT, at, "responderId", id);
    }

    Script breakStarted(Instant at, String id) {
        return add(EventType.BREAK_STARTED, at, "responderId", id);
    }

    Script breakEnded(Instant at, String id) {
        return add(EventType.BREAK_ENDED, at, "responderId", id);
    }

    Script assigned(Instant at, Role role, String id, String person) {
        return add(EventType.ROLE_ASSIGNED, at, "role", role, "person", person, "responderId", id);
    }

    Script offered(Instant at, String offerId, Role role, String from, String fromId, String to, String toId) {
        return add(
                EventType.HANDOFF_OFFERED,
                at,
                "offerId",
                offerId,
                "role",
                role,
                "from",
                from,
                "fromId",
                fromId,
                "to",
                to,
                "toId",
                toId,
                "readBackCode",
                "K7-DELTA");
    }

    Script acknowledged(Instant at, String offerId, Role role, String to, String toId) {
        return add(
                EventType.HANDOFF_ACKNOWLEDGED,
                at,
                "offerId",
                offerId,
                "role",
                role,
                "to",
                to,
                "toId",
                toId,
                "method",
                AckMethod.READ_BACK);
    }

    Script nextIc(Instant at, String id, String person) {
        return add(EventType.NEXT_IC_DESIGNATED, at, "responderId", id, "person", person);
    }

    Script task(Instant at, String taskId, String id, String person, String text, Instant checkBackAt) {
        return add(
                EventType.TASK_ASSIGNED,
                at,
                "taskId",
                taskId,
                "responderId",
                id,
                "person",
                person,
                "text",
                text,
                "checkBackAt",
                checkBackAt);
    }

    Script decision(Instant at, String text) {
        return add(EventType.DECISION, at, "text", text);
    }
}
