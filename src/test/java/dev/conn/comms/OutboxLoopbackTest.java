package dev.conn.comms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.comms.net.ChannelClient;
import dev.conn.comms.net.SlackWebhookClient;
import dev.conn.incident.Audience;
import dev.conn.incident.CommsEvent;
import dev.conn.incident.EventType;
import dev.conn.settings.ChannelSettings;
import dev.conn.settings.SecretRef;
import dev.conn.testing.LoopbackServer;
import dev.conn.testing.LoopbackServer.Act;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The outbox against a loopback server that misbehaves the way real ones and their proxies do
 * (issue 11, findings 2 and 3): it closes idle keep-alive connections without saying so, speaks
 * HTTP/1.0, drops the connection after reading a post, hangs, or is not there at all.
 */
class OutboxLoopbackTest {
    @TempDir
    Path dir;

    private OutboxFixture f;
    private LoopbackServer server;

    @BeforeEach
    void setUp() throws IOException {
        f = new OutboxFixture(dir);
        server = new LoopbackServer();
    }

    @AfterEach
    void tearDown() throws IOException {
        server.close();
        f.close();
    }

    private void slackAt(String url) {
        f.env.put("SLACK_URL", url);
        f.channels.put(
                "slack-ops",
                new SlackWebhookClient("slack-ops", SecretRef.env("SLACK_URL"), f.secrets(), f.http, f.clock));
    }

    private List<OutboxMessage> rows() {
        return IntStream.rangeClosed(1, 200)
                .mapToObj(i -> f.outbox.row(i))
                .flatMap(java.util.Optional::stream)
                .toList();
    }

    @ParameterizedTest(name = "server closes idle connections after {0} ms")
    @ValueSource(ints = {0, 30})
    void aServerThatClosesIdleConnectionsCausesNoSpuriousFailure(int idleMs) throws Exception {
        server.closeIdleAfter(Duration.ofMillis(idleMs));
        slackAt(server.url("/services/T1/B1/X1"));
        OutboxDispatcher d = f.dispatcher();
        for (int i = 0; i < 20; i++) {
            f.send(Audience.RESPONDERS, "Update " + i, "slack-ops");
            assertThat(d.drain(Duration.ofMinutes(1))).isTrue();
            // the idle connection is gone (closed by the server, or by Conn) before the next send
            assertThat(server.awaitEnded(i + 1, Duration.ofSeconds(5))).isTrue();
        }

        assertThat(server.requests()).hasSize(20);
        assertThat(rows()).hasSize(20).allSatisfy(m -> {
            assertThat(m.state()).isEqualTo(OutboxMessage.State.SENT);
            assertThat(m.attempts()).as("one attempt each for %s", m.subject()).isEqualTo(1);
            assertThat(m.failures()).isZero();
        });
    }

    @Test
    void anHttp10ServerGetsEveryMessageOnceAtTheFirstAttempt() throws Exception {
        server.otherwise(Act.HTTP_1_0);
        slackAt(server.url("/services/T1/B1/X1"));
        for (int i = 0; i < 10; i++) {
            f.send(Audience.RESPONDERS, "Update " + i, "slack-ops");
        }
        assertThat(f.dispatcher().drain(Duration.ofMinutes(1))).isTrue();

        assertThat(server.requests())
                .extracting(r -> r.body().replaceAll(".*\\*(Update \\d+)\\*.*", "$1"))
                .containsExactly(
                        IntStream.range(0, 10).mapToObj(i -> "Update " + i).toArray(String[]::new));
        assertThat(rows()).allSatisfy(m -> assertThat(m.attempts()).isEqualTo(1));
    }

    @Test
    void deliveriesNeverReuseAKeepAliveConnection() throws Exception {
        slackAt(server.url("/services/T1/B1/X1"));
        for (int i = 0; i < 5; i++) {
            f.send(Audience.RESPONDERS, "Update " + i, "slack-ops");
        }
        f.dispatcher().drain(Duration.ofMinutes(1));

        assertThat(server.requests())
                .extracting(LoopbackServer.Request::connection)
                .doesNotHaveDuplicates();
    }

    @Test
    void slackThatReadsThePostAndHangsUpIsDeliveryUnknownNeverResent() throws Exception {
        server.then(Act.DROP_AFTER_BODY);
        slackAt(server.url("/services/T1/B1/X1"));
        f.send(Audience.RESPONDERS, "Outage", "slack-ops");
        f.dispatcher().drain(Duration.ofMinutes(1));

        assertThat(server.requests()).hasSize(1);
        assertThat(f.outbox.unknown()).singleElement().satisfies(m -> assertThat(m.attempts())
                .isEqualTo(1));
        assertThat(f.bodies(CommsEvent.MessageDeliveryUnknown.class))
                .singleElement()
                .satisfies(e -> assertThat(e.reason().orElseThrow()).contains("may have arrived"));
        assertThat(f.events(EventType.MESSAGE_SENT)).isEmpty();
    }

