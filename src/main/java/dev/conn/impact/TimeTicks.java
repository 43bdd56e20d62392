package dev.conn.impact;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ticks of a UTC time axis: a clean interval from 1 s to 1 year, chosen so that the widest
 * label fits between two ticks at any plot width, and labels that say the date once the axis
 * spans days: {@code 09:40} within a day (with the date, {@code 14 Mar}, at midnight), {@code 14 Mar}
 * for day ticks, {@code Mar 2025} for month ticks, {@code 2025} for year ticks. Pure.
 */
public final class TimeTicks {
    /** Pixels a label character takes at most, at the chart's 11 px font (a digit is about 6.2 px). */
    public static final double CHAR_PX = 7.5;

    /** Pixels kept free between two labels. */
    public static final double GAP_PX = 14;

    private static final long S = 1000;
    private static final long M = 60 * S;
    private static final long H = 60 * M;
    private static final long D = 24 * H;
    private static final long[] FIXED = {
        S, 2 * S, 5 * S, 10 * S, 15 * S, 30 * S, M, 2 * M, 5 * M, 10 * M, 15 * M, 30 * M, H, 2 * H, 3 * H, 6 * H,
        12 * H, D, 2 * D, 7 * D, 14 * D
    };
    private static final int[] MONTHS = {1, 2, 3, 6, 12, 24, 60, 120};

    private static final DateTimeFormatter HMS =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HM =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MONTH =
            DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter YEAR =
            DateTimeFormatter.ofPattern("yyyy").withZone(ZoneOffset.UTC);

    private TimeTicks() {}

    /**
     * One tick.
     *
     * @param ms its time, ms since the epoch (UTC)
     * @param label its label
     */
    public record Tick(long ms, String label) {}

    /**
     * @param fromMs left edge, ms since the epoch
     * @param toMs right edge, after {@code fromMs}
     * @param widthPx the axis length in pixels
     * @return the ticks strictly inside the range, at most one per {@link #labelPx} of the widest
     *     label, so labels never overlap
     */
    public static List<Tick> ticks(long fromMs, long toMs, double widthPx) {
        long span = Math.max(1, toMs - fromMs);
        double pxPerMs = Math.max(1, widthPx) / span;
        for (long step : FIXED) {
            int chars = labelChars(step, false);
            if (step * pxPerMs >= labelPx(chars)) {
                return fixed(fromMs, toMs, step);
            }
        }
        for (int months : MONTHS) {
            int chars = labelChars(months * 30 * D, months >= 12);
            if (months * 28 * D * pxPerMs >= labelPx(chars)) {
                return monthly(fromMs, toMs, months);
            }
        }
        return List.of();
    }

    /** @return the pixels a label of {@code chars} characters needs, gap included */
    public static double labelPx(int chars) {
        return chars * CHAR_PX + GAP_PX;
    }

    private static int labelChars(long step, boolean years) {
        if (years) {
            return 4;
        }
        if (step < M) {
            return 8; // 09:40:15
        }
        if (step < D) {
            return 6; // 09:40, or 14 Mar at midnight
        }
        if (step < 28 * D) {
            return 6; // 14 Mar
        }
        return 8; // Mar 2025
    }

    private static List<Tick> fixed(long fromMs, long toMs, long step) {
        List<Tick> out = new ArrayList<>();
        long first = Math.floorDiv(fromMs, step) * step + step;
        if (step == 7 * D || step == 14 * D) {
            // weeks start on Monday: 1970-01-01 was a Thursday, so shift by 4 days
            long shift = 4 * D;
            first = Math.floorDiv(fromMs - shift, step) * step + step + shift;
        }
        for (long t = first; t < toMs; t += step) {
            out.add(new Tick(t, label(t, step)));
        }
        return out;
    }

    private static String label(long t, long step) {
        Instant at = Instant.ofEpochMilli(t);
        if (step >= D || Math.floorMod(t, D) == 0) {
            return DAY.format(at);
        }
        return step < M ? HMS.format(at) : HM.format(at);
    }

    private static List<Tick> monthly(long fromMs, long toMs, int months) {
        List<Tick> out = new ArrayList<>();
        ZonedDateTime from = Instant.ofEpochMilli(fromMs).atZone(ZoneOffset.UTC);
        int index = from.getYear() * 12 + from.getMonthValue() - 1;
        int first = Math.floorDiv(index, months) * months;
        for (int i = first; ; i += months) {
            long t = LocalDate.of(Math.floorDiv(i, 12), Math.floorMod(i, 12) + 1, 1)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant()
                    .toEpochMilli();
            if (t >= toMs) {
                break;
            }
            if (t > fromMs) {
                Instant at = Instant.ofEpochMilli(t);
                out.add(new Tick(t, months >= 12 ? YEAR.format(at) : MONTH.format(at)));
            }
        }
        return out;
    }
}
