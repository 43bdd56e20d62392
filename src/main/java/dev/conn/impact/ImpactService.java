package dev.conn.impact;

import dev.conn.incident.IncidentId;
import dev.conn.settings.ImpactSettings;
import dev.conn.settings.MonitoringSource;
import dev.conn.settings.SecretResolver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Fetches an impact chart's data: picks the step, queries the source, caches the answer, ranks
 * and downsamples the series; and when the source cannot answer, falls back to the cached answer
 * marked offline. Pure Java and blocking (network, disk): call through a {@code TaskRunner}.
 */
public final class ImpactService {
    /** Series drawn per chart at most; the legend says "top N of M series by peak" beyond. */
    public static final int MAX_SERIES = 5;

    private final SeriesCache cache;
    private final Function<MonitoringSource, MetricSource> clients;
    private final Clock clock;

    /**
     * @param cache the series cache
     * @param clients builds the client of a configured source
     * @param clock stamps {@code fetchedAt}
     */
    public ImpactService(SeriesCache cache, Function<MonitoringSource, MetricSource> clients, Clock clock) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param secrets resolves the sources' secret references at request time
     * @return a factory of the real clients: {@link PrometheusClient} or {@link DatadogClient}
     */
    public static Function<MonitoringSource, MetricSource> realClients(SecretResolver secrets) {
        return s -> s.kind() == MonitoringSource.Kind.DATADOG
                ? new DatadogClient(s, secrets)
                : new PrometheusClient(s, secrets);
    }

    /** @return the cache (the export's read API: every cached series of an incident) */
    public SeriesCache cache() {
        return cache;
    }

    /**
     * Refreshes one chart.
     *
     * @param incident the incident
     * @param query the impact query
     * @param settings the impact settings (where the query's source is looked up)
     * @param window the charted window
     * @param plotWidthPx the plot width in pixels: sets the step and the LTTB threshold (2 × width)
     * @return the data to draw; never throws for a source failure (the error is in the result)
     */
    public ChartData refresh(
            IncidentId incident, ImpactQuery query, ImpactSettings settings, ImpactWindow window, int plotWidthPx) {
        int width = Math.max(plotWidthPx, 50);
        Optional<MonitoringSource> source = settings.source(query.sourceId());
        if (source.isEmpty()) {
            return fromCache(
                    incident,
                    query,
                    window,
                    width,
                    "no monitoring source '" + query.sourceId() + "' in settings; add it under Impact > Manage sources",
                    false);
        }
        MetricSource client = clients.apply(source.get());
        Duration step = StepSelection.select(
                window.length(), width, Duration.ofSeconds(source.get().scrapeInterval()));
        try {
            SeriesResult result = client.queryRange(query.query(), window.from(), window.to(), step);
            Instant fetchedAt = clock.instant();
            cache.put(new CachedSeries(
                    incident,
                    query.queryId(),
                    source.get().kind(),
                    query.query(),
                    window.from(),
                    window.to(),
                    fetchedAt,
                    result.rawJson()));
            return draw(query, window, result, width, Optional.of(fetchedAt), false, Optional.empty());
        } catch (MetricSourceException e) {
            return fromCache(incident, query, window, width, e.getMessage(), e.isOffline());
        }
    }

    private ChartData fromCache(
            IncidentId incident, ImpactQuery query, ImpactWindow window, int width, String error, boolean offline) {
        // an edited query's old answer is not its data: show it only for the same query text
        Optional<CachedSeries> cached =
                cache.get(incident, query.queryId()).filter(c -> c.query().equals(query.query()));
        if (cached.isPresent()) {
            try {
                SeriesResult parsed =
                        parser(cached.get().sourceKind()).parse(cached.get().rawJson());
                // offline only when the source is out of reach; a refused query shows the last data
                // with the refusal beside it
                return draw(
                        query,
                        window,
                        parsed,
                        width,
                        Optional.of(cached.get().fetchedAt()),
                        offline,
                        Optional.of(error));
            } catch (MetricSourceException unreadable) {
                // fall through: show the error without data
            }
        }
        return new ChartData(
                query,
                window.from(),
                window.to(),
                List.of(),
                0,
                List.of(),
                Optional.empty(),
                offline,
                Optional.of(error),
                "");
    }

    private static MetricSource parser(MonitoringSource.Kind kind) {
        SecretResolver none = new SecretResolver(java.util.Map.of(), SecretResolver.SecretStore.unavailable());
        return kind == MonitoringSource.Kind.DATADOG
                ? new DatadogClient(
                        new MonitoringSource(
                                "cache", "cache", kind, "http://cache.invalid", null, null, null, null, null, null),
                        none)
                : new PrometheusClient(MonitoringSource.prometheus("cache", "cache", "http://cache.invalid"), none);
    }

    /**
     * Ranks series by peak (largest first), keeps the top {@link #MAX_SERIES}, and downsamples each
     * to 2 × plot width points with LTTB.
     */
    static ChartData draw(
            ImpactQuery query,
            ImpactWindow window,
            SeriesResult result,
            int width,
            Optional<Instant> fetchedAt,
            boolean offline,
            Optional<String> error) {
        List<Series> ranked = new ArrayList<>(result.series());
        ranked.sort(Comparator.comparingDouble((Series s) -> {
                    double p = s.peak();
                    return Double.isNaN(p) ? Double.NEGATIVE_INFINITY : p;
                })
                .reversed());
        List<Series> drawn = new ArrayList<>();
        for (Series s : ranked.subList(0, Math.min(MAX_SERIES, ranked.size()))) {
            drawn.add(Lttb.downsample(s, Math.max(3, 2 * width)));
        }
        return new ChartData(
                query,
                window.from(),
                window.to(),
                drawn,
                ranked.size(),
                result.warnings(),
                fetchedAt,
                offline,
                error,
                result.rawJson());
    }
}
