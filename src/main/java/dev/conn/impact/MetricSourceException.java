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
        /** TLS handshake or certificate problem. */
        TLS,
        /** The source did not answer in time. */
        TIMEOUT,
        /** 401/403: credentials refused, or a secret reference could not be read. */
        AUTH,
        /** The server is not the expected API (HTML page, not JSON, unexpected shape). */
        NOT_API,
        /** The source understood the request and refused the query (Prometheus bad_data, 422). */
        QUERY,
        /** The source failed (5xx) or sent a broken or oversized body. */
        SERVER
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

    /** @return the kind of failure */
    public Kind kind() {
        return kind;
    }

    /** @return true if the network or the source is out of reach (show cached data as offline) */
    public boolean isOffline() {
        return kind == Kind.UNREACHABLE || kind == Kind.TIMEOUT || kind == Kind.TLS || kind == Kind.SERVER;
    }
}
