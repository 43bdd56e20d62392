package dev.conn.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conn.platform.json.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * The type-specific fields of an {@link Event}: an immutable JSON object. The fields each type
 * carries are listed on {@link EventType}. Instants are ISO-8601 strings in UTC.
 *
 * <p>The object is copied on the way in and on the way out, so no caller can change a stored
 * event.
 */
public final class Payload {
    private static final JsonMapper MAPPER = Json.newMapper();
    private static final Payload EMPTY = new Payload(JsonNodeFactory.instance.objectNode());

    private final ObjectNode node;

    private Payload(ObjectNode node) {
        this.node = node;
    }

    /** @return the payload with no fields */
    public static Payload empty() {
        return EMPTY;
    }

    /**
     * Builds a payload from alternating field names and values; null values are left out.
     *
     * @param keysAndValues {@code "text", "Rolled back", "severity", "SEV1", ...}; values may be
     *     strings, numbers, booleans, instants or enums (written by name)
     * @return the payload
     * @throws IllegalArgumentException if the array has odd length or a key is not a string
     */
    public static Payload of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must come in pairs");
        }
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (!(keysAndValues[i] instanceof String key)) {
                throw new IllegalArgumentException("key " + i / 2 + " is not a string");
            }
            Object v = keysAndValues[i + 1];
            if (v == null) {
                continue;
            }
            if (v instanceof Double || v instanceof Float) {
                n.put(key, ((Number) v).doubleValue());
            } else if (v instanceof java.math.BigDecimal d) {
                n.put(key, d);
            } else if (v instanceof java.math.BigInteger b) {
                n.put(key, b);
            } else if (v instanceof Number num) {
                n.put(key, num.longValue());
            } else if (v instanceof Boolean b) {
                n.put(key, b);
            } else if (v instanceof Enum<?> e) {
                n.put(key, e.name());
            } else {
                n.put(key, v.toString());
            }
        }
        return new Payload(n);
    }

    /**
     * Parses stored or imported JSON.
     *
     * @param json a JSON object
     * @return the payload
     * @throws IllegalArgumentException if {@code json} is not a JSON object
     */
    public static Payload parse(String json) {
        try {
            JsonNode n = MAPPER.readTree(json);
            if (n == null || !n.isObject()) {
                throw new IllegalArgumentException("payload is not a JSON object");
            }
            return new Payload((ObjectNode) n);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Wraps a copy of a JSON object built elsewhere (for large, nested payloads such as metric
     * series).
     *
     * @param object the object; copied
     * @return the payload
     */
    public static Payload ofNode(ObjectNode object) {
        return new Payload(Objects.requireNonNull(object).deepCopy());
    }

    /** @return the field as text, if present and not null */
    public Optional<String> text(String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }

    /** @return the field as text, or the empty string */
    public String textOrEmpty(String field) {
        return text(field).orElse("");
    }

    /**
     * @return the field parsed as a UTC instant, if present
     * @throws IllegalArgumentException if present but not an ISO-8601 instant
     */
    public Optional<Instant> instant(String field) {
        return text(field).map(t -> {
            try {
                return Instant.parse(t);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("field '" + field + "' is not an ISO-8601 instant: " + t, e);
            }
        });
    }

    /** @return a deep copy of the JSON object */
    public ObjectNode toNode() {
        return node.deepCopy();
    }

    /** @return compact JSON text, the stored form */
    public String json() {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Payload p && p.node.equals(node);
    }

    @Override
    public int hashCode() {
        return node.hashCode();
    }

    @Override
    public String toString() {
        return json();
    }
}
