package dev.conn.platform.text;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one place instants and durations are formatted for people to read: the screen, the CLI's
 * lines and the alert texts. Every method is pure; zones are passed in (the instants themselves
 * are UTC). Machine formats (ISO-8601 in exports and bundles) stay with their writers.
 *
 * <p>Elapsed times read the way an IC says them aloud ({@code 1:07:05}); wall-clock times carry
 * their date only when it is not today in the zone shown, so an incident that crosses midnight is
 * never ambiguous, and a {@code Z} when the zone shown is UTC.
 */
public final class TimeFormat {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd ", Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter UTC_DATE_MINUTES =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private TimeFormat() {}

    /**
     * @param d a duration (negative is shown as zero)
     * @return {@code H:MM:SS}, or {@code Nd HH:MM:SS} from 24 h on
     */
    public static String elapsed(Duration d) {
        long s = Math.max(0, d.getSeconds());
        long days = s / 86_400;
        long h = s / 3600 % 24;
        long m = s / 60 % 60;
        long sec = s % 60;
        return days > 0
                ? String.format(Locale.ROOT, "%dd %02d:%02d:%02d", days, h, m, sec)
                : String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec);
    }

    /**
     * @param t an instant
     * @param zone the zone shown
     * @param today today's date in that zone
     * @return e.g. {@code 14:32:05}, {@code 14:32:05Z} in UTC, or {@code 2026-11-20 23:50:12} on
     *     another day
     */
    public static String seconds(Instant t, ZoneId zone, LocalDate today) {
        return wallClock(t, zone, today, SECONDS);
    }

    /**
     * @param t an instant
     * @param zone the zone shown
     * @param today today's date in that zone
     * @return e.g. {@code 14:32}, {@code 14:32Z} in UTC, or {@code 2026-11-20 23:50} on another day
     */
    public static String minutes(Instant t, ZoneId zone, LocalDate today) {
        return wallClock(t, zone, today, MINUTES);
    }

    /**
     * @param t an instant
     * @param zone the zone shown
     * @return the date and time to the second in that zone, e.g. {@code 2026-11-21 15:32:05}
     */
    public static String dateTime(Instant t, ZoneId zone) {
        return DATE_TIME.format(t.atZone(zone));
    }

    /**
     * @param t an instant
     * @return the UTC time to the second, e.g. {@code 14:32:05 UTC} (the status bar's clock)
     */
    public static String utcSeconds(Instant t) {
        return SECONDS.format(t.atZone(ZoneOffset.UTC)) + " UTC";
    }

    /**
     * @param t an instant
     * @return the ISO-8601 UTC instant to the second, e.g. {@code 2026-11-21T14:32:05Z} (never
     *     the nanoseconds an instant is stored with)
     */
    public static String utcSecondsIso(Instant t) {
        return t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    /**
     * @param t an instant
     * @return the UTC time to the minute, e.g. {@code 14:32 UTC} (alerts, check-backs)
     */
    public static String utcMinutes(Instant t) {
        return MINUTES.format(t.atZone(ZoneOffset.UTC)) + " UTC";
    }

    /**
     * @param t an instant
     * @return the UTC date and minute, e.g. {@code 2026-11-21 14:32Z} (lists of incidents)
     */
    public static String utcDateMinutes(Instant t) {
        return UTC_DATE_MINUTES.format(t);
    }

    private static String wallClock(Instant t, ZoneId zone, LocalDate today, DateTimeFormatter time) {
        ZonedDateTime z = t.atZone(zone);
        String date = z.toLocalDate().equals(today) ? "" : DATE.format(z);
        return date + time.format(z) + (zone.normalized().equals(ZoneOffset.UTC) ? "Z" : "");
    }
}
