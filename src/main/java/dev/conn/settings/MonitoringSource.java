package dev.conn.settings;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * One monitoring system Conn reads impact graphs from, as stored in {@code settings.json}. Secrets
 * are {@link SecretRef references} only ({@code env:NAME} or {@code keyring:NAME}), never the
 * token or key itself.
 *
 * <p>Prometheus: {@code baseUrl} is the server root (e.g. {@code https://prom.example.com}; also
 * Thanos, Cortex, Mimir and VictoriaMetrics, which serve the same HTTP API,
 * https://prometheus.io/docs/prometheus/latest/querying/api/). Datadog: {@code baseUrl} is the
 * site's API root, e.g. {@code https://api.datadoghq.com} or {@code https://api.datadoghq.eu}
 * (https://docs.datadoghq.com/getting_started/site/).
 *
 * @param id stable id referenced by impact queries (letters, digits, {@code - _})
 * @param name what the user calls it ("prod Prometheus")
 * @param kind PROMETHEUS or DATADOG
 * @param baseUrl the API root, http or https
 * @param auth NONE, BEARER or BASIC (Prometheus only; Datadog always uses its two keys)
 * @param username the basic-auth user name, or null
 * @param secret the bearer token or basic-auth password reference, or null
 * @param apiKey Datadog {@code DD-API-KEY} reference, or null
 * @param applicationKey Datadog {@code DD-APPLICATION-KEY} reference, or null
 * @param scrapeIntervalSeconds the source's scrape interval in seconds (the finest useful step);
 *     null means 15 s for Prometheus, 20 s for Datadog
 * @param grafanaUrl the root URL of a Grafana that has this source as a data source of the same
 *     name, for "Open in Grafana" on each chart; null when there is none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MonitoringSource(
        String id,
        String name,
        Kind kind,
        String baseUrl,
        Auth auth,
        String username,
        SecretRef secret,
        SecretRef apiKey,
        SecretRef applicationKey,
        Integer scrapeIntervalSeconds,
        String grafanaUrl) {

    /** Which API the source speaks. */
    public enum Kind {
        /** Prometheus HTTP API ({@code /api/v1/query_range}). */
        PROMETHEUS,
        /** Datadog metrics API v1 ({@code /api/v1/query}). */
        DATADOG
    }

    /** How requests to a Prometheus-compatible source authenticate. */
    public enum Auth {
        /** No credentials. */
        NONE,
        /** {@code Authorization: Bearer <secret>} (RFC 6750). */
        BEARER,
        /** {@code Authorization: Basic} of {@code username} and {@code secret} (RFC 7617). */
        BASIC
    }

    /**
     * Checks the fields and fills defaults.
     *
     * @throws IllegalArgumentException naming the field that is wrong
     */
    public MonitoringSource {
        if (id == null || !id.matches("[A-Za-z0-9_\\-]{1,64}")) {
            throw new IllegalArgumentException("a monitoring source id is 1-64 letters, digits, '-' or '_'; got "
                    + (id == null ? "nothing" : "'" + id + "'"));
        }
        Objects.requireNonNull(kind, "monitoring source kind (PROMETHEUS or DATADOG)");
        EndpointCheck.parse("monitoring source '" + id + "': baseUrl", baseUrl)
                .problem()
                .ifPresent(p -> {
                    throw new IllegalArgumentException(p);
                });
        name = name == null || name.isBlank() ? id : name.strip();
        auth = auth == null ? Auth.NONE : auth;
        if (scrapeIntervalSeconds != null && (scrapeIntervalSeconds < 1 || scrapeIntervalSeconds > 3600)) {
            throw new IllegalArgumentException("monitoring source '" + id
                    + "': scrapeIntervalSeconds must be 1-3600; got " + scrapeIntervalSeconds);
        }
        grafanaUrl = grafanaUrl == null || grafanaUrl.isBlank() ? null : grafanaUrl.strip();
        if (grafanaUrl != null) {
            EndpointCheck.parse("monitoring source '" + id + "': grafanaUrl", grafanaUrl)
                    .problem()
                    .ifPresent(p -> {
                        throw new IllegalArgumentException(p);
                    });
        }
    }

    /**
     * Compatibility constructor without a Grafana URL.
     *
     * @throws IllegalArgumentException naming the field that is wrong
     */
    public MonitoringSource(
            String id,
            String name,
            Kind kind,
            String baseUrl,
            Auth auth,
            String username,
            SecretRef secret,
            SecretRef apiKey,
            SecretRef applicationKey,
            Integer scrapeIntervalSeconds) {
        this(id, name, kind, baseUrl, auth, username, secret, apiKey, applicationKey, scrapeIntervalSeconds, null);
    }

    /** @return an unauthenticated Prometheus source */
    public static MonitoringSource prometheus(String id, String name, String baseUrl) {
        return new MonitoringSource(id, name, Kind.PROMETHEUS, baseUrl, Auth.NONE, null, null, null, null, null);
    }

    /** @return a Datadog source using the two key references */
    public static MonitoringSource datadog(
            String id, String name, String baseUrl, SecretRef apiKey, SecretRef applicationKey) {
        return new MonitoringSource(
                id, name, Kind.DATADOG, baseUrl, Auth.NONE, null, null, apiKey, applicationKey, null);
    }

    /** @return a copy authenticating with {@code auth}, {@code user} (basic only) and the secret reference */
    public MonitoringSource withAuth(Auth a, String user, SecretRef ref) {
        return new MonitoringSource(
                id, name, kind, baseUrl, a, user, ref, apiKey, applicationKey, scrapeIntervalSeconds, grafanaUrl);
    }

    /** @return a copy with the scrape interval in seconds */
    public MonitoringSource withScrapeIntervalSeconds(Integer seconds) {
        return new MonitoringSource(
                id, name, kind, baseUrl, auth, username, secret, apiKey, applicationKey, seconds, grafanaUrl);
    }

    /** @return a copy with the Grafana root URL (null or blank for none) */
    public MonitoringSource withGrafanaUrl(String url) {
        return new MonitoringSource(
                id, name, kind, baseUrl, auth, username, secret, apiKey, applicationKey, scrapeIntervalSeconds, url);
    }

    /** @return the scrape interval in seconds, with the kind's default when unset */
    public int scrapeInterval() {
        return scrapeIntervalSeconds != null ? scrapeIntervalSeconds : kind == Kind.DATADOG ? 20 : 15;
    }
}
