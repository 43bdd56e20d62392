package dev.conn.impact;

import dev.conn.incident.IncidentId;
import dev.conn.platform.secrets.Redaction;
import dev.conn.settings.ImpactSettings;
import dev.conn.settings.MonitoringSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fetches an impact chart's data: picks the step and the fetch plan ({@link QueryTemplate}),
 * queries the source, drops samples outside the window, caches what the charts need ({@link
 * CachedAnswer}), ranks the series and builds their reductions; when the source cannot answer, or
 * answers with nothing, falls back to the cached answer. Logs every fetch (source id, query id,
 * step, points, duration, outcome) with secrets redacted. Pure Java and blocking (network, disk):
 * call it from the source's lane ({@link SourceLanes}).
 */
public final class ImpactService {
    /** Series drawn per chart at most; the legend says "top N of M series by peak" beyond. */
    public static final int MAX_SERIES = 5;

    private static final Logger LOG = Logger.getLogger("dev.conn.impact.fetch");
    private static final java.time.format.DateTimeFormatter UTC_DHM = java.time.format.DateTimeFormatter.ofPattern(
                    "d MMM HH:mm 'UTC'", java.util.Locale.ENGLISH)
            .withZone(java.time.ZoneOffset.UTC);

    private final SeriesCache cache;
    private final Function<MonitoringSource, MetricSource> clients;
    private final Function<MonitoringSource.Kind, MetricSource> legacyParsers;
    private final Clock clock;

    /**
     * @param cache the series cache
     * @param clients builds the client of a configured source
     * @param legacyParsers parses a cache entry an older Conn wrote as the source's raw answer
     * @param clock stamps {@code fetchedAt}
     */
    public ImpactService(
            SeriesCache cache,
            Function<MonitoringSource, MetricSource> clients,
            Function<MonitoringSource.Kind, MetricSource> legacyParsers,
            Clock clock) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.legacyParsers = Objects.requireNonNull(legacyParsers, "legacyParsers");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param source a monitoring source as configured or as being edited
     * @return its client (for "Test connection")
     */
    public MetricSource client(MonitoringSource source) {
        return clients.apply(source);
    }

    /** @return the cache (the export's read API: every cached series of an incident) */
    public SeriesCache cache() {
        return cache;
    }

    /**
     * Refreshes one chart for the incident's window, caching the answer; not cancellable (the CLI,
     * tests).
     *
     * @param incident the incident
     * @param query the impact query
     * @param settings the impact settings
     * @param window the incident's window
     * @param plotWidthPx the plot width in pixels
     * @return the data to draw
     */
    public ChartData refresh(
            IncidentId incident, ImpactQuery query, ImpactSettings settings, ImpactWindow window, int plotWidthPx) {
        return refresh(incident, query, settings, window.from(), window.to(), plotWidthPx, true, FetchToken.none());
    }

