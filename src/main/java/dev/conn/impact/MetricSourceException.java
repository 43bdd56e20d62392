package dev.conn.impact;

/**
 * A metric source could not answer. The message is what the user sees beside the chart or in
 * "Test connection": it says what went wrong in words ("cannot reach host prom.example (DNS)",
 * "401: the token was refused") and never contains a secret.
 */
public final class MetricSourceException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What kind of failure, so callers can tell "offline" from "your query is wrong". */
    public enum Kind {
        /** DNS failure, connection refused, network down: the cached series are shown, offline. */
        UNREACHABLE,
        /**
         * A proxy or gateway in front of the source answered 502, 503 or 504 with its own page: the
         * source itself is out of reach behind it. Shown like {@link #UNREACHABLE}.
         */
        PROXY,
        /** TLS handshake or certificate problem. */
        TLS,
        /** The source did not answer in time (Conn's own call timeout). */
        TIMEOUT,
        /** The source answered that the query ran out of time (Prometheus {@code errorType: timeout}). */
        QUERY_TIMEOUT,
        /** 401/403: credentials refused, or a secret reference could not be read. */
        AUTH,
        /** The server is not the expected API (HTML page, not JSON, unexpected shape). */
        NOT_API,
        /** The source understood the request and refused the query (Prometheus bad_data, 422). */
        QUERY,
        /** The source failed (5xx from the source itself) or sent a broken or oversized body. */
        SERVER,
        /** The fetch was cancelled because the window, query or incident changed; shown nowhere. */
        CANCELLED
    }

    private final Kind kind;

    /**
     * @param kind the kind of failure
     * @param message the sentence the user sees
     * @param cause the underlying exception, or null
     */
    public MetricSourceException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** @return an exception of kind {@link Kind#CANCELLED} */
    public static MetricSourceException cancelled() {
        return new MetricSourceException(Kind.CANCELLED, "cancelled: the window, query or incident changed", null);
    }

    /** @return the kind of failure */
    public Kind kind() {
        return kind;
    }

    /**
     * @return true if the source is out of reach (network, proxy, no answer in time): the cached
     *     series are shown with an "offline" badge. A source that answered (even with an error, a
     *     server-side query timeout or a cut-off body) is not offline.
     */
    public boolean isOffline() {
        return kind == Kind.UNREACHABLE || kind == Kind.PROXY || kind == Kind.TIMEOUT || kind == Kind.TLS;
    }
}
