package dev.conn.impact;

import java.time.Duration;
import java.time.Instant;

/**
 * A monitoring system that answers range queries: Prometheus-compatible ({@link PrometheusClient})
 * or Datadog ({@link DatadogClient}). Every method blocks on the network: call it only through
 * the {@code TaskRunner}, never on the JavaFX thread.
 */
public interface MetricSource {
    /** @return the id of the configured source this talks to */
    String id();

    /**
     * Runs a range query.
     *
     * @param query the query in the source's language (PromQL, Datadog query syntax)
     * @param start first instant of the range (UTC), inclusive
     * @param end last instant of the range (UTC), inclusive, after {@code start}
     * @param step resolution (see {@link StepSelection}); Datadog chooses its own rollup and
     *     ignores it
     * @return the series
     * @throws MetricSourceException with a message for the user if the source cannot answer
     */
    SeriesResult queryRange(String query, Instant start, Instant end, Duration step) throws MetricSourceException;

    /**
     * Checks that the source is reachable, is the API it claims to be, and accepts the credentials.
     *
     * @return a one-line confirmation for the user, e.g. "Prometheus answered (version 2.42.0)"
     * @throws MetricSourceException saying what is wrong, in words
     */
    String testConnection() throws MetricSourceException;

    /**
     * Parses a body this kind of source returned earlier (from the cache or a snapshot).
     *
     * @param rawJson the body as returned
     * @return the series
     * @throws MetricSourceException if the body is not a valid answer
     */
    SeriesResult parse(String rawJson) throws MetricSourceException;
}
