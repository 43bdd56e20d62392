package dev.conn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.conn.platform.secrets.KnownSecrets;
import dev.conn.settings.SecretResolver;
import dev.conn.testing.MutableClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export scrubs what settings.json configures even when the file does not parse: one trailing
 * comma made the CLI skip every secret value, and a webhook URL pasted into a note was exported in
 * clear with exit code 0.
 */
class SecretsWithBrokenSettingsTest {
    @TempDir
    Path tmp;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T09:00:00Z"));
    private String out = "";

    private int conn(Path dir, String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", dir.toString()));
        all.addAll(List.of(args));
        StringWriter o = new StringWriter();
        int code = ConnCommand.run(
                all.toArray(String[]::new),
                p -> fail("no window"),
                clock,
                new PrintWriter(o),
                new PrintWriter(new StringWriter()));
        out = o.toString();
        return code;
    }

    @Test
    void aSecretInASettingsFileThatDoesNotParseIsStillScrubbedFromAnExport() throws Exception {
        Path dir = tmp.resolve("data");
        assertThat(conn(dir, "declare", "-s", "2", "Checkout down")).isZero();
        assertThat(conn(dir, "log", "posted to https://chat.example.org/api/v4/notify/Zq81kLmN0pQ by hand"))
                .isZero();
        Files.writeString(
                dir.resolve("settings.json"),
                "{\"channels\": [{\"id\": \"hook\", \"type\": \"WEBHOOK\", \"audience\": \"RESPONDERS\","
                        + " \"url\": \"https://chat.example.org/api/v4/notify/Zq81kLmN0pQ\"},]}");

        for (String format : List.of("csv", "md", "html", "json")) {
            assertThat(conn(dir, "export", "--format", format)).isZero();
            assertThat(out).as(format).contains("posted to").doesNotContain("Zq81kLmN0pQ");
        }
    }

    @Test
    void everyReferenceWrittenInUnparsableSettingsTextIsResolved() {
        KnownSecrets known = new KnownSecrets();
        SecretResolver resolver = new SecretResolver(
                Map.of("HOOK_URL", "https://chat.example.org/api/v4/notify/Zq81kLmN0pQ", "JIRA_TOKEN", "jt-value-1234"),
                SecretResolver.SecretStore.unavailable(),
                known);

        resolver.rememberReferencedIn("{\"channels\": [{\"url\": \"env:HOOK_URL\"},], \"integrations\": {\"jira\":"
                + " {\"apiToken\": \"env:JIRA_TOKEN\", \"x\": \"keyring:absent\"}");

        assertThat(known.scrubValues("hook https://chat.example.org/api/v4/notify/Zq81kLmN0pQ token jt-value-1234"))
                .isEqualTo("hook [redacted] token [redacted]");
    }
}
