package dev.conn.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.incident.Declaration;
import dev.conn.incident.EventStore;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.incident.Payload;
import dev.conn.incident.Severity;
import dev.conn.platform.db.Database;
import dev.conn.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SecretScrubberTest {
    private static final String SLACK = "https://hooks.slack.com/services/T000/B000/XXXXsecretXXXX";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(PostmortemExports.Format.class)
    void noExportHoldsASecretButReferencesStay(PostmortemExports.Format format) {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-21T12:00:00Z"));
        try (Database db = Database.open(dir)) {
            IncidentService s = new IncidentService(EventStore.jdbc(db.dataSource()), clock);
            IncidentId id = s.declare(
                            new Declaration("Leak test", Severity.SEV2, "", Optional.empty(), "alice"), "alice")
                    .incidentId();
            s.record(
                    id,
                    EventType.MESSAGE_FAILED,
                    Payload.of(
                            "text",
                            "POST " + SLACK + " failed",
                            "apiToken",
                            "sk-live-123",
                            "webhookUrl",
                            "env:SLACK_WEBHOOK"),
                    Optional.empty(),
                    "alice");

            String out = new String(
                    new PostmortemExports(s, MetricSeriesArchive.none(), clock).export(id, format),
                    StandardCharsets.UTF_8);

            assertThat(out).doesNotContain("XXXXsecretXXXX").doesNotContain("sk-live-123");
            if (format == PostmortemExports.Format.JSON) {
                assertThat(out).contains("env:SLACK_WEBHOOK").contains("hooks.slack.com/[redacted]");
            }
        }
    }

    @Test
    void scrubbingIsIdempotent() {
        String once = SecretScrubber.scrubText("see " + SLACK);
        assertThat(SecretScrubber.scrubText(once)).isEqualTo(once).isEqualTo("see https://hooks.slack.com/[redacted]");
    }
}
