package dev.conn.postmortem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conn.incident.Event;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentState;
import dev.conn.platform.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON bundle of one incident: its whole event log plus its cached metric series, so that
 * importing it elsewhere reproduces the incident exactly. Schema version 1:
 *
 * <pre>
 * {"format": "conn-incident-bundle", "version": 1,
 *  "incident": {"id", "title", "severity", "status", "declaredAt", "impactStartedAt"?,
 *               "mitigatedAt"?, "resolvedAt"?, "commander"},   (a summary; the events are the truth)
 *  "events": [{"id", "incidentId", "occurredAt", "recordedAt", "author", "type", "payload"}, ...],
 *  "metricSeries": [ raw JSON, ... ]}
 * </pre>
 *
 * Instants are ISO-8601 UTC strings; events are in canonical order ({@link Event#BY_OCCURRENCE}),
 * so exporting the same log twice gives the same bytes. Written with two-space indentation and
 * {@code \n} line ends.
 *
 * @param incident the incident
 * @param events its events, in canonical order
 * @param metricSeries its cached metric series as raw JSON
 */
public record IncidentBundle(IncidentId incident, List<Event> events, List<JsonNode> metricSeries) {
    /** The value of the {@code format} field. */
    public static final String FORMAT = "conn-incident-bundle";

    /**
     * The file name extension of a bundle, without the leading dot: {@code incident.conn.json}.
     * The Linux packages register it as MIME type {@value #MIME_TYPE}, so opening such a file
     * starts Conn with it (installers/linux).
     */
    public static final String FILE_EXTENSION = "conn.json";

    /** The MIME type of a bundle file (installers/linux/usr/share/mime/packages/dev.conn.Conn.xml). */
    public static final String MIME_TYPE = "application/vnd.conn.incident+json";

    /** The schema version this Conn writes and reads. */
    public static final int VERSION = 1;

    private static final JsonMapper MAPPER = Json.newMapper();

    /** Sorts the events canonically and copies the lists. */
    public IncidentBundle {
        List<Event> sorted = new ArrayList<>(events);
        sorted.sort(Event.BY_OCCURRENCE);
        events = List.copyOf(sorted);
        metricSeries = List.copyOf(metricSeries);
    }

    /**
     * @return the bundle as JSON text
     * @throws IllegalArgumentException if the events hold no {@code INCIDENT_DECLARED}
     */
    public String toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        IncidentState st = IncidentState.fold(events.stream()
                .filter(e -> IncidentState.HEADER_TYPES.contains(e.type()))
                .toList());
        ObjectNode inc = root.putObject("incident");
        inc.put("id", incident.toString());
        inc.put("title", st.title());
        inc.put("severity", st.severity().name());
        inc.put("status", st.status().label());
        inc.put("declaredAt", st.declaredAt().toString());
        st.impactStartedAt().ifPresent(t -> inc.put("impactStartedAt", t.toString()));
        st.mitigatedAt().ifPresent(t -> inc.put("mitigatedAt", t.toString()));
        st.resolvedAt().ifPresent(t -> inc.put("resolvedAt", t.toString()));
        inc.put("commander", st.commander());
        ArrayNode evs = root.putArray("events");
        for (Event e : events) {
            ObjectNode n = evs.addObject();
            n.put("id", e.id().toString());
            n.put("incidentId", e.incidentId().toString());
            n.put("occurredAt", e.occurredAt().toString());
            n.put("recordedAt", e.recordedAt().toString());
            n.put("author", e.author());
            n.put("type", e.type().name());
            n.set("payload", payload(e));
        }
        ArrayNode series = root.putArray("metricSeries");
        metricSeries.forEach(s -> series.add(s.deepCopy()));
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return MAPPER.writer(pp).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The payload as stored, as a JSON tree: the text is written back as it was read. */
    private static JsonNode payload(Event e) {
        try {
            return MAPPER.readTree(e.payloadJson());
        } catch (JsonProcessingException bad) {
            throw new IllegalStateException("event " + e.id() + ": the stored payload is not JSON", bad);
        }
    }
}
