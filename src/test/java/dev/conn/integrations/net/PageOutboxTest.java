package dev.conn.integrations.net;

import static dev.conn.integrations.net.VendorServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conn.command.PageCommand;
import dev.conn.command.Pages;
import dev.conn.command.PagingService;
import dev.conn.comms.net.IntegrationChannels;
import dev.conn.incident.CommandRefusedException;
import dev.conn.incident.CommsEvent;
import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.IntegrationEvent;
import dev.conn.integrations.IntegrationSettings;
import dev.conn.integrations.Outcome;
import dev.conn.integrations.PageStatus;
import dev.conn.integrations.PagerDutySettings;
import dev.conn.settings.SecretRef;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Page… and Resolve page end to end (issue 16 §2): the command through {@code PageDecider} and the
 * one writer, the outbox row in the same transaction, the dispatcher sending a PagerDuty Events API
 * v2 event to a loopback PagerDuty, and the write-back through the one writer. Bodies are those of
 * {@link PagerDutyClientTest}: "Send an Alert Event"
 * (https://developer.pagerduty.com/docs/events-api-v2/trigger-events/), the Events v2 OpenAPI
 * description's success and error examples
 * (https://github.com/PagerDuty/api-schema/blob/main/reference/events-v2/openapiv3.json) and the
 * REST API's "List incidents" example
 * (https://developer.pagerduty.com/api-reference/9d0b4b12e36f9-list-incidents).
 */
class PageOutboxTest {
    private static final String ROUTING_KEY = "e93facc04764012d7bfb002500d5d1a6";
    private static final String REST_KEY = "y_NbAkKc66ryYTWUXYEu";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private VendorServer server;
    private IntegrationOutboxFixture f;
    private PagingService paging;
    private PagerDutyClient client;

    @BeforeEach
    void setUp() throws Exception {
        server = new VendorServer();
        server.env.put("PD_PAYMENTS", ROUTING_KEY);
        server.env.put("PD_REST", REST_KEY);
        f = new IntegrationOutboxFixture(dir, server);
        PagerDutySettings settings = new PagerDutySettings(
                server.url("/v2/enqueue"),
                server.url("/"),
                SecretRef.env("PD_REST"),
                null,
                List.of(new PagerDutySettings.Target(
                        "payments-oncall", "Payments on-call", SecretRef.env("PD_PAYMENTS"))));
        f.channels.putAll(IntegrationChannels.of(
                new IntegrationSettings(null, null, null, null, settings, null),
                server.secrets(),
                server.http,
                server.clock));
        client = new PagerDutyClient(settings, server.secrets(), server.http, server.clock);
        paging = new PagingService(f.incidents.log());
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
        server.close();
    }

    private String dedupKey() {
        return "conn-" + f.incident.value() + "-payments-oncall";
    }

    private static String accepted(String key) {
        return "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"" + key + "\"}";
    }

    private static JsonNode body(VendorServer.Hit h) {
        try {
            return JSON.readTree(h.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Event> page() {
        return paging.execute(
                f.incident,
                new PageCommand.Page(
                        "payments-oncall",
                        "Payments on-call",
                        Optional.of("join the bridge"),
                        Optional.of("https://meet.example.com/sev1")),
                "Alice");
    }

    private Pages pages() {
        return Pages.of(f.incidents.timeline(f.incident));
    }

    @Test
    void pageSendsATriggerWithTheDedupKeySeverityAndLinkAndRecordsItOnTheTimeline() throws Exception {
        server.handle(h -> json(202, accepted(body(h).get("dedup_key").asText())));

        assertThat(page()).singleElement().extracting(Event::type).isEqualTo(EventType.PAGE_REQUESTED);
        assertThat(f.dispatcher().drain(Duration.ofMinutes(1))).isTrue();

        JsonNode sent = body(server.hits().get(0));
        assertThat(sent.get("event_action").asText()).isEqualTo("trigger");
        assertThat(sent.get("routing_key").asText()).isEqualTo(ROUTING_KEY);
        assertThat(sent.get("dedup_key").asText()).isEqualTo(dedupKey());
        assertThat(sent.at("/payload/severity").asText()).isEqualTo("critical"); // SEV1
        assertThat(sent.at("/payload/summary").asText()).isEqualTo("[SEV1] Checkout errors: join the bridge");
        assertThat(sent.at("/links/0/href").asText()).isEqualTo("https://meet.example.com/sev1");
        assertThat(sent.at("/payload/timestamp").asText()).isEqualTo("2026-11-21T09:30:00Z"); // when it was asked
        Event pageSent = f.events(EventType.PAGE_SENT).get(0);
        assertThat(pageSent.body())
                .isEqualTo(new IntegrationEvent.PageSent(
                        ((IntegrationEvent.PageRequested) f.events(EventType.PAGE_REQUESTED)
                                        .get(0)
                                        .body())
                                .messageId(),
                        dedupKey(),
                        "payments-oncall"));
        assertThat(pageSent.recordedAt())
                .isEqualTo(f.events(EventType.MESSAGE_SENT).get(0).recordedAt());
        assertThat(pages().page("payments-oncall").orElseThrow().awaitsAcknowledgement())
                .isTrue();
    }

    @Test
    void aPageWhoseReplyWasLostIsSentAgainWithTheSameDedupKeyAndRecordedOnce() throws Exception {
        AtomicInteger posts = new AtomicInteger();
        server.handle(h -> posts.incrementAndGet() == 1
                ? VendorServer.lostReply()
                : json(202, accepted(body(h).get("dedup_key").asText())));
        page();

        assertThat(f.dispatcher().drain(Duration.ofMinutes(5))).isTrue();

        assertThat(server.hits())
                .hasSize(2)
                .allSatisfy(h -> assertThat(body(h).get("dedup_key").asText()).isEqualTo(dedupKey()));
        assertThat(f.events(EventType.MESSAGE_DELIVERY_UNKNOWN)).isEmpty();
        assertThat(f.events(EventType.PAGE_SENT)).hasSize(1);
    }

    @Test
    void aRefusalIsRecordedInPagerDutysWordsAndThePageCanBeSentAgain() throws Exception {
        server.handle(h -> json(400, PagerDutyClientTest.ERROR));
        page();

        assertThat(f.dispatcher().drain(Duration.ofMinutes(1))).isTrue();

        String reason = "PagerDuty refused (HTTP 400): Event object format is unrecognized; JSON parse error";
        assertThat(f.events(EventType.MESSAGE_FAILED))
                .singleElement()
                .extracting(e -> ((CommsEvent.MessageFailed) e.body()).reason())
                .isEqualTo(reason);
        assertThat(f.events(EventType.PAGE_SENT)).isEmpty();
        assertThat(pages().page("payments-oncall").orElseThrow().failure()).contains(reason);
        assertThat(page()).hasSize(1); // not on its way any more: paging again is allowed
    }

    @Test
    void resolvePageSendsAResolveWithTheSameKeyAndRecordsIt() throws Exception {
        server.handle(h -> json(202, accepted(body(h).get("dedup_key").asText())));
        page();
        f.dispatcher().drain(Duration.ofMinutes(1));

        paging.execute(f.incident, new PageCommand.ResolvePage("payments-oncall"), "Alice");
        assertThat(f.dispatcher().drain(Duration.ofMinutes(1))).isTrue();

        JsonNode resolve = body(server.hits().get(1));
        assertThat(resolve.get("event_action").asText()).isEqualTo("resolve");
        assertThat(resolve.get("dedup_key").asText()).isEqualTo(dedupKey());
        assertThat(f.events(EventType.PAGE_RESOLVED)).hasSize(1);
        assertThat(pages().page("payments-oncall").orElseThrow().resolved()).isTrue();
        assertThatThrownBy(() -> paging.execute(f.incident, new PageCommand.ResolvePage("payments-oncall"), "Alice"))
                .isInstanceOf(CommandRefusedException.class)
                .hasMessageContaining("resolved already");
    }

    @Test
    void resolveAllPagesResolvesEveryOpenPageAndNothingWhenNoneIsOpen() throws Exception {
        server.handle(h -> json(202, accepted(body(h).get("dedup_key").asText())));
        page();
        f.dispatcher().drain(Duration.ofMinutes(1));

        assertThat(paging.execute(f.incident, new PageCommand.ResolveAllPages(), "Alice"))
                .singleElement()
                .extracting(e -> ((IntegrationEvent.PageRequested) e.body()).resolves())
                .isEqualTo(true);
        f.dispatcher().drain(Duration.ofMinutes(1));
        assertThat(paging.execute(f.incident, new PageCommand.ResolveAllPages(), "Alice"))
                .isEmpty();
    }

    @Test
    void theAcknowledgementReadFromPagerDutyGoesOnTheTimelineOnce() throws Exception {
        server.handle(h -> h.method().equals("POST")
                ? json(202, accepted(body(h).get("dedup_key").asText()))
                : json(
                        200,
                        "{\"incidents\":[{\"id\":\"PT4KHLK\",\"type\":\"incident\",\"status\":\"acknowledged\","
                                + "\"incident_key\":\"" + dedupKey() + "\","
                                + "\"html_url\":\"https://subdomain.pagerduty.com/incidents/PT4KHLK\","
                                + "\"acknowledgements\":[{\"at\":\"2015-10-06T21:32:52Z\",\"acknowledger\":{"
                                + "\"id\":\"PXPGF42\",\"type\":\"user_reference\",\"summary\":\"Earline Greenholt\"}}]}],"
                                + "\"limit\":1,\"offset\":0,\"more\":false}"));
        page();
        f.dispatcher().drain(Duration.ofMinutes(1));

        Outcome<PageStatus> status = client.status(dedupKey());
        PageStatus st = ((Outcome.Sent<PageStatus>) status).value();
        PageCommand ack =
                new PageCommand.RecordAcknowledgement("payments-oncall", st.acknowledgedBy(), st.acknowledgedAt());
        paging.execute(f.incident, ack, "Conn (PagerDuty)");
        assertThat(paging.execute(f.incident, ack, "Conn (PagerDuty)")).isEmpty(); // a second poll adds nothing

        assertThat(f.events(EventType.PAGE_ACKNOWLEDGED))
                .singleElement()
                .extracting(Event::body)
                .isEqualTo(new IntegrationEvent.PageAcknowledged(
                        dedupKey(),
                        "payments-oncall",
                        Optional.of("Earline Greenholt"),
                        Optional.of(Instant.parse("2015-10-06T21:32:52Z"))));
        assertThat(pages().page("payments-oncall").orElseThrow().awaitsAcknowledgement())
                .isFalse();
    }

    @Test
    void theRoutingKeyIsNeverStored() throws Exception {
        server.handle(h -> json(400, "{\"status\":\"invalid\",\"message\":\"bad key " + ROUTING_KEY + "\"}"));
        page();

        f.dispatcher().drain(Duration.ofMinutes(1));

        assertThat(f.events(EventType.MESSAGE_FAILED)).hasSize(1);
        assertThat(f.everythingStored()).isNotEmpty().noneMatch(t -> t.contains(ROUTING_KEY) || t.contains(REST_KEY));
    }
}
