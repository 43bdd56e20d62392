package dev.conn.comms.net;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conn.comms.Channel;
import dev.conn.comms.Delivery;
import dev.conn.comms.OutboxMessage;
import dev.conn.platform.http.HttpTransport;
import dev.conn.platform.json.Json;
import dev.conn.settings.SecretRef;
import dev.conn.settings.SecretResolver;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * POSTs a message as JSON to any endpoint: {@code messageId}, {@code incidentId}, {@code
 * channel}, {@code subject}, {@code body} and the message's extras. Sends an {@code
 * Idempotency-Key} header (IETF draft-ietf-httpapi-idempotency-key-header), the same on every
 * retry of one message, so the receiver can drop duplicates; a lost answer is therefore retried
 * (ADR 0009). 2xx is success; 429, 408 and 5xx are retried; other 4xx are terminal.
 */
public final class JsonWebhookClient implements Channel {
    private static final JsonMapper MAPPER = Json.newMapper();

    private final WebhookClient webhook;

    /**
     * @param id the channel id
     * @param url reference to the endpoint URL
     * @param secrets resolves the reference
     * @param http the transport
     * @param clock for {@code Retry-After} dates
     */
    public JsonWebhookClient(String id, SecretRef url, SecretResolver secrets, HttpTransport http, Clock clock) {
        this.webhook = new WebhookClient(id, url, secrets, http, clock);
    }

    @Override
    public String id() {
        return webhook.id();
    }

    @Override
    public String rateKey() {
        return "webhook:" + webhook.url();
    }

    @Override
    public Duration minInterval() {
        return Duration.ofMillis(200);
    }

    @Override
    public Delivery deliver(OutboxMessage m) {
        ObjectNode payload = MAPPER.createObjectNode();
        m.extras().status().ifPresent(st -> payload.put("status", st));
        m.extras().impact().ifPresent(i -> payload.put("impact", i));
        if (!m.extras().components().isEmpty()) {
            ObjectNode components = payload.putObject("components");
            m.extras().components().forEach(components::put);
        }
        payload.put("messageId", m.messageId().toString());
        payload.put("incidentId", m.incidentId().toString());
        payload.put("channel", m.channel());
        payload.put("subject", m.subject());
        payload.put("body", m.body());
        return webhook.post(
                "the webhook",
                payload.toString(),
                java.util.Map.of("Idempotency-Key", m.idempotencyKey()),
                true,
                a -> DeliveryRules.classify(a, "Webhook", Set.of(429), true, webhook.clock()));
    }
}
