package dev.conn.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.incident.CommsEvent;
import dev.conn.incident.Declaration;
import dev.conn.incident.Event;
import dev.conn.incident.EventStore;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.incident.Severity;
import dev.conn.platform.db.Database;
import dev.conn.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
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
            // a failure recorded with fields this version does not know (a newer Conn's, say): kept
            // as stored, and scrubbed by field name and value on the way out
            com.fasterxml.jackson.databind.node.ObjectNode payload =
                    com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            payload.put("messageId", "m1")
                    .put("channel", "slack")
                    .put("reason", "POST " + SLACK + " failed")
                    .put("apiToken", "sk-live-123")
                    .put("webhookUrl", "env:SLACK_WEBHOOK");
            s.importEvents(List.of(Event.stored(
                    Event.newId(),
                    id,
                    clock.instant(),
                    clock.instant(),
                    "alice",
                    EventType.MESSAGE_FAILED,
                    payload.toString())));

            String out = new String(
                    new PostmortemExports(
                                    s, MetricSeriesArchive.none(), clock, dev.conn.platform.secrets.KnownSecrets::new)
                            .export(id, format),
                    StandardCharsets.UTF_8);

            assertThat(out).doesNotContain("XXXXsecretXXXX").doesNotContain("sk-live-123");
            if (format == PostmortemExports.Format.JSON) {
                assertThat(out).contains("env:SLACK_WEBHOOK").contains("hooks.slack.com/[redacted]");
            }
        }
    }

    /** Each case of issue 11, finding 8, plus a value no pattern knows, in every export format. */
    private static final List<String> LEAKS = List.of(
            "Hooks.Slack.com/services/T1/B1/Leak0001secret",
            "HTTP://hooks.slack.com/services/T1/B1/Leak0002secret",
            "hooks.slack.com/services/T1/B1/Leak0003secret",
            "https://discord.com/api/webhooks/123/Leak0004secret",
            "https://discordapp.com/api/webhooks/123/Leak0005secret",
            "xoxb-1111-2222-Leak0006secret",
            "https://bob:Leak0007secret@smtp.example.com/",
            "https://chat.example.org/api/v4/notify/Leak0008secret");

    @ParameterizedTest
    @EnumSource(PostmortemExports.Format.class)
    void noExportHoldsAnyCaseOfFinding8NorAKnownValueNorAWebhookInACachedMetricQuery(PostmortemExports.Format format)
            throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-21T12:00:00Z"));
        dev.conn.platform.secrets.KnownSecrets known = new dev.conn.platform.secrets.KnownSecrets();
        known.remember("https://chat.example.org/api/v4/notify/Leak0008secret");
        com.fasterxml.jackson.databind.JsonNode series = dev.conn.platform.json.Json.newMapper()
                .readTree("{\"queryId\":\"q1\",\"sourceKind\":\"PROMETHEUS\","
                        + "\"query\":\"probe_success{instance=\\\"https://hooks.slack.com/services/T9/B9/Leak0009secret\\\"}\","
                        + "\"from\":\"2026-11-21T11:00:00Z\",\"to\":\"2026-11-21T12:00:00Z\","
                        + "\"fetchedAt\":\"2026-11-21T12:00:00Z\",\"raw\":{\"data\":{\"result\":[{\"metric\":"
                        + "{\"instance\":\"HTTPS://Discord.com/api/webhooks/9/Leak0010secret\"}}]}}}");
        MetricSeriesArchive archive = new MetricSeriesArchive() {
            @Override
            public java.util.List<com.fasterxml.jackson.databind.JsonNode> list(IncidentId incident) {
                return java.util.List.of(series);
            }

            @Override
            public void restore(IncidentId incident, java.util.List<com.fasterxml.jackson.databind.JsonNode> s) {}
        };
        try (Database db = Database.open(dir)) {
            IncidentService s = new IncidentService(EventStore.jdbc(db.dataSource()), clock);
            IncidentId id = s.declare(
                            new Declaration("Leak test", Severity.SEV2, "", Optional.empty(), "alice"), "alice")
                    .incidentId();
            for (String leak : LEAKS) {
                s.importEvents(List.of(Typed.event(
                        id,
                        clock.instant(),
                        new CommsEvent.MessageFailed("m-" + leak.length(), "ops", "404 " + leak + " not found"))));
                Typed.note(s, id, "pasted " + leak, "alice");
            }

            String out = new String(
                    new PostmortemExports(s, archive, clock, () -> known).export(id, format), StandardCharsets.UTF_8);

            assertThat(out).doesNotContainIgnoringCase("secret").contains("redacted");
            assertThat(out.split("redacted", -1)).hasSizeGreaterThan(2 * LEAKS.size());
            if (format == PostmortemExports.Format.JSON) {
                assertThat(out).contains("probe_success").contains("hooks.slack.com/[redacted]");
            }
        }
    }

    @Test
    void scrubbingIsIdempotent() {
        SecretScrubber scrubber = new SecretScrubber(new dev.conn.platform.secrets.KnownSecrets());
        String once = scrubber.scrubText("see " + SLACK);
        assertThat(scrubber.scrubText(once)).isEqualTo(once).isEqualTo("see https://hooks.slack.com/[redacted]");
    }
}