    /**
     * Refreshes one chart for a range: the incident's window, or a zoomed part of it.
     *
     * @param incident the incident
     * @param query the impact query
     * @param settings the impact settings (where the query's source is looked up)
     * @param from start of the range (UTC)
     * @param to end of the range (UTC), after {@code from}
     * @param plotWidthPx the plot width in pixels: sets the step and the reductions
     * @param cacheIt true to store the answer (the incident's window); false for a zoomed range
     * @param token cancels the fetch
     * @return the data to draw; never throws for a source failure (the error is in the result)
     * @throws CancellationException if the token was cancelled
     */
    public ChartData refresh(
            IncidentId incident,
            ImpactQuery query,
            ImpactSettings settings,
            Instant from,
            Instant to,
            int plotWidthPx,
            boolean cacheIt,
            FetchToken token) {
        int width = Math.max(plotWidthPx, 50);
        Optional<MonitoringSource> source = settings.source(query.sourceId());
        if (source.isEmpty()) {
            return fromCache(
                    incident,
                    query,
                    from,
                    to,
                    width,
                    Optional.empty(),
                    Optional.of("no monitoring source '" + query.sourceId()
                            + "' in settings; add it under Impact > Manage sources"),
                    Optional.empty(),
                    false);
        }
        MonitoringSource src = source.get();
        Duration range = Duration.between(from, to);
        Duration scrape = Duration.ofSeconds(src.scrapeInterval());
        Duration step = StepSelection.select(range, width, scrape);
        QueryTemplate.FetchPlan plan =
                QueryTemplate.plan(query.query(), range, step, scrape, src.kind() == MonitoringSource.Kind.PROMETHEUS);
        long started = System.nanoTime();
        SeriesResult result;
        try {
            result = clients.apply(src).queryRange(plan.query(), from, to, step, token);
        } catch (MetricSourceException e) {
            long ms = (System.nanoTime() - started) / 1_000_000;
            if (e.kind() == MetricSourceException.Kind.CANCELLED || token.isCancelled()) {
                log(Level.FINE, src, query, step, 0, ms, "cancelled");
                throw new CancellationException("fetch cancelled");
            }
            log(Level.WARNING, src, query, step, 0, ms, e.kind() + ": " + e.getMessage());
            return fromCache(
                    incident,
                    query,
                    from,
                    to,
                    width,
                    Optional.of(plan),
                    Optional.of(e.getMessage()),
                    Optional.empty(),
                    e.isOffline());
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        if (token.isCancelled()) {
            log(Level.FINE, src, query, step, result.pointCount(), ms, "cancelled");
            throw new CancellationException("fetch cancelled");
        }
        // a sample outside the asked range is not this chart's data (one step of slack: alignment)
        long slack = step.toMillis();
        List<Series> inside = new ArrayList<>();
        long dropped = 0;
        for (Series s : result.series()) {
            Series w = s.within(from.toEpochMilli() - slack, to.toEpochMilli() + slack);
            dropped += s.size() - w.size();
            if (w.size() > 0) {
                inside.add(w);
            }
        }
        SeriesResult kept = new SeriesResult(inside, result.warnings(), result.raw());
        log(
                Level.INFO,
                src,
                query,
                step,
                kept.pointCount(),
                ms,
                "ok, " + inside.size() + " series"
                        + (dropped > 0 ? ", " + dropped + " samples outside the range dropped" : ""));
        if (kept.pointCount() == 0) {
            // an empty success never replaces good data: keep the last answer, say since when
            return fromCache(
                    incident,
                    query,
                    from,
                    to,
                    width,
                    Optional.of(plan),
                    Optional.empty(),
                    Optional.of("no data"),
                    false);
        }
        Instant fetchedAt = clock.instant();
        CachedAnswer bounded = CachedAnswer.bound(kept);
        if (cacheIt) {
            cache.put(new CachedSeries(
                    incident, query.queryId(), src.kind(), query.query(), from, to, fetchedAt, bounded.encode()));
        }
        return draw(
                query,
                from,
                to,
                Optional.of(plan),
                kept.series(),
                kept.series().size(),
                kept.warnings(),
                width,
                Optional.of(fetchedAt),
                false,
                Optional.empty(),
                Optional.empty(),
                kept.raw());
    }

    private ChartData fromCache(
            IncidentId incident,
            ImpactQuery query,
            Instant from,
            Instant to,
            int width,
            Optional<QueryTemplate.FetchPlan> plan,
            Optional<String> error,
            Optional<String> emptyAnswer,
            boolean offline) {
        // an edited query's old answer is not its data: show it only for the same query text
        Optional<CachedSeries> cached =
                cache.get(incident, query.queryId()).filter(c -> c.query().equals(query.query()));
        if (cached.isPresent()) {
            try {
                CachedAnswer answer = read(cached.get());
                Optional<String> notice = emptyAnswer.map(x -> "no data since " + lastSample(answer)
                        + ": the source answered with no samples for this range; showing the last data");
                return draw(
                        query,
                        from,
                        to,
                        plan,
                        answer.series(),
                        answer.totalSeries(),
                        answer.warnings(),
                        width,
                        Optional.of(cached.get().fetchedAt()),
                        offline,
                        error,
                        notice,
                        () -> "");
            } catch (IllegalArgumentException | MetricSourceException unreadable) {
                // fall through: show the error without data
            }
        }
        if (emptyAnswer.isPresent()) {
            return new ChartData(
                    query,
                    from,
                    to,
                    plan,
                    List.of(),
                    0,
                    List.of(),
                    Optional.of(clock.instant()),
                    false,
                    Optional.empty(),
                    Optional.of("the query returned no data in this range"),
                    "");
        }
        return new ChartData(
                query, from, to, plan, List.of(), 0, List.of(), Optional.empty(), offline, error, Optional.empty(), "");
    }

    private CachedAnswer read(CachedSeries c) throws MetricSourceException {
        if (CachedAnswer.isCached(c.rawJson())) {
            return CachedAnswer.decode(c.rawJson());
        }
        // written by an older Conn: the source's raw answer
        return CachedAnswer.bound(legacyParsers.apply(c.sourceKind()).parse(c.rawJson()));
    }

    private static String lastSample(CachedAnswer a) {
        long last = Long.MIN_VALUE;
        for (Series s : a.series()) {
            if (s.size() > 0) {
                last = Math.max(last, s.times()[s.size() - 1]);
            }
        }
        return last == Long.MIN_VALUE ? "the last fetch" : UTC_DHM.format(Instant.ofEpochMilli(last));
    }

    /** Ranks series by peak (largest first), keeps the top {@link #MAX_SERIES}, and builds their reductions. */
    static ChartData draw(
            ImpactQuery query,
            Instant from,
            Instant to,
            Optional<QueryTemplate.FetchPlan> plan,
            List<Series> series,
            int totalSeries,
            List<String> warnings,
            int width,
            Optional<Instant> fetchedAt,
            boolean offline,
            Optional<String> error,
            Optional<String> notice,
            java.util.function.Supplier<String> raw) {
        List<Series> ranked = CachedAnswer.rankByPeak(series);
        List<ChartSeries> drawn = new ArrayList<>();
        for (Series s : ranked.subList(0, Math.min(MAX_SERIES, ranked.size()))) {
            drawn.add(ChartSeries.of(query.name(), s, width));
        }
        return new ChartData(
                query,
                from,
                to,
                plan,
                drawn,
                Math.max(totalSeries, ranked.size()),
                warnings,
                fetchedAt,
                offline,
                error,
                notice,
                snapshotRaw(raw));
    }

    private static String snapshotRaw(java.util.function.Supplier<String> raw) {
        String s = raw.get();
        return s.length() <= SNAPSHOT_RAW_CHARS ? s : "";
    }

    /** Largest raw answer kept for a snapshot: 4 MiB of characters. */
    public static final int SNAPSHOT_RAW_CHARS = 4 * 1024 * 1024;

    private static void log(
            Level level, MonitoringSource src, ImpactQuery q, Duration step, long points, long ms, String outcome) {
        if (LOG.isLoggable(level)) {
            LOG.log(
                    level,
                    Redaction.patterns("impact fetch source=" + src.id() + " query=" + q.queryId() + " step="
                            + QueryTemplate.promDuration(step) + " points=" + points + " ms=" + ms + " outcome="
                            + outcome));
        }
    }
}
