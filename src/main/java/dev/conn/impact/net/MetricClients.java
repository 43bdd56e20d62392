package dev.conn.impact.net;

import dev.conn.impact.MetricSource;
import dev.conn.settings.MonitoringSource;
import dev.conn.settings.SecretResolver;
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
}
