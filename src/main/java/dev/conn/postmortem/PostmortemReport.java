package dev.conn.postmortem;

import dev.conn.incident.CommandEvent;
import dev.conn.incident.CommsEvent;
import dev.conn.incident.Event;
import dev.conn.incident.EventBody;
import dev.conn.incident.EventType;
import dev.conn.incident.HeaderEvent;
import dev.conn.incident.ImpactEvent;
import dev.conn.incident.IncidentState;
import dev.conn.incident.Role;
import dev.conn.incident.TimelineEvent;
import dev.conn.timeline.TimelineEntry;
import dev.conn.timeline.TimelineProjection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a postmortem export shows, gathered from one incident's log: the header state, the
 * milestones and TTx, what the team wrote, and the facts Conn knows (timeline, responders and
 * roles, hand-offs, messages sent, metric snapshots, changes made to production). Pure: built
 * from events and a date, no I/O.
 *
 * @param state the incident header (retracted events left out)
 * @param milestones milestones and TTx
 * @param postmortem the written sections, action items and tags
 * @param timeline every timeline row (corrections applied, retractions marked), oldest first;
 *     postmortem bookkeeping (section edits, action items, tags) left out
 * @param responders who took part, in order of joining
 * @param roles each role (a {@code command.Role} name) and who held it, in order
 * @param handoffs the hand-off rows
 * @param leaderless every interval the incident had no leader, in words (when, how long, why),
 *     oldest first (SRE book ch. 14: someone must hold command at all times)
 * @param messagesSent the rows of messages sent
 * @param snapshots metric snapshots with a PNG image or points to chart
 * @param cleanup every change made to production ({@code ACTION_TAKEN}), with its clean-up decision
 * @param today the date overdue action items are judged against
 * @param rows the timeline as the postmortem lists it, in time order: every timeline row, a
 *     milestone edit at the time it sets (saying when it was set), each marked key or not
 */
