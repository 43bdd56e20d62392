package dev.conn.comms;

import dev.conn.settings.SecretRef;
import dev.conn.settings.SecretResolver;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import okhttp3.OkHttpClient;

/**
 * What the webhook channels (Slack, Teams, generic JSON) share: a channel id and a target URL held
 * as a secret reference, posted to as JSON through {@link HttpDeliveryClient#postJson}. Each
 * channel says only what it sends and how it reads the answer.
 */
final class WebhookClient {
    private final String id;
    private final SecretRef url;
    private final SecretResolver secrets;
    private final OkHttpClient http;
    private final Clock clock;

    /**
     * @param id the channel id
     * @param url reference to the webhook URL (a secret: it authorises posting)
     * @param secrets resolves the reference at each send
     * @param http the HTTP client
     * @param clock for {@code Retry-After} dates
     */
    WebhookClient(String id, SecretRef url, SecretResolver secrets, OkHttpClient http, Clock clock) {
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

    /**
     * Posts once.
     *
     * @param json the body
     * @param headers extra headers
     * @param onAnswer classifies an answer
     * @return the delivery outcome
     */
    Delivery post(String json, Map<String, String> headers, Function<HttpDeliveryClient.Answer, Delivery> onAnswer) {
        return HttpDeliveryClient.settle(
                HttpDeliveryClient.postJson(http, clock, secrets, url, json, headers), onAnswer);
    }
}
