package dev.conn.impact;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What one range query returned.
 *
 * @param series the series, in the order the source sent them
 * @param warnings the source's warnings (Prometheus {@code warnings}), shown beside the chart
 * @param raw the response body exactly as returned, decoded only when asked for (snapshots): a
 *     parse never pays for a copy of a multi-megabyte body it may not need
 */
public record SeriesResult(List<Series> series, List<String> warnings, Supplier<String> raw) {
    /** Copies the lists. */
    public SeriesResult {
        series = List.copyOf(series);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(raw, "raw");
    }

    /**
     * @param series the series
     * @param warnings the warnings
     * @param rawJson the body as returned
     */
    public SeriesResult(List<Series> series, List<String> warnings, String rawJson) {
        this(series, warnings, constant(Objects.requireNonNull(rawJson, "rawJson")));
    }

    /**
     * @param series the series
     * @param warnings the warnings
     * @param body the body's bytes (UTF-8), decoded on first use
     * @return the result
     */
    public static SeriesResult ofBytes(List<Series> series, List<String> warnings, byte[] body) {
        return new SeriesResult(series, warnings, new Supplier<String>() {
            private String text;

            @Override
            public synchronized String get() {
                if (text == null) {
                    text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
                }
                return text;
            }
        });
    }

    private static Supplier<String> constant(String s) {
        return () -> s;
    }

    /** @return the response body as returned */
    public String rawJson() {
        return raw.get();
    }

    /** @return the total number of samples over all series */
    public long pointCount() {
        long n = 0;
        for (Series s : series) {
            n += s.size();
        }
        return n;
    }
}
