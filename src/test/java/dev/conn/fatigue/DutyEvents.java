package dev.conn.fatigue;

import dev.conn.incident.CommandEvent;
import dev.conn.incident.Event;
import dev.conn.incident.EventBody;
import dev.conn.incident.EventType;
import dev.conn.incident.FatigueLevel;
import dev.conn.incident.IncidentId;
import dev.conn.incident.TimelineEvent;
import dev.conn.settings.Policy;
import dev.conn.settings.PolicyFile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds one incident's responder events for fatigue tests, with typed event bodies. */
final class DutyEvents {
    /** The shipped thresholds: 90 min, 240 min, 12 h, 15 min, 23:00-08:00, 1.5. */
    static final Policy.Fatigue DEFAULTS = PolicyFile.defaults().fatigue();

    final IncidentId incident = new IncidentId(Event.newId());
    final List<Event> log = new ArrayList<>();

    DutyEvents joined(String id, Instant at) {
        return add(at, new CommandEvent.ResponderJoined(id, nameOf(id), Optional.empty(), Optional.empty()));
    }

    DutyEvents joined(String id, String timeZone, Instant at) {
        return add(at, new CommandEvent.ResponderJoined(id, nameOf(id), Optional.empty(), Optional.of(timeZone)));
    }

    DutyEvents left(String id, Instant at) {
        return add(at, new CommandEvent.ResponderLeft(id, Optional.empty()));
    }

    DutyEvents breakStarted(String id, Instant at) {
        return add(at, new CommandEvent.BreakStarted(id, Optional.empty()));
    }

    DutyEvents breakEnded(String id, Instant at) {
        return add(at, new CommandEvent.BreakEnded(id, Optional.empty()));
    }

    /** A break from {@code from} to {@code to}. */
    DutyEvents onBreak(String id, Instant from, Instant to) {
        return breakStarted(id, from).breakEnded(id, to);
    }

    DutyEvents alerted(String id, FatigueLevel level, Instant at) {
        return add(at, new CommandEvent.FatigueAlerted(id, nameOf(id), level));
    }

    DutyEvents add(Instant at, EventBody body) {
        log.add(Event.of(Event.newId(), incident, at, at, "alice", body));
        return this;
    }

    /** Adds an event as stored, from its JSON payload (for payloads a fold must skip). */
    DutyEvents add(EventType type, Instant at, String json) {
        log.add(Event.stored(Event.newId(), incident, at, at, "alice", type, json));
        return this;
    }

    /** @return a retraction of {@code target}, not added */
    Event retraction(Event target, Instant at) {
        return Event.of(
                Event.newId(),
                incident,
                at,
                at,
                "alice",
                new TimelineEvent.EventRetracted(target.id(), Optional.of("wrong incident")));
    }

    /** @return a note of another incident */
    static Event noteElsewhere(Instant at) {
        return Event.of(
                Event.newId(), new IncidentId(Event.newId()), at, at, "alice", new TimelineEvent.Note("elsewhere"));
    }

    Event last() {
        return log.get(log.size() - 1);
    }

    DutyLog fold() {
        return DutyLog.fold(log);
    }

    ResponderDuty responder(String id) {
        return fold().responder(id).orElseThrow();
    }

    static String nameOf(String id) {
        return Character.toUpperCase(id.charAt(0)) + id.substring(1);
    }
}
