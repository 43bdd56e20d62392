package dev.conn.impact;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * What one chart shows after a refresh: series ready to draw, and where they came from.
 *
 * @param query the impact query
 * @param from start of the charted range (UTC)
 * @param to end of the charted range (UTC)
 * @param plan how the data was fetched (step, peak subquery, rate-window warning), if it was
 * @param series the drawn series: the top ones by peak
 * @param totalSeries how many series the source returned (the legend says "top N of M")
 * @param warnings the source's warnings
 * @param fetchedAt when the shown data was fetched (UTC), if there is any data
 * @param offline true when the data is the cached copy because the source could not be reached
 * @param error the message of the last failed fetch, if the last fetch failed
 * @param notice a remark that is not a failure, e.g. "no data since 14:02 UTC", if any
 * @param rawJson the source's answer as returned (for snapshots), or empty when there is none or it
 *     was larger than a snapshot keeps
 */
public record ChartData(
        ImpactQuery query,
        Instant from,
        Instant to,
        Optional<QueryTemplate.FetchPlan> plan,
        List<ChartSeries> series,
        int totalSeries,
        List<String> warnings,
        Optional<Instant> fetchedAt,
        boolean offline,
        Optional<String> error,
        Optional<String> notice,
        String rawJson) {
    private static final DateTimeFormatter UTC_HM =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter UTC_DHM =
            DateTimeFormatter.ofPattern("d MMM HH:mm", java.util.Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** Copies the lists. */
    public ChartData {
        series = List.copyOf(series);
        warnings = List.copyOf(warnings);
    }

    /** @return a chart with no data and only an error */
    public static ChartData failed(ImpactQuery query, Instant from, Instant to, String error, boolean offline) {
        return new ChartData(
                query,
                from,
                to,
                Optional.empty(),
                List.of(),
                0,
                List.of(),
                Optional.empty(),
                offline,
                Optional.of(error),
                Optional.empty(),
                "");
    }

    /** @return true if there are series to draw */
    public boolean hasData() {
        return fetchedAt.isPresent();
    }

    /**
     * @param now the current instant
     * @return "data as of 14:02 UTC, 12 min old (offline)" when offline, else empty
     */
    public Optional<String> badge(Instant now) {
        if (!offline || fetchedAt.isEmpty()) {
            return Optional.empty();
        }
        Instant at = fetchedAt.get();
        Duration age = Duration.between(at, now);
        String when = age.toHours() >= 20 ? UTC_DHM.format(at) : UTC_HM.format(at);
        return Optional.of("data as of " + when + " UTC, " + ValueFormat.age(age) + " old (offline)");
    }

    /** @return the legend heading: "top 5 of 12 series by peak" when capped, else empty */
    public Optional<String> legendCap() {
        return totalSeries > series.size()
                ? Optional.of("top " + series.size() + " of " + totalSeries + " series by peak")
                : Optional.empty();
    }

    /** @return the resolution line under the chart, e.g. "step 1h · peak of 15s samples", if fetched */
    public Optional<String> stepText() {
        return plan.map(QueryTemplate.FetchPlan::describe);
    }

    /** @return a copy showing {@code from}–{@code to} (a zoomed view refetched for that range) */
    public ChartData withRange(Instant newFrom, Instant newTo) {
        return new ChartData(
                query, newFrom, newTo, plan, series, totalSeries, warnings, fetchedAt, offline, error, notice, rawJson);
    }
}
