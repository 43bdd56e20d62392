package dev.conn.comms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.comms.ui.CommsText;
import dev.conn.incident.Audience;
import dev.conn.incident.IncidentState;
import dev.conn.incident.Severity;
import dev.conn.testing.Events;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageTemplatesTest {
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    @TempDir
    Path dir;

    private final IncidentState sev1 =
            IncidentState.fold(List.of(Events.declared(Events.newIncident(), T0, Severity.SEV1, "Alice")));

    @Test
    void defaultsAreInstalledAndFillFromTheIncident() {
        MessageTemplates templates = new MessageTemplates(dir);
        templates.installDefaultsIfMissing();
        List<MessageTemplates.Template> all = templates.load();
        assertThat(all)
                .extracting(MessageTemplates.Template::name)
                .containsExactlyElementsOf(MessageTemplates.DEFAULTS);

        MessageTemplates.Template initial = all.get(0).fill(sev1, Optional.of(T0.plus(Duration.ofMinutes(30))));
        assertThat(initial.audience()).isEqualTo(Audience.RESPONDERS);
        assertThat(initial.subject()).isEqualTo("[SEV1] Checkout errors");
        assertThat(initial.body()).contains("Incident commander: Alice").contains("Next update at 09:30 UTC");

        MessageTemplates.Template investigating = all.get(1);
        assertThat(investigating.audience()).isEqualTo(Audience.STATUS_PAGE);
        assertThat(investigating.status()).contains("investigating");
    }

    @Test
    void anEditedTemplateIsKeptAndUsed() throws Exception {
        MessageTemplates templates = new MessageTemplates(dir);
        templates.installDefaultsIfMissing();
        Files.writeString(
                dir.resolve("templates/can-report.txt"),
                "Audience: STAKEHOLDERS\nSubject: CAN {{severity}}\n\nOur own text");
        templates.installDefaultsIfMissing();
        MessageTemplates.Template can = templates.load().stream()
                .filter(t -> t.name().equals("can-report"))
                .findFirst()
                .orElseThrow()
                .fill(sev1, Optional.empty());
        assertThat(can.subject()).isEqualTo("CAN SEV1");
        assertThat(can.body()).isEqualTo("Our own text");
        assertThat(can.audience()).isEqualTo(Audience.STAKEHOLDERS);
    }

    @Test
    void backoffIsFullJitterUnderADoublingCappedCeiling() {
        Backoff b = Backoff.standard(new Random(1));
        assertThat(b.ceiling(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(b.ceiling(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(b.ceiling(20)).isEqualTo(Duration.ofSeconds(60));
        for (int attempt = 1; attempt < 12; attempt++) {
            for (int i = 0; i < 50; i++) {
                Duration d = b.delay(attempt);
                assertThat(d).isBetween(Duration.ZERO, b.ceiling(attempt));
            }
        }
    }

    @Test
    void countdownAndStatusTextsReadAsTheUserSeesThem() {
        assertThat(CommsText.countdownText(Duration.ofSeconds(299))).isEqualTo("4:59");
        assertThat(CommsText.countdownText(Duration.ofSeconds(-190))).isEqualTo("3:10 overdue");
        java.time.Instant due = java.time.Instant.parse("2026-12-05T19:12:00Z");
        assertThat(CommsText.dueText(Duration.ofSeconds(716), due, dev.conn.comms.AudienceCountdown.Basis.PROMISED))
                .isEqualTo("in 11:56 (promised 19:12 UTC)");
        assertThat(CommsText.dueText(Duration.ofSeconds(-9), due, dev.conn.comms.AudienceCountdown.Basis.HANDOFF))
                .isEqualTo("0:09 overdue (due at the hand-off of command, 19:12 UTC)");
        assertThat(CommsText.dueText(Duration.ofMinutes(64), due, false)).isEqualTo("in 1:04:00 (due 19:12 UTC)");
        assertThat(CommsText.waitingText(3, true)).isEqualTo("3 messages waiting (offline)");
        assertThat(CommsText.waitingText(1, false)).isEqualTo("1 message waiting");
        assertThat(CommsText.waitingText(0, true)).isEmpty();
    }
}
