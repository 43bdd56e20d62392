package dev.conn.incident;

import java.time.Duration;

/** Formats elapsed times the way an IC reads them aloud: {@code 1:07:05}, {@code 2d 03:15:00}. */
public final class Elapsed {
    private Elapsed() {}

    /**
     * @param d a non-negative duration (negative is shown as zero)
     * @return {@code H:MM:SS}, or {@code Nd HH:MM:SS} from 24 h on
     */
    public static String format(Duration d) {
        long s = Math.max(0, d.getSeconds());
        long days = s / 86_400;
        long h = s / 3600 % 24;
        long m = s / 60 % 60;
        long sec = s % 60;
        return days > 0
                ? String.format("%dd %02d:%02d:%02d", days, h, m, sec)
                : String.format("%d:%02d:%02d", h, m, sec);
    }
}
