package dev.conn.postmortem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.conn.incident.Event;
import dev.conn.incident.EventLimits;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentId;
import dev.conn.platform.json.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads and validates a JSON bundle ({@link IncidentBundle}, version 1) before anything is
 * written. Every refusal is a {@link BundleException} whose message names the field (as a path,
 * e.g. {@code events[3].occurredAt}) and the problem. Beyond the shape and the limits of {@link
 * EventLimits} (text lengths, instants between the years 1970 and 9999), every payload must decode
 * as its type's record and keep the rules the window and the CLI keep when recording ({@link
 * PayloadRules}). Events are built with {@link Event#stored}, each keeping its payload's JSON as the
 * file holds it (compacted as the store keeps it), so an export of an imported bundle writes back
 * the same bytes. Pure: parses bytes, no I/O; the rules that need the stored log are {@link
 * BundleRules}'.
 */
public final class BundleReader {
    /** The largest bundle read, in bytes. */
    public static final long MAX_BYTES = Json.MAX_DOCUMENT_BYTES;

    /**
     * The longest text a payload field may hold, in characters (metric snapshots excepted): the
     * limit the CLI and the window keep when recording ({@link EventLimits#MAX_TEXT}).
     */
    public static final int MAX_TEXT = EventLimits.MAX_TEXT;

    /** The longest author name, in characters ({@link EventLimits#MAX_AUTHOR}). */
    public static final int MAX_AUTHOR = EventLimits.MAX_AUTHOR;

    /** The longest incident title, in characters ({@link EventLimits#MAX_TITLE}). */
    public static final int MAX_TITLE = EventLimits.MAX_TITLE;

    /** How deeply a payload may nest objects and arrays. */
    public static final int MAX_PAYLOAD_DEPTH = 16;

    private static final JsonMapper MAPPER = Json.newFileMapper();
    private static final Set<String> TOP = Set.of("format", "version", "incident", "events", "metricSeries");
    private static final Set<String> EVENT_FIELDS =
            Set.of("id", "incidentId", "occurredAt", "recordedAt", "author", "type", "payload");

    private BundleReader() {}

    /** A bundle that cannot be imported; the message says which field and why. */
    public static final class BundleException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        BundleException(String message) {
            super(message);
        }
    }

    /**
     * @param bytes the bundle file's content (UTF-8 JSON)
     * @return the validated bundle
     * @throws BundleException naming the field and the problem
     */
    public static IncidentBundle read(byte[] bytes) {
        return readIndexed(bytes).bundle();
    }

    /**
     * A validated bundle and where each event was in the file, for messages that name it.
     *
     * @param bundle the bundle (events in canonical order)
     * @param positions each event id's index in the file's {@code events} array
     */
    record Indexed(IncidentBundle bundle, Map<UUID, Integer> positions) {
        /** @return {@code events[i]} for the event, as the file numbers it */
        String at(UUID eventId) {
            Integer i = positions.get(eventId);
            return i == null ? "events" : "events[" + i + "]";
        }
    }

    /**
     * Like {@link #read}, keeping each event's position in the file.
     *
     * @param bytes the bundle file's content (UTF-8 JSON)
     * @return the validated bundle and positions
     * @throws BundleException naming the field and the problem
     */
    static Indexed readIndexed(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new BundleException(
                    "The file is " + bytes.length + " bytes; bundles over " + MAX_BYTES + " bytes are refused");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (StreamConstraintsException e) {
            throw new BundleException("The bundle is refused: " + Json.problem(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw new BundleException(
                    "Not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ": " + Json.problem(e.getOriginalMessage()));
        } catch (java.io.IOException e) {
            throw new BundleException("The bundle cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new BundleException("Not a Conn incident bundle: the file holds no JSON object");
        }
        JsonNode format = root.get("format");
        if (format == null) {
            throw new BundleException(
                    "format: missing; a Conn incident bundle says \"format\": \"" + IncidentBundle.FORMAT + "\"");
        }
        if (!format.isTextual() || !format.asText().equals(IncidentBundle.FORMAT)) {
            throw new BundleException("format: expected \"" + IncidentBundle.FORMAT + "\", found " + clip(format));
        }
        JsonNode version = root.get("version");
        if (version == null) {
            throw new BundleException("version: missing");
        }
        if (!version.isIntegralNumber()) {
            throw new BundleException("version: expected a whole number, found " + kind(version));
        }
        if (version.asLong() != IncidentBundle.VERSION) {
            throw new BundleException("version: this Conn reads version " + IncidentBundle.VERSION
                    + "; the bundle is version " + version.asLong()
                    + (version.asLong() > IncidentBundle.VERSION ? " (made by a newer Conn?)" : ""));
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!TOP.contains(f)) {
                throw new BundleException(f + ": not a field of bundle version " + IncidentBundle.VERSION);
            }
        }
        JsonNode incident = object(root, "incident", "incident");
        IncidentId id = new IncidentId(uuid(incident, "id", "incident.id"));
        JsonNode events = root.get("events");
        if (events == null) {
            throw new BundleException("events: missing");
        }
        if (!events.isArray()) {
            throw new BundleException("events: expected an array, found " + kind(events));
        }
        if (events.isEmpty()) {
            throw new BundleException("events: empty; a bundle holds at least the INCIDENT_DECLARED event");
        }
        List<Event> out = new ArrayList<>(events.size());
        Map<UUID, Integer> seen = new HashMap<>();
        int declared = -1;
        for (int i = 0; i < events.size(); i++) {
            String at = "events[" + i + "]";
            JsonNode e = events.get(i);
            if (!e.isObject()) {
                throw new BundleException(at + ": expected an object, found " + kind(e));
            }
            for (Iterator<String> it = e.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!EVENT_FIELDS.contains(f)) {
                    throw new BundleException(at + "." + f + ": not a field of an event");
                }
            }
            UUID eventId = uuid(e, "id", at + ".id");
            Integer first = seen.putIfAbsent(eventId, i);
            if (first != null) {
                throw new BundleException(at + ".id: duplicate of events[" + first + "].id (" + eventId + ")");
            }
            IncidentId of = new IncidentId(uuid(e, "incidentId", at + ".incidentId"));
            if (!of.equals(id)) {
                throw new BundleException(at + ".incidentId: " + of + " is not the bundle's incident " + id);
            }
            Instant occurred = instant(e, "occurredAt", at + ".occurredAt");
            Instant recorded = instant(e, "recordedAt", at + ".recordedAt");
            String author = text(e, "author", at + ".author");
            if (author.isBlank()) {
                throw new BundleException(at + ".author: blank");
            }
            if (author.length() > MAX_AUTHOR) {
                throw new BundleException(at + ".author: " + author.length() + " characters; at most " + MAX_AUTHOR);
            }
            String typeName = text(e, "type", at + ".type");
            EventType type;
            try {
                type = EventType.valueOf(typeName);
            } catch (IllegalArgumentException ex) {
                throw new BundleException(at + ".type: unknown event type " + clip(e.get("type")));
            }
            if (type == EventType.INCIDENT_DECLARED) {
                if (declared >= 0) {
                    throw new BundleException(
                            at + ".type: a second INCIDENT_DECLARED (the first is events[" + declared + "])");
                }
                declared = i;
            }
            JsonNode payload = e.get("payload");
            if (payload == null) {
                throw new BundleException(at + ".payload: missing");
            }
            if (!payload.isObject()) {
                throw new BundleException(at + ".payload: expected an object, found " + kind(payload));
            }
            checkPayload(payload, at + ".payload", 1, type == EventType.METRIC_SNAPSHOT);
            Event event = Event.stored(eventId, of, occurred, recorded, author, type, compact(payload));
            PayloadRules.check(event, at + ".payload");
            out.add(event);
        }
        if (declared < 0) {
            throw new BundleException("events: no INCIDENT_DECLARED event; the incident cannot be rebuilt");
        }
        JsonNode series = root.get("metricSeries");
        if (series == null) {
            throw new BundleException("metricSeries: missing (an empty array if the incident has none)");
        }
        if (!series.isArray()) {
            throw new BundleException("metricSeries: expected an array, found " + kind(series));
        }
        List<JsonNode> list = new ArrayList<>();
        series.forEach(list::add);
        return new Indexed(new IncidentBundle(id, out, list), Map.copyOf(seen));
    }

    private static String compact(JsonNode payload) {
        try {
            return MAPPER.writeValueAsString(payload); // the stored form: the text the window stores
        } catch (JsonProcessingException e) {
            throw new BundleException("The bundle cannot be read: " + e.getOriginalMessage());
        }
    }

    private static void checkPayload(JsonNode n, String path, int depth, boolean bigStringsAllowed) {
        if (depth > MAX_PAYLOAD_DEPTH) {
            throw new BundleException(path + ": nested more than " + MAX_PAYLOAD_DEPTH + " levels deep");
        }
        if (n.isTextual()) {
            unpairedSurrogate(n.asText()).ifPresent(i -> {
                throw new BundleException(path + ": character " + i + " is half of a UTF-16 surrogate pair (\\u"
                        + Integer.toHexString(n.asText().charAt(i)).toUpperCase(java.util.Locale.ROOT)
                        + "), not a character; Conn would store it as '?'");
            });
            int len = n.asText().length();
            if (len > MAX_TEXT && !bigStringsAllowed) {
                throw new BundleException(path + ": " + len + " characters; at most " + MAX_TEXT);
            }
        } else if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                checkPayload(f.getValue(), path + "." + f.getKey(), depth + 1, bigStringsAllowed);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                checkPayload(n.get(i), path + "[" + i + "]", depth + 1, bigStringsAllowed);
            }
        }
    }

    /** @return the index of the first UTF-16 surrogate without its other half, if any */
    static java.util.Optional<Integer> unpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return java.util.Optional.of(i);
            }
        }
        return java.util.Optional.empty();
    }

    private static JsonNode object(JsonNode parent, String field, String path) {
        JsonNode n = parent.get(field);
        if (n == null) {
            throw new BundleException(path + ": missing");
        }
        if (!n.isObject()) {
            throw new BundleException(path + ": expected an object, found " + kind(n));
        }
        return n;
    }

    private static String text(JsonNode parent, String field, String path) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            throw new BundleException(path + ": missing");
        }
        if (!n.isTextual()) {
            throw new BundleException(path + ": expected a string, found " + kind(n));
        }
        unpairedSurrogate(n.asText()).ifPresent(i -> {
            throw new BundleException(path + ": character " + i + " is half of a UTF-16 surrogate pair, not a"
                    + " character; Conn would store it as '?'");
        });
        return n.asText();
    }

    private static UUID uuid(JsonNode parent, String field, String path) {
        String s = text(parent, field, path);
        try {
            UUID u = UUID.fromString(s);
            if (!u.toString().equals(s.toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException();
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw new BundleException(path + ": not a UUID: " + clip(parent.get(field)));
        }
    }

    private static Instant instant(JsonNode parent, String field, String path) {
        String s = text(parent, field, path);
        Instant t;
        try {
            t = Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new BundleException(
                    path + ": not an ISO-8601 UTC instant (e.g. 2026-11-21T09:12:00Z): " + clip(parent.get(field)));
        }
        EventLimits.rangeProblem(t).ifPresent(problem -> {
            throw new BundleException(path + ": " + problem);
        });
        return t;
    }

    private static String kind(JsonNode n) {
        return switch (n.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String clip(JsonNode n) {
        String s = n.toString();
        return s.length() > 60 ? s.substring(0, 57) + "…" : s;
    }
}
