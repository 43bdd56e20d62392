package dev.conn.impact;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One time series as a source returned it: a label set and samples in time order.
 *
 * <p>Values may be {@code NaN} and {@code ±Infinity} (Prometheus sends them as the strings
 * {@code "NaN"}, {@code "+Inf"}, {@code "-Inf"}); a Datadog {@code null} point is {@code NaN}.
 *
 * @param labels the label set (sorted by name), e.g. {@code {__name__=http_requests_total, code=500}}
 * @param times sample times in milliseconds since the epoch (UTC), ascending
 * @param values sample values, same length as {@code times}
 */
public record Series(Map<String, String> labels, long[] times, double[] values) {
    /** Checks lengths and copies the labels. */
    public Series {
        labels = java.util.Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(labels, "labels")));
        Objects.requireNonNull(times, "times");
        Objects.requireNonNull(values, "values");
        if (times.length != values.length) {
            throw new IllegalArgumentException("times and values differ in length");
        }
    }

    /** @return the number of samples */
    public int size() {
        return times.length;
    }

    /** @return the largest finite value, or NaN if there is none */
    public double peak() {
        double max = Double.NaN;
        for (double v : values) {
            if (Double.isFinite(v) && (Double.isNaN(max) || v > max)) {
                max = v;
            }
        }
        return max;
    }

    /** @return the last finite value, or NaN if there is none */
    public double current() {
        for (int i = values.length - 1; i >= 0; i--) {
            if (Double.isFinite(values[i])) {
                return values[i];
            }
        }
        return Double.NaN;
    }

    /**
     * @param fromMs first time kept, ms since the epoch (UTC), inclusive
     * @param toMs last time kept, inclusive
     * @return this series without the samples outside {@code [fromMs, toMs]} (itself if none are)
     */
    public Series within(long fromMs, long toMs) {
        int lo = 0;
        while (lo < times.length && times[lo] < fromMs) {
            lo++;
        }
        int hi = times.length;
        while (hi > lo && times[hi - 1] > toMs) {
            hi--;
        }
        if (lo == 0 && hi == times.length) {
            return this;
        }
        return new Series(
                labels, java.util.Arrays.copyOfRange(times, lo, hi), java.util.Arrays.copyOfRange(values, lo, hi));
    }

    /** @return the label set in PromQL style, {@code name{k="v", ...}}, for legends and tooltips */
    public String displayName() {
        StringBuilder sb = new StringBuilder(labels.getOrDefault("__name__", ""));
        StringBuilder inner = new StringBuilder();
        labels.forEach((k, v) -> {
            if (!k.equals("__name__")) {
                if (inner.length() > 0) {
                    inner.append(", ");
                }
                inner.append(k).append("=\"").append(v).append('"');
            }
        });
        if (inner.length() > 0 || sb.length() == 0) {
            sb.append('{').append(inner).append('}');
        }
        return sb.toString();
    }
}
