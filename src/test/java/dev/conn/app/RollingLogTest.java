package dev.conn.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RollingLogTest {
    @TempDir
    Path dataDir;

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "POST failed, Authorization: Bearer abcdefgh12345678 | Authorization: [redacted]",
                "header authorization=Basic dXNlcjpwYXNz | authorization=[redacted]",
                "sent to https://hooks.slack.com/services/T0001/B0001/XXXXXXXXXXXXXXXX: 404 | sent to https://hooks.slack.com/[redacted] 404",
                "teams https://acme.webhook.office.com/webhookb2/abc@def/IncomingWebhook/123/456 | https://acme.webhook.office.com/[redacted]",
                "generic https://ops.example.com/api/hooks/9f8e7d6c5b4a | https://ops.example.com/[redacted]",
                "query https://api.example.com/v1/query?api_key=0123456789abcdef&query=up | https://api.example.com/v1/query?[redacted]",
                "url https://bob:hunter2@smtp.example.com/ | https://[redacted]@smtp.example.com/",
                "config {\"token\": \"s3cr3t-t0ken\"} | {\"token\": \"[redacted]\"}",
                "smtp password=hunter2 rejected | password=[redacted] rejected",
                "slack token xoxb-1234-5678-abcdef used | slack token [redacted] used",
                "DD key 0123456789abcdef0123456789abcdef! | DD key [redacted]!"
            })
    void secretLookingValuesAreRedacted(String line, String expected) {
        assertThat(LogRedactor.redact(line)).contains(expected);
    }

    @Test
    void idsAndOrdinaryTextStay() {
        String line = "recorded event 0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b for incident Checkout errors in EU";

        assertThat(LogRedactor.redact(line)).isEqualTo(line);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "POST Hooks.Slack.com/services/T1/B1/Leak0001secret failed | Hooks.Slack.com/[redacted]",
                "POST HTTP://ops.example.com/hooks/Leak0002secret failed | HTTP://ops.example.com/[redacted]",
                "echoed hooks.slack.com/services/T1/B1/Leak0003secret | hooks.slack.com/[redacted]",
                "POST discord.com/api/webhooks/1/Leak0004secret failed | discord.com/api/webhooks/[redacted]",
                "POST https://discordapp.com/api/webhooks/1/Leak0005secret | https://discordapp.com/[redacted]",
            })
    void theCasesOfFinding8AreRedactedInTheLogToo(String line, String expected) {
        assertThat(LogRedactor.redact(line)).contains(expected).doesNotContain("Leak000");
    }

    @Test
    void aResolvedSecretThatMatchesNoPatternNeverReachesTheLogFileNorTheConsole() throws Exception {
        dev.conn.platform.secrets.KnownSecrets known = new dev.conn.platform.secrets.KnownSecrets();
        known.remember("https://chat.example.org/api/v4/notify/Zq81kLmN0pQ");
        Path folder = RollingLog.install(dataDir, known);
        java.util.logging.ConsoleHandler console = new java.util.logging.ConsoleHandler();
        Logger.getLogger("").addHandler(console);
        try {
            RollingLog.redactConsole(known);
            String line = "delivery failed: 404 /api/v4/notify/Zq81kLmN0pQ not found";
            Logger.getLogger("dev.conn.test").log(Level.WARNING, line);

            assertThat(Files.readString(folder.resolve("conn.log.0")))
                    .contains("delivery failed: 404 [redacted] not found")
                    .doesNotContain("Zq81kLmN0pQ");
            assertThat(console.getFormatter().format(new java.util.logging.LogRecord(Level.WARNING, line)))
                    .contains("404 [redacted] not found")
                    .doesNotContain("Zq81kLmN0pQ");
        } finally {
            Logger.getLogger("").removeHandler(console);
        }
    }

    @Test
    void theLogFileIsInTheDataDirectoryAndHoldsNoSecret() throws Exception {
        Path folder = RollingLog.install(dataDir);
        Logger.getLogger("dev.conn.test")
                .log(Level.WARNING, "delivery failed to https://hooks.slack.com/services/T1/B2/SECRETSECRET");

        Path file = folder.resolve("conn.log.0");
        assertThat(folder).isEqualTo(dataDir.resolve("logs"));
        String log = Files.readString(file);
        assertThat(log).contains("delivery failed to https://hooks.slack.com/[redacted]");
        assertThat(log).doesNotContain("SECRETSECRET");
    }
}
