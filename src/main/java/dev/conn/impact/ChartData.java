package dev.conn.impact;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one chart shows after a refresh: downsampled series ready to draw, and where they came from.
 *
 * @param query the impact query
 * @param from start of the charted window (UTC)
 * @param to end of the charted window (UTC)
 * @param series the drawn series: the top ones by peak, each downsampled with LTTB
 * @param totalSeries how many series the source returned (the legend says "top N of M")
 * @param warnings the source's warnings
 * @param fetchedAt when the shown data was fetched (UTC), if there is any data
 * @param offline true when the data is the cached copy because the source could not be reached
 * @param error the message of the last failed fetch, if the last fetch failed
 * @param rawJson the source's answer as returned (for snapshots), or empty with no data
 */
public record ChartData(
        ImpactQuery query,
        Instant from,
        Instant to,
        List<Series> series,
        int totalSeries,
        List<String> warnings,
        Optional<Instant> fetchedAt,
        boolean offline,
        Optional<String> error,
        String rawJson) {
    /** Copies the lists. */
    public ChartData {
        series = List.copyOf(series);
        warnings = List.copyOf(warnings);
    }

    /** @return true if there are series to draw */
    public boolean hasData() {
        return fetchedAt.isPresent();
    }

    /** @return the badge text: "data as of 14:02 UTC (offline)" when offline, else empty */
    public Optional<String> badge() {
        if (!offline || fetchedAt.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("data as of " + UTC_HM.format(fetchedAt.get()) + " UTC (offline)");
    }

    /** @return the legend heading: "top 5 of 12 series by peak" when capped, else empty */
    public Optional<String> legendCap() {
        return totalSeries > series.size()
                ? Optional.of("top " + series.size() + " of " + totalSeries + " series by peak")
                : Optional.empty();
    }

    private static final java.time.format.DateTimeFormatter UTC_HM =
            java.time.format.DateTimeFormatter.ofPattern("HH:mm").withZone(java.time.ZoneOffset.UTC);
}
