package dev.conn.postmortem;

import dev.conn.incident.Event;
import dev.conn.incident.EventBody;
import dev.conn.incident.EventLimits;
import dev.conn.incident.HeaderEvent;
import dev.conn.incident.IncidentService;
import dev.conn.incident.MalformedEventException;
import dev.conn.incident.PostmortemEvent;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules an event's payload must pass before {@link BundleReader} lets it into the log: it
 * decodes as its type's record, and it keeps the rules the window and the CLI keep when they
 * record. A refusal is a {@link BundleReader.BundleException} naming the field as a path ({@code
 * events[3].payload.sentAt}) and the event. Pure.
 */
final class PayloadRules {
    /** The longest incident title, in characters ({@link EventLimits#MAX_TITLE}). */
    private static final int MAX_TITLE = EventLimits.MAX_TITLE;

    private PayloadRules() {}

    /**
     * Decodes the payload as its type's record ({@link Event#body()}), so nothing is imported that
     * the folds could not read, then applies the rules the window and the CLI apply when they
     * record: instants the folds read within {@link EventLimits}' years, the declaration's title
     * length and start of impact, known postmortem sections, action items with a UUID and an
     * ISO-8601 due date.
     */
    static void check(Event event, String path) {
        EventBody body;
        try {
            body = event.body();
        } catch (MalformedEventException e) {
            throw new BundleReader.BundleException(
                    path + where(e, event) + " (event " + event.id() + ", " + event.type() + ")");
        }
        try {
            if (body instanceof HeaderEvent.IncidentDeclared d) {
                checkDeclaration(d, event.recordedAt(), path);
            } else if (body instanceof PostmortemEvent.MilestoneSet m) {
                inRange(m.at(), path + ".at");
            } else if (body instanceof PostmortemEvent.PostmortemFieldSet f) {
                if (!PostmortemField.isValidKey(f.field())) {
                    throw new BundleReader.BundleException(
                            path + ".field: unknown postmortem field '" + f.field() + "'");
                }
            } else if (body instanceof PostmortemEvent.ActionItemAdded a) {
                ActionItem.added(a);
            } else if (body instanceof PostmortemEvent.ActionItemUpdated u) {
                ActionItem.uuid(u.itemId());
                u.due().filter(d -> !d.isBlank()).ifPresent(ActionItem::date);
            }
        } catch (BundleReader.BundleException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            // ActionItem names the field first: "due: not an ISO-8601 date ..."
            String m = e.getMessage() == null ? "malformed" : e.getMessage();
            int colon = m.indexOf(": ");
            boolean named = colon > 0 && m.substring(0, colon).matches("[A-Za-z]+");
            throw new BundleReader.BundleException(path + (named ? "." + m : ": " + m));
        }
    }

    /** The rules of the declare dialog and {@code conn declare}: a title of 1 to 200 characters, impact not starting later. */
    private static void checkDeclaration(HeaderEvent.IncidentDeclared d, Instant recorded, String path) {
        String title = d.title().strip();
        if (title.isEmpty()) {
            throw new BundleReader.BundleException(path + ".title: missing");
        }
        if (title.length() > MAX_TITLE) {
            throw new BundleReader.BundleException(
                    path + ".title: " + title.length() + " characters; at most " + MAX_TITLE);
        }
        if (d.impactStartedAt().isPresent()) {
            Instant start = d.impactStartedAt().get();
            inRange(start, path + ".impactStartedAt");
            if (start.isAfter(recorded.plus(IncidentService.FUTURE_TOLERANCE))) {
                throw new BundleReader.BundleException(
                        path + ".impactStartedAt: " + start + " is after the declaration was recorded (" + recorded
                                + "); impact cannot start in the future");
            }
        }
    }

    private static final Pattern MISSING = Pattern.compile("field '([^']+)' is missing");
    private static final Pattern FIELD = Pattern.compile("field '([^']+)': (.*)", Pattern.DOTALL);
    private static final Pattern NOT_AN_INSTANT =
            Pattern.compile("^Cannot deserialize value of type `java\\.time\\.Instant` from String \"(.*?)\"");

    /**
     * Turns the codec's words ("event ID (TYPE): field 'sentAt': why", "field 'title' is
     * missing") into the bundle's: {@code .sentAt: why}, {@code .title: missing}.
     */
    private static String where(MalformedEventException e, Event event) {
        String prefix = "event " + event.id() + " (" + event.type() + "): ";
        String m = e.getMessage() == null ? "" : e.getMessage();
        String detail = m.startsWith(prefix) ? m.substring(prefix.length()) : m;
        Matcher missing = MISSING.matcher(detail);
        if (missing.matches()) {
            return "." + missing.group(1) + ": missing";
        }
        Matcher field = FIELD.matcher(detail);
        if (field.matches()) {
            Matcher instant = NOT_AN_INSTANT.matcher(field.group(2));
            Matcher shape = WRONG_SHAPE.matcher(field.group(2));
            return "." + field.group(1) + ": "
                    + (instant.find()
                            ? "not an ISO-8601 UTC instant (e.g. 2026-11-21T09:12:00Z): \"" + instant.group(1) + "\""
                            : shape.find()
                                    ? "expected " + expected(shape.group(1)) + ", found " + found(shape.group(2))
                                    : field.group(2));
        }
        return ": " + detail;
    }

    /** Jackson's "Cannot deserialize value of type `java.lang.String` from Array value (token ...)". */
    private static final Pattern WRONG_SHAPE =
            Pattern.compile("^Cannot deserialize value of type `([^`]+)` from (Array|Object) value");

    private static String expected(String javaType) {
        return switch (javaType) {
            case "java.lang.String" -> "a string";
            case "java.time.Instant" -> "an ISO-8601 UTC instant";
            case "int", "long", "java.lang.Integer", "java.lang.Long" -> "a whole number";
            case "boolean", "java.lang.Boolean" -> "true or false";
            default -> javaType.startsWith("java.util.List") || javaType.startsWith("java.util.Set")
                    ? "an array"
                    : "a " + javaType.substring(javaType.lastIndexOf('.') + 1).replace('$', '.');
        };
    }

    private static String found(String jacksonShape) {
        return jacksonShape.equals("Array") ? "an array" : "an object";
    }

    private static void inRange(Instant t, String path) {
        EventLimits.rangeProblem(t).ifPresent(problem -> {
            throw new BundleReader.BundleException(path + ": " + problem);
        });
    }
}
