package dev.conn.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conn.incident.Event;
import dev.conn.platform.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Describes an event whose stored payload does not fit its type (a hand-written bundle of an early
 * version held one: a {@code MESSAGE_SENT} whose {@code sentAt} is not a time). Such an event is
 * kept and shown, never dropped: its text is built from the stored fields as they are, the way
 * earlier versions built it, so an old incident's exports stay byte for byte what they were.
 * Events that decode are described from their typed body by {@link EntryText}, which reads here
 * only the stored text of values the codec reads leniently, so they show as they were typed. Pure.
 */
final class StoredEntryText {
    private StoredEntryText() {}

    /**
     * @param e an event whose body does not decode
     * @return its description from the stored fields
     */
    static String of(Event e) {
        JsonNode p;
        try {
            p = Json.newMapper().readTree(e.payloadJson());
        } catch (IOException unreadable) {
            return e.type().label();
        }
        String text = field(p, "text").orElse("");
        String suffix = text.isBlank() ? "" : ". " + text;
        return switch (e.type()) {
            case INCIDENT_DECLARED -> "Declared " + or(p, "severity") + ": " + or(p, "title")
                    + field(p, "summary").map(s -> ". " + s).orElse("")
                    + ". Incident commander: " + field(p, "commander").orElse(e.author());
            case SEVERITY_CHANGED -> "Severity changed to " + or(p, "severity") + suffix;
            case STATUS_CHANGED -> "Status: " + or(p, "status") + suffix;
            case MITIGATED -> "Impact mitigated" + suffix;
            case RESOLVED -> "Incident resolved" + suffix;
            case CHECKLIST_ITEM_DONE -> "Checklist: " + or(p, "title") + " done";
            case CHECKLIST_ITEM_SKIPPED -> "Checklist: " + or(p, "title") + " skipped (" + or(p, "reason") + ")";
            case CHECKLIST_ITEM_SNOOZED -> "Checklist: " + or(p, "title") + " snoozed until " + or(p, "until");
            case MESSAGE_QUEUED -> "Message queued to " + or(p, "channels") + ": " + or(p, "subject");
            case MESSAGE_SENT -> "Message sent via " + or(p, "channel") + " at " + or(p, "sentAt")
                    + (field(p, "markedByUser").filter("true"::equals).isPresent() ? " (marked sent by user)" : "");
            case MESSAGE_FAILED -> "Message via " + or(p, "channel") + " failed: " + or(p, "reason");
            case MESSAGE_DELIVERY_UNKNOWN -> "Message via " + or(p, "channel") + ": delivery unknown ("
                    + field(p, "reason").orElse("Conn stopped mid-send") + "); resend or mark sent";
            case ROLE_ASSIGNED -> or(p, "person") + " assigned as " + EntryText.words(or(p, "role"));
            case MILESTONE_SET -> "Milestone " + EntryText.words(or(p, "milestone")) + " set to " + or(p, "at")
                    + field(p, "reason").map(r -> ". " + r).orElse("");
            case INCIDENT_TAGGED -> "Tagged: services " + joined(p.path("services")) + "; root-cause categories "
                    + joined(p.path("categories"));
            default -> text.isBlank() ? e.type().label() : text;
        };
    }

    /**
     * The text stored for one field of an event, exactly as written: what earlier versions showed
     * for values the codec reads leniently ({@code sev1}, {@code ident}, {@code read_back}).
     *
     * @param e an event
     * @param name the field's stored name
     * @return its stored text, or empty if absent or the payload cannot be read
     */
    static Optional<String> stored(Event e, String name) {
        try {
            return field(Json.newMapper().readTree(e.payloadJson()), name);
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    private static Optional<String> field(JsonNode p, String name) {
        JsonNode v = p.get(name);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }

    private static String or(JsonNode p, String name) {
        return field(p, name).orElse("");
    }

    private static String joined(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out.isEmpty() ? "none" : String.join(", ", out);
    }
}
