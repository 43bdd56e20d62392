package dev.conn.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.incident.Audience;
import dev.conn.platform.secrets.KnownSecrets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An export scrubs configured secrets by value even before this run used them. */
class RememberConfiguredSecretsTest {
    @Test
    void everyConfiguredReferenceThatResolvesIsKnownAndTheOthersAreSkipped() {
        KnownSecrets known = new KnownSecrets();
        SecretResolver resolver = new SecretResolver(
                Map.of(
                        "HOOK_URL", "https://chat.example.org/api/v4/notify/Zq81kLmN0pQ",
                        "DD_API_KEY", "dd-api-key-value-1"),
                SecretResolver.SecretStore.unavailable(),
                known);
        Settings settings = Settings.defaults()
                .withChannels(List.of(
                        ChannelSettings.webhook(
                                "hook", ChannelSettings.Type.WEBHOOK, Audience.RESPONDERS, SecretRef.env("HOOK_URL")),
                        ChannelSettings.webhook(
                                "unset", ChannelSettings.Type.SLACK, Audience.RESPONDERS, SecretRef.env("NOT_SET"))))
                .withImpact(new ImpactSettings(
                        List.of(MonitoringSource.datadog(
                                "dd",
                                "Datadog",
                                "https://api.datadoghq.com",
                                SecretRef.env("DD_API_KEY"),
                                SecretRef.keyring("dd-app"))),
                        30));

        resolver.rememberConfigured(settings);

        assertThat(known.scrubValues("404 /api/v4/notify/Zq81kLmN0pQ and key dd-api-key-value-1"))
                .isEqualTo("404 [redacted] and key [redacted]");
    }
}
