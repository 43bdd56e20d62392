package dev.conn.impact.net;

import dev.conn.impact.FetchToken;
import dev.conn.impact.MetricSourceException;
import dev.conn.impact.MetricSourceException.Kind;
import dev.conn.platform.http.HttpClients;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The HTTP leg shared by the metric clients: runs one request with bounded timeouts and a body cap,
 * cancellable through a {@link FetchToken}, and turns every transport failure into a {@link
 * MetricSourceException} whose message names the host and what happened. Messages never include
 * request headers (where the secrets are).
 */
final class SourceHttpClient {
    /** Largest response body read from a metric source: 32 MiB (20 series × 11,000 points is ~2 MB). */
    static final long DEFAULT_MAX_BODY_BYTES = 32L * 1024 * 1024;

    /**
     * The shared client (its pool and dispatcher) with OkHttp's retry of connection failures on:
     * metric requests are idempotent GETs (or a read-only query POST), so a pooled keep-alive
     * connection that a proxy closed while idle is retried on a fresh one instead of failing with
     * "unexpected end of stream" (https://square.github.io/okhttp/4.x/okhttp/okhttp3/-ok-http-client/-builder/retry-on-connection-failure.html).
     */
    private static final OkHttpClient SOURCES =
            HttpClients.shared().newBuilder().retryOnConnectionFailure(true).build();

    private final OkHttpClient http;
    private final long maxBodyBytes;
    private final Duration callTimeout;

    SourceHttpClient(OkHttpClient http, long maxBodyBytes) {
        this.http = http;
        this.maxBodyBytes = maxBodyBytes;
        this.callTimeout = Duration.ofMillis(http.callTimeoutMillis());
    }

    /** @return the client metric sources use: the shared pool, Conn's timeouts (5 s connect, 30 s call), idempotent retry */
    static OkHttpClient defaultHttp() {
        return SOURCES;
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
        Call call = http.newCall(request);
        token.onCancel(call::cancel);
        token.throwIfCancelled();
        try (Response response = call.execute()) {
            byte[] body = response.body() == null ? new byte[0] : HttpClients.readCapped(response.body(), maxBodyBytes);
            return new Answer(response.code(), response.header("Content-Type"), body);
        } catch (HttpClients.BodyTooLargeException e) {
            throw new MetricSourceException(Kind.SERVER, host + ": " + e.getMessage(), e);
        } catch (IOException e) {
            if (token.isCancelled()) {
                throw MetricSourceException.cancelled();
            }
            throw transport(request, host, e);
        }
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
