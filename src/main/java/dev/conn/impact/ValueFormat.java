package dev.conn.impact;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How chart values and sample times are written in legends, tooltips and notes. Pure. */
public final class ValueFormat {
    /** A sample time with its date, in UTC: {@code Fri 14 Mar 2025 09:41:15 UTC}. */
    public static final DateTimeFormatter SAMPLE_TIME = DateTimeFormatter.ofPattern(
                    "EEE d MMM yyyy HH:mm:ss 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private ValueFormat() {}

    /** @return {@code NaN} as "no data", infinities as "+Inf"/"-Inf", else up to 4 significant decimals */
    public static String format(double v) {
        if (Double.isNaN(v)) {
            return "no data";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        double a = Math.abs(v);
        if (a != 0 && (a >= 1e6 || a < 1e-3)) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        String s = String.format(Locale.ROOT, a >= 100 ? "%.1f" : "%.4f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** @return the instant with its date, in UTC ({@link #SAMPLE_TIME}) */
    public static String sampleTime(Instant t) {
        return SAMPLE_TIME.format(t);
    }

    /** @return e.g. "12 min", "3 h 5 min", "2 d 4 h", "40 s" */
    public static String age(java.time.Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min";
        }
        if (s < 86_400) {
            return s / 3600 + " h" + (s % 3600 / 60 == 0 ? "" : " " + s % 3600 / 60 + " min");
        }
        return s / 86_400 + " d" + (s % 86_400 / 3600 == 0 ? "" : " " + s % 86_400 / 3600 + " h");
    }
}
