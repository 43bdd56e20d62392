package dev.conn.comms.net;

import dev.conn.comms.Delivery;
import dev.conn.platform.http.HttpTransport;
import dev.conn.settings.SecretRef;
import dev.conn.settings.SecretResolver;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * What the webhook channels (Slack, Teams, generic JSON) share: a channel id and a target URL held
 * as a secret reference, posted to as JSON through {@link HttpTransport#deliver} (a fresh
 * connection, never repeated behind the dispatcher's back). Each channel says only what it sends,
 * whether its receiver de-duplicates, and how it reads the answer.
 */
final class WebhookClient {
    static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final String id;
    private final SecretRef url;
    private final SecretResolver secrets;
    private final HttpTransport http;
    private final Clock clock;

    /**
     * @param id the channel id
     * @param url reference to the webhook URL (a secret: it authorises posting)
     * @param secrets resolves the reference at each send
     * @param http the transport
     * @param clock for {@code Retry-After} dates
     */
    WebhookClient(String id, SecretRef url, SecretResolver secrets, HttpTransport http, Clock clock) {
        this.id = Objects.requireNonNull(id, "id");
        this.url = Objects.requireNonNull(url, "url");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return the channel id */
    String id() {
        return id;
    }

    /** @return the URL's reference, safe to show (the key of the per-destination rate limit) */
    SecretRef url() {
        return url;
    }

    /** @return the clock for {@code Retry-After} dates */
    Clock clock() {
        return clock;
    }

    /**
     * Posts once. Resolves the URL at the moment of sending: a missing secret is {@link
     * Delivery.NotSent} (the user may set it), a malformed URL a terminal failure naming the
     * reference, never the URL.
     *
     * @param service the service name for messages, e.g. "Slack"
     * @param json the body
     * @param headers extra headers (e.g. {@code Idempotency-Key})
     * @param receiverDeduplicates whether a lost answer may be retried (ADR 0009)
     * @param onAnswer classifies an answer
     * @return the delivery outcome
     */
    Delivery post(
            String service,
            String json,
            Map<String, String> headers,
            boolean receiverDeduplicates,
            Function<HttpTransport.Answer, Delivery> onAnswer) {
        String target;
        try {
            target = secrets.resolve(url);
        } catch (SecretResolver.SecretUnavailableException e) {
            return new Delivery.NotSent(e.getMessage(), false);
        }
        Request request;
        try {
            Request.Builder b = new Request.Builder().url(target).post(RequestBody.create(json, JSON));
            headers.forEach(b::header);
            request = b.build();
        } catch (IllegalArgumentException e) {
            return new Delivery.Failed("the URL in " + url + " is not a valid URL");
        }
        HttpTransport.Exchange x = http.deliver(request, DeliveryRules.MAX_ANSWER_BYTES);
        if (x instanceof HttpTransport.NoAnswer n) {
            return DeliveryRules.noAnswer(n, service, receiverDeduplicates);
        }
        return onAnswer.apply((HttpTransport.Answer) x);
    }
}
