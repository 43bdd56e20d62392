package dev.conn.platform.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Conn's one way to make an HTTP request (OkHttp 5, ADR 0010), for the monitoring sources and the
 * message channels alike. It knows two kinds of request and tells, for every failure, how far the
 * request got ({@link Reach}), because that decides whether trying again can send something twice.
 *
 * <ul>
 *   <li>{@link #fetch} for idempotent reads (a Prometheus or Datadog query, a Statuspage look-up):
 *       pooled keep-alive connections, and OkHttp retries a request whose pooled connection turns
 *       out to be stale ({@code retryOnConnectionFailure(true)}), which is harmless for a read.
 *   <li>{@link #deliver} for requests that must not be repeated behind the caller's back (a Slack
 *       or Teams post, a Statuspage create): a fresh connection every time, from a pool that keeps
 *       nothing idle, and no OkHttp retry. On a reused keep-alive connection, "the server closed the
 *       idle connection before reading" cannot be told from "the server read the body and dropped";
 *       on a fresh connection, the only failure before the request leaves is a failed connect or
 *       TLS handshake, and then the request was certainly not sent.
 * </ul>
 *
 * <p>Either kind retries at once, once, a request that never left ({@link Reach#NOT_SENT}: a refused
 * connect, a failed handshake). Timeouts: those of the client given (the shared one: 5 s connect,
 * 15 s between bytes, 30 s per call; see {@link HttpClients}). Bodies are read up to a cap. Verified
 * against OkHttp 5's {@code RetryAndFollowUpInterceptor}, {@code CallServerInterceptor} and {@code
 * RealConnectionPool.connectionBecameIdle} (https://github.com/square/okhttp). No call may run on
 * the JavaFX application thread.
 */
public final class HttpTransport {
    private static final HttpTransport SHARED = over(HttpClients.shared());

    /** How many times in all a request that never left is tried at once. */
    static final int TRIES_WHEN_NOT_SENT = 2;

    private final OkHttpClient pooled;
    private final OkHttpClient fresh;

    private HttpTransport(OkHttpClient base) {
        EventListener.Factory reach = call -> {
            Progress p = call.request().tag(Progress.class);
            return p != null ? p : EventListener.NONE;
        };
        this.pooled = base.newBuilder()
                .retryOnConnectionFailure(true)
                .eventListenerFactory(reach)
                .build();
        this.fresh = base.newBuilder()
                .connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS))
                .retryOnConnectionFailure(false)
                .eventListenerFactory(reach)
                .build();
    }

    /** @return the transport over the process-wide client ({@link HttpClients#shared()}) */
    public static HttpTransport shared() {
        return SHARED;
    }

    /**
     * @param base the client whose timeouts, dispatcher and (for {@link #fetch}) connection pool to
     *     use; its retry setting and event listener are replaced
     * @return a transport over it
     */
    public static HttpTransport over(OkHttpClient base) {
        return new HttpTransport(Objects.requireNonNull(base, "base"));
    }

    /** @return the call timeout of the underlying client (0 = none) */
    public Duration callTimeout() {
        return Duration.ofMillis(pooled.callTimeoutMillis());
    }

    /**
     * An idempotent request on a pooled connection; stale pooled connections are retried by OkHttp.
     *
     * @param request the request (GET, or a read-only POST such as a Prometheus query)
     * @param maxBodyBytes read at most this many bytes of the answer, positive
     * @return the answer, or how far the request got before it failed
     */
    public Exchange fetch(Request request, long maxBodyBytes) {
        return run(pooled, request, maxBodyBytes, cancel -> {});
    }

    /**
     * Like {@link #fetch(Request, long)}, cancellable: each attempt's call is handed to {@code
     * cancelHook} as a {@link Runnable} that cancels it (a cancelled call fails at once with an
     * {@link IOException}, reported as {@link NoAnswer}).
     *
     * @param request the request (GET, or a read-only POST such as a Prometheus query)
     * @param maxBodyBytes read at most this many bytes of the answer, positive
     * @param cancelHook receives the canceller of each attempt before it runs
     * @return the answer, or how far the request got before it failed
     */
    public Exchange fetch(Request request, long maxBodyBytes, java.util.function.Consumer<Runnable> cancelHook) {
        return run(pooled, request, maxBodyBytes, cancelHook);
    }

    /**
     * A request that must reach the receiver at most once by this call: a fresh connection, no
     * automatic retry once anything of it may have been sent.
     *
     * @param request the request
     * @param maxBodyBytes read at most this many bytes of the answer, positive
     * @return the answer, or how far the request got before it failed
     */
    public Exchange deliver(Request request, long maxBodyBytes) {
        return run(fresh, request, maxBodyBytes, cancel -> {});
    }

    private static Exchange run(
            OkHttpClient client, Request request, long maxBodyBytes, java.util.function.Consumer<Runnable> cancelHook) {
        Exchange last = null;
        for (int i = 0; i < TRIES_WHEN_NOT_SENT; i++) {
            last = once(client, request, maxBodyBytes, cancelHook);
            if (!(last instanceof NoAnswer n) || n.reach() != Reach.NOT_SENT) {
                return last;
            }
        }
        return last;
    }

    private static Exchange once(
            OkHttpClient client, Request request, long maxBodyBytes, java.util.function.Consumer<Runnable> cancelHook) {
        Progress progress = new Progress();
        Call call = client.newCall(
                request.newBuilder().tag(Progress.class, progress).build());
        cancelHook.accept(call::cancel);
        try (Response r = call.execute()) {
            byte[] body;
            boolean truncated = false;
            try {
                body = HttpClients.readCapped(r.body(), maxBodyBytes);
            } catch (HttpClients.BodyTooLargeException e) {
                body = new byte[0];
                truncated = true;
            }
            return new Answer(r.code(), r.header("Content-Type"), r.header("Retry-After"), body, truncated);
        } catch (IOException e) {
            return new NoAnswer(progress.reach(), e);
        }
    }

    /**
     * Parses {@code Retry-After} (RFC 9110 section 10.2.3): delay-seconds or an HTTP-date.
     *
     * @param header the header value, or null
     * @param clock for the HTTP-date form
     * @return the wait, never negative; empty if absent or malformed
     */
    public static Optional<Duration> retryAfter(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String h = header.strip();
        if (h.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(h)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        try {
            Instant at =
                    ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(clock.instant(), at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** How far a failed request got. */
    public enum Reach {
        /** Nothing of the request was written: DNS, connect or TLS handshake failed. Safe to repeat. */
        NOT_SENT,
        /**
         * Writing the request failed part-way: the receiver cannot have a complete request (the
         * length is declared), so it cannot have acted on it. Safe to repeat.
         */
        PARTLY_SENT,
        /**
         * The whole request was written, then the answer was lost (connection dropped, read or call
         * timeout): the receiver may have acted on it.
         */
        SENT
    }

    /** The result of one request. */
    public sealed interface Exchange permits Answer, NoAnswer {}

    /**
     * An answer.
     *
     * @param code the HTTP status
     * @param contentType the {@code Content-Type} header, or null
     * @param retryAfter the raw {@code Retry-After} header, or null (parse with {@link #retryAfter})
     * @param body the body, at most the cap given; empty if {@code truncated}
     * @param truncated true if the body was longer than the cap (then it was not kept)
     */
    public record Answer(int code, String contentType, String retryAfter, byte[] body, boolean truncated)
            implements Exchange {
        /** @return the body as UTF-8 text */
        public String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /**
     * No answer.
     *
     * @param reach how far the request got
     * @param error what went wrong
     */
    public record NoAnswer(Reach reach, IOException error) implements Exchange {
        /** @return true if the server could not be reached at all (DNS, refused, no route) */
        public boolean unreachable() {
            return reach == Reach.NOT_SENT
                    && (error instanceof ConnectException
                            || error instanceof UnknownHostException
                            || error instanceof NoRouteToHostException);
        }
    }

    /**
     * Follows one call through OkHttp's events: whether writing the request started, and whether
     * it failed. A retried attempt inside one call (a stale pooled connection, for {@link #fetch})
     * starts over.
     */
    private static final class Progress extends EventListener {
        private volatile boolean writing;
        private volatile boolean writeFailed;

        @Override
        public void connectionAcquired(Call call, okhttp3.Connection connection) {
            writing = false;
            writeFailed = false;
        }

        @Override
        public void requestHeadersStart(Call call) {
            writing = true;
        }

        @Override
        public void requestFailed(Call call, IOException ioe) {
            writeFailed = true;
        }

        Reach reach() {
            if (!writing) {
                return Reach.NOT_SENT;
            }
            return writeFailed ? Reach.PARTLY_SENT : Reach.SENT;
        }
    }
}
