package dev.conn.comms;

import dev.conn.platform.http.HttpClients;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * What the HTTP channels share: one call with the shared OkHttp client, the answer read with a
 * size cap, and its classification into {@link Delivery} outcomes.
 */
final class HttpDeliveryClient {
    static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    /** Answers larger than this are cut: an error text or a Statuspage incident fits easily. */
    static final long MAX_ANSWER_BYTES = 256 * 1024;

    private HttpDeliveryClient() {}

    /**
     * An answer read in full.
     *
     * @param code HTTP status
     * @param body the body as UTF-8 text (capped)
     * @param retryAfter the {@code Retry-After} wait, if given
     */
    record Answer(int code, String body, Optional<Duration> retryAfter) {}

    /** Either an answer or a network failure. */
    sealed interface Outcome permits Got, NoAnswer, Ended {}

    record Got(Answer answer) implements Outcome {}

    record NoAnswer(Delivery.Retry retry) implements Outcome {}

    /** The attempt ended before a request left: no secret, or not a URL. */
    record Ended(Delivery delivery) implements Outcome {}

    /**
     * Posts JSON to a URL held as a secret reference: resolves it at the moment of sending, and
     * turns a missing secret into a retry (the user may set it) and a malformed URL into a terminal
     * failure naming the reference, never the URL.
     *
     * @param http the client
     * @param clock for {@code Retry-After} dates
     * @param secrets resolves the reference
     * @param url reference to the target URL
     * @param json the body
     * @param headers extra headers (e.g. {@code Idempotency-Key})
     * @return the answer, or the delivery outcome that ended the attempt before one
     */
    static Outcome postJson(
            OkHttpClient http,
            Clock clock,
            dev.conn.settings.SecretResolver secrets,
            dev.conn.settings.SecretRef url,
            String json,
            java.util.Map<String, String> headers) {
        String target;
        try {
            target = secrets.resolve(url);
        } catch (dev.conn.settings.SecretResolver.SecretUnavailableException e) {
            return new Ended(new Delivery.Retry(e.getMessage(), Optional.empty(), false));
        }
        Request request;
        try {
            Request.Builder b = new Request.Builder().url(target).post(okhttp3.RequestBody.create(json, JSON));
            headers.forEach(b::header);
            request = b.build();
        } catch (IllegalArgumentException e) {
            return new Ended(new Delivery.Failed("the URL in " + url + " is not a valid URL"));
        }
        return call(http, request, clock);
    }

    /**
     * @param o an outcome
     * @param onAnswer classifies an answer
     * @return the delivery: the ended attempt's, the network failure's retry, or the answer's
     */
    static Delivery settle(Outcome o, java.util.function.Function<Answer, Delivery> onAnswer) {
        if (o instanceof Ended e) {
            return e.delivery();
        }
        if (o instanceof NoAnswer n) {
            return n.retry();
        }
        return onAnswer.apply(((Got) o).answer());
    }

    static Outcome call(OkHttpClient client, Request request, Clock clock) {
        Call call = client.newCall(request);
        try (Response r = call.execute()) {
            String body = r.body() == null
                    ? ""
                    : new String(HttpClients.readCapped(r.body(), MAX_ANSWER_BYTES), StandardCharsets.UTF_8);
            return new Got(new Answer(r.code(), body, retryAfter(r.header("Retry-After"), clock)));
        } catch (HttpClients.BodyTooLargeException e) {
            return new NoAnswer(new Delivery.Retry("answer too large", Optional.empty(), false));
        } catch (IOException e) {
            boolean offline = e instanceof ConnectException
                    || e instanceof UnknownHostException
                    || e instanceof NoRouteToHostException;
            return new NoAnswer(new Delivery.Retry(
                    (offline ? "cannot reach the server: " : "network error: ")
                            + e.getClass().getSimpleName(),
                    Optional.empty(),
                    offline));
        }
    }

    /**
     * Parses {@code Retry-After} (RFC 9110 section 10.2.3): delay-seconds or an HTTP-date.
     *
     * @param header the header value, or null
     * @param clock for the HTTP-date form
     * @return the wait, never negative; empty if absent or malformed
     */
    static Optional<Duration> retryAfter(String header, Clock clock) {
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

    /**
     * The common classification: 2xx sent; rate limits and 5xx retried; other 4xx terminal.
     *
     * @param a the answer
     * @param service the service name for messages, e.g. "Slack"
     * @param rateLimitCodes the codes that mean "slow down" (429; Statuspage also 420)
     * @return the outcome
     */
    static Delivery classify(Answer a, String service, Set<Integer> rateLimitCodes) {
        if (a.code() >= 200 && a.code() < 300) {
            return new Delivery.Sent(Optional.empty());
        }
        String detail = service + " answered HTTP " + a.code() + summary(a.body());
        if (rateLimitCodes.contains(a.code())) {
            return new Delivery.Retry(detail + " (rate limited)", a.retryAfter(), false);
        }
        if (a.code() >= 500 || a.code() == 408) {
            return new Delivery.Retry(detail, a.retryAfter(), false);
        }
        return new Delivery.Failed(detail);
    }

    private static String summary(String body) {
        String b = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        if (b.isEmpty()) {
            return "";
        }
        return ": " + (b.length() > 200 ? b.substring(0, 200) + "..." : b);
    }
}
