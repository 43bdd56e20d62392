package dev.conn.impact.net;

import dev.conn.impact.ImpactService;
import dev.conn.impact.MetricSource;
import dev.conn.impact.SeriesCache;
import dev.conn.settings.MonitoringSource;
import dev.conn.settings.SecretResolver;
import java.time.Clock;
import java.util.function.Function;

/** Builds the real metric source clients. */
public final class MetricClients {
    private MetricClients() {}

    /**
     * @param secrets resolves the sources' secret references at request time
     * @return a factory of {@link PrometheusClient} or {@link DatadogClient} by the source's kind
     */
    public static Function<MonitoringSource, MetricSource> real(SecretResolver secrets) {
        return s -> s.kind() == MonitoringSource.Kind.DATADOG
                ? new DatadogClient(s, secrets)
                : new PrometheusClient(s, secrets);
    }

    /**
     * @return parsers of a source's raw answer by kind (cache entries written by an older Conn); they
     *     never reach the network
     */
    public static Function<MonitoringSource.Kind, MetricSource> parsers() {
        SecretResolver none = new SecretResolver(java.util.Map.of(), SecretResolver.SecretStore.unavailable());
        return kind -> kind == MonitoringSource.Kind.DATADOG
                ? new DatadogClient(
                        MonitoringSource.datadog("cache", "cache", "http://cache.invalid", null, null), none)
                : new PrometheusClient(MonitoringSource.prometheus("cache", "cache", "http://cache.invalid"), none);
    }

    /**
     * The impact service with the real clients: what the app fetches and caches with.
     *
     * @param cache the series cache (in the app, {@code JdbcSeriesCache} on the incident database)
     * @param secrets resolves the sources' secret references at request time
     * @param clock stamps {@code fetchedAt}
     * @return the service
     */
    public static ImpactService service(SeriesCache cache, SecretResolver secrets, Clock clock) {
        return new ImpactService(cache, real(secrets), parsers(), clock);
    }
}
