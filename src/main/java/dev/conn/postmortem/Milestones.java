package dev.conn.postmortem;

import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentState;
import dev.conn.incident.Milestone;
import dev.conn.incident.PostmortemEvent;
import dev.conn.incident.Retractions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An incident's milestones and its TTx metrics: a pure fold over its events.
 *
 * <p>Where each milestone comes from, later sources overriding earlier ones:
 *
 * <ol>
 *   <li>the log itself: impact started = the declaration's {@code impactStartedAt} (else the
 *       declaration); detected and acknowledged = the declaration; mitigated = the first
 *       {@code MITIGATED} (or the resolution); resolved = {@code RESOLVED} or a status change to
 *       resolved. These use {@code occurredAt}, so back-dated entries count from when they
 *       happened;
 *   <li>{@code MILESTONE_SET} events (milestone, at, reason), in the order they were recorded: the
 *       latest edit of a milestone wins.
 * </ol>
 *
 * Retracted events ({@code EVENT_RETRACTED}) count for nothing, so retracting a mistaken
 * {@code MITIGATED} or a {@code MILESTONE_SET} restores the milestone it replaced.
 *
 * <p>TTx follow FireHydrant's definitions, all measured from impact started: TTD = detected −
 * started, TTA = acknowledged − started, TTM = mitigated − started, TTR = resolved − started.
 *
 * @param at the instant (UTC) of each milestone that is known
 * @param edited the milestones set or edited by a {@code MILESTONE_SET} event, with its reason
 */
public record Milestones(Map<Milestone, Instant> at, Map<Milestone, String> edited) {

    /** The event types the fold reads. */
    public static final Set<EventType> TYPES = Set.copyOf(new HashSet<>(List.of(
            EventType.INCIDENT_DECLARED,
            EventType.STATUS_CHANGED,
            EventType.MITIGATED,
            EventType.RESOLVED,
            EventType.MILESTONE_SET,
            EventType.EVENT_RETRACTED)));

    /** Copies the maps. */
    public Milestones {
        at = at.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(at));
        edited = Map.copyOf(edited);
    }

    /**
     * Folds an incident's log.
     *
     * @param events the events of one incident, in any order (extra types are ignored)
     * @return its milestones
     * @throws IllegalArgumentException if the events hold no {@code INCIDENT_DECLARED}
     */
    public static Milestones fold(Collection<Event> events) {
        Set<UUID> retracted = Retractions.retractedIds(events);
        List<Event> header = new ArrayList<>();
        List<Event> sets = new ArrayList<>();
        for (Event e : events) {
            if (retracted.contains(e.id())) {
                continue;
            }
            if (e.type() == EventType.MILESTONE_SET) {
                sets.add(e);
            } else if (IncidentState.HEADER_TYPES.contains(e.type())) {
                header.add(e);
            }
        }
        IncidentState st = IncidentState.fold(header);
        Map<Milestone, Instant> at = new EnumMap<>(Milestone.class);
        at.put(Milestone.IMPACT_STARTED, st.impactStart());
        at.put(Milestone.DETECTED, st.declaredAt());
        at.put(Milestone.ACKNOWLEDGED, st.declaredAt());
        st.mitigatedAt().ifPresent(t -> at.put(Milestone.MITIGATED, t));
        st.resolvedAt().ifPresent(t -> at.put(Milestone.RESOLVED, t));
        Map<Milestone, String> edited = new EnumMap<>(Milestone.class);
        sets.sort(BY_RECORDING);
        for (Event e : sets) {
            if (Bodies.read(e) instanceof PostmortemEvent.MilestoneSet m) {
                at.put(m.milestone(), m.at());
                edited.put(m.milestone(), m.reason());
            } // else unreadable: validated when recorded and on import, so it changes nothing
        }
        return new Milestones(at, edited);
    }

    /** The order edits apply in: as recorded, ties by id. */
    static final Comparator<Event> BY_RECORDING =
            Comparator.comparing(Event::recordedAt).thenComparing(Event::id);

    /** @return the instant of a milestone, if known */
    public Optional<Instant> of(Milestone m) {
        return Optional.ofNullable(at.get(m));
    }

    /** @return time to detect: detected − impact started */
    public Optional<Duration> timeToDetect() {
        return since(Milestone.DETECTED);
    }

    /** @return time to acknowledge: acknowledged − impact started */
    public Optional<Duration> timeToAcknowledge() {
        return since(Milestone.ACKNOWLEDGED);
    }

    /** @return time to mitigate: mitigated − impact started; empty until mitigated */
    public Optional<Duration> timeToMitigate() {
        return since(Milestone.MITIGATED);
    }

    /** @return time to resolve: resolved − impact started; empty until resolved */
    public Optional<Duration> timeToResolve() {
        return since(Milestone.RESOLVED);
    }

    private Optional<Duration> since(Milestone m) {
        Instant start = at.get(Milestone.IMPACT_STARTED);
        Instant t = at.get(m);
        return start == null || t == null ? Optional.empty() : Optional.of(Duration.between(start, t));
    }

    /**
     * Checks an edit before it is recorded: impact started must stay the earliest milestone.
     *
     * @param m the milestone to set
     * @param when its new instant (UTC)
     * @return empty if allowed, else a message naming the conflicting milestone and both times
     */
    public Optional<String> violation(Milestone m, Instant when) {
        Map<Milestone, Instant> next = new EnumMap<>(Milestone.class);
        next.putAll(at);
        next.put(m, when);
        Instant start = next.get(Milestone.IMPACT_STARTED);
        for (Milestone other : Milestone.values()) {
            Instant t = next.get(other);
            if (other != Milestone.IMPACT_STARTED && t != null && t.isBefore(start)) {
                return Optional.of(
                        m == Milestone.IMPACT_STARTED
                                ? "Impact started must be the earliest milestone: "
                                        + other.label().toLowerCase(java.util.Locale.ROOT)
                                        + " is at " + t + ", before " + when + ". Move "
                                        + other.label().toLowerCase(java.util.Locale.ROOT)
                                        + " first, or pick an earlier start."
                                : m.label() + " at " + when + " would be before impact started (" + start
                                        + "); impact started must be the earliest milestone. Edit impact started first.");
            }
        }
        return Optional.empty();
    }

    /**
     * Formats a TTx for headers and exports.
     *
     * @param d a duration, or empty
     * @return {@code 1h 05m}, {@code 12m}, {@code 45s}, {@code 2d 03h}, or an em dash when empty
     */
    public static String format(Optional<Duration> d) {
        if (d.isEmpty()) {
            return "—";
        }
        Duration v = d.get();
        String sign = v.isNegative() ? "-" : "";
        long s = Math.abs(v.getSeconds());
        if (s < 60) {
            return sign + s + "s";
        }
        long m = s / 60;
        if (m < 60) {
            return sign + m + "m";
        }
        long h = m / 60;
        if (h < 24) {
            return sign + h + "h " + String.format("%02dm", m % 60);
        }
        return sign + (h / 24) + "d " + String.format("%02dh", h % 24);
    }

    /** @return one line, e.g. {@code TTD 4m · TTA 6m · TTM 1h 05m · TTR —} */
    public String summaryLine() {
        return "TTD " + format(timeToDetect()) + " · TTA " + format(timeToAcknowledge()) + " · TTM "
                + format(timeToMitigate()) + " · TTR " + format(timeToResolve());
    }
}
