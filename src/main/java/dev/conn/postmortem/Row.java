package dev.conn.postmortem;

import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.PostmortemEvent;
import dev.conn.incident.TimelineEvent;
import dev.conn.timeline.TimelineEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One line of the postmortem's timeline: a timeline row listed at the time it is about. For almost
 * every row that is when it happened; a milestone edit ({@code MILESTONE_SET}) is listed at the
 * time it sets, and its text says when it was set and by whom, so "detected at 09:12", set an hour
 * later, reads at 09:12 (issue 16).
 *
 * @param at the time the row is listed at (UTC)
 * @param entry the timeline row
 * @param text what the row says
 * @param key true for a key event: a decision, an action, a milestone (declared, mitigated,
 *     resolved, a milestone edit), a status or severity change, or an entry starred in the timeline
 * @param starred true if the entry is starred in the timeline
 */
public record Row(Instant at, TimelineEntry entry, String text, boolean key, boolean starred) {
    /** The event types that are always key events. */
    public static final Set<EventType> KEY_TYPES = Set.of(
            EventType.INCIDENT_DECLARED,
            EventType.SEVERITY_CHANGED,
            EventType.STATUS_CHANGED,
            EventType.DECISION,
            EventType.ACTION_TAKEN,
            EventType.MITIGATED,
            EventType.RESOLVED,
            EventType.MILESTONE_SET);

    /** Listed time, then the event's timeline order. */
    private static final Comparator<Row> ORDER =
            Comparator.comparing(Row::at).thenComparing(r -> r.entry().event(), Event.BY_OCCURRENCE);

    /**
     * @param timeline the timeline rows, any order
     * @param starred the ids of the starred entries
     * @return the postmortem's rows, in listed-time order
     */
    static List<Row> of(List<TimelineEntry> timeline, Set<UUID> starred) {
        List<Row> out = new ArrayList<>(timeline.size());
        for (TimelineEntry e : timeline) {
            boolean star = starred.contains(e.event().id());
            boolean key = star || KEY_TYPES.contains(e.type());
            if (Bodies.read(e.event()) instanceof PostmortemEvent.MilestoneSet m && !e.isCorrected()) {
                String text = "Milestone " + m.milestone().label().toLowerCase(java.util.Locale.ROOT)
                        + " (set " + MarkdownExporter.STAMP.format(e.event().occurredAt()) + " by "
                        + e.event().author() + ")" + (m.reason().isBlank() ? "" : ". " + m.reason());
                out.add(new Row(m.at(), e, text, key, star));
            } else {
                out.add(new Row(e.event().occurredAt(), e, e.text(), key, star));
            }
        }
        out.sort(ORDER);
        return List.copyOf(out);
    }

    /**
     * @param events an incident's events, any order
     * @return the ids of the entries starred now: for each entry, its latest {@code ENTRY_STARRED}
     *     in timeline order decides; retracted stars count for nothing
     */
    static Set<UUID> starred(Collection<Event> events) {
        Set<UUID> retracted = dev.conn.incident.Retractions.retractedIds(events);
        List<Event> stars = new ArrayList<>();
        for (Event e : events) {
            if (e.type() == EventType.ENTRY_STARRED && !retracted.contains(e.id())) {
                stars.add(e);
            }
        }
        stars.sort(Event.BY_OCCURRENCE);
        Set<UUID> out = new HashSet<>();
        for (Event e : stars) {
            if (Bodies.read(e) instanceof TimelineEvent.EntryStarred s) {
                if (s.starred()) {
                    out.add(s.entryId());
                } else {
                    out.remove(s.entryId());
                }
            }
        }
        return out;
    }

    /** @return the row's event type */
    public EventType type() {
        return entry.type();
    }
}
