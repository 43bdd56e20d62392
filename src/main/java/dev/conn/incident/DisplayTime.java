package dev.conn.incident;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Formats instants for the screen: the time of day alone when it is today in the zone shown, with
 * the date otherwise, so an incident that crosses midnight (or an entry back-dated to yesterday)
 * is never ambiguous. UTC times carry a {@code Z}.
 */
public final class DisplayTime {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd ");

    private DisplayTime() {}

    /**
     * @param t the instant
     * @param zone the zone shown
     * @param today today's date in that zone
     * @return e.g. {@code 14:32:05}, {@code 14:32:05Z}, or {@code 2026-11-20 23:50:12}
     */
    public static String seconds(Instant t, ZoneId zone, LocalDate today) {
        return format(t, zone, today, TIME);
    }

    /**
     * @param t the instant
     * @param zone the zone shown
     * @param today today's date in that zone
     * @return e.g. {@code 14:32} or {@code 2026-11-20 23:50}, with {@code Z} in UTC
     */
    public static String minutes(Instant t, ZoneId zone, LocalDate today) {
        return format(t, zone, today, SHORT);
    }

    private static String format(Instant t, ZoneId zone, LocalDate today, DateTimeFormatter time) {
        ZonedDateTime z = t.atZone(zone);
        String date = z.toLocalDate().equals(today) ? "" : DATE.format(z);
        return date + time.format(z) + (zone.normalized().equals(ZoneOffset.UTC) ? "Z" : "");
    }
}
