package dev.conn.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conn.settings.ImpactSettings;
import dev.conn.settings.MonitoringSource;
import dev.conn.settings.SecretRef;
import dev.conn.settings.SettingsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImpactSettingsTest {
    @TempDir
    Path dir;

    @Test
    void sourcesSurviveTheSettingsFileWithReferencesNotSecrets() throws Exception {
        SettingsFile file = new SettingsFile(dir);
        MonitoringSource prom = MonitoringSource.prometheus("prod", "prod Prometheus", "https://prom.example.com")
                .withAuth(MonitoringSource.Auth.BEARER, null, SecretRef.env("PROM_TOKEN"))
                .withScrapeIntervalSeconds(30);
        MonitoringSource dd = MonitoringSource.datadog(
                "dd",
                "Datadog",
                "https://api.datadoghq.eu",
                SecretRef.env("DD_API_KEY"),
                SecretRef.keyring("conn-dd-app"));
        file.save(file.read()
                .withImpact(
                        ImpactSettings.defaults().withSources(List.of(prom, dd)).withRefreshSeconds(60)));

        ImpactSettings back = new SettingsFile(dir).read().impactSettings();
        assertThat(back.sources()).containsExactly(prom, dd);
        assertThat(back.refreshSeconds()).isEqualTo(60);
        assertThat(Files.readString(file.path())).contains("\"env:PROM_TOKEN\"", "\"keyring:conn-dd-app\"");
    }

    @Test
    void defaultsAreNoSourcesAndThirtySeconds() {
        assertThat(new SettingsFile(dir).read().impactSettings()).isEqualTo(new ImpactSettings(List.of(), 30));
    }

    @Test
    void repeatedIdsAndBadUrlsAreNamed() {
        MonitoringSource a = MonitoringSource.prometheus("prod", "a", "http://a");
        assertThatThrownBy(() -> new ImpactSettings(List.of(a, a), null)).hasMessageContaining("'prod' is used twice");
        assertThatThrownBy(() -> MonitoringSource.prometheus("prod", "a", "prom:9090"))
                .hasMessageContaining("baseUrl: start the URL with https:// or http://");
    }
}
