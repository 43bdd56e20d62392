package dev.conn.integrations.net;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conn.integrations.Outcome;
import dev.conn.integrations.PageRequest;
import dev.conn.integrations.PageStatus;
import dev.conn.integrations.PagerDutyEvents;
import dev.conn.integrations.PagerDutySettings;
import dev.conn.platform.http.HttpTransport;
import dev.conn.settings.SecretRef;
import dev.conn.settings.SecretResolver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Pages people through PagerDuty's Events API v2 (https://developer.pagerduty.com/docs/events-api-v2/trigger-events/):
 * {@code POST /v2/enqueue} of a {@code trigger} to the target service's integration key, with
 * {@code dedup_key} {@code conn-<incident>-<target>}, and a {@code resolve} with the same key.
 * PagerDuty applies events with the same {@code dedup_key} to the same open alert, so a page
 * whose answer was lost is simply sent again ({@link Outcome.Retry}), never left "delivery
 * unknown". Answers (https://developer.pagerduty.com/docs/events-api-v2/overview/#response-codes--retry-logic):
 * 202 accepted, with {@code dedup_key}; 400 invalid, not retried; 429 and 5xx retried.
 *
 * <p>With a REST API key, {@link #status} reads whether the page was acknowledged: {@code GET
 * /incidents?incident_key=<dedup_key>&date_range=all&sort_by=created_at:desc}
 * (https://developer.pagerduty.com/api-reference/9d0b4b12e36f9-list-incidents), with {@code
 * Authorization: Token token=<key>} and {@code Accept: application/vnd.pagerduty+json;version=2}.
 * Keys are resolved at each request.
 */
public final class PagerDutyClient {
    /** The REST API's versioned media type. */
    public static final String REST_ACCEPT = "application/vnd.pagerduty+json;version=2";

    private final PagerDutySettings settings;
    private final ApiClient api;

    /**
     * @param settings the endpoints, targets and keys
     * @param secrets resolves the keys at each request
     * @param http the transport
     * @param clock for {@code Retry-After} dates
     */
    public PagerDutyClient(PagerDutySettings settings, SecretResolver secrets, HttpTransport http, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.api = new ApiClient("PagerDuty", http, secrets, clock, a -> false, Duration.ZERO);
    }

    /**
     * @param target a target
     * @return the pacing key: PagerDuty limits events per integration key (about 120 a minute,
     *     https://developer.pagerduty.com/docs/events-api-v2/rate-limits/)
     */
    public String rateKey(PagerDutySettings.Target target) {
        return "pagerduty:" + target.integrationKey();
    }

    /** @return the least time between two events to one integration key */
    public Duration minInterval() {
        return Duration.ofMillis(500);
    }

    /**
     * Sends (or re-sends) a page.
     *
     * @param page the page; its target id must be configured
     * @return {@link Outcome.Sent} with the {@code dedup_key} to write back, or why not
     */
    public Outcome<String> trigger(PageRequest page) {
        Optional<PagerDutySettings.Target> target = settings.target(page.targetId());
        if (target.isEmpty()) {
            return notConfigured(page.targetId());
        }
        Outcome<String> key = api.secret(target.get().integrationKey());
        if (!(key instanceof Outcome.Sent<String> k)) {
            return key.failure();
        }
        return enqueue(PagerDutyEvents.trigger(page, k.value(), settings.source()), page.dedupKey());
    }

    /**
     * Resolves a page (when the incident resolves, or on request).
     *
     * @param dedupKey the page's {@code dedup_key}
     * @param targetId the target it was sent to (the resolve must use the same integration key)
     * @return {@link Outcome.Sent} with the {@code dedup_key}, or why not
     */
    public Outcome<String> resolve(String dedupKey, String targetId) {
        Optional<PagerDutySettings.Target> target = settings.target(targetId);
        if (target.isEmpty()) {
            return notConfigured(targetId);
        }
        Outcome<String> key = api.secret(target.get().integrationKey());
        if (!(key instanceof Outcome.Sent<String> k)) {
            return key.failure();
        }
        return enqueue(PagerDutyEvents.resolve(dedupKey, k.value()), dedupKey);
    }

    /**
     * Reads whether a page was acknowledged (an idempotent read), when a REST API key is set.
     *
     * @param dedupKey the page's {@code dedup_key}
     * @return {@link Outcome.Sent} with its status (the newest incident with this key), or why not;
     *     {@link Outcome.Failed} if no REST API key is configured
     */
    public Outcome<PageStatus> status(String dedupKey) {
        Optional<SecretRef> ref = settings.restKey();
        if (ref.isEmpty()) {
            return new Outcome.Failed<>("integrations.pagerDuty.restApiKey is not set, so Conn cannot see whether"
                    + " a page was acknowledged");
        }
        Outcome<String> key = api.secret(ref.get());
        if (!(key instanceof Outcome.Sent<String> k)) {
            return key.failure();
        }
        HttpUrl url = HttpUrl.get(settings.apiBase())
                .newBuilder()
                .addPathSegment("incidents")
                .addQueryParameter("incident_key", dedupKey)
                .addQueryParameter("date_range", "all")
                .addQueryParameter("sort_by", "created_at:desc")
                .addQueryParameter("limit", "1")
                .build();
        Request get = new Request.Builder()
                .url(url)
                .header("Authorization", "Token token=" + k.value())
                .header("Accept", REST_ACCEPT)
                .get()
                .build();
        Outcome<HttpTransport.Answer> got = api.fetch(get);
        if (!(got instanceof Outcome.Sent<HttpTransport.Answer> g)) {
            return got.failure();
        }
        JsonNode root = ApiClient.json(g.value());
        if (root == null || !root.path("incidents").isArray()) {
            return api.unreadable("a list of incidents");
        }
        if (root.get("incidents").isEmpty()) {
            return new Outcome.Sent<>(PageStatus.notFound());
        }
        return new Outcome.Sent<>(statusOf(root.get("incidents").get(0)));
    }

    private Outcome<String> enqueue(ObjectNode event, String dedupKey) {
        Request post = new Request.Builder()
                .url(settings.eventsUrl())
                .post(RequestBody.create(ApiClient.write(event), ApiClient.JSON))
                .build();
        // the dedup key makes a repeat land on the same alert: a lost answer is retried
        Outcome<HttpTransport.Answer> sent = api.deliver(post, true);
        if (!(sent instanceof Outcome.Sent<HttpTransport.Answer> s)) {
            return sent.failure();
        }
        JsonNode answer = ApiClient.json(s.value());
        String key = answer == null ? dedupKey : answer.path("dedup_key").asText(dedupKey);
        return new Outcome.Sent<>(key);
    }

    private static PageStatus statusOf(JsonNode incident) {
        PageStatus.State state =
                switch (incident.path("status").asText("")) {
                    case "acknowledged" -> PageStatus.State.ACKNOWLEDGED;
                    case "resolved" -> PageStatus.State.RESOLVED;
                    default -> PageStatus.State.TRIGGERED;
                };
        JsonNode ack = incident.path("acknowledgements").path(0);
        Optional<String> by =
                Optional.ofNullable(ack.path("acknowledger").path("summary").asText(null));
        Optional<Instant> at = Optional.ofNullable(ack.path("at").asText(null)).flatMap(PagerDutyClient::instant);
        Optional<String> url = Optional.ofNullable(incident.path("html_url").asText(null));
        return new PageStatus(state, by, at, url);
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static <T> Outcome<T> notConfigured(String targetId) {
        return new Outcome.Failed<>("no PagerDuty target '" + targetId + "' in integrations.pagerDuty.targets");
    }
}
