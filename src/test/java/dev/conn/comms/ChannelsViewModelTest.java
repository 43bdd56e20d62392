package dev.conn.comms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.conn.comms.net.ChannelClient;
import dev.conn.comms.ui.ChannelsViewModel;
import dev.conn.incident.Audience;
import dev.conn.platform.fx.DirectTaskRunner;
import dev.conn.settings.ChannelSettings;
import dev.conn.settings.PolicyFile;
import dev.conn.settings.SecretRef;
import dev.conn.settings.SecretResolver;
import dev.conn.settings.Settings;
import dev.conn.settings.SettingsFile;
import dev.conn.settings.ui.SettingsViewModel;
import dev.conn.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The channels editor's model: "Send test" outcomes and saving references, never secrets. */
class ChannelsViewModelTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T09:00:00Z"));
    private ScriptedServer server;
    private ChannelsViewModel model;
    private SettingsFile file;

    @BeforeEach
    void setUp() throws Exception {
        server = new ScriptedServer(clock);
        file = new SettingsFile(dir);
        SecretResolver secrets = new SecretResolver(
                Map.of("SLACK_URL", server.url("/services/T/B/X"), "SP_KEY", "sp-secret"),
                SecretResolver.SecretStore.unavailable());
        DirectTaskRunner tasks = new DirectTaskRunner();
        model = new ChannelsViewModel(
                new SettingsViewModel(Settings.defaults(), file, PolicyFile.defaults(), tasks),
                ChannelClient.factory(secrets, clock),
                tasks,
                clock);
    }

    @AfterEach
    void tearDown() throws Exception {
        server.close();
    }

    private String test(ChannelSettings c) {
        AtomicReference<String> out = new AtomicReference<>();
        model.sendTest(c, out::set);
        return out.get();
    }

    private static ChannelSettings slack() {
        return ChannelSettings.webhook(
                "slack-ops", ChannelSettings.Type.SLACK, Audience.RESPONDERS, SecretRef.env("SLACK_URL"));
    }

    @Test
    void sendTestReportsSentAndTheSlackErrorByName() {
        assertThat(test(slack())).isEqualTo("Sent");
        assertThat(server.hits().get(0).body()).contains("Conn test message");

        server.then(new MockResponse().setResponseCode(404).setBody("channel_not_found"));
        assertThat(test(slack())).startsWith("Failed:").contains("channel_not_found");
    }

    @Test
    void statuspageTestOnlyReadsThePage() {
        server.then(new MockResponse().setBody("{\"id\":\"p1\"}"));
        assertThat(test(ChannelSettings.statuspage("sp", "p1", SecretRef.env("SP_KEY"), server.url("/"), Map.of())))
                .isEqualTo("Sent");
        assertThat(server.hits()).extracting(h -> h.method() + " " + h.path()).containsExactly("GET /v1/pages/p1");
    }

    @Test
    void aChannelMissingItsUrlIsRefusedNamingTheField() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> model.put(
                        ChannelSettings.webhook("slack-ops", ChannelSettings.Type.SLACK, Audience.RESPONDERS, null)));
        assertThat(e.getMessage()).contains("slack-ops").contains("url");
    }

    @Test
    void savingWritesReferencesNotSecrets() throws Exception {
        model.put(slack());
        model.save(msg -> {
            throw new AssertionError(msg);
        });
        String json = Files.readString(dir.resolve(SettingsFile.NAME));
        assertThat(json).contains("env:SLACK_URL");
        assertThat(file.read().channelsOrEmpty()).containsExactly(slack());
    }
}
