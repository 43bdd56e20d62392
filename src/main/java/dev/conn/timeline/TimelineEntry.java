package dev.conn.timeline;

import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.Payload;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * One row of the timeline: an event with any corrections applied. The original event is kept
 * unchanged; {@link #originalText()} holds what it said before the first correction.
 *
 * @param event the original event
 * @param text the text to show: the latest correction, or the event's own description
 * @param originalText the text before any correction, or empty if never corrected
 * @param correctedBy who made the latest correction, or empty
 * @param correctedAt when the latest correction was recorded (UTC), or empty
 * @param retracted true if the entry was withdrawn (shown struck through, never hidden)
 */
public record TimelineEntry(
        Event event,
        String text,
        Optional<String> originalText,
        Optional<String> correctedBy,
        Optional<Instant> correctedAt,
        boolean retracted) {

    /**
     * @param event an event
     * @return its row before any amendment
     */
    public static TimelineEntry of(Event event) {
        return new TimelineEntry(event, describe(event), Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    /** @return true if the text was corrected at least once */
    public boolean isCorrected() {
        return originalText.isPresent();
    }

    /** @return the event's type */
    public EventType type() {
        return event.type();
    }

    /**
     * @param query lower-case search text
     * @return true if the text, the original text, the author or the type label contains it
     */
    public boolean matches(String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        String q = query.strip().toLowerCase(Locale.ROOT);
        return text.toLowerCase(Locale.ROOT).contains(q)
                || originalText.map(t -> t.toLowerCase(Locale.ROOT).contains(q)).orElse(false)
                || event.author().toLowerCase(Locale.ROOT).contains(q)
                || event.type().label().toLowerCase(Locale.ROOT).contains(q);
    }

    TimelineEntry corrected(Event correction) {
        return new TimelineEntry(
                event,
                correction.payload().textOrEmpty("text"),
                Optional.of(originalText.orElse(text)),
                Optional.of(correction.author()),
                Optional.of(correction.recordedAt()),
                retracted);
    }

    TimelineEntry withdrawn() {
        return new TimelineEntry(event, text, originalText, correctedBy, correctedAt, true);
    }

    /**
     * The one-line text of an event as the timeline and exports show it.
     *
     * @param e an event
     * @return its description, e.g. "Status: identified. Bad deploy of payments-api"
     */
    public static String describe(Event e) {
        Payload p = e.payload();
        String text = p.textOrEmpty("text");
        String suffix = text.isBlank() ? "" : ". " + text;
        return switch (e.type()) {
            case INCIDENT_DECLARED -> "Declared " + p.textOrEmpty("severity") + ": " + p.textOrEmpty("title")
                    + p.text("summary").map(s -> ". " + s).orElse("")
                    + ". Incident commander: " + p.text("commander").orElse(e.author());
            case SEVERITY_CHANGED -> "Severity changed to " + p.textOrEmpty("severity") + suffix;
            case STATUS_CHANGED -> "Status: " + p.textOrEmpty("status") + suffix;
            case MITIGATED -> "Impact mitigated" + suffix;
            case RESOLVED -> "Incident resolved" + suffix;
            case ROLE_ASSIGNED -> p.textOrEmpty("person") + " assigned as " + roleLabel(p.textOrEmpty("role"));
            case HANDOFF_ACKNOWLEDGED -> roleLabel(p.textOrEmpty("role")) + " handed to " + p.textOrEmpty("to")
                    + ackMethod(p.textOrEmpty("method")) + suffix;
            case HANDOFF_OFFERED -> p.textOrEmpty("from") + " offered " + roleLabel(p.textOrEmpty("role")) + " to "
                    + p.textOrEmpty("to")
                    + p.text("readBackCode")
                            .map(c -> " (read-back code " + c + ")")
                            .orElse("");
            case HANDOFF_DECLINED -> "Hand-off declined"
                    + p.text("reason").map(r -> ": " + r).orElse("");
            case HANDOFF_WITHDRAWN -> "Hand-off offer withdrawn"
                    + p.text("reason").map(r -> ": " + r).orElse("");
            case HANDOFF_EXPIRED -> "Hand-off offer expired without acknowledgement; the holder keeps the role";
            case RESPONDER_JOINED -> p.textOrEmpty("name") + " joined the response"
                    + p.text("handle").map(h -> " (" + h + ")").orElse("");
            case RESPONDER_LEFT -> p.text("person").orElse("A responder") + " left the response";
            case BREAK_STARTED -> p.text("person").orElse("A responder") + " started a break";
            case BREAK_ENDED -> p.text("person").orElse("A responder") + " is back from a break";
            case NEXT_IC_DESIGNATED -> p.textOrEmpty("person") + " designated next incident commander";
            case TASK_ASSIGNED -> "Task for " + p.textOrEmpty("person") + ": " + text
                    + p.instant("checkBackAt")
                            .map(t -> " (check back by " + CHECK_BACK.format(t) + ")")
                            .orElse("");
            case TASK_ACKNOWLEDGED -> "Task acknowledged by its assignee";
            case TASK_DONE -> "Task done" + suffix;
            case TASK_CANCELLED -> "Task cancelled"
                    + p.text("reason").map(r -> ": " + r).orElse("");
            case FATIGUE_ALERTED -> "Fatigue: " + p.textOrEmpty("person") + ", "
                    + p.textOrEmpty("level").replace('_', ' ').toLowerCase(Locale.ROOT);
            case IMPACT_QUERY_SET -> "Impact query \"" + p.textOrEmpty("name") + "\": " + p.textOrEmpty("query")
                    + p.text("threshold")
                            .map(t -> " (threshold " + t + p.textOrEmpty("unit") + ")")
                            .orElse("");
            case IMPACT_QUERY_REMOVED -> "Impact query removed";
            case METRIC_SNAPSHOT -> "Snapshot of \"" + p.textOrEmpty("name") + "\""
                    + p.text("fetchedAt").map(t -> ", data as of " + t).orElse("");
            case MILESTONE_SET -> "Milestone "
                    + p.textOrEmpty("milestone").replace('_', ' ').toLowerCase(Locale.ROOT)
                    + " set to " + p.textOrEmpty("at")
                    + p.text("reason").map(r -> ". " + r).orElse("");
            case INCIDENT_TAGGED -> "Tagged: services " + joined(p.toNode().path("services"))
                    + "; root-cause categories " + joined(p.toNode().path("categories"));
            case ACTION_ITEM_ADDED -> "Action item: " + text;
            case ACTION_ITEM_UPDATED -> "Action item updated"
                    + p.text("status").map(st -> ": " + st).orElse("");
            case POSTMORTEM_FIELD_SET -> "Postmortem " + p.textOrEmpty("field") + " edited";
            case CHECKLIST_ITEM_DONE -> "Checklist: " + p.textOrEmpty("title") + " done";
            case CHECKLIST_ITEM_SKIPPED -> "Checklist: " + p.textOrEmpty("title") + " skipped ("
                    + p.textOrEmpty("reason") + ")";
            case CHECKLIST_ITEM_SNOOZED -> "Checklist: " + p.textOrEmpty("title") + " snoozed until "
                    + p.textOrEmpty("until");
            case MESSAGE_QUEUED -> "Message queued to " + p.textOrEmpty("channels") + ": " + p.textOrEmpty("subject");
            case MESSAGE_SENT -> "Message sent via " + p.textOrEmpty("channel") + " at " + p.textOrEmpty("sentAt")
                    + (p.text("markedByUser").filter("true"::equals).isPresent() ? " (marked sent by user)" : "");
            case MESSAGE_FAILED -> "Message via " + p.textOrEmpty("channel") + " failed: " + p.textOrEmpty("reason");
            case MESSAGE_DELIVERY_UNKNOWN -> "Message via " + p.textOrEmpty("channel")
                    + ": delivery unknown (" + p.text("reason").orElse("Conn stopped mid-send")
                    + "); resend or mark sent";
            default -> text.isBlank() ? e.type().label() : text;
        };
    }

    private static String joined(com.fasterxml.jackson.databind.JsonNode array) {
        java.util.List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out.isEmpty() ? "none" : String.join(", ", out);
    }

    private static final java.time.format.DateTimeFormatter CHECK_BACK =
            java.time.format.DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC);

    private static String ackMethod(String method) {
        return switch (method) {
            case "READ_BACK" -> " (read back the code)";
            case "IN_PERSON" -> " (confirmed in person)";
            case "VOICE_WITHOUT_CODE" -> " (voice, without code: weaker)";
            default -> "";
        };
    }

    private static String roleLabel(String role) {
        String s = role.replace('_', ' ').toLowerCase(Locale.ROOT);
        return s.isEmpty() ? "role" : s;
    }
}
