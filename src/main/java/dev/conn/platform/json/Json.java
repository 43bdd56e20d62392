package dev.conn.platform.json;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Builds the one Jackson configuration Conn uses for files, payloads and exports.
 *
 * <p>Instants are written as ISO-8601 strings in UTC ({@code 2026-11-21T09:12:00Z}), never as
 * numbers. Unknown properties are errors, so a typo in a hand-edited policy or settings file is
 * reported by name instead of being silently ignored. Jackson sets no default cap on document
 * size, so one is set here: 64 MiB per document and 32 MiB per string (a metric snapshot holding a
 * PNG is the largest legitimate value).
 */
public final class Json {
    /** Largest JSON document Conn reads, in bytes. */
    public static final long MAX_DOCUMENT_BYTES = 64L * 1024 * 1024;

    private Json() {}

    /**
     * Creates a new, fully configured mapper. Mappers are thread-safe once configured; callers
     * keep one per component.
     *
     * @return a mapper with the Java time module, strict unknown-property handling and size caps
     */
    public static JsonMapper newMapper() {
        return capped(builder().build());
    }

    /**
     * Creates a mapper for files a person or another tool hands Conn (settings, policy, incident
     * bundles): as {@link #newMapper()}, and also refusing a key given twice in one object ({@code
     * "channels"} twice: Jackson would keep the last one silently, and the next save of the file
     * would drop the first) and anything after the document's one value (two objects pasted one
     * after the other: the second would be ignored, and dropped at the next save). Jackson words
     * these "Duplicate field 'x'" and "Trailing token ... FAIL_ON_TRAILING_TOKENS"; {@link
     * #problem(String)} says them plainly.
     *
     * @return a strict mapper
     */
    public static JsonMapper newFileMapper() {
        return capped(builder()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build());
    }

    /**
     * Plain words for the two refusals only {@link #newFileMapper()} makes, else the message as
     * Jackson gave it.
     *
     * @param jacksonMessage Jackson's original message ({@code getOriginalMessage()})
     * @return the message to show
     */
    public static String problem(String jacksonMessage) {
        String m = String.valueOf(jacksonMessage);
        java.util.regex.Matcher dup = java.util.regex.Pattern.compile("^Duplicate (?:field|Object property) '(.*)'")
                .matcher(m);
        if (dup.find()) {
            return "the key \"" + dup.group(1) + "\" appears twice in the same object; only one may be given";
        }
        if (m.startsWith("Trailing token")) {
            return "more JSON follows the end of the document; a file holds one JSON value (two pasted one"
                    + " after the other?)";
        }
        java.util.regex.Matcher text = java.util.regex.Pattern.compile(
                        "^Cannot deserialize value of type `([^`]+)` from String (\".*\"): not a valid")
                .matcher(m);
        if (text.find()) {
            return "expected " + expected(text.group(1)) + ", found the string " + text.group(2);
        }
        java.util.regex.Matcher shape = java.util.regex.Pattern.compile(
                        "^Cannot deserialize value of type `([^`]+)` from (\\S+) value")
                .matcher(m);
        if (shape.find()) {
            return "expected " + expected(shape.group(1)) + ", found " + found(shape.group(2));
        }
        // StreamReadConstraints: "... exceeds the maximum allowed (200, from `StreamReadConstraints...()`)"
        return m.replaceAll(", from `StreamReadConstraints[^`]*`\\)", ")");
    }

    private static String expected(String javaType) {
        if (javaType.startsWith("java.util.") && !javaType.startsWith("java.util.Map")) {
            return "an array";
        }
        return switch (javaType) {
            case "java.lang.String" -> "a string";
            case "int", "long", "double", "java.lang.Integer", "java.lang.Long", "java.lang.Double" -> "a number";
            case "boolean", "java.lang.Boolean" -> "true or false";
            default -> "an object";
        };
    }

    private static String found(String jacksonShape) {
        return switch (jacksonShape) {
            case "String" -> "a string";
            case "Array" -> "an array";
            case "Object" -> "an object";
            case "Boolean" -> "a boolean (true or false)";
            default -> "a number";
        };
    }

    private static JsonMapper.Builder builder() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS);
    }

    private static JsonMapper capped(JsonMapper mapper) {
        mapper.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(MAX_DOCUMENT_BYTES)
                        .maxStringLength(32 * 1024 * 1024)
                        .maxNestingDepth(200)
                        .build());
        return mapper;
    }
}
