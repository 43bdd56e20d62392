package dev.conn.integrations.net;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conn.integrations.Outcome;
import dev.conn.integrations.VendorErrors;
import dev.conn.platform.http.HttpTransport;
import dev.conn.settings.SecretRef;
import dev.conn.settings.SecretResolver;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import okhttp3.MediaType;
import okhttp3.Request;

/**
 * What the integration clients share: one vendor's name, Conn's one HTTP stack ({@link
 * HttpTransport}, ADR 0010), secrets resolved at the moment of sending, and the classification of
 * every answer the way the comms channels classify theirs (comms {@code DeliveryRules}, ADR 0009):
 *
 * <ul>
 *   <li>2xx: {@link Outcome.Sent} with the answer;
 *   <li>a rate limit (429, and whatever else the vendor uses): {@link Outcome.Retry} after {@code
 *       Retry-After} (RFC 9110 section 10.2.3), else the vendor's advised wait;
 *   <li>408 and 5xx: {@link Outcome.Retry}, except a 504 from a receiver that cannot de-duplicate,
 *       which is {@link Outcome.Unknown} (a gateway gave up waiting: the request may have been
 *       acted on);
 *   <li>any other 4xx: {@link Outcome.Failed} with the vendor's message ({@link VendorErrors});
 *   <li>no answer: {@link Outcome.NotSent} if the request never left, {@link Outcome.Retry} if it
 *       was cut off while being written or if the receiver de-duplicates (every integration here
 *       does, by a look-up or a dedup key), else {@link Outcome.Unknown}.
 * </ul>
 *
 * Creates go through {@link HttpTransport#deliver} (a fresh connection, never repeated behind the
 * caller's back); look-ups and reads through {@link HttpTransport#fetch}. Every reason is scrubbed
 * of the secrets this process resolved and of secret-shaped values ({@code KnownSecrets#scrub}).
 */
final class ApiClient {
    static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    /** Answers larger than this are not kept: an error, a created item or a short list fits easily. */
    static final long MAX_ANSWER_BYTES = 1024 * 1024;

    /** The wait for a rate limit that names none: GitHub asks for at least a minute. */
    static final Duration DEFAULT_RATE_LIMIT_WAIT = Duration.ofSeconds(60);

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String service;
    private final HttpTransport http;
    private final SecretResolver secrets;
    private final Clock clock;
    private final Predicate<HttpTransport.Answer> rateLimited;
    private final Duration settle;

    /**
     * @param service the vendor's name for messages, e.g. "Jira"
     * @param http the transport
     * @param secrets resolves secret references at each request, and scrubs their values
     * @param clock for {@code Retry-After} dates
     * @param rateLimited which answers mean "slow down" besides 429
     * @param settle the least wait before a create that may have landed is looked up (a search
     *     index that lags behind writes), zero for none
     */
    ApiClient(
            String service,
            HttpTransport http,
            SecretResolver secrets,
            Clock clock,
            Predicate<HttpTransport.Answer> rateLimited,
            Duration settle) {
        this.service = Objects.requireNonNull(service, "service");
        this.http = Objects.requireNonNull(http, "http");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rateLimited = Objects.requireNonNull(rateLimited, "rateLimited");
        this.settle = Objects.requireNonNull(settle, "settle");
    }

    /** @return the vendor's name */
    String service() {
        return service;
    }

    /**
     * Resolves a secret now.
     *
     * @param ref the reference
     * @return the secret, or {@link Outcome.NotSent} naming the reference (the user may set it)
     */
    Outcome<String> secret(SecretRef ref) {
        try {
            return new Outcome.Sent<>(secrets.resolve(ref));
        } catch (SecretResolver.SecretUnavailableException e) {
            return new Outcome.NotSent<>(scrub(e.getMessage()), false);
        }
    }

