package dev.conn.impact;

import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.Milestone;
import dev.conn.postmortem.Milestones;
import dev.conn.timeline.TimelineEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A vertical line on every impact chart: a milestone (impact started, detected, acknowledged,
 * mitigated, resolved; drawn solid and labelled) or a timeline entry (severity or status change,
 * action, hand-off; drawn dashed).
 *
 * @param at where it stands (UTC)
 * @param milestone true for a milestone, false for an entry
 * @param label the short label ("Mitigated", "Action taken")
 * @param detail the hover text: the entry's description, or how the milestone was set
 * @param eventId the entry selected in the timeline on click, if there is one
 */
public record ImpactMarker(Instant at, boolean milestone, String label, String detail, Optional<UUID> eventId) {

    /**
     * @param events the incident's events (any order)
     * @param window the charted window: markers outside it are left out
     * @return milestone markers (from {@link Milestones#fold}) and entry markers ({@link
     *     ImpactWindow#markers}), in time order; milestones at the same instant are one marker
     *     ("Detected, acknowledged")
     */
    public static List<ImpactMarker> of(Collection<Event> events, ImpactWindow window) {
        List<ImpactMarker> out = new ArrayList<>();
        Milestones ms = milestones(events);
        Map<Instant, List<Milestone>> byTime = new java.util.TreeMap<>();
        for (Milestone m : Milestone.values()) {
            ms.of(m).filter(window::contains).ifPresent(t -> byTime.computeIfAbsent(t, k -> new ArrayList<>())
                    .add(m));
        }
        for (Map.Entry<Instant, List<Milestone>> e : byTime.entrySet()) {
            StringBuilder label = new StringBuilder();
            for (Milestone m : e.getValue()) {
                label.append(label.length() == 0 ? m.label() : ", " + m.label().toLowerCase(java.util.Locale.ROOT));
            }
            Optional<UUID> source = sourceEvent(events, e.getKey(), e.getValue());
            String edited = e.getValue().stream()
                    .filter(ms.edited()::containsKey)
                    .map(m -> m.label() + " set: " + ms.edited().get(m))
                    .findFirst()
                    .orElse("milestone");
            out.add(new ImpactMarker(e.getKey(), true, label.toString(), edited, source));
        }
        for (Event e : window.markers(events)) {
            out.add(new ImpactMarker(
                    e.occurredAt(), false, e.type().label(), TimelineEntry.describe(e), Optional.of(e.id())));
        }
        out.sort(Comparator.comparing(ImpactMarker::at).thenComparing(m -> !m.milestone()));
        return out;
    }

    private static Milestones milestones(Collection<Event> events) {
        try {
            return Milestones.fold(events);
        } catch (IllegalArgumentException noDeclaration) {
            return new Milestones(Map.of(), Map.of());
        }
    }

    private static Optional<UUID> sourceEvent(Collection<Event> events, Instant at, List<Milestone> ms) {
        for (Event e : events) {
            boolean kind = e.type() == EventType.MILESTONE_SET
                    || (e.type() == EventType.INCIDENT_DECLARED
                            && (ms.contains(Milestone.DETECTED)
                                    || ms.contains(Milestone.ACKNOWLEDGED)
                                    || ms.contains(Milestone.IMPACT_STARTED)))
                    || (e.type() == EventType.MITIGATED && ms.contains(Milestone.MITIGATED))
                    || (e.type() == EventType.RESOLVED && ms.contains(Milestone.RESOLVED));
            if (kind
                    && (e.occurredAt().equals(at)
                            || e.type() == EventType.MILESTONE_SET
                                    && e.payload().instant("at").map(at::equals).orElse(false))) {
                return Optional.of(e.id());
            }
        }
        return Optional.empty();
    }
}
