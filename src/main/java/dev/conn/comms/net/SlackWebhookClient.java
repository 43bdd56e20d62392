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
 * Posts to a Slack incoming webhook (https://api.slack.com/messaging/webhooks): {@code {"text":
 * ...}} as JSON; success is HTTP 200 with body {@code ok}. Errors follow Slack's list
 * (https://api.slack.com/changelog/2016-05-17-changes-to-errors-for-incoming-webhooks): 400 {@code
 * invalid_payload}, 403 {@code action_prohibited}, 404 {@code channel_not_found} / {@code
 * no_service}, 410 {@code channel_is_archived} are terminal; 429 is retried after {@code
 * Retry-After} (https://api.slack.com/apis/rate-limits: 1 message per second per webhook); 5xx is
 * retried with backoff. Slack webhooks take no idempotency key, so a post whose answer is lost
 * after it was sent is delivery-unknown (ADR 0009), never repeated on its own. The webhook URL is a
 * secret reference, resolved per send and never put in a message or log.
 */
public final class SlackWebhookClient implements Channel {
    private static final JsonMapper MAPPER = Json.newMapper();

    private final WebhookClient webhook;

    /**
     * @param id the channel id
     * @param url reference to the webhook URL
     * @param secrets resolves the reference
     * @param http the transport (the shared one in the app)
     * @param clock for {@code Retry-After} dates
     */
    public SlackWebhookClient(String id, SecretRef url, SecretResolver secrets, HttpTransport http, Clock clock) {
        this.webhook = new WebhookClient(id, url, secrets, http, clock);
    }

    @Override
    public String id() {
        return webhook.id();
    }

    @Override
    public String rateKey() {
        return "slack:" + webhook.url();
    }

    @Override
    public Duration minInterval() {
        return Duration.ofSeconds(1);
    }

    @Override
    public Delivery deliver(OutboxMessage m) {
        ObjectNode payload = MAPPER.createObjectNode();
        payload.put("text", "*" + m.subject() + "*\n" + m.body());
        return webhook.post(
                "Slack",
                payload.toString(),
                java.util.Map.of(),
                false,
                a -> DeliveryRules.classify(a, "Slack", Set.of(429), false, webhook.clock()));
    }
}
