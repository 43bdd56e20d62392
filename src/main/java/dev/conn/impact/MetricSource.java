package dev.conn.impact;

import java.time.Duration;
import java.time.Instant;

/**
 * A monitoring system that answers range queries: Prometheus-compatible or Datadog (adapters in
 * {@code dev.conn.impact.net}). Every method blocks on the network: call it only from the
 * source's own lane ({@link SourceLanes}), never on the JavaFX thread.
 */
public interface MetricSource {
    /** @return the id of the configured source this talks to */
    String id();

    /**
     * Runs a range query.
     *
     * @param query the query in the source's language (PromQL, Datadog query syntax), variables
     *     already expanded ({@link QueryTemplate})
     * @param start first instant of the range (UTC), inclusive
     * @param end last instant of the range (UTC), inclusive, after {@code start}
     * @param step resolution (see {@link StepSelection}); Datadog chooses its own rollup and
     *     ignores it
     * @param token cancels the request in flight
     * @return the series
     * @throws MetricSourceException with a message for the user if the source cannot answer, or
     *     of kind {@code CANCELLED} when the token was cancelled
     */
    SeriesResult queryRange(String query, Instant start, Instant end, Duration step, FetchToken token)
            throws MetricSourceException;

    /** Runs a range query that cannot be cancelled; see {@link #queryRange(String, Instant, Instant, Duration, FetchToken)}. */
    default SeriesResult queryRange(String query, Instant start, Instant end, Duration step)
            throws MetricSourceException {
        return queryRange(query, start, end, step, FetchToken.none());
    }

    /**
     * Checks that the source is reachable, is the API it claims to be, and accepts the credentials
     * for what charts need (Datadog: both keys and the {@code timeseries_query} permission).
     *
     * @return a one-line confirmation for the user, e.g. "Prometheus answered (version 2.42.0)"
     * @throws MetricSourceException saying what is wrong, in words
     */
    String testConnection() throws MetricSourceException;

    /**
     * Parses a body this kind of source returned earlier (a cache entry written by an older Conn).
     *
     * @param rawJson the body as returned
     * @return the series
     * @throws MetricSourceException if the body is not a valid answer
     */
    SeriesResult parse(String rawJson) throws MetricSourceException;
}
