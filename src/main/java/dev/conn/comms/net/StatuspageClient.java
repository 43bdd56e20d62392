package dev.conn.comms.net;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Atlassian Statuspage REST API v1 (https://developer.statuspage.io/). The first message of an
 * incident creates a page incident ({@code POST /v1/pages/{page_id}/incidents}); every later one
 * updates that same page incident ({@code PATCH /v1/pages/{page_id}/incidents/{incident_id}}),
 * whose id the outbox stores with the sent row. Statuspage takes no idempotency key, so Conn
 * de-duplicates by looking first: whenever an earlier attempt of the row may have reached it (a lost
 * answer, a 5xx, a crash mid-send followed by Resend: any earlier attempt, unless this process saw
 * each one refused with an answer such as a rate limit), a create first looks
 * among the page's unresolved incidents ({@code GET /v1/pages/{page_id}/incidents/unresolved}) for
 * one with the same name and updates that, and an update first reads the page incident ({@code GET
 * /v1/pages/{page_id}/incidents/{incident_id}}) and counts as sent if an incident update with the
 * same body is there. So a retry never opens a second public incident or posts an update twice, and
 * a lost answer is retried rather than left delivery-unknown (ADR 0009).
 *
 * <p>Message extras ({@code CommsEvent.MessageExtras}): {@code status} (investigating, identified, monitoring, resolved), optional
 * {@code impact} (none, minor, major, critical; sent as {@code impact_override}), optional {@code
 * components}: an object of component name (mapped to ids by settings) to operational,
 * degraded_performance, partial_outage or major_outage. Authentication: {@code Authorization:
 * OAuth <key>}. 420 and 429 are rate limits (1 request per second per token), retried after
 * {@code Retry-After}; 401, 403, 404 and 422 are terminal; 5xx is retried.
 */
public final class StatuspageClient implements Channel {
    /** The public API. */
    public static final String DEFAULT_BASE = "https://api.statuspage.io";

    private static final JsonMapper MAPPER = Json.newMapper();
    private static final Set<Integer> RATE_LIMITS = Set.of(420, 429);

    private final String id;
    private final String pageId;
    private final SecretRef apiKey;
    private final HttpUrl base;
    private final Map<String, String> componentIds;
    private final SecretResolver secrets;
    private final HttpTransport http;
    private final Clock clock;

    /**
     * Rows whose every earlier attempt this process saw refused with an answer (a rate limit, a
     * 408), with the page incident to update (empty: create): they need no look-up before the
     * next attempt. In memory only: after a restart, every retried row looks first.
     */
    private final Map<String, Optional<String>> settled = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param id the channel id
     * @param pageId the page id
     * @param apiKey reference to the API key
     * @param apiBase the API base URL, null for {@link #DEFAULT_BASE}
     * @param componentIds component names to Statuspage component ids
     * @param secrets resolves the key
     * @param http the transport
     * @param clock for {@code Retry-After} dates
     * @throws IllegalArgumentException if {@code apiBase} is not an http(s) URL
     */
    public StatuspageClient(
            String id,
            String pageId,
            SecretRef apiKey,
            String apiBase,
            Map<String, String> componentIds,
            SecretResolver secrets,
            HttpTransport http,
            Clock clock) {
        this.id = id;
        this.pageId = pageId;
        this.apiKey = apiKey;
        this.base = HttpUrl.get(apiBase == null || apiBase.isBlank() ? DEFAULT_BASE : apiBase);
        this.componentIds = Map.copyOf(componentIds);
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
        return "statuspage:" + apiKey;
    }

    @Override
    public Duration minInterval() {
        return Duration.ofSeconds(1);
    }

    @Override
    public Delivery deliver(OutboxMessage m) {
        String key;
        try {
            key = secrets.resolve(apiKey);
        } catch (SecretResolver.SecretUnavailableException e) {
            return new Delivery.NotSent(e.getMessage(), false);
        }
        String row = m.idempotencyKey();
        Optional<String> pageIncident = m.externalRef();
        // an earlier attempt of this row (a lost answer, a 5xx, a crash mid-send then Resend) may
        // have reached Statuspage; unless this process saw each earlier attempt refused with an
        // answer, look first
        boolean lookFirst = m.attempts() > 0 && !settled.containsKey(row);
        if (pageIncident.isEmpty()) {
            if (lookFirst) {
                // adopt the page incident rather than open a second public one
                Lookup found = findUnresolved(key, m.subject());
                if (found.failure() != null) {
                    return found.failure();
                }
                pageIncident = found.id();
            } else if (settled.containsKey(row)) {
                pageIncident = settled.get(row);
            }
        } else if (lookFirst) {
            // never show the same update twice
            Lookup posted = findUpdate(key, pageIncident.get(), m.body());
            if (posted.failure() != null) {
                return posted.failure();
            }
            if (posted.id().isPresent()) {
                return new Delivery.Sent(pageIncident);
            }
        }
        ObjectNode incident = MAPPER.createObjectNode();
        if (pageIncident.isEmpty()) {
            incident.put("name", m.subject());
        }
        incident.put("status", m.extras().status().orElse("investigating"));
        incident.put("body", m.body());
        m.extras().impact().ifPresent(i -> incident.put("impact_override", i));
        if (!m.extras().components().isEmpty()) {
            ObjectNode byId = incident.putObject("components");
            var ids = incident.putArray("component_ids");
            for (Map.Entry<String, String> c : m.extras().components().entrySet()) {
                String cid = componentIds.getOrDefault(c.getKey(), c.getKey());
                byId.put(cid, c.getValue());
                ids.add(cid);
            }
        }
        ObjectNode root = MAPPER.createObjectNode();
        root.set("incident", incident);
        RequestBody body = RequestBody.create(root.toString(), WebhookClient.JSON);
        Request.Builder req = new Request.Builder().header("Authorization", "OAuth " + key);
        if (pageIncident.isPresent()) {
            req.url(incidents().addPathSegment(pageIncident.get()).build()).patch(body);
        } else {
            req.url(incidents().build()).post(body);
        }
        HttpTransport.Exchange x = http.deliver(req.build(), DeliveryRules.MAX_ANSWER_BYTES);
        if (x instanceof HttpTransport.NoAnswer n) {
            if (n.reach() == HttpTransport.Reach.SENT) {
                settled.remove(row); // it may have been applied: the retry looks first
            } else {
                settled.put(row, pageIncident); // certainly not applied
            }
            // Statuspage de-duplicates by the look-up above, which the retry runs first
            return DeliveryRules.noAnswer(n, "Statuspage", true);
        }
        HttpTransport.Answer a = (HttpTransport.Answer) x;
        Delivery d = DeliveryRules.classify(a, "Statuspage", RATE_LIMITS, true, clock);
        if (d instanceof Delivery.Retry && a.code() < 500) {
            settled.put(row, pageIncident); // refused with an answer (rate limit, 408): not applied
        } else {
            settled.remove(row);
        }
        if (d instanceof Delivery.Sent) {
            Optional<String> created = idOf(a.text());
            return new Delivery.Sent(pageIncident.isPresent() ? pageIncident : created);
        }
        return d;
    }

    /** "Send test" only reads the page ({@link #check()}): a test incident would be public. */
    @Override
    public Delivery test(OutboxMessage sample) {
        return check();
    }

    /**
     * Checks the page id and key without posting anything public: {@code GET
     * /v1/pages/{page_id}}. Used by "Send test", since a test incident would show on the public
     * page.
     *
     * @return {@link Delivery.Sent} if the page answers, else why not
     */
    public Delivery check() {
        String key;
        try {
            key = secrets.resolve(apiKey);
        } catch (SecretResolver.SecretUnavailableException e) {
            return new Delivery.NotSent(e.getMessage(), false);
        }
        HttpTransport.Exchange x = http.fetch(get(key, page().build()), DeliveryRules.MAX_ANSWER_BYTES);
        if (x instanceof HttpTransport.NoAnswer n) {
            return DeliveryRules.noAnswer(n, "Statuspage", true);
        }
        return DeliveryRules.classify((HttpTransport.Answer) x, "Statuspage", RATE_LIMITS, true, clock);
    }

    /** A look-up's result: an id found (or not), or the delivery outcome that ends the attempt. */
    private record Lookup(Optional<String> id, Delivery failure) {}

    /** A read's result: the body, or the delivery outcome that ends the attempt. */
    private record Read(String body, Delivery failure) {}

    /** {@code GET /v1/pages/{page_id}/incidents/unresolved}, for an incident named {@code name}. */
    private Lookup findUnresolved(String key, String name) {
        Read got = read(key, incidents().addPathSegment("unresolved").build());
        if (got.failure() != null) {
            return new Lookup(Optional.empty(), got.failure());
        }
        JsonNode list = parse(got.body());
        if (list == null) {
            return unreadable();
        }
        if (list.isArray()) {
            for (JsonNode i : list) {
                if (name.equals(i.path("name").asText()) && i.hasNonNull("id")) {
                    return new Lookup(Optional.of(i.get("id").asText()), null);
                }
            }
        }
        return new Lookup(Optional.empty(), null);
    }

    /**
     * {@code GET /v1/pages/{page_id}/incidents/{incident_id}}: is there an incident update with this
     * body already? (The incident's {@code incident_updates}.)
     */
    private Lookup findUpdate(String key, String pageIncident, String text) {
        Read got = read(key, incidents().addPathSegment(pageIncident).build());
        if (got.failure() != null) {
            return new Lookup(Optional.empty(), got.failure());
        }
        JsonNode incident = parse(got.body());
        if (incident == null) {
            return unreadable();
        }
        for (JsonNode u : incident.path("incident_updates")) {
            if (text.strip().equals(u.path("body").asText().strip())) {
                return new Lookup(Optional.of(u.path("id").asText("posted")), null);
            }
        }
        return new Lookup(Optional.empty(), null);
    }

    private Read read(String key, HttpUrl url) {
        HttpTransport.Exchange x = http.fetch(get(key, url), DeliveryRules.MAX_ANSWER_BYTES);
        if (x instanceof HttpTransport.NoAnswer n) {
            return new Read(null, DeliveryRules.noAnswer(n, "Statuspage", true));
        }
        HttpTransport.Answer a = (HttpTransport.Answer) x;
        Delivery d = DeliveryRules.classify(a, "Statuspage", RATE_LIMITS, true, clock);
        if (!(d instanceof Delivery.Sent)) {
            return new Read(null, d);
        }
        if (a.truncated()) {
            return new Read(null, unreadable().failure());
        }
        return new Read(a.text(), null);
    }

    private static Lookup unreadable() {
        return new Lookup(
                Optional.empty(),
                new Delivery.Retry("Statuspage answered unreadable JSON to a look-up", Optional.empty(), false));
    }

    private static JsonNode parse(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private Request get(String key, HttpUrl url) {
        return new Request.Builder()
                .url(url)
                .header("Authorization", "OAuth " + key)
                .get()
                .build();
    }

    private HttpUrl.Builder page() {
        return base.newBuilder().addPathSegments("v1/pages").addPathSegment(pageId);
    }

    private HttpUrl.Builder incidents() {
        return page().addPathSegment("incidents");
    }

    private static Optional<String> idOf(String body) {
        try {
            JsonNode n = MAPPER.readTree(body);
            return n != null && n.hasNonNull("id") ? Optional.of(n.get("id").asText()) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
