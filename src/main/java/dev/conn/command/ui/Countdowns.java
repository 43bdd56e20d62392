package dev.conn.command.ui;

import java.time.Duration;
import java.util.Locale;

/** How the people views write durations: countdowns as {@code m:ss}, duty as {@code h:mm}. */
final class Countdowns {
    private Countdowns() {}

    /**
     * @param d a duration; negative counts as zero
     * @return {@code m:ss}, e.g. {@code 4:59}; minutes are not capped
     */
    static String minutesSeconds(Duration d) {
        long s = Math.max(0, d.getSeconds());
        return (s / 60) + ":" + String.format(Locale.ROOT, "%02d", s % 60);
    }

    /**
     * @param d a duration; negative counts as zero
     * @return {@code h:mm}, e.g. {@code 1:32}
     */
    static String hoursMinutes(Duration d) {
        long m = Math.max(0, d.toMinutes());
        return (m / 60) + ":" + String.format(Locale.ROOT, "%02d", m % 60);
    }
}
