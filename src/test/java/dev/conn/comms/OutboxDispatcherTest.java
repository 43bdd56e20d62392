package dev.conn.comms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.conn.comms.net.SlackWebhookClient;
import dev.conn.incident.Audience;
import dev.conn.incident.CommandRefusedException;
import dev.conn.incident.CommsEvent;
import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.StoreException;
import dev.conn.settings.SecretRef;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox against a Slack incoming webhook stub (https://api.slack.com/messaging/webhooks; its
 * errors: https://api.slack.com/changelog/2016-05-17-changes-to-errors-for-incoming-webhooks).
 */
class OutboxDispatcherTest {
    @TempDir
    Path dir;

    private OutboxFixture f;
    private ScriptedServer slack;

    @BeforeEach
    void setUp() throws IOException {
        f = new OutboxFixture(dir);
        slack = new ScriptedServer(f.clock);
        slackAt(slack.url("/services/T000/B000/XXXX"));
    }

    private void slackAt(String url) {
        if (url != null) {
            f.env.put("SLACK_OPS_URL", url);
        }
        f.channels.put(
                "slack-ops",
                new SlackWebhookClient("slack-ops", SecretRef.env("SLACK_OPS_URL"), f.secrets(), f.http, f.clock));
    }

    @AfterEach
    void tearDown() throws IOException {
        slack.close();
        f.close();
    }

    @Test
    void queuedEventAndOutboxRowCommitTogether() throws Exception {
        f.send(Audience.RESPONDERS, "Outage", "slack-ops");
        assertThat(f.events(EventType.MESSAGE_QUEUED)).hasSize(1);
        assertThat(f.outbox.queued()).hasSize(1);

        // a row the outbox cannot write (its key is taken) rolls the whole append back
        UUID taken = UUID.randomUUID();
        try (java.sql.Connection c = f.database.dataSource().getConnection();
                java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO outbox (message_id, incident_id,"
                        + " channel, author, subject, body, extras, state, attempts, next_attempt_at)"
                        + " VALUES (?, ?, 'slack-ops', 'x', 'x', 'x', '{}', 'SENT', 1, CURRENT_TIMESTAMP)")) {
            ps.setObject(1, taken);
            ps.setObject(2, f.incident.value());
            ps.executeUpdate();
        }
        StoreException e = assertThrows(
                StoreException.class,
                () -> f.comms.execute(
                        f.incident,
                        new CommsCommand.QueueMessage(
                                taken,
                                Audience.RESPONDERS,
                                List.of("slack-ops"),
                                "Twice",
                                "text",
                                null,
                                Optional.empty(),
                                Optional.empty()),
                        "Alice"));
        assertThat(e).hasMessageContaining("outbox rows cannot be written");
        assertThat(f.events(EventType.MESSAGE_QUEUED)).hasSize(1);
        assertThat(f.outbox.queued()).hasSize(1);
    }

    @Test
    void theSameChannelTwiceIsRefusedByNameAndNothingIsStored() {
        CommandRefusedException e = assertThrows(
                CommandRefusedException.class, () -> f.send(Audience.RESPONDERS, "Twice", "slack-ops", "slack-ops"));
        assertThat(e).hasMessage("Channel 'slack-ops' is chosen twice; choose each channel once");
        assertThat(f.events(EventType.MESSAGE_QUEUED)).isEmpty();
        assertThat(f.outbox.queued()).isEmpty();
    }

    @Test
    void aRetriedQueueOfTheSameMessageStoresItOnce() {
        CommsCommand.QueueMessage m = new CommsCommand.QueueMessage(
                UUID.randomUUID(),
                Audience.RESPONDERS,
                List.of("slack-ops"),
                "Outage",
                "text",
                null,
                Optional.empty(),
                Optional.empty());
        assertThat(f.comms.execute(f.incident, m, "Alice")).hasSize(1);
        assertThat(f.comms.execute(f.incident, m, "Alice"))
                .as("the retry decides nothing")
                .isEmpty();
        assertThat(f.events(EventType.MESSAGE_QUEUED)).hasSize(1);
        assertThat(f.outbox.queued()).hasSize(1);
    }

    @Test
    void deliversAndRecordsWhenTheMessageLeft() throws Exception {
        f.clock.advance(Duration.ofSeconds(5));
        f.send(Audience.RESPONDERS, "Outage", "slack-ops");
        assertThat(f.dispatcher().drain(Duration.ofMinutes(1))).isTrue();

        assertThat(slack.hits()).singleElement().satisfies(h -> assertThat(h.body())
                .isEqualTo("{\"text\":\"*Outage*\\nBody of Outage\"}"));
        Event sent = f.events(EventType.MESSAGE_SENT).get(0);
        assertThat(((CommsEvent.MessageSent) sent.body()).sentAt()).isEqualTo(f.clock.instant());
        assertThat(sent.author()).isEqualTo("Conn outbox");
        assertThat(f.outbox.waiting()).isZero();
    }

    @Test
    void rateLimitWithRetryAfterIsHonouredOnTheFakeClock() throws Exception {
        slack.then(new MockResponse()
                .setResponseCode(429)
                .setHeader("Retry-After", "7")
                .setBody("rate_limited"));
        f.send(Audience.RESPONDERS, "Outage", "slack-ops");
        f.dispatcher().drain(Duration.ofMinutes(5));

        List<ScriptedServer.Hit> hits = slack.hits();
        assertThat(hits).hasSize(2);
        assertThat(Duration.between(hits.get(0).at(), hits.get(1).at())).isEqualTo(Duration.ofSeconds(7));
        assertThat(f.events(EventType.MESSAGE_SENT)).hasSize(1);
    }

    @Test
    void serverErrorsAreRetriedWithGrowingJitteredBackoff() throws Exception {
        slack.then(new MockResponse().setResponseCode(500).setBody("rollup_error"))
                .then(new MockResponse().setResponseCode(503))
                .then(new MockResponse().setResponseCode(502));
        f.send(Audience.RESPONDERS, "Outage", "slack-ops");
        f.dispatcher().drain(Duration.ofMinutes(5));

        List<ScriptedServer.Hit> hits = slack.hits();
        assertThat(hits).hasSize(4);
        Backoff b = Backoff.standard(new java.util.Random());
        for (int i = 1; i < hits.size(); i++) {
            Duration gap = Duration.between(hits.get(i - 1).at(), hits.get(i).at());
            // full jitter stays under the ceiling, but never under Slack's 1 s per webhook
            assertThat(gap).isLessThanOrEqualTo(b.ceiling(i).plusSeconds(1));
            assertThat(gap).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
        assertThat(f.events(EventType.MESSAGE_SENT)).hasSize(1);
        assertThat(f.events(EventType.MESSAGE_FAILED)).isEmpty();
    }

    @Test
    void terminalSlackErrorIsReportedNotRetriedAndTheNextMessageStillGoes() throws Exception {
        slack.then(new MockResponse().setResponseCode(404).setBody("channel_not_found"));
        f.send(Audience.RESPONDERS, "First", "slack-ops");
        f.send(Audience.RESPONDERS, "Second", "slack-ops");
        f.dispatcher().drain(Duration.ofMinutes(5));

        assertThat(slack.hits()).hasSize(2);
        assertThat(f.bodies(CommsEvent.MessageFailed.class))
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("404").contains("channel_not_found"));
        assertThat(f.events(EventType.MESSAGE_SENT)).hasSize(1);
    }

    @Test
    void clientSideRateLimitKeepsOneMessagePerSecondPerWebhook() throws Exception {
        for (int i = 0; i < 5; i++) {
            f.send(Audience.RESPONDERS, "Update " + i, "slack-ops");
        }
        f.dispatcher().drain(Duration.ofMinutes(5));
        List<ScriptedServer.Hit> hits = slack.hits();
        assertThat(hits)
                .extracting(ScriptedServer.Hit::body)
                .containsExactly(
                        body("Update 0"), body("Update 1"), body("Update 2"), body("Update 3"), body("Update 4"));
        for (int i = 1; i < hits.size(); i++) {
            assertThat(Duration.between(hits.get(i - 1).at(), hits.get(i).at()))
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
    }

    @Test
    void connectionDroppedAfterSlackReadTheRequestLeavesItDeliveryUnknown() throws Exception {
        // Slack read the whole post and hung up before answering: it may have shown the message,
        // and it cannot de-duplicate, so the user decides (Resend or Mark sent), as after a crash
        slack.then(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        f.send(Audience.RESPONDERS, "Outage", "slack-ops");
        f.send(Audience.RESPONDERS, "Next", "slack-ops");
        f.dispatcher().drain(Duration.ofMinutes(5));

        assertThat(f.outbox.unknown()).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("Outage");
            assertThat(m.lastError().orElseThrow()).contains("may have arrived");
        });
        assertThat(f.events(EventType.MESSAGE_DELIVERY_UNKNOWN)).hasSize(1);
        assertThat(slack.hits())
                .as("the next message still goes; the unknown one is not repeated")
                .extracting(ScriptedServer.Hit::body)
                .containsExactly(body("Outage"), body("Next"));
        assertThat(f.events(EventType.MESSAGE_SENT)).hasSize(1);
    }

    @Test
    void serverDownThenBackDeliversEveryMessageOnceInOrder() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort(); // nothing listens here once closed
        }
        slackAt("http://127.0.0.1:" + port + "/services/T000/B000/XXXX");
        for (int i = 0; i < 3; i++) {
            f.send(Audience.RESPONDERS, "Update " + i, "slack-ops");
        }
        OutboxDispatcher d = f.dispatcher();
        for (int i = 0; i < 4; i++) {
            Optional<Duration> wait = d.runOnce();
            f.clock.advance(wait.orElseThrow());
        }
        assertThat(d.offline()).isTrue();
        assertThat(f.outbox.waiting()).isEqualTo(3);
        assertThat(f.events(EventType.MESSAGE_FAILED)).isEmpty();

        try (ScriptedServer back = new ScriptedServer(f.clock, port)) {
            assertThat(d.drain(Duration.ofMinutes(10))).isTrue();
            assertThat(back.hits())
                    .extracting(ScriptedServer.Hit::body)
                    .containsExactly(body("Update 0"), body("Update 1"), body("Update 2"));
        }
        assertThat(d.offline()).isFalse();
        assertThat(f.events(EventType.MESSAGE_SENT)).hasSize(3);
    }

    @Test
    void aSendInterruptedByACrashWaitsForTheUsersDecision() throws Exception {
        UUID id = f.send(Audience.RESPONDERS, "Outage", "slack-ops");
        long seq = f.outbox.queued().get(0).seq();
        f.crashMidSend(seq); // as if Conn died after the request left

        OutboxDispatcher after = f.dispatcher();
        assertThat(after.recover()).hasSize(1);
        assertThat(after.drain(Duration.ofMinutes(1))).isTrue();
        assertThat(slack.hits()).as("not sent again without the user's say").isEmpty();
        assertThat(f.events(EventType.MESSAGE_DELIVERY_UNKNOWN)).singleElement().satisfies(e -> assertThat(
                        ((CommsEvent.MessageDeliveryUnknown) e.body()).messageId())
                .isEqualTo(id.toString()));
        assertThat(f.outbox.unknown()).hasSize(1);

        f.resend(seq);
        after.drain(Duration.ofMinutes(1));
        assertThat(slack.hits()).hasSize(1);
        assertThat(f.events(EventType.MESSAGE_SENT)).hasSize(1);
    }

    @Test
    void theUserCanMarkAnUnknownDeliverySent() {
        f.send(Audience.RESPONDERS, "Outage", "slack-ops");
        long seq = f.outbox.queued().get(0).seq();
        f.crashMidSend(seq);
        f.dispatcher().recover();

        f.markSent(seq);
        assertThat(f.outbox.unknown()).isEmpty();
        assertThat(f.bodies(CommsEvent.MessageSent.class)).singleElement().satisfies(e -> assertThat(e.markedByUser())
                .contains(true));
        assertThat(slack.hits()).isEmpty();
    }

    @Test
    void anUnresolvableSecretWaitsAndNamesTheReferenceNotTheSecret() throws Exception {
        f.env.remove("SLACK_OPS_URL");
        slackAt(null);
        f.send(Audience.RESPONDERS, "Outage", "slack-ops");
        OutboxDispatcher d = f.dispatcher();
        d.runOnce();
        assertThat(f.outbox.queued())
                .singleElement()
                .satisfies(m -> assertThat(m.lastError().orElseThrow()).contains("SLACK_OPS_URL"));
    }

    private static String body(String subject) {
        return "{\"text\":\"*" + subject + "*\\nBody of " + subject + "\"}";
    }
}
