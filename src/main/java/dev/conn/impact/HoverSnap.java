package dev.conn.impact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongToDoubleFunction;

/**
 * What the pointer is on: the sample nearest to it within {@link #RADIUS_PX} pixels, or nothing
 * ("no data here"). Never the nearest sample at any distance: a value hours away from the pointer
 * is not the value at the pointer. Pure; x and y mappings come from the chart's axes.
 */
public final class HoverSnap {
    /** How far from a sample, in pixels, the pointer still snaps to it. */
    public static final double RADIUS_PX = 8;

    private HoverSnap() {}

    /**
     * A sample under the pointer.
     *
     * @param series index of the series in the chart's list
     * @param name the series' legend name
     * @param at the sample's own time
     * @param value the sample's value
     */
    public record Hit(int series, String name, Instant at, double value) {}

    /**
     * @param series the drawn series
     * @param xOf maps ms since the epoch to an x pixel
     * @param yOf maps a value to a y pixel
     * @param x the pointer's x
     * @param y the pointer's y
     * @return the nearest finite sample within {@link #RADIUS_PX} of the pointer horizontally, the
     *     series whose sample is nearest vertically winning; empty when none is that close
     */
    public static Optional<Hit> find(
            List<ChartSeries> series, LongToDoubleFunction xOf, DoubleUnaryOperator yOf, double x, double y) {
        Hit best = null;
        double bestScore = Double.MAX_VALUE;
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k).finest();
            int i = nearestFinite(s, xOf, x);
            if (i < 0) {
                continue;
            }
            double dx = Math.abs(xOf.applyAsDouble(s.times()[i]) - x);
            if (dx > RADIUS_PX) {
                continue;
            }
            double dy = Math.abs(yOf.applyAsDouble(s.values()[i]) - y);
            double score = dx + dy;
            if (score < bestScore) {
                bestScore = score;
                best = new Hit(k, series.get(k).name(), Instant.ofEpochMilli(s.times()[i]), s.values()[i]);
            }
        }
        return Optional.ofNullable(best);
    }

    private static int nearestFinite(Series s, LongToDoubleFunction xOf, double x) {
        long[] t = s.times();
        if (t.length == 0) {
            return -1;
        }
        // invert x by bisection over the samples' pixels (monotone in time)
        int lo = 0;
        int hi = t.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (xOf.applyAsDouble(t[mid]) < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int best = -1;
        double bestD = Double.MAX_VALUE;
        for (int i = Math.max(0, lo - 2); i <= Math.min(t.length - 1, lo + 2); i++) {
            if (Double.isFinite(s.values()[i])) {
                double d = Math.abs(xOf.applyAsDouble(t[i]) - x);
                if (d < bestD) {
                    bestD = d;
                    best = i;
                }
            }
        }
        return best;
    }

    /**
     * @param hit the sample under the pointer, or empty
     * @param pointerAt the time at the pointer
     * @param others every series' value at the hit's time, when a series has a sample exactly there
     * @param unit the unit
     * @return the tooltip lines: the sample's own time with its date and its value; or "no data
     *     here" with the pointer's time and date
     */
    public static List<String> lines(Optional<Hit> hit, Instant pointerAt, List<ChartSeries> others, String unit) {
        List<String> lines = new ArrayList<>();
        String u = unit.isEmpty() ? "" : " " + unit;
        if (hit.isEmpty()) {
            lines.add(ValueFormat.sampleTime(pointerAt));
            lines.add("no data here");
            return lines;
        }
        Hit h = hit.get();
        lines.add(ValueFormat.sampleTime(h.at()));
        lines.add(h.name() + " = " + ValueFormat.format(h.value()) + u);
        long t = h.at().toEpochMilli();
        for (int k = 0; k < others.size(); k++) {
            if (k == h.series()) {
                continue;
            }
            Series s = others.get(k).finest();
            int i = Arrays.binarySearch(s.times(), t);
            if (i >= 0) {
                lines.add(others.get(k).name() + " = " + ValueFormat.format(s.values()[i]) + u);
            }
        }
        return lines;
    }
}