    @Test
    void slackThatNeverAnswersIsDeliveryUnknownNeverResent() throws Exception {
        server.then(Act.HANG);
        slackAt(server.url("/services/T1/B1/X1"));
        f.send(Audience.RESPONDERS, "Outage", "slack-ops");
        f.send(Audience.RESPONDERS, "Next", "slack-ops");
        f.dispatcher().drain(Duration.ofMinutes(1));

        assertThat(server.requests()).hasSize(2);
        assertThat(f.outbox.unknown()).singleElement().satisfies(m -> assertThat(m.subject())
                .isEqualTo("Outage"));
        assertThat(f.events(EventType.MESSAGE_SENT)).hasSize(1);
    }

    @Test
    void aGatewayTimeoutInFrontOfSlackIsDeliveryUnknownButA503IsRetried() throws Exception {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        server.answers(r -> switch (n.incrementAndGet()) {
            case 1 -> new LoopbackServer.Answer(504, "upstream timed out");
            case 2 -> new LoopbackServer.Answer(503, "try later");
            default -> new LoopbackServer.Answer(200, "ok");
        });
        slackAt(server.url("/services/T1/B1/X1"));
        f.send(Audience.RESPONDERS, "Outage", "slack-ops");
        f.send(Audience.RESPONDERS, "Next", "slack-ops");
        f.dispatcher().drain(Duration.ofMinutes(1));

        assertThat(f.outbox.unknown()).singleElement().satisfies(m -> assertThat(m.subject())
                .isEqualTo("Outage"));
        assertThat(server.requests()).hasSize(3); // Outage once; Next after its 503
        assertThat(f.events(EventType.MESSAGE_SENT)).hasSize(1);
    }

    @Test
    void teamsThatReadsThePostAndHangsUpIsDeliveryUnknown() throws Exception {
        server.then(Act.DROP_AFTER_BODY);
        f.env.put("TEAMS_URL", server.url("/webhookb2/abc"));
        f.channels.put(
                "teams",
                ChannelClient.of(
                        ChannelSettings.webhook(
                                "teams", ChannelSettings.Type.TEAMS, Audience.STAKEHOLDERS, SecretRef.env("TEAMS_URL")),
                        f.secrets(),
                        f.http,
                        f.clock));
        f.send(Audience.STAKEHOLDERS, "Outage", "teams");
        f.dispatcher().drain(Duration.ofMinutes(1));

        assertThat(server.requests()).hasSize(1);
        assertThat(f.outbox.unknown()).hasSize(1);
    }

    @Test
    void theJsonWebhookDeDuplicatesSoALostAnswerIsRetriedWithTheSameKey() throws Exception {
        server.then(Act.DROP_AFTER_BODY).then(Act.HANG);
        f.env.put("HOOK_URL", server.url("/hook"));
        f.channels.put(
                "hook",
                ChannelClient.of(
                        ChannelSettings.webhook(
                                "hook", ChannelSettings.Type.WEBHOOK, Audience.RESPONDERS, SecretRef.env("HOOK_URL")),
                        f.secrets(),
                        f.http,
                        f.clock));
        var id = f.send(Audience.RESPONDERS, "Outage", "hook");
        f.dispatcher().drain(Duration.ofMinutes(1));

        assertThat(server.requests())
                .hasSize(3)
                .extracting(r -> r.headers().get("idempotency-key"))
                .containsOnly(id + ":hook");
        assertThat(f.outbox.unknown()).isEmpty();
        assertThat(f.events(EventType.MESSAGE_SENT)).hasSize(1);
    }

