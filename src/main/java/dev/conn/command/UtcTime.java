package dev.conn.command;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Formats instants in UTC for spoken and written command texts (briefs, announcements, refusals). */
public final class UtcTime {
    private static final DateTimeFormatter HH_MM =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd ").withZone(ZoneOffset.UTC);

    private UtcTime() {}

    /** @return e.g. {@code 14:32 UTC} */
    public static String hhmm(Instant t) {
        return HH_MM.format(t) + " UTC";
    }

    /** @return {@code 14:32 UTC}, with the date in front when {@code t} is not on {@code now}'s UTC day */
    public static String near(Instant t, Instant now) {
        boolean sameDay = DATE.format(t).equals(DATE.format(now));
        return (sameDay ? "" : DATE.format(t)) + hhmm(t);
    }

    /** @return whole minutes, rounded up, as {@code 3 min}; {@code 0 min} for zero or less */
    public static String minutes(Duration d) {
        long s = Math.max(0, d.getSeconds());
        return (s + 59) / 60 + " min";
    }
}
