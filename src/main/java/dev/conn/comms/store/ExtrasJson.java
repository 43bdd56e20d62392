package dev.conn.comms.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conn.incident.CommsEvent.MessageExtras;
import dev.conn.platform.json.Json;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code outbox.extras} column: a JSON object with {@code status}, {@code impact} and {@code
 * components} (name to state), the form earlier versions wrote too. Reading is lenient: a field of
 * another shape is left out, unknown fields are ignored. The war room's outbox (issue 13) keeps the
 * same form in its {@code extras} column.
 */
public final class ExtrasJson {
    private static final JsonMapper MAPPER = Json.newMapper();

    private ExtrasJson() {}

    /**
     * @param extras the extras
     * @return the column's text ({@code {}} for none)
     */
    public static String write(MessageExtras extras) {
        ObjectNode o = MAPPER.createObjectNode();
        extras.status().ifPresent(s -> o.put("status", s));
        extras.impact().ifPresent(i -> o.put("impact", i));
        if (!extras.components().isEmpty()) {
            ObjectNode c = o.putObject("components");
            extras.components().forEach(c::put);
        }
        return o.toString();
    }

    /**
     * @param text the column's text (null or unreadable: none)
     * @return the extras
     */
    public static MessageExtras read(String text) {
        if (text == null || text.isBlank()) {
            return MessageExtras.NONE;
        }
        JsonNode o;
        try {
            o = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return MessageExtras.NONE;
        }
        if (o == null || !o.isObject()) {
            return MessageExtras.NONE;
        }
        Map<String, String> components = new LinkedHashMap<>();
        JsonNode c = o.get("components");
        if (c != null && c.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = c.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                components.put(e.getKey(), e.getValue().asText());
            }
        }
        return new MessageExtras(text(o, "status"), text(o, "impact"), components);
    }

    private static Optional<String> text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v != null && v.isValueNode() && !v.isNull() ? Optional.of(v.asText()) : Optional.empty();
    }
}
