package dev.conn.integrations.net;

import static dev.conn.integrations.net.VendorServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conn.incident.IncidentId;
import dev.conn.incident.Severity;
import dev.conn.integrations.Outcome;
import dev.conn.integrations.PageRequest;
import dev.conn.integrations.PageStatus;
import dev.conn.integrations.PagerDutySettings;
import dev.conn.settings.SecretRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link PagerDutyClient} against a loopback PagerDuty. Bodies follow PagerDuty's references: the
 * Events API v2 "Send an Alert Event" page (https://developer.pagerduty.com/docs/events-api-v2/trigger-events/,
 * fields and the resolve example) and its OpenAPI description
 * (https://github.com/PagerDuty/api-schema/blob/main/reference/events-v2/openapiv3.json: the 202
 * "Example Success Response" with our key in {@code dedup_key}, and the "Example Error Response"),
 * and the REST API's "List incidents" (https://developer.pagerduty.com/api-reference/9d0b4b12e36f9-list-incidents:
 * the response example, its status set to acknowledged with one {@code Acknowledgement}).
 */
class PagerDutyClientTest {
    static final String ERROR = "{\"status\":\"Unrecognized object\",\"message\":\"Event object format is"
            + " unrecognized\",\"errors\":[\"JSON parse error\"]}";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROUTING_KEY = "e93facc04764012d7bfb002500d5d1a6";
    private static final String REST_KEY = "y_NbAkKc66ryYTWUXYEu";

    private VendorServer server;
    private PagerDutyClient pagerDuty;
    private final IncidentId incident = new IncidentId(UUID.fromString("0192f0c4-0000-7000-8000-000000000001"));
    private final String dedupKey = "conn-0192f0c4-0000-7000-8000-000000000001-payments-oncall";
    private final PageRequest page = new PageRequest(
            incident,
            "Checkout errors",
            Severity.SEV1,
            "payments-oncall",
            "Payments on-call",
            Optional.of("join the bridge"),
            Optional.of("https://meet.example.com/sev1"),
            "Alice",
            Instant.parse("2026-11-21T09:30:00Z"));

    @BeforeEach
    void setUp() throws Exception {
        server = new VendorServer();
        pagerDuty = client(server);
    }

    private PagerDutyClient client(VendorServer s) {
        s.env.put("PD_PAYMENTS", ROUTING_KEY);
        s.env.put("PD_REST", REST_KEY);
        PagerDutySettings settings = new PagerDutySettings(
                s.url("/v2/enqueue"),
                s.url("/"),
                SecretRef.env("PD_REST"),
                null,
                List.of(new PagerDutySettings.Target(
                        "payments-oncall", "Payments on-call", SecretRef.env("PD_PAYMENTS"))));
        return new PagerDutyClient(settings, s.secrets(), s.http, s.clock);
    }

    @AfterEach
    void tearDown() throws Exception {
        server.close();
    }

