package dev.conn.impact;

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
 * The metric clients' side of Conn's one HTTP transport ({@link HttpTransport}): runs one
 * idempotent request with bounded timeouts and a body cap, and turns every transport failure into a
 * {@link MetricSourceException} whose message names the host and what happened. Messages never
 * include request headers (where the secrets are).
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

    /** @return a client with the shared pool and Conn's default timeouts (5 s connect, 30 s call) */
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
    }

    Answer execute(Request request) throws MetricSourceException {
        String host = request.url().host() + ":" + request.url().port();
        HttpTransport.Exchange x = transport.fetch(request, maxBodyBytes);
        if (x instanceof HttpTransport.Answer a) {
            if (a.truncated()) {
                HttpClients.BodyTooLargeException e = new HttpClients.BodyTooLargeException(maxBodyBytes);
                throw new MetricSourceException(Kind.SERVER, host + ": " + e.getMessage(), e);
            }
            return new Answer(a.code(), a.contentType(), a.body());
        }
        IOException e = ((HttpTransport.NoAnswer) x).error();
        if (e instanceof UnknownHostException) {
            throw new MetricSourceException(
                    Kind.UNREACHABLE,
                    "cannot reach host " + request.url().host() + " (DNS: the name does not resolve); check the"
                            + " address or the network",
                    e);
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            throw new MetricSourceException(
                    Kind.UNREACHABLE,
                    "cannot reach host " + host + " (connection refused or no route); is the source running?",
                    e);
        }
        if (e instanceof SSLException) {
            throw new MetricSourceException(
                    Kind.TLS, "TLS error talking to " + host + ": " + e.getMessage() + " (certificate or protocol)", e);
        }
        if (e instanceof SocketTimeoutException) {
            throw new MetricSourceException(Kind.TIMEOUT, host + " did not answer in time (timeout)", e);
        }
        if (e instanceof InterruptedIOException) {
            // OkHttp's call timeout surfaces as InterruptedIOException("timeout")
            throw new MetricSourceException(
                    Kind.TIMEOUT, host + " did not answer within " + callTimeout.toSeconds() + " s (timeout)", e);
        }
        throw new MetricSourceException(
                Kind.UNREACHABLE,
                "cannot reach host " + host + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
                e);
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