    /**
     * A request that must not be repeated behind the caller's back (a create).
     *
     * @param request the request
     * @param receiverDeduplicates whether a lost answer may be retried (a look-up precedes the next
     *     attempt, or the vendor de-duplicates by key)
     * @return the classified answer
     */
    Outcome<HttpTransport.Answer> deliver(Request request, boolean receiverDeduplicates) {
        HttpTransport.Exchange x = http.deliver(request, MAX_ANSWER_BYTES);
        Outcome<HttpTransport.Answer> o = classify(x, receiverDeduplicates);
        boolean mayHaveLanded = x instanceof HttpTransport.NoAnswer n
                ? n.reach() == HttpTransport.Reach.SENT
                : ((HttpTransport.Answer) x).code() >= 500;
        if (o instanceof Outcome.Retry<HttpTransport.Answer> r && mayHaveLanded && !settle.isZero()) {
            Duration wait = r.retryAfter().filter(w -> w.compareTo(settle) > 0).orElse(settle);
            return new Outcome.Retry<>(r.reason(), Optional.of(wait), r.offline());
        }
        return o;
    }

    /**
     * An idempotent read (a look-up, a status).
     *
     * @param request the request
     * @return the classified answer
     */
    Outcome<HttpTransport.Answer> fetch(Request request) {
        return classify(http.fetch(request, MAX_ANSWER_BYTES), true);
    }

    private Outcome<HttpTransport.Answer> classify(HttpTransport.Exchange x, boolean receiverDeduplicates) {
        if (x instanceof HttpTransport.NoAnswer n) {
            return noAnswer(n, receiverDeduplicates);
        }
        HttpTransport.Answer a = (HttpTransport.Answer) x;
        int code = a.code();
        if (code >= 200 && code < 300) {
            return new Outcome.Sent<>(a);
        }
        String detail = service + " answered HTTP " + code + said(a);
        if (code == 429 || rateLimited.test(a)) {
            Duration wait = HttpTransport.retryAfter(a.retryAfter(), clock).orElse(DEFAULT_RATE_LIMIT_WAIT);
            return new Outcome.Retry<>(scrub(detail + " (rate limited)"), Optional.of(wait), false);
        }
        if (code == 504 && !receiverDeduplicates) {
            return new Outcome.Unknown<>(
                    scrub(detail + " (a gateway timed out waiting for " + service + "): it may have been done"));
        }
        if (code >= 500 || code == 408) {
            return new Outcome.Retry<>(scrub(detail), HttpTransport.retryAfter(a.retryAfter(), clock), false);
        }
        return new Outcome.Failed<>(scrub(service + " refused (HTTP " + code + ")" + said(a)));
    }

    private Outcome<HttpTransport.Answer> noAnswer(HttpTransport.NoAnswer n, boolean receiverDeduplicates) {
        String what = n.error().getClass().getSimpleName();
        return switch (n.reach()) {
            case NOT_SENT -> new Outcome.NotSent<>(
                    (n.unreachable() ? "cannot reach " : "could not connect to ") + service + ": " + what,
                    n.unreachable());
            case PARTLY_SENT -> new Outcome.Retry<>(
                    "the connection to " + service + " broke while sending (" + what + "); not received",
                    Optional.empty(),
                    false);
            case SENT -> receiverDeduplicates
                    ? new Outcome.Retry<>(
                            "no answer from " + service + " (" + what + "); Conn looks it up before trying again",
                            Optional.empty(),
                            false)
                    : new Outcome.Unknown<>("no answer from " + service + " after the request was sent (" + what
                            + "): it may have" + " been done");
        };
    }

    /**
     * @param a an answer
     * @return its body as JSON, or null if it is not JSON (or was too large to keep)
     */
    static JsonNode json(HttpTransport.Answer a) {
        if (a.truncated()) {
            return null;
        }
        try {
            return MAPPER.readTree(a.body());
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /**
     * @param node a JSON tree
     * @return its text
     */
    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /**
     * @param what what was expected, e.g. "the created issue's key"
     * @param <T> the success type
     * @return the outcome of an answer Conn cannot read: retried, since the next attempt looks up
     */
    <T> Outcome<T> unreadable(String what) {
        return new Outcome.Retry<>(service + " answered without " + what, Optional.empty(), false);
    }

    /**
     * @param text text about to be stored or shown
     * @return the text without the secrets this process resolved or secret-shaped values
     */
    String scrub(String text) {
        return secrets.known().scrub(text);
    }

    private static String said(HttpTransport.Answer a) {
        if (a.truncated()) {
            return ": (answer too large to show)";
        }
        String m = VendorErrors.message(a.text());
        return m.isEmpty() ? "" : ": " + m;
    }
}
