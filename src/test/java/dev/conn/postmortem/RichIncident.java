package dev.conn.postmortem;

import dev.conn.incident.AckMethod;
import dev.conn.incident.ActionItemKind;
import dev.conn.incident.ActionItemStatus;
import dev.conn.incident.Audience;
import dev.conn.incident.CommandEvent;
import dev.conn.incident.CommsEvent;
import dev.conn.incident.Event;
import dev.conn.incident.EventBody;
import dev.conn.incident.HeaderEvent;
import dev.conn.incident.ImpactEvent;
import dev.conn.incident.IncidentId;
import dev.conn.incident.Milestone;
import dev.conn.incident.PostmortemEvent;
import dev.conn.incident.Role;
import dev.conn.incident.Severity;
import dev.conn.incident.TimelineEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A rich, fully deterministic incident for export tests: fixed ids and times, two days long, with
 * notes full of Markdown, HTML and CSV traps.
 */
final class RichIncident {
    static final Instant T0 = Instant.parse("2026-11-19T23:40:00Z");
    static final IncidentId ID = new IncidentId(UUID.fromString("0193a000-0000-7000-8000-000000000001"));
    /** A 1x1 transparent PNG. */
    static final String PNG_BASE64 =
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    private final List<Event> events = new ArrayList<>();
    private int next = 2;

    private RichIncident() {}

    static List<Event> events() {
        RichIncident r = new RichIncident();
        r.build();
        return r.events;
    }

    private UUID id() {
        return UUID.fromString(String.format("0193a000-0000-7000-8000-%012d", next++));
    }

    private static Instant at(int minutes) {
        return T0.plusSeconds(minutes * 60L);
    }

    private Event add(int minutes, String author, EventBody body) {
        Event e = Event.of(id(), ID, at(minutes), at(minutes), author, body);
        events.add(e);
        return e;
    }

    private static Optional<String> no() {
        return Optional.empty();
    }

    private void build() {
        add(
                20,
                "alice",
                new HeaderEvent.IncidentDeclared(
                        "Checkout down: DNS | cache <leak>",
                        Severity.SEV1,
                        no(),
                        Optional.of(T0),
                        Optional.of("alice")));
        add(21, "alice", new CommandEvent.ResponderJoined("r-bob", "Bob", no(), no()));
        add(22, "alice", new CommandEvent.RoleAssigned(Role.COMMUNICATIONS_LEAD, "Bob", no()));
        add(25, "bob", new TimelineEvent.Note("resolver pods | OOMKilled\nsee `kubectl get pods`"));
        add(26, "bob", new TimelineEvent.Note("<script>alert('x')</script> [click](javascript:alert(1))"));
        add(27, "bob", new TimelineEvent.Note("=HYPERLINK(\"http://evil\",\"x\")"));
        Event wrong = add(28, "bob", new TimelineEvent.Note("db is fine"));
        add(29, "bob", new TimelineEvent.EventCorrected(wrong.id(), "db has a metadata lock"));
        Event action = add(35, "alice", new TimelineEvent.ActionTaken("raised DNS cache memory limit to 2Gi"));
        add(
                36,
                "alice",
                new CommsEvent.MessageQueued(
                        "m1",
                        Audience.STATUS_PAGE,
                        "statuspage",
                        "Status page: investigating checkout errors",
                        "We are investigating errors at checkout.",
                        Optional.empty(),
                        no()));
        add(36, "alice", new CommsEvent.MessageSent("m1", "statuspage", at(36), no(), Optional.empty()));
        add(
                40,
                "alice",
                new CommandEvent.HandoffOffered(
                        "o1",
                        Role.INCIDENT_COMMANDER,
                        "alice",
                        no(),
                        "Bob",
                        "r-bob",
                        "K7-DELTA",
                        no(),
                        Optional.empty()));
        add(
                42,
                "bob",
                new CommandEvent.HandoffAcknowledged("o1", Role.INCIDENT_COMMANDER, "Bob", no(), AckMethod.READ_BACK));
        add(50, "bob", snapshot("DNS resolver memory <MiB>", PNG_BASE64));
        add(90, "bob", new HeaderEvent.Mitigated(Optional.of("cache limit raised")));
        add(60 * 26, "bob", new HeaderEvent.Resolved(no()));
        add(
                60 * 27,
                "carol",
                new PostmortemEvent.MilestoneSet(Milestone.DETECTED, at(10), "first alert fired at 23:50"));
        field(60 * 27 + 1, "summary", "DNS cache leak | cascaded into **API rate limits**.\nThen a DB lock.");
        field(60 * 27 + 2, "impact", "40 % of checkouts failed for 70 min <b>EU</b>");
        field(60 * 27 + 3, "rootCause.1", "DNS cache grew without bound");
        field(60 * 27 + 4, "rootCause.1.why.1", "Why did checkout fail? DNS lookups timed out");
        field(60 * 27 + 5, "rootCause.1.why.2", "Why? resolver pods were OOMKilled");
        field(60 * 27 + 6, "rootCause.1.elsewhere", "Every cache without a cap; lint for unbounded caches");
        field(60 * 27 + 7, "trigger", "Traffic spike at 23:40");
        field(60 * 27 + 8, "resolution", "Raised the limit, then restarted");
        field(60 * 27 + 9, "detection", "Checkout error-rate alert");
        field(60 * 27 + 10, "wentWell", "Hand-off with read-back");
        field(60 * 27 + 11, "wentWrong", "- no memory alert\n1. no runbook");
        field(60 * 27 + 12, "gotLucky", "Low traffic at night");
        field(60 * 27 + 13, "supporting", "Dashboard: https://grafana.example/d/dns");
        field(60 * 27 + 14, "cleanup." + action.id(), "MAKE_PERMANENT");
        add(
                60 * 27 + 15,
                "carol",
                new PostmortemEvent.ActionItemAdded(
                        "0193a000-0000-7000-8000-999999999991",
                        "Alert on resolver memory | 80%",
                        ActionItemKind.PREVENT,
                        Optional.of("Bob"),
                        Optional.of("2026-11-18"),
                        Optional.of("javascript:alert(1)"),
                        ActionItemStatus.OPEN,
                        Optional.of(1),
                        Optional.empty()));
        add(
                60 * 27 + 16,
                "carol",
                new PostmortemEvent.ActionItemAdded(
                        "0193a000-0000-7000-8000-999999999992",
                        "Cap every in-process cache",
                        ActionItemKind.PREVENT,
                        Optional.of("Dana"),
                        Optional.of("2026-12-15"),
                        Optional.of("https://tickets.example/OPS-42"),
                        ActionItemStatus.OPEN,
                        Optional.of(1),
                        Optional.of(true)));
        add(60 * 27 + 17, "carol", new PostmortemEvent.IncidentTagged(List.of("dns", "checkout"), List.of("capacity")));
    }

    /** A metric snapshot carrying only a name and a PNG, as early versions recorded them. */
    static ImpactEvent.MetricSnapshot snapshot(String name, String png) {
        return new ImpactEvent.MetricSnapshot(
                no(),
                name,
                no(),
                no(),
                no(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                no(),
                Optional.empty(),
                Optional.of(png),
                Optional.empty());
    }

    private void field(int minutes, String key, String text) {
        add(minutes, "carol", new PostmortemEvent.PostmortemFieldSet(key, text));
    }
}
