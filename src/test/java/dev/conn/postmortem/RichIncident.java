package dev.conn.postmortem;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentId;
import dev.conn.incident.Payload;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    private Event add(int minutes, String author, EventType type, Payload p) {
        Instant at = T0.plusSeconds(minutes * 60L);
        Event e = new Event(id(), ID, at, at, author, type, p);
        events.add(e);
        return e;
    }

    private void build() {
        add(
                20,
                "alice",
                EventType.INCIDENT_DECLARED,
                Payload.of(
                        "title", "Checkout down: DNS | cache <leak>",
                        "severity", "SEV1",
                        "impactStartedAt", T0.toString(),
                        "commander", "alice"));
        add(21, "alice", EventType.RESPONDER_JOINED, Payload.of("responderId", "r-bob", "name", "Bob"));
        add(22, "alice", EventType.ROLE_ASSIGNED, Payload.of("role", "COMMUNICATIONS_LEAD", "person", "Bob"));
        add(25, "bob", EventType.NOTE, Payload.of("text", "resolver pods | OOMKilled\nsee `kubectl get pods`"));
        add(26, "bob", EventType.NOTE, Payload.of("text", "<script>alert('x')</script> [click](javascript:alert(1))"));
        add(27, "bob", EventType.NOTE, Payload.of("text", "=HYPERLINK(\"http://evil\",\"x\")"));
        Event wrong = add(28, "bob", EventType.NOTE, Payload.of("text", "db is fine"));
        add(
                29,
                "bob",
                EventType.EVENT_CORRECTED,
                Payload.of("correctedEventId", wrong.id(), "text", "db has a metadata lock"));
        Event action =
                add(35, "alice", EventType.ACTION_TAKEN, Payload.of("text", "raised DNS cache memory limit to 2Gi"));
        // payloads as the comms outbox records them (EventType)
        add(
                36,
                "alice",
                EventType.MESSAGE_QUEUED,
                Payload.of(
                        "messageId",
                        "m1",
                        "audience",
                        "STATUS_PAGE",
                        "channels",
                        "statuspage",
                        "subject",
                        "Status page: investigating checkout errors",
                        "body",
                        "We are investigating errors at checkout."));
        add(36, "alice", EventType.MESSAGE_SENT, Payload.of("messageId", "m1", "channel", "statuspage", "sentAt", "x"));
        add(
                40,
                "alice",
                EventType.HANDOFF_OFFERED,
                Payload.of(
                        "offerId",
                        "o1",
                        "role",
                        "INCIDENT_COMMANDER",
                        "from",
                        "alice",
                        "to",
                        "Bob",
                        "toId",
                        "r-bob",
                        "readBackCode",
                        "K7-DELTA"));
        add(
                42,
                "bob",
                EventType.HANDOFF_ACKNOWLEDGED,
                Payload.of("offerId", "o1", "role", "INCIDENT_COMMANDER", "to", "Bob", "method", "READ_BACK"));
        ObjectNode snap = JsonNodeFactory.instance.objectNode();
        snap.put("name", "DNS resolver memory <MiB>");
        snap.put("png", PNG_BASE64);
        add(50, "bob", EventType.METRIC_SNAPSHOT, Payload.ofNode(snap));
        add(90, "bob", EventType.MITIGATED, Payload.of("text", "cache limit raised"));
        add(60 * 26, "bob", EventType.RESOLVED, Payload.empty());
        add(
                60 * 27,
                "carol",
                EventType.MILESTONE_SET,
                Payload.of(
                        "milestone",
                        "DETECTED",
                        "at",
                        T0.plusSeconds(10 * 60).toString(),
                        "reason",
                        "first alert fired at 23:50"));
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
                EventType.ACTION_ITEM_ADDED,
                Payload.of(
                        "itemId",
                        "0193a000-0000-7000-8000-999999999991",
                        "text",
                        "Alert on resolver memory | 80%",
                        "kind",
                        "PREVENT",
                        "owner",
                        "Bob",
                        "due",
                        "2026-11-18",
                        "ticket",
                        "javascript:alert(1)",
                        "status",
                        "OPEN",
                        "rootCause",
                        1));
        add(
                60 * 27 + 16,
                "carol",
                EventType.ACTION_ITEM_ADDED,
                Payload.of(
                        "itemId",
                        "0193a000-0000-7000-8000-999999999992",
                        "text",
                        "Cap every in-process cache",
                        "kind",
                        "PREVENT",
                        "owner",
                        "Dana",
                        "due",
                        "2026-12-15",
                        "ticket",
                        "https://tickets.example/OPS-42",
                        "status",
                        "OPEN",
                        "rootCause",
                        1,
                        "elsewhere",
                        true));
        ObjectNode tags = JsonNodeFactory.instance.objectNode();
        tags.putArray("services").add("dns").add("checkout");
        tags.putArray("categories").add("capacity");
        add(60 * 27 + 17, "carol", EventType.INCIDENT_TAGGED, Payload.ofNode(tags));
    }

    private void field(int minutes, String key, String text) {
        add(minutes, "carol", EventType.POSTMORTEM_FIELD_SET, Payload.of("field", key, "text", text));
    }
}
