package dev.conn.fatigue;

import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.FatigueLevel;
import dev.conn.incident.IncidentId;
import dev.conn.incident.Payload;
import dev.conn.settings.Policy;
import dev.conn.settings.PolicyFile;
import dev.conn.testing.Events;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds one incident's responder events for fatigue tests. */
final class DutyEvents {
    /** The shipped thresholds: 90 min, 240 min, 12 h, 15 min, 23:00-08:00, 1.5. */
    static final Policy.Fatigue DEFAULTS = PolicyFile.defaults().fatigue();

    final IncidentId incident = Events.newIncident();
    final List<Event> log = new ArrayList<>();

    DutyEvents joined(String id, Instant at) {
        return add(EventType.RESPONDER_JOINED, at, Payload.of("responderId", id, "name", nameOf(id)));
    }

    DutyEvents joined(String id, String timeZone, Instant at) {
        return add(
                EventType.RESPONDER_JOINED,
                at,
                Payload.of("responderId", id, "name", nameOf(id), "timeZone", timeZone));
    }

    DutyEvents left(String id, Instant at) {
        return add(EventType.RESPONDER_LEFT, at, Payload.of("responderId", id));
    }

    DutyEvents breakStarted(String id, Instant at) {
        return add(EventType.BREAK_STARTED, at, Payload.of("responderId", id));
    }

    DutyEvents breakEnded(String id, Instant at) {
        return add(EventType.BREAK_ENDED, at, Payload.of("responderId", id));
    }

    /** A break from {@code from} to {@code to}. */
    DutyEvents onBreak(String id, Instant from, Instant to) {
        return breakStarted(id, from).breakEnded(id, to);
    }

    DutyEvents alerted(String id, FatigueLevel level, Instant at) {
        return add(EventType.FATIGUE_ALERTED, at, Payload.of("responderId", id, "person", nameOf(id), "level", level));
    }

    DutyEvents add(EventType type, Instant at, Payload payload) {
        log.add(Events.event(incident, type, at, payload));
        return this;
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
