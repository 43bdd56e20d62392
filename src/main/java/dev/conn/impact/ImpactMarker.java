package dev.conn.impact;

import dev.conn.incident.Event;
import dev.conn.incident.EventBody;
import dev.conn.incident.HeaderEvent;
import dev.conn.incident.Milestone;
import dev.conn.incident.PostmortemEvent;
import dev.conn.incident.Status;
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

    /**
     * @return the event a milestone marker stands for, read from the typed bodies: the latest
     *     {@link PostmortemEvent.MilestoneSet} of one of the milestones at that instant, else the
     *     declaration (impact started, detected, acknowledged), the mitigation or the resolution (or
     *     the status change to resolved)
     */
    private static Optional<UUID> sourceEvent(Collection<Event> events, Instant at, List<Milestone> ms) {
        Optional<UUID> found = Optional.empty();
        for (Event e : events) {
            EventBody b = e.body();
            boolean match;
            if (b instanceof PostmortemEvent.MilestoneSet set) {
                match = ms.contains(set.milestone()) && set.at().equals(at);
            } else if (b instanceof HeaderEvent.IncidentDeclared d) {
                match = (ms.contains(Milestone.DETECTED) || ms.contains(Milestone.ACKNOWLEDGED))
                                && e.occurredAt().equals(at)
                        || ms.contains(Milestone.IMPACT_STARTED)
                                && d.impactStartedAt().orElse(e.occurredAt()).equals(at);
            } else if (b instanceof HeaderEvent.Mitigated) {
                match = ms.contains(Milestone.MITIGATED) && e.occurredAt().equals(at);
            } else if (b instanceof HeaderEvent.Resolved
                    || b instanceof HeaderEvent.StatusChanged sc && sc.status() == Status.RESOLVED) {
                match = ms.contains(Milestone.RESOLVED) && e.occurredAt().equals(at);
            } else {
                match = false;
            }
            if (match && (found.isEmpty() || e.body() instanceof PostmortemEvent.MilestoneSet)) {
                found = Optional.of(e.id());
            }
        }
        return found;
    }
}
