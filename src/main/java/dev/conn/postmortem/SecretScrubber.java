package dev.conn.postmortem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.platform.json.Json;
import dev.conn.platform.secrets.KnownSecrets;
import dev.conn.platform.secrets.Redaction;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Last line of defence before anything leaves Conn in an export. Conn stores secrets only as
 * references ({@code env:NAME}, {@code keyring:NAME}), yet text can still carry one (a receiver's
 * error body echoing a webhook URL, a URL pasted into a note, a label value in a cached metric
 * answer). So every string of every event (payload fields at any depth, and the author) and of
 * every cached metric series is scrubbed:
 *
 * <ul>
 *   <li>by value: every secret this process resolved ({@link KnownSecrets});
 *   <li>by pattern: every credential-shaped value ({@link Redaction#credentials}: webhook URLs of
 *       Slack, Teams and Discord with or without a scheme, any {@code /hook} path, URL user
 *       information, bearer and basic credentials, Slack, GitHub and JWT tokens, {@code token=}
 *       pairs), case-insensitively;
 *   <li>by field name: a payload field named like a secret ({@code password}, {@code token},
 *       {@code apiKey}, {@code authorization}, {@code webhookUrl}, ...) holding anything but a
 *       reference is replaced whole.
 * </ul>
 *
 * The PNG of a metric snapshot is left alone (base64, no text). Idempotent, so a scrubbed bundle
 * exports the same after import.
 */
public final class SecretScrubber {
    /** What replaces a secret. */
    public static final String REDACTED = Redaction.MASK;

    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i).*(password|passwd|secret|token|api[_-]?key|authorization|credential|webhook[_-]?url).*");
    private static final Set<String> IMAGE_FIELDS = Set.of("png", "pngBase64", "image");

    private static final JsonMapper MAPPER = Json.newMapper();

    private final KnownSecrets known;

    /** @param known the secret values this process resolved */
    public SecretScrubber(KnownSecrets known) {
        this.known = Objects.requireNonNull(known, "known");
    }

    /**
     * @param events events about to be exported
     * @return the same events, with secrets in payloads and authors redacted (unchanged events are
     *     the same objects)
     */
    public List<Event> scrub(List<Event> events) {
        List<Event> out = new ArrayList<>(events.size());
        for (Event e : events) {
            JsonNode node = tree(e);
            boolean changed = scrubNode(node, e.type() == EventType.METRIC_SNAPSHOT);
            String author = scrubText(e.author());
            if (changed || !author.equals(e.author())) {
                out.add(Event.stored(
                        e.id(),
                        e.incidentId(),
                        e.occurredAt(),
                        e.recordedAt(),
                        author,
                        e.type(),
                        changed ? json(node) : e.payloadJson()));
            } else {
                out.add(e);
            }
        }
        return out;
    }

    private static JsonNode tree(Event e) {
        try {
            return MAPPER.readTree(e.payloadJson());
        } catch (JsonProcessingException bad) {
            throw new IllegalStateException("event " + e.id() + ": the stored payload is not JSON", bad);
        }
    }

    private static String json(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node); // compact, as the store keeps payloads
        } catch (JsonProcessingException bad) {
            throw new IllegalStateException(bad);
        }
    }

    /**
     * @param series cached metric series about to be exported, as raw JSON
     * @return copies with every string scrubbed (queries and label values alike)
     */
    public List<JsonNode> scrubSeries(List<JsonNode> series) {
        List<JsonNode> out = new ArrayList<>(series.size());
        for (JsonNode s : series) {
            if (s.isTextual()) {
                out.add(TextNode.valueOf(scrubText(s.asText())));
            } else {
                JsonNode copy = s.deepCopy();
                scrubNode(copy, false);
                out.add(copy);
            }
        }
        return out;
    }

    /**
     * @param text any text
     * @return the text without known secret values and credential-shaped values
     */
    public String scrubText(String text) {
        return known.scrubForExport(text);
    }

    private boolean scrubNode(JsonNode node, boolean snapshot) {
        boolean changed = false;
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                JsonNode v = f.getValue();
                if (v.isTextual()) {
                    if (snapshot && IMAGE_FIELDS.contains(f.getKey())) {
                        continue;
                    }
                    String next = SECRET_KEY.matcher(f.getKey()).matches() && !isReference(v.asText())
                            ? REDACTED
                            : scrubText(v.asText());
                    if (!next.equals(v.asText())) {
                        f.setValue(TextNode.valueOf(next));
                        changed = true;
                    }
                } else {
                    changed |= scrubNode(v, false);
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
                    changed |= scrubNode(v, false);
                }
            }
        }
        return changed;
    }

    private static boolean isReference(String v) {
        return v.equals(REDACTED) || v.matches("(env|keyring):[A-Za-z0-9_.\\-]+");
    }
}
