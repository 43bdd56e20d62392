package dev.conn.postmortem;

import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentState;
import dev.conn.timeline.TimelineEntry;
import dev.conn.timeline.TimelineProjection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

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
 * @param snapshots metric snapshots with a PNG image
 * @param cleanup every change made to production ({@code ACTION_TAKEN}), with its clean-up decision
 * @param today the date overdue action items are judged against
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
        LocalDate today) {

    /**
     * A metric snapshot to embed.
     *
     * @param at when it was taken (UTC)
     * @param title its caption
     * @param png the PNG bytes
     */
    public record Snapshot(java.time.Instant at, String title, byte[] png) {}

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
            EventType.INCIDENT_TAGGED);

    /**
     * @param events every event of one incident, in any order
     * @param today the date overdue action items are judged against (the user's zone)
     * @return the report
     * @throws IllegalArgumentException if the events hold no {@code INCIDENT_DECLARED}
     */
    public static PostmortemReport of(List<Event> events, LocalDate today) {
        Set<UUID> retracted = new HashSet<>();
        for (Event e : events) {
            if (e.type() == EventType.EVENT_RETRACTED) {
                e.payload().text("retractedEventId").map(UUID::fromString).ifPresent(retracted::add);
            }
        }
        List<Event> live = events.stream()
                .filter(e -> !retracted.contains(e.id()) && IncidentState.HEADER_TYPES.contains(e.type()))
                .toList();
        IncidentState state = IncidentState.fold(live);
        Postmortem pm = Postmortem.fold(events);
        List<TimelineEntry> rows = TimelineProjection.project(events).stream()
                .filter(r -> !BOOKKEEPING.contains(r.type()))
                .toList();
        Set<String> responders = new LinkedHashSet<>();
        Map<String, List<String>> roles = new LinkedHashMap<>();
        List<TimelineEntry> handoffs = new ArrayList<>();
        List<TimelineEntry> sent = new ArrayList<>();
        List<Snapshot> snapshots = new ArrayList<>();
        List<Cleanup> cleanup = new ArrayList<>();
        // a MESSAGE_SENT names its message; the subject and audience are on its MESSAGE_QUEUED
        Map<String, Event> queued = new LinkedHashMap<>();
        for (TimelineEntry r : rows) {
            if (r.event().type() == EventType.MESSAGE_QUEUED) {
                r.event().payload().text("messageId").ifPresent(id -> queued.put(id, r.event()));
            }
        }
        for (TimelineEntry r : rows) {
            if (r.retracted()) {
                continue;
            }
            Event e = r.event();
            var p = e.payload();
            switch (e.type()) {
                case INCIDENT_DECLARED -> addRole(
                        roles, IncidentState.COMMANDER_ROLE, p.text("commander").orElse(e.author()));
                case RESPONDER_JOINED -> p.text("name").ifPresent(responders::add);
                case ROLE_ASSIGNED -> p.text("person").ifPresent(who -> addRole(roles, p.textOrEmpty("role"), who));
                case HANDOFF_ACKNOWLEDGED -> {
                    handoffs.add(r);
                    p.text("to").ifPresent(who -> addRole(roles, p.textOrEmpty("role"), who));
                }
                case HANDOFF_OFFERED, HANDOFF_DECLINED, HANDOFF_EXPIRED, HANDOFF_WITHDRAWN -> handoffs.add(r);
                case MESSAGE_SENT -> sent.add(sentMessage(r, queued));
                case METRIC_SNAPSHOT -> png(p).ifPresent(bytes -> snapshots.add(new Snapshot(
                        e.occurredAt(),
                        p.text("name")
                                .or(() -> p.text("title"))
                                .or(() -> p.text("query"))
                                .orElse("Metric snapshot"),
                        bytes)));
                case ACTION_TAKEN -> cleanup.add(new Cleanup(r, pm.field(PostmortemField.cleanup(e.id()))));
                default -> {
                    // not a fact of its own
                }
            }
        }
        return new PostmortemReport(
                state,
                Milestones.fold(events),
                pm,
                rows,
                List.copyOf(responders),
                roles,
                handoffs,
                leaderless(events),
                sent,
                snapshots,
                cleanup,
                today);
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
     * The PNG of a snapshot: base64 in {@code png}, {@code pngBase64} or {@code image} (a bare
     * base64 string or a {@code data:image/png;base64,} URI). Anything that is not a PNG is
     * skipped, so nothing but an image is ever embedded.
     */
    static Optional<byte[]> png(dev.conn.incident.Payload p) {
        Optional<String> raw = p.text("png").or(() -> p.text("pngBase64")).or(() -> p.text("image"));
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        String b64 = raw.get();
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
    private static TimelineEntry sentMessage(TimelineEntry row, Map<String, Event> queued) {
        var p = row.event().payload();
        Event q = p.text("messageId").map(queued::get).orElse(null);
        if (q == null) {
            return row;
        }
        String text = "\"" + q.payload().textOrEmpty("subject") + "\""
                + q.payload()
                        .text("audience")
                        .map(a -> " to " + a.replace('_', ' ').toLowerCase(java.util.Locale.ROOT))
                        .orElse("")
                + p.text("channel").map(c -> " via " + c).orElse("")
                + (p.text("markedByUser").filter("true"::equals).isPresent() ? " (marked sent by user)" : "");
        return new TimelineEntry(
                row.event(), text, row.originalText(), row.correctedBy(), row.correctedAt(), row.retracted());
    }
}
