package dev.conn.comms;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conn.platform.json.Json;
import dev.conn.settings.SecretRef;
import dev.conn.settings.SecretResolver;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * POSTs a message as JSON to any endpoint: {@code messageId}, {@code incidentId}, {@code
 * channel}, {@code subject}, {@code body} and the message's extras. Sends an {@code
 * Idempotency-Key} header (IETF draft-ietf-httpapi-idempotency-key-header), the same on every
 * retry of one message, so the receiver can drop duplicates. 2xx is success; 429, 408 and 5xx are
 * retried; other 4xx are terminal.
 */
public final class JsonWebhookClient implements Channel {
    private static final JsonMapper MAPPER = Json.newMapper();

    private final String id;
    private final SecretRef url;
    private final SecretResolver secrets;
    private final OkHttpClient http;
    private final Clock clock;

    /**
     * @param id the channel id
     * @param url reference to the endpoint URL
     * @param secrets resolves the reference
     * @param http the HTTP client
     * @param clock for {@code Retry-After} dates
     */
    public JsonWebhookClient(String id, SecretRef url, SecretResolver secrets, OkHttpClient http, Clock clock) {
        this.id = id;
        this.url = url;
        this.secrets = secrets;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String rateKey() {
        return "webhook:" + url;
    }

    @Override
    public Duration minInterval() {
        return Duration.ofMillis(200);
    }

    @Override
    public Delivery deliver(OutboxMessage m) {
        String target;
        try {
            target = secrets.resolve(url);
        } catch (SecretResolver.SecretUnavailableException e) {
            return new Delivery.Retry(e.getMessage(), Optional.empty(), false);
        }
        ObjectNode payload = MAPPER.createObjectNode();
        payload.setAll(m.extras().toNode());
        payload.put("messageId", m.messageId().toString());
        payload.put("incidentId", m.incidentId().toString());
        payload.put("channel", m.channel());
        payload.put("subject", m.subject());
        payload.put("body", m.body());
        Request request;
        try {
            request = new Request.Builder()
                    .url(target)
                    .header("Idempotency-Key", m.idempotencyKey())
                    .post(RequestBody.create(payload.toString(), HttpDeliveryClient.JSON))
                    .build();
        } catch (IllegalArgumentException e) {
            return new Delivery.Failed("the URL in " + url + " is not a valid URL");
        }
        HttpDeliveryClient.Outcome o = HttpDeliveryClient.call(http, request, clock);
        if (o instanceof HttpDeliveryClient.NoAnswer n) {
            return n.retry();
        }
        return HttpDeliveryClient.classify(((HttpDeliveryClient.Got) o).answer(), "Webhook", Set.of(429));
    }
}
