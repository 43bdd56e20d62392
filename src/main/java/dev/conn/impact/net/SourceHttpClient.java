package dev.conn.impact.net;

import dev.conn.impact.FetchToken;
import dev.conn.impact.MetricSourceException;
import dev.conn.impact.MetricSourceException.Kind;
import dev.conn.platform.http.HttpClients;
import dev.conn.platform.http.HttpTransport;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLException;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * The metric clients' side of Conn's one HTTP transport ({@link HttpTransport}): runs one idempotent
 * request with bounded timeouts and a body cap,
 * cancellable through a {@link FetchToken}, and turns every transport failure into a {@link
 * MetricSourceException} whose message names the host and what happened. Messages never include
 * request headers (where the secrets are).
 */
final class SourceHttpClient {
    /** Largest response body read from a metric source: 32 MiB (20 series × 11,000 points is ~2 MB). */
    static final long DEFAULT_MAX_BODY_BYTES = 32L * 1024 * 1024;

    private final HttpTransport transport;
    private final long maxBodyBytes;
    private final Duration callTimeout;

    /**
     * @param http the client whose timeouts and pool to use; requests go through Conn's one
     *     transport over it ({@link HttpTransport#fetch}: idempotent reads, stale pooled connections
     *     retried by OkHttp)
     * @param maxBodyBytes the largest answer read, in bytes
     */
    SourceHttpClient(OkHttpClient http, long maxBodyBytes) {
        this.transport = HttpTransport.over(http);
        this.maxBodyBytes = maxBodyBytes;
        this.callTimeout = transport.callTimeout();
    }

    /**
     * @return the client metric sources use: the shared pool and Conn's timeouts (5 s connect, 30 s
     *     call); the transport retries stale pooled connections, as metric requests are idempotent
     */
    static OkHttpClient defaultHttp() {
        return HttpClients.shared();
    }

    /** The status, content type and body of an answer. */
    record Answer(int code, String contentType, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        boolean looksLikeHtml() {
            String ct = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
            if (ct.contains("html")) {
                return true;
            }
            String head = new String(body, 0, Math.min(body.length, 512), StandardCharsets.UTF_8)
                    .stripLeading()
                    .toLowerCase(java.util.Locale.ROOT);
            return head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<head");
        }

        boolean looksLikeJson() {
            for (byte b : body) {
                if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                    continue;
                }
                return b == '{' || b == '[';
            }
            return false;
        }

        /**
         * @return true for a gateway's own error page (502/503/504 that is not a JSON answer): the
         *     source behind the proxy is out of reach
         */
        boolean isGatewayError() {
            return (code == 502 || code == 503 || code == 504) && !looksLikeJson();
        }
    }

    Answer execute(Request request) throws MetricSourceException {
        return execute(request, FetchToken.none());
    }

    Answer execute(Request request, FetchToken token) throws MetricSourceException {
        String host = request.url().host() + ":" + request.url().port();
        HttpTransport.Exchange x = transport.fetch(request, maxBodyBytes, token::onCancel);
        if (token.isCancelled()) {
            throw MetricSourceException.cancelled();
        }
        if (x instanceof HttpTransport.Answer a) {
            if (a.truncated()) {
                HttpClients.BodyTooLargeException e = new HttpClients.BodyTooLargeException(maxBodyBytes);
                throw new MetricSourceException(Kind.SERVER, host + ": " + e.getMessage(), e);
            }
            return new Answer(a.code(), a.contentType(), a.body());
        }
        throw transport(request, host, ((HttpTransport.NoAnswer) x).error());
    }

    private MetricSourceException transport(Request request, String host, IOException e) {
        if (e instanceof UnknownHostException) {
            return new MetricSourceException(
                    Kind.UNREACHABLE,
                    "cannot reach host " + request.url().host() + " (DNS: the name does not resolve); check the"
                            + " address or the network",
                    e);
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return new MetricSourceException(
                    Kind.UNREACHABLE,
                    "cannot reach host " + host + " (connection refused or no route); is the source running?",
                    e);
        }
        if (e instanceof SSLException) {
            return new MetricSourceException(
                    Kind.TLS, "TLS error talking to " + host + ": " + e.getMessage() + " (certificate or protocol)", e);
        }
        if (e instanceof SocketTimeoutException) {
            return new MetricSourceException(Kind.TIMEOUT, host + " did not answer in time (timeout)", e);
        }
        if (e instanceof InterruptedIOException) {
            // OkHttp's call timeout surfaces as InterruptedIOException("timeout")
            return new MetricSourceException(
                    Kind.TIMEOUT, host + " did not answer within " + callTimeout.toSeconds() + " s (timeout)", e);
        }
        return new MetricSourceException(
                Kind.UNREACHABLE,
                "cannot reach host " + host + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
                e);
    }

    /** @return the message for a gateway error page: the source is unreachable through a proxy */
    static MetricSourceException gateway(Answer a, String host) {
        String reason =
                switch (a.code()) {
                    case 502 -> "502 Bad Gateway";
                    case 503 -> "503 Service Unavailable";
                    default -> "504 Gateway Timeout";
                };
        return new MetricSourceException(
                Kind.PROXY,
                host + " is unreachable through a proxy: the proxy answered " + reason
                        + " with its own page; the source behind it is down or out of reach",
                null);
    }

    /** @return the message for a 401/403, or null for other codes */
    static String authMessage(int code, String credentialName) {
        if (code == 401) {
            return "401: the " + credentialName + " was refused; check the secret reference in the source settings";
        }
        if (code == 403) {
            return "403: the " + credentialName + " is not allowed to read metrics";
        }
        return null;
    }

    /** @return at most 120 characters of the body, on one line, for messages */
    static String excerpt(Answer a) {
        String t = a.text().replaceAll("\\s+", " ").strip();
        return t.length() > 120 ? t.substring(0, 120) + "…" : t;
    }
}
