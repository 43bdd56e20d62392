package dev.conn.comms.net;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
 * Posts an Adaptive Card to a Microsoft Teams incoming webhook
 * (https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook):
 * {@code {"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive",
 * "content":{...AdaptiveCard...}}]}}. 2xx is success, except the legacy connector's 200 whose body
 * reports "HTTP error 429" (retried); 429 and 5xx are retried, other 4xx are terminal. Teams takes
 * no idempotency key: a post whose answer is lost after it was sent is delivery-unknown (ADR 0009).
 * The webhook URL is a secret reference.
 */
public final class TeamsWebhookClient implements Channel {
    private static final JsonMapper MAPPER = Json.newMapper();

    private final WebhookClient webhook;

    /**
     * @param id the channel id
     * @param url reference to the webhook URL
     * @param secrets resolves the reference
     * @param http the transport
     * @param clock for {@code Retry-After} dates
     */
    public TeamsWebhookClient(String id, SecretRef url, SecretResolver secrets, HttpTransport http, Clock clock) {
        this.webhook = new WebhookClient(id, url, secrets, http, clock);
    }

    @Override
    public String id() {
        return webhook.id();
    }

    @Override
    public String rateKey() {
        return "teams:" + webhook.url();
    }

    @Override
    public Duration minInterval() {
        return Duration.ofSeconds(1);
    }

    /**
     * @param subject the headline
     * @param body the text
     * @return the Teams message JSON
     */
    static ObjectNode card(String subject, String body) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("type", "message");
        ArrayNode attachments = root.putArray("attachments");
        ObjectNode att = attachments.addObject();
        att.put("contentType", "application/vnd.microsoft.card.adaptive");
        ObjectNode content = att.putObject("content");
        content.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        content.put("type", "AdaptiveCard");
        content.put("version", "1.4");
        ArrayNode blocks = content.putArray("body");
        ObjectNode title = blocks.addObject();
        title.put("type", "TextBlock");
        title.put("text", subject);
        title.put("weight", "Bolder");
        title.put("wrap", true);
        ObjectNode text = blocks.addObject();
        text.put("type", "TextBlock");
        text.put("text", body);
        text.put("wrap", true);
        return root;
    }

    @Override
    public Delivery deliver(OutboxMessage m) {
        return webhook.post(
                "Teams",
                card(m.subject(), m.body()).toString(),
                java.util.Map.of(),
                false,
                a -> a.code() == 200 && a.text().contains("HTTP error 429")
                        ? new Delivery.Retry(
                                "Teams answered: rate limited",
                                HttpTransport.retryAfter(a.retryAfter(), webhook.clock()),
                                false)
                        : DeliveryRules.classify(a, "Teams", Set.of(429), false, webhook.clock()));
    }
}
