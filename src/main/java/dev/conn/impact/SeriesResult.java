package dev.conn.impact;

import java.util.List;
import java.util.Objects;

/**
 * What one range query returned.
 *
 * @param series the series, in the order the source sent them
 * @param warnings the source's warnings (Prometheus {@code warnings}), shown beside the chart
 * @param rawJson the response body exactly as returned (kept for the cache and snapshots)
 */
public record SeriesResult(List<Series> series, List<String> warnings, String rawJson) {
    /** Copies the lists. */
    public SeriesResult {
        series = List.copyOf(series);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(rawJson, "rawJson");
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
