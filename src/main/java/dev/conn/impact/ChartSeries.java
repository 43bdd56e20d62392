package dev.conn.impact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One series as a chart draws it: its legend name, its figures, and LTTB reductions of its
 * samples at several densities, so that zooming picks a finer one without downsampling on the
 * JavaFX thread.
 *
 * @param name the legend name: the query's name, then the labels in PromQL style when there are any
 *     ({@code Error ratio {code="500"}})
 * @param labels the label set
 * @param levels reductions of the samples, coarsest first; the last is the finest (every sample
 *     when the series has at most {@link #FINEST_POINTS})
 * @param peak the largest finite value (NaN when none)
 * @param current the last finite value (NaN when none)
 * @param positiveInfinities how many samples were {@code +Inf} (not drawn)
 * @param negativeInfinities how many samples were {@code -Inf} (not drawn)
 * @param nans how many samples were {@code NaN} (gaps)
 * @param samples how many samples the source returned for this series
 */
public record ChartSeries(
        String name,
        Map<String, String> labels,
        List<Series> levels,
        double peak,
        double current,
        int positiveInfinities,
        int negativeInfinities,
        int nans,
        int samples) {

    /** Finest level kept: 256,000 points; a series with more is reduced to this many with LTTB. */
    public static final int FINEST_POINTS = 256_000;

    /** Copies the lists. */
    public ChartSeries {
        Objects.requireNonNull(name, "name");
        labels = Map.copyOf(labels);
        levels = List.copyOf(levels);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("a chart series needs at least one level");
        }
    }

    /**
     * Builds the levels: LTTB to 2, 8, 32 and 128 points per pixel of {@code plotWidthPx}, stopping
     * at the first that keeps every sample. O(n) per level; run it off the JavaFX thread.
     *
     * @param queryName the chart's query name
     * @param series the series as fetched
     * @param plotWidthPx the plot width in pixels, at least 1
     * @return the chart series
     */
    public static ChartSeries of(String queryName, Series series, int plotWidthPx) {
        int pos = 0;
        int neg = 0;
        int nan = 0;
        for (double v : series.values()) {
            if (Double.isNaN(v)) {
                nan++;
            } else if (v == Double.POSITIVE_INFINITY) {
                pos++;
            } else if (v == Double.NEGATIVE_INFINITY) {
                neg++;
            }
        }
        List<Series> levels = new ArrayList<>();
        int width = Math.max(1, plotWidthPx);
        for (int perPx : new int[] {2, 8, 32, 128}) {
            int threshold = Math.max(3, width * perPx);
            if (threshold >= series.size() || threshold >= FINEST_POINTS) {
                break;
            }
            levels.add(Lttb.downsample(series, threshold));
        }
        levels.add(series.size() > FINEST_POINTS ? Lttb.downsample(series, FINEST_POINTS) : series);
        return new ChartSeries(
                legendName(queryName, series),
                series.labels(),
                levels,
                series.peak(),
                series.current(),
                pos,
                neg,
                nan,
                series.size());
    }

    /** @return the query name, then the labels in PromQL style ({@code __name__} left out) */
    static String legendName(String queryName, Series s) {
        StringBuilder inner = new StringBuilder();
        s.labels().forEach((k, v) -> {
            if (!k.equals("__name__")) {
                inner.append(inner.length() > 0 ? ", " : "")
                        .append(k)
                        .append("=\"")
                        .append(v)
                        .append('"');
            }
        });
        String metric = s.labels().getOrDefault("__name__", "");
        if (inner.length() == 0 && metric.isEmpty()) {
            return queryName;
        }
        return queryName + " " + metric + (inner.length() > 0 ? "{" + inner + "}" : "");
    }

    /** @return the finest level (for hover and note text: the samples' own times) */
    public Series finest() {
        return levels.get(levels.size() - 1);
    }

    /**
     * @param fromMs left edge of the visible range, ms since the epoch
     * @param toMs right edge, after {@code fromMs}
     * @param plotWidthPx plot width in pixels
     * @return the coarsest level that still has at least 2 points per pixel in the visible range,
     *     else the finest
     */
    public Series levelFor(long fromMs, long toMs, double plotWidthPx) {
        double wanted = 2 * Math.max(1, plotWidthPx);
        for (Series level : levels) {
            if (visibleCount(level.times(), fromMs, toMs) >= wanted) {
                return level;
            }
        }
        return finest();
    }

    static int visibleCount(long[] times, long fromMs, long toMs) {
        int lo = Arrays.binarySearch(times, fromMs);
        lo = lo < 0 ? -lo - 1 : lo;
        int hi = Arrays.binarySearch(times, toMs);
        hi = hi < 0 ? -hi - 1 : hi + 1;
        return Math.max(0, hi - lo);
    }

    /** @return e.g. "now 0.42 %, peak 25.3 %" with "+Inf in 3 samples (not drawn)" when any */
    public String figures(String unit) {
        String u = unit.isEmpty() ? "" : " " + unit;
        StringBuilder sb = new StringBuilder()
                .append("now ")
                .append(ValueFormat.format(current))
                .append(Double.isNaN(current) ? "" : u)
                .append(", peak ")
                .append(positiveInfinities > 0 ? "+Inf" : ValueFormat.format(peak) + (Double.isNaN(peak) ? "" : u));
        if (positiveInfinities > 0) {
            sb.append(", +Inf in ").append(plural(positiveInfinities)).append(" (not drawn)");
        }
        if (negativeInfinities > 0) {
            sb.append(", -Inf in ").append(plural(negativeInfinities)).append(" (not drawn)");
        }
        if (nans > 0) {
            sb.append(", NaN in ").append(plural(nans)).append(" (gaps)");
        }
        return sb.toString();
    }

    private static String plural(int n) {
        return n + (n == 1 ? " sample" : " samples");
    }
}
