package dev.conn.impact;

import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The time axis of an incident's charts, and the timeline events drawn on them.
 *
 * @param from start of the window (UTC)
 * @param to end of the window (UTC)
 */
public record ImpactWindow(Instant from, Instant to) {
    /** Lead-in before impact start (or declaration): 1 h, to show the baseline. */
    public static final Duration LEAD_IN = Duration.ofHours(1);

    /** Tail after resolution: 30 min, to show recovery. */
    public static final Duration TAIL = Duration.ofMinutes(30);

    /**
     * The event types drawn as entry markers. The declaration, mitigation and resolution are drawn
     * as milestone markers instead ({@link ImpactMarker}).
     */
    public static final Set<EventType> MARKER_TYPES = EnumSet.of(
            EventType.SEVERITY_CHANGED,
            EventType.STATUS_CHANGED,
            EventType.ACTION_TAKEN,
            EventType.HANDOFF_ACKNOWLEDGED);

    /**
     * The window of an incident: from impact start − 1 h (declaration − 1 h when no impact start was
     * given) to now; after resolution, to resolution + 30 min.
     *
     * @param state the incident
     * @param now the current instant, from the caller's clock
     * @return the window; at least one minute long
     */
    public static ImpactWindow of(IncidentState state, Instant now) {
        Instant from = state.impactStart().minus(LEAD_IN);
        Instant to = state.resolvedAt().map(r -> r.plus(TAIL)).orElse(now);
        if (!to.isAfter(from.plusSeconds(60))) {
            to = from.plusSeconds(60);
        }
        return new ImpactWindow(from, to);
    }

    /** @return true if the instant lies inside the window, ends included */
    public boolean contains(Instant t) {
        return !t.isBefore(from) && !t.isAfter(to);
    }

    /** @return the length of the window */
    public Duration length() {
        return Duration.between(from, to);
    }

    /**
     * @param events an incident's events
     * @return those drawn as entry markers (severity and status changes, actions, hand-offs),
     *     inside the window, in time order
     */
    public List<Event> markers(Collection<Event> events) {
        List<Event> out = new ArrayList<>();
        for (Event e : events) {
            if (MARKER_TYPES.contains(e.type())
                    && !e.occurredAt().isBefore(from)
                    && !e.occurredAt().isAfter(to)) {
                out.add(e);
            }
        }
        out.sort(java.util.Comparator.comparing(Event::occurredAt));
        return out;
    }
}
