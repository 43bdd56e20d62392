package dev.conn.impact;

import java.util.Arrays;

/**
 * Largest-Triangle-Three-Buckets downsampling: picks {@code threshold} of a series' points so that
 * the drawn line keeps its visual shape, spikes included. Sveinn Steinarsson, "Downsampling Time
 * Series for Visual Representation", MSc thesis, University of Iceland, 2013, algorithm 4.2
 * (https://skemman.is/handle/1946/15343).
 *
 * <p>The first and last points are always kept; the points between are split into {@code
 * threshold − 2} buckets of equal count, and from each bucket the point forming the largest
 * triangle with the point kept before it and the average of the next bucket is kept. O(n), no
 * allocation beyond the output. Non-finite values (NaN, ±Inf) are never averaged; a bucket of only
 * non-finite values keeps its first point, so gaps stay gaps.
 *
 * <p>One departure from the thesis: the series' smallest and its largest finite value are always
 * kept, each in place of the point its bucket chose (the largest when both share a bucket). LTTB
 * alone can drop a peak, for a deeper dip or a point farther from the line in the same bucket;
 * the chart's legend names the peak, and what is drawn must reach it.
 *
 * <p>Pure and thread-safe: run it off the JavaFX thread.
 */
public final class Lttb {
    private Lttb() {}

    /**
     * @param series the series
     * @param threshold the number of points to keep, at least 3
     * @return the series itself if it has at most {@code threshold} points, else exactly {@code
     *     threshold} of its points, in order
     * @throws IllegalArgumentException if the threshold is below 3
     */
    public static Series downsample(Series series, int threshold) {
        int[] idx = select(series.times(), series.values(), threshold);
        if (idx.length == series.size()) {
            return series;
        }
        long[] t = new long[idx.length];
        double[] v = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            t[i] = series.times()[idx[i]];
            v[i] = series.values()[idx[i]];
        }
        return new Series(series.labels(), t, v);
    }

    /**
     * @param times sample times (any unit), ascending
     * @param values sample values, same length
     * @param threshold the number of points to keep, at least 3
     * @return the indices of the kept points, ascending; all indices if there are at most
     *     {@code threshold}
     * @throws IllegalArgumentException if the threshold is below 3 or the arrays differ in length
     */
    public static int[] select(long[] times, double[] values, int threshold) {
        if (threshold < 3) {
            throw new IllegalArgumentException("LTTB keeps at least 3 points; got " + threshold);
        }
        int n = times.length;
        if (values.length != n) {
            throw new IllegalArgumentException("times and values differ in length");
        }
        if (n <= threshold) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return all;
        }
        int[] out = new int[threshold];
        long t0 = times[0];
        double every = (double) (n - 2) / (threshold - 2);
        int a = 0;
        out[0] = 0;
        int lowest = -1;
        int highest = -1;
        int lowestBucket = 0;
        int highestBucket = 0;
        double lowestValue = Double.POSITIVE_INFINITY;
        double highestValue = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < threshold - 2; i++) {
            // the next bucket's average point
            int avgStart = (int) Math.floor((i + 1) * every) + 1;
            int avgEnd = Math.min((int) Math.floor((i + 2) * every) + 1, n);
            double avgX = 0;
            double avgY = 0;
            int finite = 0;
            for (int j = avgStart; j < avgEnd; j++) {
                if (Double.isFinite(values[j])) {
                    avgX += times[j] - t0;
                    avgY += values[j];
                    finite++;
                }
            }
            if (finite == 0) {
                avgX = times[Math.min(avgStart, n - 1)] - t0;
                avgY = Double.isFinite(values[a]) ? values[a] : 0;
            } else {
                avgX /= finite;
                avgY /= finite;
            }
            // this bucket
            int rangeStart = (int) Math.floor(i * every) + 1;
            int rangeEnd = (int) Math.floor((i + 1) * every) + 1;
            double ax = times[a] - t0;
            double ay = Double.isFinite(values[a]) ? values[a] : avgY;
            double maxArea = -1;
            int chosen = rangeStart;
            for (int j = rangeStart; j < rangeEnd; j++) {
                double v = values[j];
                if (!Double.isFinite(v)) {
                    continue;
                }
                double area = Math.abs((ax - avgX) * (v - ay) - (ax - (times[j] - t0)) * (avgY - ay));
                if (area > maxArea) {
                    maxArea = area;
                    chosen = j;
                }
                // the extremes, found in the same pass over the points
                if (v < lowestValue) {
                    lowest = j;
                    lowestValue = v;
                    lowestBucket = i;
                }
                if (v > highestValue) {
                    highest = j;
                    highestValue = v;
                    highestBucket = i;
                }
            }
            out[i + 1] = chosen;
            a = chosen;
        }
        out[threshold - 1] = n - 1;
        // kept in place of the point their bucket chose; the highest last, so it wins a bucket it
        // shares with the lowest (first and last points are kept anyway and are not candidates)
        if (lowest >= 0) {
            out[lowestBucket + 1] = lowest;
        }
        if (highest >= 0) {
            out[highestBucket + 1] = highest;
        }
        return out;
    }
}
