package dev.conn.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conn.incident.AckMethod;
import dev.conn.incident.CommandEvent;
import dev.conn.incident.Event;
import dev.conn.incident.EventBody;
import dev.conn.incident.EventType;
import dev.conn.incident.HeaderEvent;
import dev.conn.incident.IncidentId;
import dev.conn.incident.Role;
import dev.conn.incident.Severity;
import dev.conn.incident.TimelineEvent;
import dev.conn.platform.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Writes an incident's log by hand, with typed event bodies, for pure fold tests. */
final class Script {
    static final Instant T0 = Instant.parse("2026-11-21T14:00:00Z");
    private static final JsonMapper JSON = Json.newMapper();

    final IncidentId incident = new IncidentId(Event.newId());
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

    /** @return an event of this incident, recorded when it occurred, by "alice" */
    Event event(Instant at, EventBody body) {
        return Event.of(Event.newId(), incident, at, at, "alice", body);
    }

    Script add(Instant at, EventBody body) {
        events.add(event(at, body));
        return this;
    }

    /**
     * Adds an event as a database would hold it, from field names and values (for payloads the
     * typed records cannot build, such as a field a fold must skip).
     */
    Script add(EventType type, Instant at, Object... fields) {
        ObjectNode o = JSON.createObjectNode();
        for (int i = 0; i < fields.length; i += 2) {
            Object v = fields[i + 1];
            if (v != null) {
                o.put((String) fields[i], v.toString());
            }
        }
        try {
            events.add(Event.stored(Event.newId(), incident, at, at, "alice", type, JSON.writeValueAsString(o)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    Script declared(Instant at, String commander) {
        return add(
                at,
                new HeaderEvent.IncidentDeclared(
                        "Checkout errors", Severity.SEV1, Optional.empty(), Optional.empty(), Optional.of(commander)));
    }

    Script joined(Instant at, String id, String name) {
        return add(at, new CommandEvent.ResponderJoined(id, name, Optional.empty(), Optional.empty()));
    }

    Script left(Instant at, String id) {
        return add(at, new CommandEvent.ResponderLeft(id, Optional.empty()));
    }

    Script breakStarted(Instant at, String id) {
        return add(at, new CommandEvent.BreakStarted(id, Optional.empty()));
    }

    Script breakEnded(Instant at, String id) {
        return add(at, new CommandEvent.BreakEnded(id, Optional.empty()));
    }

    Script assigned(Instant at, Role role, String id, String person) {
        return add(at, new CommandEvent.RoleAssigned(role, person, Optional.ofNullable(id)));
    }

    Script offered(Instant at, String offerId, Role role, String from, String fromId, String to, String toId) {
        return add(
                at,
                new CommandEvent.HandoffOffered(
                        offerId,
                        role,
                        from,
                        Optional.ofNullable(fromId),
                        to,
                        toId,
                        "K7-DELTA",
                        Optional.empty(),
                        Optional.empty()));
    }

    Script acknowledged(Instant at, String offerId, Role role, String to, String toId) {
        return add(
                at,
                new CommandEvent.HandoffAcknowledged(
                        offerId, role, to, Optional.ofNullable(toId), AckMethod.READ_BACK));
    }

    Script nextIc(Instant at, String id, String person) {
        return add(at, new CommandEvent.NextIcDesignated(id, person));
    }

    Script task(Instant at, String taskId, String id, String person, String text, Instant checkBackAt) {
        return add(at, new CommandEvent.TaskAssigned(taskId, id, person, text, checkBackAt));
    }

    Script decision(Instant at, String text) {
        return add(at, new TimelineEvent.Decision(text));
    }

    /** @return a retraction of {@code target}, not added */
    Event retraction(Event target, Instant at) {
        return event(at, new TimelineEvent.EventRetracted(target.id(), Optional.of("wrong incident")));
    }

    /** @return a note of another incident */
    static Event noteElsewhere(Instant at) {
        return Event.of(
                Event.newId(), new IncidentId(Event.newId()), at, at, "alice", new TimelineEvent.Note("elsewhere"));
    }
}
