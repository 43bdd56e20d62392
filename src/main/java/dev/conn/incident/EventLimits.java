package dev.conn.incident;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The limits an event must keep so that what Conn writes, Conn can read back: the CLI and the
 * window refuse an entry beyond them ({@link IncidentLog}), and import refuses a bundle beyond
 * them (the postmortem feature's {@code BundleReader}), with these same numbers. An exported
 * incident therefore always imports again.
 */
public final class EventLimits {
    /**
     * The longest text any payload field may hold, in characters (UTF-16 code units, as Java
     * counts them). Metric snapshots are exempt: they carry a PNG and a raw answer of their own size.
     */
    public static final int MAX_TEXT = 1_000_000;

    /** The longest incident title, in characters. */
    public static final int MAX_TITLE = 200;

    /** The longest author name, in characters (the column holds 200). */
    public static final int MAX_AUTHOR = 200;

    /** The earliest instant an event may carry (UTC). */
    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

    /** The latest instant an event may carry (UTC): years beyond 9999 have no plain ISO-8601 form. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private EventLimits() {}

    /**
     * @param type an event type
     * @return the payload fields of that type holding an instant the folds read (ISO-8601 UTC text)
     */
    public static List<String> instantFields(EventType type) {
        return switch (type) {
            case INCIDENT_DECLARED -> List.of("impactStartedAt");
            case MILESTONE_SET -> List.of("at");
            default -> List.of();
        };
    }

    /**
     * @param t an instant
     * @return whether it lies between {@link #EARLIEST} and {@link #LATEST}
     */
    public static boolean inRange(Instant t) {
        return !t.isBefore(EARLIEST) && !t.isAfter(LATEST);
    }

    /**
     * @param t an instant
     * @return what is wrong with it, in words, or empty if it is in range
     */
    public static Optional<String> rangeProblem(Instant t) {
        return inRange(t) ? Optional.empty() : Optional.of(t + " is outside the years 1970 to 9999 (UTC)");
    }

    /**
     * @param label what the text is, e.g. "note"
     * @param field the payload field, e.g. "text"
     * @param length its length in characters
     * @return the message for a text over {@link #MAX_TEXT}, the same in the CLI and the window
     */
    public static String tooLong(String label, String field, int length) {
        String what = field.equals("text") ? "The " + label : "The " + label + "'s " + field;
        return String.format(
                Locale.ROOT,
                "%s is %,d characters; Conn keeps at most %,d per entry, so that an exported incident"
                        + " imports again. Shorten it, or keep the full text in a file and note where it is.",
                what,
                length,
                MAX_TEXT);
    }

    /**
     * Checks an event about to be appended against the limits: what {@link IncidentLog}, the one
     * writer, does for every event it stamps.
     *
     * @param event the event
     * @throws IllegalArgumentException naming the text, time or author that is over the limit
     */
    public static void check(Event event) {
        checkAuthor(event.author());
        check(event.type(), Payload.parse(event.payloadJson()).toNode(), event.occurredAt());
    }

    private static void check(EventType type, JsonNode payload, Instant occurredAt) {
        String label =
                type == EventType.INCIDENT_DECLARED ? "incident" : type.label().toLowerCase(Locale.ROOT);
        rangeProblem(occurredAt).ifPresent(p -> {
            throw new IllegalArgumentException("The time of the " + label + ": " + p);
        });
        for (String f : instantFields(type)) {
            JsonNode v = payload.get(f);
            if (v != null && v.isTextual()) {
                Instant t;
                try {
                    t = Instant.parse(v.asText());
                } catch (java.time.format.DateTimeParseException e) {
                    throw new IllegalArgumentException("The " + label + "'s " + f + " is not an ISO-8601 instant");
                }
                rangeProblem(t).ifPresent(p -> {
                    throw new IllegalArgumentException("The " + label + "'s " + f + ": " + p);
                });
            }
        }
        if (type != EventType.METRIC_SNAPSHOT) {
            checkTexts(payload, "", label);
        }
    }

    /**
     * @param author a trimmed author name
     * @throws IllegalArgumentException if it is longer than {@link #MAX_AUTHOR}
     */
    public static void checkAuthor(String author) {
        if (author.length() > MAX_AUTHOR) {
            throw new IllegalArgumentException(
                    "The author name is " + author.length() + " characters; keep it to " + MAX_AUTHOR);
        }
    }

    private static void checkTexts(JsonNode n, String path, String label) {
        if (n.isTextual()) {
            if (n.asText().length() > MAX_TEXT) {
                throw new IllegalArgumentException(tooLong(
                        label, path.isEmpty() ? "text" : path, n.asText().length()));
            }
        } else if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                checkTexts(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), label);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                checkTexts(n.get(i), path + "[" + i + "]", label);
            }
        }
    }
}