public record PostmortemReport(
        IncidentState state,
        Milestones milestones,
        Postmortem postmortem,
        List<TimelineEntry> timeline,
        List<String> responders,
        Map<String, List<String>> roles,
        List<TimelineEntry> handoffs,
        List<String> leaderless,
        List<TimelineEntry> messagesSent,
        List<Snapshot> snapshots,
        List<Cleanup> cleanup,
        LocalDate today,
        List<Row> rows) {

    /**
     * A metric snapshot to embed.
     *
     * @param at when it was taken (UTC)
     * @param title its caption
     * @param png the PNG bytes (empty if the snapshot kept none)
     * @param from start of the charted window (UTC), if recorded
     * @param to end of the charted window (UTC), if recorded
     * @param unit the value's unit, or empty
     * @param raw the source's answer, if it holds points to chart
     */
    public record Snapshot(
            java.time.Instant at,
            String title,
            byte[] png,
            Optional<java.time.Instant> from,
            Optional<java.time.Instant> to,
            String unit,
            Optional<String> raw) {}

    /**
     * A change made to production during the incident, to revert or make permanent.
     *
     * @param entry the {@code ACTION_TAKEN} row
     * @param decision {@code REVERT}, {@code MAKE_PERMANENT}, {@code DONE}, or empty if undecided
     */
    public record Cleanup(TimelineEntry entry, String decision) {}

    private static final Set<EventType> BOOKKEEPING = Set.of(
            EventType.POSTMORTEM_FIELD_SET,
            EventType.ACTION_ITEM_ADDED,
            EventType.ACTION_ITEM_UPDATED,
            EventType.INCIDENT_TAGGED,
            EventType.POSTMORTEM_HEADER_SET);

    /**
     * @param events every event of one incident, in any order
     * @param today the date overdue action items are judged against (the user's zone)
     * @return the report
     * @throws IllegalArgumentException if the events hold no {@code INCIDENT_DECLARED}
     */
    public static PostmortemReport of(List<Event> events, LocalDate today) {
        IncidentState state = IncidentState.fold(events.stream()
                .filter(e -> IncidentState.HEADER_TYPES.contains(e.type()))
                .toList());
        Postmortem pm = Postmortem.fold(events);
        List<TimelineEntry> rows = TimelineProjection.project(events).stream()
                .filter(r -> !BOOKKEEPING.contains(r.type()))
                .toList();
        Facts facts = new Facts(pm);
        for (TimelineEntry r : rows) {
            if (Bodies.read(r.event()) instanceof CommsEvent.MessageQueued q) {
                facts.queued.put(q.messageId(), q);
            }
        }
        for (TimelineEntry r : rows) {
            if (!r.retracted()) {
                facts.add(r);
            }
        }
        return new PostmortemReport(
                state,
                Milestones.fold(events),
                pm,
                rows,
                List.copyOf(facts.responders),
                facts.roles,
                facts.handoffs,
                leaderless(events),
                facts.sent,
                facts.snapshots,
                facts.cleanup,
                today,
                Row.of(rows, Row.starred(events)));
    }

    /** The facts Conn knows, gathered from the timeline rows in order. */
    private static final class Facts {
        private final Postmortem pm;
        private final Set<String> responders = new LinkedHashSet<>();
        private final Map<String, List<String>> roles = new LinkedHashMap<>();
        private final List<TimelineEntry> handoffs = new ArrayList<>();
        private final List<TimelineEntry> sent = new ArrayList<>();
        private final List<Snapshot> snapshots = new ArrayList<>();
        private final List<Cleanup> cleanup = new ArrayList<>();
        /** A message sent names its message; the subject and audience are on its queueing. */
        private final Map<String, CommsEvent.MessageQueued> queued = new LinkedHashMap<>();

        Facts(Postmortem pm) {
            this.pm = pm;
        }

        void add(TimelineEntry r) {
            Event e = r.event();
            EventBody body = Bodies.read(e);
            if (body instanceof HeaderEvent.IncidentDeclared d) {
                addRole(roles, Role.INCIDENT_COMMANDER.name(), d.commander().orElse(e.author()));
            } else if (body instanceof CommandEvent.ResponderJoined j) {
                responders.add(j.name());
            } else if (body instanceof CommandEvent.RoleAssigned a) {
                addRole(roles, a.role().name(), a.person());
            } else if (body instanceof CommandEvent.HandoffAcknowledged a) {
                handoffs.add(r);
                addRole(roles, a.role().name(), a.to());
            } else if (body instanceof CommandEvent.HandoffOffered || body instanceof CommandEvent.HandoffOutcome) {
                handoffs.add(r);
            } else if (body instanceof CommsEvent.MessageSent m) {
                sent.add(sentMessage(r, m, queued.get(m.messageId())));
            } else if (body == null && e.type() == EventType.MESSAGE_SENT) {
                sent.add(r); // a message was sent, though its record cannot be read: shown as the timeline shows it
            } else if (body instanceof ImpactEvent.MetricSnapshot s) {
                byte[] image = png(s).orElse(new byte[0]);
                Optional<String> raw =
                        s.raw().filter(a -> !SnapshotChart.parse(a).isEmpty());
                if (image.length > 0 || raw.isPresent()) {
                    snapshots.add(new Snapshot(
                            e.occurredAt(),
                            s.name(),
                            image,
                            s.from(),
                            s.to(),
                            s.unit().orElse(""),
                            raw));
                }
            } else if (body instanceof TimelineEvent.ActionTaken) {
                cleanup.add(new Cleanup(r, pm.field(PostmortemField.cleanup(e.id()))));
            }
        }
    }

    /** The roster's leaderless intervals, each in one line. */
    private static List<String> leaderless(java.util.Collection<Event> events) {
        List<String> out = new ArrayList<>();
        for (dev.conn.command.LeaderlessInterval i :
                dev.conn.command.Roster.fold(events).leaderlessIntervals()) {
            String end = i.end().map(e -> MarkdownExporter.STAMP.format(e)).orElse("the end of the record");
            String length = i.end()
                    .map(e -> " (" + java.time.Duration.between(i.start(), e).toMinutes() + " min)")
                    .orElse("");
            out.add(MarkdownExporter.STAMP.format(i.start()) + " to " + end + length + ": "
                    + i.reason().description());
        }
        return List.copyOf(out);
    }

    private static void addRole(Map<String, List<String>> roles, String role, String who) {
        List<String> holders = roles.computeIfAbsent(role, k -> new ArrayList<>());
        if (holders.isEmpty() || !holders.get(holders.size() - 1).equals(who)) {
            holders.add(who);
        }
    }

    /**
     * The PNG of a snapshot: base64 in {@code png}, bare or as a {@code data:image/png;base64,}
     * URI. Anything that is not a PNG is skipped, so nothing but an image is ever embedded.
     */
    static Optional<byte[]> png(ImpactEvent.MetricSnapshot s) {
        if (s.png().isEmpty()) {
            return Optional.empty();
        }
        String b64 = s.png().get();
        int comma = b64.indexOf(',');
        if (b64.startsWith("data:")) {
            if (!b64.startsWith("data:image/png;base64,")) {
                return Optional.empty();
            }
            b64 = b64.substring(comma + 1);
        }
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(b64);
            boolean isPng = bytes.length > 8
                    && (bytes[0] & 0xff) == 0x89
                    && bytes[1] == 'P'
                    && bytes[2] == 'N'
                    && bytes[3] == 'G';
            return isPng ? Optional.of(bytes) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The row of a message sent, in words: what was said, to whom, through which channel. */
    private static TimelineEntry sentMessage(
            TimelineEntry row, CommsEvent.MessageSent sent, CommsEvent.MessageQueued q) {
        if (q == null) {
            return row;
        }
        String text = "\"" + q.subject() + "\""
                + " to " + q.audience().name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT)
                + " via " + sent.channel()
                + (sent.markedByUser().orElse(false) ? " (marked sent by user)" : "");
        return new TimelineEntry(
                row.event(), text, row.originalText(), row.correctedBy(), row.correctedAt(), row.retracted());
    }

    /**
     * @return what Conn knows, as the postmortem tab lists it: responders and roles, hand-offs,
     *     messages sent (times in UTC), metric snapshots and the number of timeline entries
     */
    public String factsSummary() {
        StringBuilder b = new StringBuilder();
        b.append("Responders: ").append(responders.isEmpty() ? "none recorded" : String.join(", ", responders));
        roles.forEach((role, who) -> b.append("\n")
                .append(MarkdownExporter.roleLabel(role))
                .append(": ")
                .append(String.join(" → ", who)));
        b.append("\nHand-offs: ").append(handoffs.size());
        handoffs.forEach(h -> b.append("\n  ")
                .append(MarkdownExporter.STAMP.format(h.event().occurredAt()))
                .append("  ")
                .append(h.text()));
        b.append("\nMessages sent: ").append(messagesSent.size());
        messagesSent.forEach(h -> b.append("\n  ")
                .append(MarkdownExporter.STAMP.format(h.event().occurredAt()))
                .append("  ")
                .append(h.text()));
        b.append("\nMetric snapshots: ").append(snapshots.size());
        b.append("\nTimeline entries: ").append(timeline.size());
        return b.toString();
    }
}
