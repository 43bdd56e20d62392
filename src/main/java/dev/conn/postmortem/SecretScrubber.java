package dev.conn.postmortem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.conn.incident.Event;
import dev.conn.incident.Payload;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Last line of defence before anything leaves Conn in an export: Conn stores secrets only as
 * references ({@code env:NAME}, {@code keyring:NAME}), but a payload field named like a secret
 * ({@code password}, {@code token}, {@code apiKey}, {@code authorization}, {@code webhookUrl}, ...)
 * holding anything else is replaced with {@code [redacted]}, and Slack and Microsoft Teams
 * incoming-webhook URLs (which are credentials: https://api.slack.com/messaging/webhooks) are
 * cut to their host in any text. Idempotent, so a scrubbed bundle exports the same after import.
 */
public final class SecretScrubber {
    /** What replaces a secret. */
    public static final String REDACTED = "[redacted]";

    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i).*(password|passwd|secret|token|api[_-]?key|authorization|credential|webhook[_-]?url).*");
    private static final Pattern WEBHOOK_URL = Pattern.compile(
            "https://(hooks\\.slack\\.com/(services|workflows)|[A-Za-z0-9.-]+\\.webhook\\.office\\.com)/[^\\s\"'<>]+");

    private SecretScrubber() {}

    /**
     * @param events events about to be exported
     * @return the same events, with secrets in payloads redacted (unchanged events are the same objects)
     */
    public static List<Event> scrub(List<Event> events) {
        List<Event> out = new ArrayList<>(events.size());
        for (Event e : events) {
            ObjectNode node = e.payload().toNode();
            if (scrubNode(node)) {
                out.add(new Event(
                        e.id(),
                        e.incidentId(),
                        e.occurredAt(),
                        e.recordedAt(),
                        e.author(),
                        e.type(),
                        Payload.ofNode(node)));
            } else {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * @param text any text
     * @return the text with webhook URLs cut to their host
     */
    public static String scrubText(String text) {
        return WEBHOOK_URL
                .matcher(text)
                .replaceAll(m -> "https://" + m.group().substring(8).replaceAll("/.*", "") + "/" + REDACTED);
    }

    private static boolean scrubNode(JsonNode node) {
        boolean changed = false;
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                JsonNode v = f.getValue();
                if (v.isTextual()) {
                    String next = SECRET_KEY.matcher(f.getKey()).matches() && !isReference(v.asText())
                            ? REDACTED
                            : scrubText(v.asText());
                    if (!next.equals(v.asText())) {
                        f.setValue(TextNode.valueOf(next));
                        changed = true;
                    }
                } else {
                    changed |= scrubNode(v);
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                JsonNode v = a.get(i);
                if (v.isTextual()) {
                    String next = scrubText(v.asText());
                    if (!next.equals(v.asText())) {
                        a.set(i, TextNode.valueOf(next));
                        changed = true;
                    }
                } else {
                    changed |= scrubNode(v);
                }
            }
        }
        return changed;
    }

    private static boolean isReference(String v) {
        return v.equals(REDACTED) || v.matches("(env|keyring):[A-Za-z0-9_.\\-]+");
    }
}
