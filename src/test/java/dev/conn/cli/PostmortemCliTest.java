package dev.conn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.conn.incident.Declaration;
import dev.conn.incident.EventStore;
import dev.conn.incident.HeaderCommand;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.incident.Severity;
import dev.conn.platform.db.Database;
import dev.conn.postmortem.PostmortemService;
import dev.conn.testing.MutableClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostmortemCliTest {
    private static final Instant T0 = Instant.parse("2026-11-10T09:00:00Z");

    @TempDir
    Path tmp;

    private final MutableClock clock = new MutableClock(T0);
    private String out = "";
    private String err = "";

    private int conn(Path dir, String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", dir.toString()));
        all.addAll(List.of(args));
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = ConnCommand.run(
                all.toArray(String[]::new),
                p -> fail("the window must not open"),
                clock,
                new PrintWriter(o),
                new PrintWriter(e));
        out = o.toString();
        err = e.toString();
        return code;
    }

    /** Two incidents: a resolved SEV1 on the dns service, then an open SEV3 a week later. */
    private IncidentId seed(Path dir) {
        Database db = Database.open(dir);
        try {
            IncidentService s = new IncidentService(EventStore.jdbc(db.dataSource()), clock);
            IncidentId first = s.declare(
                            new Declaration(
                                    "DNS cache leak", Severity.SEV1, "", Optional.of(T0.minusSeconds(600)), "alice"),
                            "alice")
                    .incidentId();
            clock.advance(Duration.ofMinutes(20));
            s.change(first, new HeaderCommand.MarkMitigated(Optional.empty(), Optional.empty()), "alice");
            clock.advance(Duration.ofMinutes(30));
            s.change(first, new HeaderCommand.Resolve(Optional.empty(), Optional.empty()), "alice");
            PostmortemService pm = new PostmortemService(s);
            pm.setField(first, "summary", "The resolver cache grew until OOM", "alice");
            pm.tag(first, List.of("dns"), List.of("capacity"), "alice");
            clock.advance(Duration.ofDays(7));
            s.declare(new Declaration("Slow search", Severity.SEV3, "", Optional.empty(), "bob"), "bob");
            return first;
        } finally {
            db.close();
        }
    }

    @Test
    void exportsMarkdownToAFileAndJsonThatImportsIntoAnotherDataDirectoryOnce() throws Exception {
        Path a = tmp.resolve("a");
        IncidentId id = seed(a);
        Path md = tmp.resolve("pm.md");
        Path json = tmp.resolve("bundle.json");

        assertThat(conn(a, "export", "--incident", id.shortForm(), "--format", "md", "-o", md.toString()))
                .isZero();
        assertThat(Files.readString(md))
                .contains("# Postmortem: DNS cache leak")
                .contains("The resolver cache grew until OOM")
                .contains("TTM 30m");
        assertThat(conn(a, "export", "--incident", id.toString(), "--format", "json", "-o", json.toString()))
                .isZero();

        Path b = tmp.resolve("b");
        assertThat(conn(b, "import", json.toString())).isZero();
        assertThat(out).contains("\"DNS cache leak\": 5 new events");
        assertThat(conn(b, "import", json.toString())).isZero();
        assertThat(out).contains("0 new events, 5 already present");
        assertThat(conn(b, "export", "--format", "json")).isZero();
        assertThat(out).isEqualTo(Files.readString(json, StandardCharsets.UTF_8));
    }

    @Test
    void exportWithoutAnIncidentTakesTheLatestAndPrintsCsvToStandardOutput() {
        Path a = tmp.resolve("a");
        seed(a);

        assertThat(conn(a, "export", "--format", "csv")).isZero();

        assertThat(out).startsWith("occurred_at_utc,").contains("Declared SEV3: Slow search");
    }

    @Test
    void exportLeavesTheFullTimelineOutOrWritesACsvByteOrderMarkWhenAsked() throws Exception {
        Path a = tmp.resolve("a");
        IncidentId id = seed(a);
        Path csv = tmp.resolve("timeline.csv");

        assertThat(conn(a, "export", "--incident", id.toString(), "--format", "md"))
                .isZero();
        assertThat(out).contains("## Appendix: full timeline (UTC)");
        assertThat(conn(a, "export", "--incident", id.toString(), "--format", "md", "--full-timeline", "omit"))
                .isZero();
        assertThat(out).doesNotContain("## Appendix").contains("The full timeline is left out of this document");
        assertThat(conn(a, "export", "--incident", id.toString(), "--format", "csv", "--bom", "-o", csv.toString()))
                .isZero();
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(java.util.Arrays.copyOf(bytes, 4)).containsExactly(0xEF, 0xBB, 0xBF, 'o');
        assertThat(conn(a, "export", "--format", "md", "--full-timeline", "sometimes"))
                .isNotZero();
        assertThat(err).contains("Unknown --full-timeline 'sometimes'; use appendix or omit");
    }

    @Test
    void aBadBundleIsRefusedNamingTheFieldAndWritesNothing() throws Exception {
        Path bundle = tmp.resolve("bad.json");
        Files.writeString(bundle, "{\"format\":\"conn-incident-bundle\",\"version\":9}");
        Path b = tmp.resolve("b");

        assertThat(conn(b, "import", bundle.toString())).isEqualTo(ConnCommand.REFUSED);

        assertThat(err).contains("version: this Conn reads version 1; the bundle is version 9");
        assertThat(b).doesNotExist(); // a refused import creates no data directory
        assertThat(conn(b, "incidents")).isEqualTo(ConnCommand.REFUSED);
        assertThat(err).contains("No Conn database in");
    }

    @Test
    void anUnknownFormatIsRefusedNamingTheFormats() {
        Path a = tmp.resolve("a");
        seed(a);

        assertThat(conn(a, "export", "--format", "pdf")).isEqualTo(ConnCommand.REFUSED);
        assertThat(err).contains("use md, html, csv or json");
    }

    @Test
    void incidentsSinceADateListsOnlyLaterOnes() {
        Path a = tmp.resolve("a");
        seed(a);

        assertThat(conn(a, "incidents", "--since", "2026-11-12")).isZero();

        assertThat(out).contains("Slow search").doesNotContain("DNS cache leak");
    }

    @Test
    void statsPrintsCountsMediansAndTopTags() {
        Path a = tmp.resolve("a");
        seed(a);

        assertThat(conn(a, "stats")).isZero();

        assertThat(out)
                .contains("Incidents: 2 (SEV1 1, SEV2 0, SEV3 1, SEV4 0)")
                .contains("TTR 1h 00m")
                .contains("Top root-cause categories: capacity 50 % (1)")
                .contains("Top services: dns 50 % (1)");
        assertThat(conn(a, "stats", "--severity", "3")).isZero();
        assertThat(out).contains("Incidents: 1 (SEV1 0, SEV2 0, SEV3 1, SEV4 0)");
    }
}
