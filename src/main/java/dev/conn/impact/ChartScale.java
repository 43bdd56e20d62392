package dev.conn.impact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps chart coordinates: time (UTC, ms) to x pixels and value to y pixels, inside a plot area.
 * Pure, so where a marker or a point lands is tested without a stage.
 *
 * @param fromMs left edge time, ms since the epoch
 * @param toMs right edge time, ms since the epoch, after {@code fromMs}
 * @param yMin bottom value
 * @param yMax top value, above {@code yMin}
 * @param left plot area left x, px
 * @param top plot area top y, px
 * @param width plot area width, px
 * @param height plot area height, px
 */
public record ChartScale(
        long fromMs, long toMs, double yMin, double yMax, double left, double top, double width, double height) {

    /** @return the x pixel of an instant (may lie outside the plot when outside the range) */
    public double x(Instant t) {
        return x(t.toEpochMilli());
    }

    /** @return the x pixel of a time in ms since the epoch */
    public double x(long ms) {
        return left + (double) (ms - fromMs) / (toMs - fromMs) * width;
    }

    /** @return the time at an x pixel, ms since the epoch */
    public long time(double x) {
        return fromMs + Math.round((x - left) / width * (toMs - fromMs));
    }

    /** @return the y pixel of a value */
    public double y(double v) {
        return top + height - (v - yMin) / (yMax - yMin) * height;
    }

    /** Room left above the largest value: at least 5 % of the data's span. */
    static final double HEADROOM = 0.05;

    /**
     * The value axis for some data: round numbers, with room above the largest value so that a
     * series at its peak (the peak the legend names) is drawn below the plot's top edge, with a
     * labelled tick above it.
     *
     * @param min smallest finite value drawn (or threshold)
     * @param max largest finite value drawn
     * @return {yMin, yMax, tick unit}: yMin and yMax multiples of the tick unit (a 1, 2, 2.5 or 5
     *     times a power of ten, about a quarter of the data's span), starting at 0 for non-negative
     *     data, never empty; yMax is above {@code max} by at least {@value #HEADROOM} of the span
     *     between yMin's start (0 or {@code min}) and {@code max}, or of 1 when that span is 0 (so
     *     all zeros give 0 to 1.25); {0, 1, 0.25} when either is not finite
     */
    public static double[] niceRange(double min, double max) {
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            return new double[] {0, 1, 0.25};
        }
        double lo = min >= 0 ? 0 : min;
        double hi = max <= lo ? lo + 1 : max;
        double step = niceStep((hi - lo) / 4);
        double bottom = Math.floor(lo / step) * step;
        double top = Math.ceil((hi + (hi - lo) * HEADROOM) / step) * step;
        if (top <= max) { // rounding of very large or very small values
            top += step;
        }
        return new double[] {bottom, top, step};
    }

    /**
     * @param step the tick unit ({@link #niceRange}'s third value)
     * @return the y-axis tick values: the multiples of {@code step} from yMin to yMax
     */
    public List<Double> yTicks(double step) {
        List<Double> ticks = new ArrayList<>();
        for (double v = Math.ceil(yMin / step) * step; v <= yMax + step / 1e6; v += step) {
            ticks.add(Math.abs(v) < step / 1e6 ? 0 : v);
        }
        return ticks;
    }

    static double niceStep(double raw) {
        if (raw <= 0 || !Double.isFinite(raw)) {
            return 1;
        }
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double n = raw / mag;
        double nice = n <= 1 ? 1 : n <= 2 ? 2 : n <= 2.5 ? 2.5 : n <= 5 ? 5 : 10;
        return nice * mag;
    }
}