    private static JsonNode body(VendorServer.Hit h) {
        try {
            return JSON.readTree(h.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String accepted(String key) {
        return "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"" + key + "\"}";
    }

    @Test
    void triggersWithTheDedupKeySeverityMappedFromSevASummaryAndALink() {
        server.handle(h -> json(202, accepted(body(h).get("dedup_key").asText())));

        Outcome<String> out = pagerDuty.trigger(page);

        VendorServer.Hit post = server.hits().get(0);
        assertThat(post.line()).isEqualTo("POST /v2/enqueue");
        JsonNode e = body(post);
        assertThat(e.get("routing_key").asText()).isEqualTo(ROUTING_KEY);
        assertThat(e.get("event_action").asText()).isEqualTo("trigger");
        assertThat(e.get("dedup_key").asText()).isEqualTo(dedupKey);
        assertThat(e.at("/payload/summary").asText()).isEqualTo("[SEV1] Checkout errors: join the bridge");
        assertThat(e.at("/payload/severity").asText()).isEqualTo("critical");
        assertThat(e.at("/payload/source").asText()).isEqualTo(PagerDutySettings.DEFAULT_SOURCE);
        assertThat(e.at("/payload/timestamp").asText()).isEqualTo("2026-11-21T09:30:00Z");
        assertThat(e.at("/payload/custom_details/incident_id").asText())
                .isEqualTo(incident.value().toString());
        assertThat(e.at("/links/0/href").asText()).isEqualTo("https://meet.example.com/sev1");
        assertThat(e.get("client").asText()).isEqualTo("Conn");
        // written back: the dedup key, for acknowledgement polling and the resolve
        assertThat(out).isEqualTo(new Outcome.Sent<>(dedupKey));
    }

    @Test
    void aPageWhoseReplyWasLostIsSentAgainAndLandsOnTheSameAlert() {
        Map<String, Integer> alerts = new ConcurrentHashMap<>();
        server.handle(h -> {
            String key = body(h).get("dedup_key").asText();
            boolean first = !alerts.containsKey(key);
            alerts.merge(key, 1, Integer::sum); // PagerDuty: same dedup_key, same open alert
            return first ? VendorServer.lostReply() : json(202, accepted(key));
        });

        Outcome<String> first = pagerDuty.trigger(page);
        Outcome<String> second = pagerDuty.trigger(page);

        assertThat(first).isInstanceOf(Outcome.Retry.class);
        assertThat(second).isEqualTo(new Outcome.Sent<>(dedupKey));
        assertThat(alerts).containsOnlyKeys(dedupKey);
        assertThat(server.hits())
                .extracting(h -> body(h).get("dedup_key").asText())
                .containsOnly(dedupKey);
    }

    @Test
    void aRefusalIsFinalAndSaysWhatPagerDutySaid() {
        server.handle(h -> json(400, ERROR));

        Outcome<String> out = pagerDuty.trigger(page);

        assertThat(out)
                .isEqualTo(new Outcome.Failed<>(
                        "PagerDuty refused (HTTP 400): Event object format is unrecognized; JSON parse error"));
    }

    @Test
    void rateLimitsAndServerErrorsAreRetried() {
        server.handle(h -> json(
                        429,
                        "{\"status\":\"throttle event\",\"message\":\"Requests for this service are"
                                + " arriving too quickly.\"}")
                .setHeader("Retry-After", "30"));
        Outcome<String> limited = pagerDuty.trigger(page);
        server.handle(h -> json(500, "{\"status\":\"error\",\"message\":\"Internal Server Error\"}"));
        Outcome<String> broken = pagerDuty.trigger(page);

        assertThat(limited).isInstanceOf(Outcome.Retry.class);
        assertThat(((Outcome.Retry<String>) limited).retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(broken).isInstanceOf(Outcome.Retry.class);
    }

    @Test
    void aConnectThatNeverLeftIsNotSent() throws Exception {
        VendorServer closed = new VendorServer();
        PagerDutyClient unreachable = client(closed);
        closed.close();

        Outcome<String> out = unreachable.trigger(page);

        assertThat(out).isInstanceOf(Outcome.NotSent.class);
        assertThat(((Outcome.NotSent<String>) out).offline()).isTrue();
    }

    @Test
    void resolveUsesTheSameKeyAndDedupKey() {
        server.handle(h -> json(202, accepted(dedupKey)));

        Outcome<String> out = pagerDuty.resolve(dedupKey, "payments-oncall");

        JsonNode e = body(server.hits().get(0));
        assertThat(e.get("routing_key").asText()).isEqualTo(ROUTING_KEY);
        assertThat(e.get("event_action").asText()).isEqualTo("resolve");
        assertThat(e.get("dedup_key").asText()).isEqualTo(dedupKey);
        assertThat(out).isEqualTo(new Outcome.Sent<>(dedupKey));
    }

    @Test
    void statusTellsWhoAcknowledgedThePage() {
        server.handle(h -> json(
                200,
                "{\"incidents\":[{\"id\":\"PT4KHLK\",\"type\":\"incident\","
                        + "\"summary\":\"[#1234] The server is on fire.\",\"self\":\"https://api.pagerduty.com/incidents/PT4KHLK\","
                        + "\"html_url\":\"https://subdomain.pagerduty.com/incidents/PT4KHLK\",\"incident_number\":1234,"
                        + "\"title\":\"The server is on fire.\",\"created_at\":\"2015-10-06T21:30:42Z\","
                        + "\"status\":\"acknowledged\",\"incident_key\":\"" + dedupKey + "\","
                        + "\"acknowledgements\":[{\"at\":\"2015-10-06T21:32:52Z\",\"acknowledger\":{\"id\":\"PXPGF42\","
                        + "\"type\":\"user_reference\",\"summary\":\"Earline Greenholt\","
                        + "\"self\":\"https://api.pagerduty.com/users/PXPGF42\"}}],\"urgency\":\"high\"}],"
                        + "\"limit\":1,\"offset\":0,\"more\":false}"));

        Outcome<PageStatus> out = pagerDuty.status(dedupKey);

        VendorServer.Hit get = server.hits().get(0);
        assertThat(get.line())
                .isEqualTo("GET /incidents?incident_key=" + dedupKey
                        + "&date_range=all&sort_by=created_at%3Adesc&limit=1");
        assertThat(get.header("Authorization")).isEqualTo("Token token=" + REST_KEY);
        assertThat(get.header("Accept")).isEqualTo("application/vnd.pagerduty+json;version=2");
        assertThat(out)
                .isEqualTo(new Outcome.Sent<>(new PageStatus(
                        PageStatus.State.ACKNOWLEDGED,
                        Optional.of("Earline Greenholt"),
                        Optional.of(Instant.parse("2015-10-06T21:32:52Z")),
                        Optional.of("https://subdomain.pagerduty.com/incidents/PT4KHLK"))));
    }
}
