package dev.conn.comms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conn.platform.json.Json;
import dev.conn.settings.SecretRef;
import dev.conn.settings.SecretResolver;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Atlassian Statuspage REST API v1 (https://developer.statuspage.io/). The first message of an
 * incident creates a page incident ({@code POST /v1/pages/{page_id}/incidents}); every later one
 * updates that same page incident ({@code PATCH /v1/pages/{page_id}/incidents/{incident_id}}),
 * whose id the outbox stores with the sent row. If a create attempt ended without a clear answer,
 * the retry first looks among the page's unresolved incidents ({@code GET
 * /v1/pages/{page_id}/incidents/unresolved}) for one with the same name and updates it, so a retry
 * never opens a second page incident.
 *
 * <p>Message extras: {@code status} (investigating, identified, monitoring, resolved), optional
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
    private final OkHttpClient http;
    private final Clock clock;

    /**
     * @param id the channel id
     * @param pageId the page id
     * @param apiKey reference to the API key
     * @param apiBase the API base URL, null for {@link #DEFAULT_BASE}
     * @param componentIds component names to Statuspage component ids
     * @param secrets resolves the key
     * @param http the HTTP client
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
            OkHttpClient http,
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
            return new Delivery.Retry(e.getMessage(), Optional.empty(), false);
        }
        Optional<String> pageIncident = m.externalRef();
        if (pageIncident.isEmpty()
                && m.attempts() > 0
                && m.lastError().filter(StatuspageClient::unclear).isPresent()) {
            // an earlier create may have reached Statuspage: adopt it rather than open a second
            Delivery[] failure = new Delivery[1];
            pageIncident = findUnresolved(key, m.subject(), failure);
            if (failure[0] != null) {
                return failure[0];
            }
        }
        ObjectNode incident = MAPPER.createObjectNode();
        if (pageIncident.isEmpty()) {
            incident.put("name", m.subject());
        }
        incident.put("status", m.extras().text("status").orElse("investigating"));
        incident.put("body", m.body());
        m.extras().text("impact").ifPresent(i -> incident.put("impact_override", i));
        JsonNode components = m.extras().toNode().get("components");
        if (components != null && components.isObject()) {
            ObjectNode byId = incident.putObject("components");
            var ids = incident.putArray("component_ids");
            Iterator<Map.Entry<String, JsonNode>> it = components.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> c = it.next();
                String cid = componentIds.getOrDefault(c.getKey(), c.getKey());
                byId.put(cid, c.getValue().asText());
                ids.add(cid);
            }
        }
        ObjectNode root = MAPPER.createObjectNode();
        root.set("incident", incident);
        RequestBody body = RequestBody.create(root.toString(), HttpDeliveryClient.JSON);
        HttpUrl.Builder url = base.newBuilder()
                .addPathSegments("v1/pages")
                .addPathSegment(pageId)
                .addPathSegment("incidents");
        Request.Builder req = new Request.Builder().header("Authorization", "OAuth " + key);
        if (pageIncident.isPresent()) {
            req.url(url.addPathSegment(pageIncident.get()).build()).patch(body);
        } else {
            req.url(url.build()).post(body);
        }
        HttpDeliveryClient.Outcome o = HttpDeliveryClient.call(http, req.build(), clock);
        if (o instanceof HttpDeliveryClient.NoAnswer n) {
            return n.retry();
        }
        HttpDeliveryClient.Answer a = ((HttpDeliveryClient.Got) o).answer();
        Delivery d = HttpDeliveryClient.classify(a, "Statuspage", RATE_LIMITS);
        if (d instanceof Delivery.Sent) {
            Optional<String> created = idOf(a.body());
            return new Delivery.Sent(pageIncident.isPresent() ? pageIncident : created);
        }
        return d;
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
            return new Delivery.Retry(e.getMessage(), Optional.empty(), false);
        }
        Request req = new Request.Builder()
                .url(base.newBuilder()
                        .addPathSegments("v1/pages")
                        .addPathSegment(pageId)
                        .build())
                .header("Authorization", "OAuth " + key)
                .get()
                .build();
        HttpDeliveryClient.Outcome o = HttpDeliveryClient.call(http, req, clock);
        if (o instanceof HttpDeliveryClient.NoAnswer n) {
            return n.retry();
        }
        return HttpDeliveryClient.classify(((HttpDeliveryClient.Got) o).answer(), "Statuspage", RATE_LIMITS);
    }

    private Optional<String> findUnresolved(String key, String name, Delivery[] failure) {
        Request req = new Request.Builder()
                .url(base.newBuilder()
                        .addPathSegments("v1/pages")
                        .addPathSegment(pageId)
                        .addPathSegments("incidents/unresolved")
                        .build())
                .header("Authorization", "OAuth " + key)
                .get()
                .build();
        HttpDeliveryClient.Outcome o = HttpDeliveryClient.call(http, req, clock);
        if (o instanceof HttpDeliveryClient.NoAnswer n) {
            failure[0] = n.retry();
            return Optional.empty();
        }
        HttpDeliveryClient.Answer a = ((HttpDeliveryClient.Got) o).answer();
        Delivery d = HttpDeliveryClient.classify(a, "Statuspage", RATE_LIMITS);
        if (!(d instanceof Delivery.Sent)) {
            failure[0] = d;
            return Optional.empty();
        }
        try {
            JsonNode list = MAPPER.readTree(a.body());
            if (list != null && list.isArray()) {
                for (JsonNode i : list) {
                    if (name.equals(i.path("name").asText()) && i.hasNonNull("id")) {
                        return Optional.of(i.get("id").asText());
                    }
                }
            }
        } catch (JsonProcessingException e) {
            failure[0] = new Delivery.Retry("Statuspage answered unreadable JSON", Optional.empty(), false);
        }
        return Optional.empty();
    }

    /** @return true if the failed attempt may have reached Statuspage (no or a 5xx answer) */
    static boolean unclear(String lastError) {
        return lastError.startsWith("network error")
                || lastError.startsWith("answer too large")
                || lastError.startsWith("Statuspage answered HTTP 5");
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
