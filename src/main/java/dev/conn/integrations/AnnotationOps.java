package dev.conn.integrations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conn.platform.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The stored form of a planned annotation change, as an outbox row's body (src/docs/integrations.md):
 * {@code {"op": "create"|"update"|"delete", "eventId": "<uuid>", "annotation": {"time": ISO-8601
 * UTC, "timeEnd": ..., "tags": [...], "text": "...", "dashboardUid": "..."}}}. Pure.
 */
public final class AnnotationOps {
    private static final JsonMapper MAPPER = Json.newMapper();

    private AnnotationOps() {}

    /**
     * @param op a planned change
     * @return its JSON text
     */
    public static String write(AnnotationOp op) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("op", kind(op));
        o.put("eventId", op.eventId().toString());
        Annotation a = op instanceof AnnotationOp.Create c
                ? c.annotation()
                : op instanceof AnnotationOp.Update u ? u.annotation() : null;
        if (a != null) {
            ObjectNode n = o.putObject("annotation");
            n.put("time", a.time().toString());
            a.timeEnd().ifPresent(t -> n.put("timeEnd", t.toString()));
            ArrayNode tags = n.putArray("tags");
            a.tags().forEach(tags::add);
            n.put("text", a.text());
            a.dashboardUid().ifPresent(d -> n.put("dashboardUid", d));
        }
        return o.toString();
    }

    /**
     * @param op a planned change
     * @return {@code create}, {@code update} or {@code delete}
     */
    public static String kind(AnnotationOp op) {
        return op instanceof AnnotationOp.Create ? "create" : op instanceof AnnotationOp.Update ? "update" : "delete";
    }

    /**
     * @param text a row's body
     * @return the planned change
     * @throws IllegalArgumentException naming what is wrong if the text is not one
     */
    public static AnnotationOp read(String text) {
        JsonNode o;
        try {
            o = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (o == null || !o.isObject() || !o.path("eventId").isTextual()) {
            throw new IllegalArgumentException("an annotation change needs its eventId");
        }
        UUID eventId = UUID.fromString(o.get("eventId").asText());
        String kind = o.path("op").asText();
        if (kind.equals("delete")) {
            return new AnnotationOp.Delete(eventId);
        }
        JsonNode n = o.path("annotation");
        List<String> tags = new ArrayList<>();
        n.path("tags").forEach(t -> tags.add(t.asText()));
        Annotation a = new Annotation(
                Instant.parse(n.path("time").asText()),
                n.hasNonNull("timeEnd")
                        ? Optional.of(Instant.parse(n.get("timeEnd").asText()))
                        : Optional.empty(),
                tags,
                n.path("text").asText(),
                n.hasNonNull("dashboardUid") ? Optional.of(n.get("dashboardUid").asText()) : Optional.empty());
        return switch (kind) {
            case "create" -> new AnnotationOp.Create(eventId, a);
            case "update" -> new AnnotationOp.Update(eventId, a);
            default -> throw new IllegalArgumentException("op '" + kind + "' is not create, update or delete");
        };
    }
}
