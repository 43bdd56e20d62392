package dev.conn.comms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.conn.comms.net.ChannelClient;
import dev.conn.incident.Audience;
import dev.conn.incident.CommsEvent;
import dev.conn.incident.CommsEvent.MessageExtras;
import dev.conn.incident.EventType;
import dev.conn.settings.ChannelSettings;
import dev.conn.settings.SecretRef;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Teams (https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook),
 * a JSON webhook, Statuspage (https://developer.statuspage.io/) against MockWebServer, and e-mail
 * through GreenMail's real SMTP server.
 */
class ChannelClientsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @TempDir
    Path dir;

    private OutboxFixture f;
    private ScriptedServer server;

    @BeforeEach
    void setUp() throws IOException {
        f = new OutboxFixture(dir);
        server = new ScriptedServer(f.clock);
    }

    @AfterEach
    void tearDown() throws IOException {
        server.close();
        f.close();
    }

    private void channel(ChannelSettings s) {
        f.channels.put(s.id(), ChannelClient.of(s, f.secrets(), f.http, f.clock));
    }

    private void statuspage() {
        f.env.put("STATUSPAGE_KEY", "sp-secret-key");
        channel(ChannelSettings.statuspage(
                "statuspage", "p1", SecretRef.env("STATUSPAGE_KEY"), server.url("/"), Map.of("Checkout", "cmp9")));
    }

    private static MessageExtras status(String s) {
        return new MessageExtras(Optional.of(s), Optional.of("major"), Map.of("Checkout", "major_outage"));
    }

    @Test
    void teamsGetsAnAdaptiveCard() throws Exception {
        f.env.put("TEAMS_URL", server.url("/webhookb2/abc"));
        channel(ChannelSettings.webhook(
                "teams", ChannelSettings.Type.TEAMS, Audience.STAKEHOLDERS, SecretRef.env("TEAMS_URL")));
        f.send(Audience.STAKEHOLDERS, "Checkout degraded", "teams");
        f.dispatcher().drain(Duration.ofMinutes(1));

        JsonNode card = JSON.readTree(server.hits().get(0).body());
        assertThat(card.path("type").asText()).isEqualTo("message");
        JsonNode att = card.path("attachments").get(0);
        assertThat(att.path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(att.path("content").path("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(att.path("content").path("body").get(0).path("text").asText())
                .isEqualTo("Checkout degraded");
        assertThat(f.events(EventType.MESSAGE_SENT)).hasSize(1);
    }

    @Test
    void jsonWebhookSendsTheSameIdempotencyKeyOnEveryRetry() throws Exception {
        f.env.put("HOOK_URL", server.url("/hook"));
        channel(ChannelSettings.webhook(
                "hook", ChannelSettings.Type.WEBHOOK, Audience.RESPONDERS, SecretRef.env("HOOK_URL")));
        server.then(new MockResponse().setResponseCode(503)).then(new MockResponse().setResponseCode(500));
        var id = f.send(Audience.RESPONDERS, "Outage", "hook");
        f.dispatcher().drain(Duration.ofMinutes(5));

        assertThat(server.hits())
                .hasSize(3)
                .extracting(ScriptedServer.Hit::idempotencyKey)
                .containsOnly(id + ":hook");
        assertThat(JSON.readTree(server.hits().get(2).body()).path("subject").asText())
                .isEqualTo("Outage");
    }

    @Test
    void statuspageCreatesTheIncidentOnceThenUpdatesIt() throws Exception {
        statuspage();
        server.then(
                new MockResponse().setResponseCode(201).setBody("{\"id\":\"inc123\",\"name\":\"Checkout errors\"}"));
        f.sendStatus("Checkout errors", status("investigating"), "statuspage");
        f.sendStatus("Checkout errors", status("identified"), "statuspage");
        f.dispatcher().drain(Duration.ofMinutes(1));

        List<ScriptedServer.Hit> hits = server.hits();
        assertThat(hits).extracting(ScriptedServer.Hit::method).containsExactly("POST", "PATCH");
        assertThat(hits.get(0).path()).isEqualTo("/v1/pages/p1/incidents");
        assertThat(hits.get(1).path()).isEqualTo("/v1/pages/p1/incidents/inc123");
        assertThat(hits.get(0).authorization()).isEqualTo("OAuth sp-secret-key");
        JsonNode created = JSON.readTree(hits.get(0).body()).path("incident");
        assertThat(created.path("name").asText()).isEqualTo("Checkout errors");
        assertThat(created.path("status").asText()).isEqualTo("investigating");
        assertThat(created.path("impact_override").asText()).isEqualTo("major");
        assertThat(created.path("components").path("cmp9").asText()).isEqualTo("major_outage");
        assertThat(JSON.readTree(hits.get(1).body())
                        .path("incident")
                        .path("status")
                        .asText())
                .isEqualTo("identified");
        assertThat(f.bodies(CommsEvent.MessageSent.class).get(0).externalId()).contains("inc123");
        assertThat(f.events(EventType.MESSAGE_SENT).toString()).doesNotContain("sp-secret-key");
    }

    @Test
    void statuspageRateLimit420HonoursRetryAfter() throws Exception {
        statuspage();
        server.then(new MockResponse().setResponseCode(420).setHeader("Retry-After", "12"))
                .then(new MockResponse().setResponseCode(201).setBody("{\"id\":\"inc1\"}"));
        f.sendStatus("Checkout errors", status("investigating"), "statuspage");
        f.dispatcher().drain(Duration.ofMinutes(1));

        List<ScriptedServer.Hit> hits = server.hits();
        assertThat(hits).hasSize(2);
        assertThat(Duration.between(hits.get(0).at(), hits.get(1).at())).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void statuspage401IsTerminal() throws Exception {
        statuspage();
        server.then(new MockResponse().setResponseCode(401).setBody("{\"error\":\"Unauthorized\"}"));
        f.sendStatus("Checkout errors", status("investigating"), "statuspage");
        f.dispatcher().drain(Duration.ofMinutes(1));

        assertThat(server.hits()).hasSize(1);
        assertThat(f.bodies(CommsEvent.MessageFailed.class))
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("401").doesNotContain("sp-secret-key"));
    }

    @Test
    void anUnclearCreateIsAdoptedOnRetryNotCreatedTwice() throws Exception {
        statuspage();
        // the create reaches Statuspage, but the answer is lost
        server.then(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST))
                .then(new MockResponse().setBody("[{\"id\":\"incX\",\"name\":\"Checkout errors\"}]"))
                .then(new MockResponse().setBody("{\"id\":\"incX\"}"));
        f.sendStatus("Checkout errors", status("investigating"), "statuspage");
        f.dispatcher().drain(Duration.ofMinutes(1));

        List<ScriptedServer.Hit> hits = server.hits();
        assertThat(hits)
                .extracting(h -> h.method() + " " + h.path())
                .containsExactly(
                        "POST /v1/pages/p1/incidents",
                        "GET /v1/pages/p1/incidents/unresolved",
                        "PATCH /v1/pages/p1/incidents/incX");
        assertThat(f.bodies(CommsEvent.MessageSent.class).get(0).externalId()).contains("incX");
    }

    @Test
    void emailReachesEveryRecipientWithSubjectAndBody() throws Exception {
        smtp.setUser("conn@example.com", "conn", "smtp-secret");
        f.env.put("SMTP_PASSWORD", "smtp-secret");
        channel(ChannelSettings.email(
                "mail-execs",
                Audience.STAKEHOLDERS,
                "127.0.0.1",
                ServerSetupTest.SMTP.getPort(),
                ChannelSettings.Security.NONE,
                "conn",
                SecretRef.env("SMTP_PASSWORD"),
                "conn@example.com",
                List.of("cto@example.com", "vp@example.com")));
        f.send(Audience.STAKEHOLDERS, "SEV1: checkout errors", "mail-execs");
        f.dispatcher().drain(Duration.ofMinutes(1));

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2); // one copy per recipient mailbox
        assertThat(received[0].getSubject()).isEqualTo("SEV1: checkout errors");
        assertThat(((String) received[0].getContent()).strip()).isEqualTo("Body of SEV1: checkout errors");
        assertThat(List.of(received[0].getAllRecipients()))
                .extracting(Object::toString)
                .containsExactlyInAnyOrder("cto@example.com", "vp@example.com");
        assertThat(received[0].getMessageID()).endsWith(".mail-execs@conn>");
        assertThat(f.events(EventType.MESSAGE_SENT)).hasSize(1);
    }

    @Test
    void emailWithAWrongPasswordFailsForGood() throws Exception {
        smtp.setUser("conn@example.com", "conn", "smtp-secret");
        f.env.put("SMTP_PASSWORD", "wrong");
        channel(ChannelSettings.email(
                "mail-execs",
                Audience.STAKEHOLDERS,
                "127.0.0.1",
                ServerSetupTest.SMTP.getPort(),
                ChannelSettings.Security.NONE,
                "conn",
                SecretRef.env("SMTP_PASSWORD"),
                "conn@example.com",
                List.of("cto@example.com")));
        f.send(Audience.STAKEHOLDERS, "SEV1", "mail-execs");
        f.dispatcher().drain(Duration.ofMinutes(1));

        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(f.bodies(CommsEvent.MessageFailed.class))
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("password").doesNotContain("wrong"));
    }
}
