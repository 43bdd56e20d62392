package dev.conn.timeline;

import dev.conn.incident.EntryCommand;
import dev.conn.incident.Event;
import dev.conn.incident.HeaderCommand;
import dev.conn.incident.Severity;
import dev.conn.incident.Status;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the quick-capture bar. Grammar (tokens before the text, in any order):
 *
 * <pre>
 *   line      := [command] [when] text
 *   command   := /note | /decision (/d) | /action (/a) | /status STATE | /sev N | /mitigated | /resolved
 *   when      := @HH:MM | @HH:MM:SS          (wall-clock time in the display zone; if later than now, yesterday)
 *              | @-5m | @-90s | @-1h30m       (relative to now)
 *              | @2026-11-21T09:12:00Z        (an ISO-8601 instant)
 * </pre>
 *
 * A line with no command is a note. A line starting with {@code //} is a note starting with one
 * {@code /}; a first word that is a path ({@code /var/log}) is text, and so is {@code @} followed
 * by anything but a time ({@code @alice}). Everything is pure: the current time comes from the clock,
 * wall-clock times are read in the given zone, and each entry's event id comes from the id source.
 * A line becomes a typed command ({@link EntryCommand.Add} or a {@link HeaderCommand}); the one
 * writer decides it.
 */
public final class CaptureParser {
    private static final Pattern CLOCK_TIME = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");
    private static final Pattern RELATIVE = Pattern.compile("-(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");
    private static final String HELP = "Try /decision, /action, /status identified, /sev 1, /mitigated or /resolved";

    /** What a command word asks for. */
    private enum Kind {
        NOTE,
        DECISION,
        ACTION,
        SEVERITY,
        STATUS,
        MITIGATED,
        RESOLVED
    }

    private final Clock clock;
    private final Supplier<UUID> ids;

    /** @param clock the source of "now" for back-dating */
    public CaptureParser(Clock clock) {
        this(clock, Event::newId);
    }

    /**
     * @param clock the source of "now" for back-dating
     * @param ids mints the event id of each entry (UUID v7 in the app; fixed in tests)
     */
    public CaptureParser(Clock clock, Supplier<UUID> ids) {
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * Parses one line.
     *
     * @param line what the user typed
     * @param zone the zone wall-clock times ({@code @09:12}) are read in: the zone the timeline is
     *     showing
     * @return the command to send (its time is the back-dated one, if the line carried one), or
     *     why not
     */
    public Capture parse(String line, ZoneId zone) {
        String rest = line == null ? "" : line.strip();
        if (rest.isEmpty()) {
            return new Capture.Blank();
        }
        Kind kind = Kind.NOTE;
        String command = null;
        Severity severity = null;
        Status status = null;
        Optional<Instant> when = Optional.empty();
        boolean sawCommand = false;
        boolean sawWhen = false;
        while (true) {
            if (!sawCommand && rest.startsWith("//")) {
                rest = rest.substring(1); // escape: "//etc/hosts changed" is a note starting with one slash
                break;
            }
            if (!sawCommand && rest.startsWith("/") && looksLikePath(firstWord(rest))) {
                break; // "/var/log full on db-3" is a note, not a command
            }
            if (!sawCommand && rest.startsWith("/")) {
                sawCommand = true;
                String word = firstWord(rest);
                rest = rest.substring(word.length()).strip();
                command = word.substring(1).toLowerCase(Locale.ROOT);
                switch (command) {
                    case "note", "n" -> kind = Kind.NOTE;
                    case "decision", "d" -> kind = Kind.DECISION;
                    case "action", "a" -> kind = Kind.ACTION;
                    case "mitigated", "mitigate" -> kind = Kind.MITIGATED;
                    case "resolved", "resolve" -> kind = Kind.RESOLVED;
                    case "status", "sev", "severity" -> {
                        if (rest.isEmpty()) {
                            return new Capture.Invalid(
                                    command.equals("status")
                                            ? "Say which status: /status investigating, identified, monitoring or resolved"
                                            : "Say which severity: /sev 1, 2, 3 or 4");
                        }
                        String argument = firstWord(rest);
                        rest = rest.substring(argument.length()).strip();
                        try {
                            if (command.equals("status")) {
                                status = Status.parse(argument);
                                kind = status == Status.RESOLVED ? Kind.RESOLVED : Kind.STATUS;
                            } else {
                                severity = Severity.parse(argument);
                                kind = Kind.SEVERITY;
                            }
                        } catch (IllegalArgumentException e) {
                            return new Capture.Invalid(e.getMessage());
                        }
                    }
                    default -> {
                        return new Capture.Invalid("Unknown command /" + command + ". " + HELP
                                + ". Start with // to write a note that begins with /");
                    }
                }
                continue;
            }
            if (!sawWhen
                    && rest.startsWith("@")
                    && looksLikeTime(firstWord(rest).substring(1))) {
                sawWhen = true;
                String word = firstWord(rest);
                rest = rest.substring(word.length()).strip();
                try {
                    when = Optional.of(parseWhen(word.substring(1), zone));
                } catch (IllegalArgumentException e) {
                    return new Capture.Invalid(e.getMessage());
                }
                continue;
            }
            break;
        }
        Optional<String> why = rest.isBlank() ? Optional.empty() : Optional.of(rest);
        return switch (kind) {
            case NOTE, DECISION, ACTION -> entry(kind, rest, when);
            case SEVERITY -> new Capture.HeaderChange(new HeaderCommand.ChangeSeverity(severity, why, when));
            case STATUS -> new Capture.HeaderChange(new HeaderCommand.ChangeStatus(status, why, when));
            case MITIGATED -> new Capture.HeaderChange(new HeaderCommand.MarkMitigated(why, when));
            case RESOLVED -> new Capture.HeaderChange(new HeaderCommand.Resolve(why, when));
        };
    }

    private Capture entry(Kind kind, String text, Optional<Instant> when) {
        EntryCommand.Kind entry =
                switch (kind) {
                    case DECISION -> EntryCommand.Kind.DECISION;
                    case ACTION -> EntryCommand.Kind.ACTION;
                    default -> EntryCommand.Kind.NOTE;
                };
        if (text.isEmpty()) {
            return new Capture.Invalid("Type the " + label(entry) + " after the command");
        }
        return new Capture.Entry(new EntryCommand.Add(ids.get(), entry, text, when));
    }

    /** @return the entry kind as the timeline labels it, in lower case ("note", "decision", "action") */
    private static String label(EntryCommand.Kind kind) {
        return switch (kind) {
            case NOTE -> "note";
            case DECISION -> "decision";
            case ACTION -> "action";
        };
    }

    /**
     * Reads a back-dating time: the part after {@code @} in the bar, or the CLI's {@code --at}.
     *
     * @param text {@code 09:12}, {@code 09:12:30}, {@code -5m}, {@code -1h30m}, {@code -90s} or an
     *     ISO-8601 instant
     * @param zone the zone a wall-clock time is read in; a wall-clock time later than now means
     *     yesterday
     * @return the instant (UTC)
     * @throws IllegalArgumentException naming the accepted forms, or if the time is in the future
     */
    public Instant parseWhen(String text, ZoneId zone) {
        Instant now = clock.instant();
        Matcher m = CLOCK_TIME.matcher(text);
        if (m.matches()) {
            int h = Integer.parseInt(m.group(1));
            int min = Integer.parseInt(m.group(2));
            int s = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            LocalTime t;
            try {
                t = LocalTime.of(h, min, s);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("@" + text + " is not a time of day (use 00:00 to 23:59)");
            }
            ZonedDateTime today = now.atZone(zone).with(t);
            Instant at = today.toInstant();
            return at.isAfter(now) ? today.minusDays(1).toInstant() : at;
        }
        Matcher r = RELATIVE.matcher(text);
        if (r.matches() && text.length() > 1) {
            try {
                long seconds = Math.addExact(
                        Math.addExact(
                                Math.multiplyExact(parse(r.group(1)), 3600L),
                                Math.multiplyExact(parse(r.group(2)), 60L)),
                        parse(r.group(3)));
                return now.minus(Duration.ofSeconds(seconds));
            } catch (ArithmeticException | DateTimeException | NumberFormatException e) {
                throw new IllegalArgumentException("@" + text + " is too far back; use a time within the incident");
            }
        }
        if (text.startsWith("+")) {
            throw new IllegalArgumentException("Entries cannot be dated in the future; use @-5m or @09:12");
        }
        try {
            Instant at = Instant.parse(text);
            if (at.isAfter(now)) {
                throw new IllegalArgumentException("@" + text + " is in the future; entries can only be back-dated");
            }
            return at;
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                    "Cannot read the time @" + text + ": use @09:12, @-5m, @-1h30m or @2026-11-21T09:12:00Z");
        }
    }

    /** A first word such as {@code /var/log} or {@code /etc/hosts.conf} is a path, not a command. */
    private static boolean looksLikePath(String word) {
        return word.indexOf('/', 1) > 0 || word.indexOf('.') > 0;
    }

    /** {@code @09:12}, {@code @-5m}, {@code @+5m}, {@code @2026-...}: a time; {@code @alice} is text. */
    private static boolean looksLikeTime(String word) {
        return !word.isEmpty() && (Character.isDigit(word.charAt(0)) || word.charAt(0) == '-' || word.charAt(0) == '+');
    }

    private static long parse(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }

    private static String firstWord(String s) {
        int i = 0;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return s.substring(0, i);
    }
}
