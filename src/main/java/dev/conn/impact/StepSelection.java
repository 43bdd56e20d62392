package dev.conn.impact;

import java.time.Duration;

/**
 * Chooses the {@code step} of a range query: fine enough to fill the chart, never finer than the
 * source records, never more points than Prometheus allows.
 *
 * <p>step = max(scrape interval (or 1 s when unknown), range ÷ plot width in pixels), rounded up to
 * the next clean value (1, 2, 5, 10, 15, 30 s; 1, 2, 5, 10, 15, 30 min; 1, 2, 3, 6, 12 h; whole
 * days), and then raised until the range holds at most {@value #MAX_POINTS} points per series:
 * Prometheus refuses more with 400 {@code bad_data} "exceeded maximum resolution of 11,000 points
 * per timeseries" (https://github.com/prometheus/prometheus/blob/main/web/api/v1/api.go).
 *
 * <p><b>Peaks.</b> A range query evaluates the expression at each step and nothing between: a
 * 20-second error spike between two 5-minute steps is invisible. {@link QueryTemplate} therefore
 * fetches counters and ratios through {@link #peakQuery}: {@code max_over_time((<expr>)[<step>:<scrape>])},
 * a subquery evaluated at the scrape resolution whose every step carries the largest value of its
 * window (https://prometheus.io/docs/prometheus/latest/querying/basics/#subquery,
 * https://prometheus.io/docs/prometheus/latest/querying/functions/#aggregation_over_time).
 */
public final class StepSelection {
    /** Most points per series Prometheus returns for a range query. */
    public static final int MAX_POINTS = 11_000;

    private static final long[] LADDER_SECONDS = {
        1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400
    };

    private StepSelection() {}

    /**
     * @param range the queried range (end − start), positive
     * @param plotWidthPx the chart's plot width in pixels, at least 1
     * @param scrapeInterval the source's scrape interval, or null when unknown (1 s floor)
     * @return the step, a clean value, with {@code range / step + 1 <= 11,000}
     * @throws IllegalArgumentException if the range is not positive or the width below 1
     */
    public static Duration select(Duration range, int plotWidthPx, Duration scrapeInterval) {
        if (range.isZero() || range.isNegative() || plotWidthPx < 1) {
            throw new IllegalArgumentException("need a positive range and plot width");
        }
        long floorMs = scrapeInterval == null || scrapeInterval.toMillis() < 1000 ? 1000 : scrapeInterval.toMillis();
        long perPixelMs = ceilDiv(range.toMillis(), plotWidthPx);
        long step = clean(Math.max(floorMs, perPixelMs));
        while (range.toMillis() / step + 1 > MAX_POINTS) {
            step = clean(step + 1);
        }
        return Duration.ofMillis(step);
    }

    /**
     * @param expr a PromQL expression
     * @param step the step chosen by {@link #select}
     * @param resolution the subquery resolution: the scrape interval
     * @return {@code max_over_time((expr)[step:resolution])}: each point is the peak of its step
     *     window, evaluated every {@code resolution}
     */
    public static String peakQuery(String expr, Duration step, Duration resolution) {
        return "max_over_time((" + expr + ")[" + QueryTemplate.promDuration(step) + ":"
                + QueryTemplate.promDuration(resolution) + "])";
    }

    /** @return the smallest clean step ≥ {@code ms}, in ms */
    static long clean(long ms) {
        for (long s : LADDER_SECONDS) {
            if (s * 1000 >= ms) {
                return s * 1000;
            }
        }
        long day = 86_400_000L;
        return ceilDiv(ms, day) * day;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