    @Test
    void aRefusedConnectIsNotADeliveryAttempt() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort(); // nothing listens here once closed
        }
        slackAt("http://127.0.0.1:" + port + "/services/T1/B1/X1");
        f.send(Audience.RESPONDERS, "Outage", "slack-ops");
        OutboxDispatcher d = f.dispatcher();
        for (int i = 0; i < 3; i++) {
            f.clock.advance(d.runOnce().orElseThrow());
        }
        assertThat(f.outbox.queued()).singleElement().satisfies(m -> {
            assertThat(m.attempts()).as("nothing left").isZero();
            assertThat(m.failures()).isEqualTo(3);
            assertThat(m.lastError().orElseThrow()).contains("cannot reach the server");
        });
        assertThat(d.status().offline()).isTrue();

        try (LoopbackServer back = new LoopbackServer(port)) {
            assertThat(d.drain(Duration.ofMinutes(5))).isTrue();
            assertThat(back.requests()).hasSize(1);
        }
        assertThat(rows()).singleElement().satisfies(m -> assertThat(m.attempts())
                .isEqualTo(1));
    }

    @Test
    void statuspageCreateInterruptedByACrashThenResentAdoptsThePageIncident() throws Exception {
        // the first create reached Statuspage, then Conn died before storing the answer
        server.answers(r -> r.method().equals("GET")
                ? new LoopbackServer.Answer(200, "[{\"id\":\"incX\",\"name\":\"Checkout errors\"}]")
                : new LoopbackServer.Answer(200, "{\"id\":\"incX\"}"));
        f.env.put("STATUSPAGE_KEY", "sp-secret-key");
        f.channels.put(
                "statuspage",
                ChannelClient.of(
                        ChannelSettings.statuspage(
                                "statuspage", "p1", SecretRef.env("STATUSPAGE_KEY"), server.base(), Map.of()),
                        f.secrets(),
                        f.http,
                        f.clock));
        f.sendStatus("Checkout errors", OutboxFixture.status("investigating"), "statuspage");
        long seq = f.outbox.queued().get(0).seq();
        f.crashMidSend(seq);
        OutboxDispatcher d = f.dispatcher();
        assertThat(d.recover()).hasSize(1);

        f.resend(seq); // the user's say
        d.drain(Duration.ofMinutes(1));

        assertThat(server.requests())
                .extracting(r -> r.method() + " " + r.path())
                .containsExactly("GET /v1/pages/p1/incidents/unresolved", "PATCH /v1/pages/p1/incidents/incX");
        assertThat(f.bodies(CommsEvent.MessageSent.class)).singleElement().satisfies(e -> assertThat(e.externalId())
                .contains("incX"));
    }

    @Test
    void statuspageUpdateWhoseAnswerWasLostIsNotPostedTwice() throws Exception {
        server.answers(r -> switch (r.method()) {
            case "POST" -> new LoopbackServer.Answer(201, "{\"id\":\"inc1\"}");
            case "GET" -> new LoopbackServer.Answer(
                    200, "{\"id\":\"inc1\",\"incident_updates\":[{\"id\":\"u2\",\"body\":\"Body of Identified\"}]}");
            default -> new LoopbackServer.Answer(200, "{\"id\":\"inc1\"}");
        });
        server.then(Act.ANSWER).then(Act.DROP_AFTER_BODY); // the update is applied, its answer lost
        f.env.put("STATUSPAGE_KEY", "sp-secret-key");
        f.channels.put(
                "statuspage",
                ChannelClient.of(
                        ChannelSettings.statuspage(
                                "statuspage", "p1", SecretRef.env("STATUSPAGE_KEY"), server.base(), Map.of()),
                        f.secrets(),
                        f.http,
                        f.clock));
        f.sendStatus("Checkout errors", OutboxFixture.status("investigating"), "statuspage");
        f.sendStatus("Identified", OutboxFixture.status("identified"), "statuspage");
        f.dispatcher().drain(Duration.ofMinutes(1));

        assertThat(server.requests())
                .extracting(r -> r.method() + " " + r.path())
                .containsExactly(
                        "POST /v1/pages/p1/incidents",
                        "PATCH /v1/pages/p1/incidents/inc1",
                        "GET /v1/pages/p1/incidents/inc1");
        assertThat(f.events(EventType.MESSAGE_SENT)).hasSize(2);
    }

    @Test
    void aFailureReasonThatEchoesTheWebhookPathIsStoredWithoutIt() throws Exception {
        String secretPath = "/custom/relay/T0001/B0002/zq8Xr2pLm4";
        server.answers(r -> new LoopbackServer.Answer(404, "no such hook: " + r.path()));
        slackAt(server.url(secretPath));
        f.send(Audience.RESPONDERS, "Outage", "slack-ops");
        f.dispatcher().drain(Duration.ofMinutes(1));

        assertThat(f.bodies(CommsEvent.MessageFailed.class)).singleElement().satisfies(e -> assertThat(e.reason())
                .contains("404")
                .contains("[redacted]")
                .doesNotContain("zq8Xr2pLm4")
                .doesNotContain("T0001/B0002"));
        assertThat(rows())
                .singleElement()
                .satisfies(m -> assertThat(m.lastError().orElseThrow()).doesNotContain("zq8Xr2pLm4"));
        assertThat(java.nio.file.Files.readString(
                        dir.resolve("conn.mv.db"), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("zq8Xr2pLm4");
    }
}
