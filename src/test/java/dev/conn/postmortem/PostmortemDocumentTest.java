package dev.conn.postmortem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.conn.incident.CommandRefusedException;
import dev.conn.incident.Declaration;
import dev.conn.incident.EntryCommand;
import dev.conn.incident.Event;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.incident.Milestone;
import dev.conn.incident.PostmortemStatus;
import dev.conn.incident.Severity;
import dev.conn.incident.TimelineEvent;
import dev.conn.platform.secrets.KnownSecrets;
import dev.conn.testing.InMemoryEventStore;
import dev.conn.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A postmortem people circulate (issue 16 part 4): prose keeps its Markdown and stays inert, the
 * document header, key events with the full record in an appendix or left out, milestone edits at
 * the time they set, readable charts, HTML that never overflows, CSV that opens in spreadsheets.
 * Each through the one write path over an in-memory store, exported as the window exports.
 */
class PostmortemDocumentTest {
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final IncidentService incidents = new IncidentService(new InMemoryEventStore(), clock);
    private final PostmortemService service = new PostmortemService(incidents);
    private final IncidentId id = incidents
            .declare(
                    new Declaration("DNS cache leak", Severity.SEV1, "", Optional.of(T0.minusSeconds(1200)), "alice"),
                    "alice")
            .incidentId();

    {
        clock.advance(Duration.ofMinutes(30));
    }

    private String export(PostmortemExports.Format format, ExportOptions options) {
        byte[] bytes = new PostmortemExports(incidents, MetricSeriesArchive.none(), clock, KnownSecrets::new)
                .export(id, format, options);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private String export(PostmortemExports.Format format) {
        return export(format, ExportOptions.DEFAULT);
    }

    // 1. Prose keeps Markdown

    @Test
    void listsLinksCodeAndEmphasisSurviveMarkdownAndRenderInHtml() {
        service.setField(
                id,
                "resolution",
                "We did:\n\n- restart `dns-resolver`\n- follow the [runbook](https://runbooks.example/dns)\n\n"
                        + "*Careful*: **never** skip the drain.\n\n```\nkubectl rollout restart ds/dns\n```",
                "bob");

        String md = export(PostmortemExports.Format.MD);
        assertThat(md)
                .contains("- restart `dns-resolver`")
                .contains("[runbook](https://runbooks.example/dns)")
                .contains("*Careful*")
                .contains("**never**")
                .contains("```\nkubectl rollout restart ds/dns\n```");
        String html = export(PostmortemExports.Format.HTML);
        assertThat(html)
                .contains("<li>restart <code>dns-resolver</code></li>")
                .contains("<a rel=\"noopener noreferrer\" href=\"https://runbooks.example/dns\">runbook</a>")
                .contains("<em>Careful</em>")
                .contains("<strong>never</strong>")
                .contains("<pre><code>kubectl rollout restart ds/dns\n</code></pre>");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<script>alert(1)</script>",
                "<img src=x onerror=alert(1)>",
                "[click](javascript:alert(1))",
                "[click](JaVaScRiPt:alert(1))",
                "[click](  javascript:alert(1) )",
                "[click](<javascript:alert(1)>)",
                "<javascript:alert(1)>",
                "[data](data:text/html;base64,PHNjcmlwdD4=)",
                "[vb](vbscript:msgbox(1))",
                "[file](file:///etc/passwd)",
                "![pixel](https://tracker.example/p.png)",
                "![x](javascript:alert(1))",
                "[ref][r]\n\n[r]: javascript:alert(2)",
                "<a href=\"javascript:alert(1)\">x</a>",
                "<div onmouseover=\"alert(1)\">hover</div>",
                "<iframe src=\"https://evil.example\"></iframe>",
                "text <svg onload=alert(1)> more",
                "[x](java\tscript:alert(1))",
                "# Heading <b>bold</b>"
            })
    void hostileProseIsShownNeverRunInHtmlNorInTheMarkdownRenderedAnywhere(String hostile) {
        service.setField(id, "summary", "Before.\n\n" + hostile + "\n\nAfter.", "bob");

        String html = export(PostmortemExports.Format.HTML);
        String body = html.substring(html.indexOf("<h2>Summary</h2>"), html.indexOf("<h2>Impact</h2>"));
        assertInert(body);
        // the Markdown file, rendered by a CommonMark renderer that passes raw HTML through
        String md = export(PostmortemExports.Format.MD);
        String rendered =
                HtmlRenderer.builder().build().render(Parser.builder().build().parse(md));
        assertInert(rendered.substring(rendered.indexOf("<h2>Summary</h2>"), rendered.indexOf("<h2>Impact</h2>")));
        assertThat(body).contains("Before.").contains("After.");
    }

    private static void assertInert(String html) {
        String lower = html.toLowerCase(java.util.Locale.ROOT);
        assertThat(lower)
                .doesNotContain("<script")
                .doesNotContain("<img")
                .doesNotContain("<iframe")
                .doesNotContain("<svg")
                .doesNotContain("<div onmouseover")
                .doesNotContain("<b>")
                .doesNotContain("<a href=\"javascript")
                .doesNotContain("<h1")
                .doesNotContain("src=\"http");
        // every link that is a link goes to http(s) or mailto
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("href=\"([^\"]*)\"").matcher(lower);
        while (m.find()) {
            assertThat(m.group(1)).matches("(https?://|mailto:).*");
        }
    }

    // 2. Document header

    @Test
    void theHeaderIsSetThroughTheOneWriterAndOpensEveryExport() {
        List<Event> written = service.execute(
                id,
                new PostmortemCommand.SetHeader(
                        Optional.of(LocalDate.of(2026, 11, 24)),
                        List.of(" Ana ", "Bo", "Ana", ""),
                        PostmortemStatus.IN_REVIEW,
                        List.of("Cy")),
                "ana");

        assertThat(written).singleElement().satisfies(e -> assertThat(e.payloadJson())
                .isEqualTo("{\"date\":\"2026-11-24\",\"authors\":[\"Ana\",\"Bo\"],\"status\":\"IN_REVIEW\","
                        + "\"reviewers\":[\"Cy\"]}"));
        assertThat(export(PostmortemExports.Format.MD))
                .startsWith("# Postmortem: DNS cache leak\n\n| Document | |\n|---|---|\n| Date | 2026-11-24 |\n"
                        + "| Status | in review |\n| Authors | Ana, Bo |\n| Reviewers | Cy |\n\n| Incident | |");
        assertThat(export(PostmortemExports.Format.HTML))
                .contains("<tr><th>Date</th><td><span class=\"nowrap\">2026-11-24</span></td></tr>\n"
                        + "<tr><th>Status</th><td>in review</td></tr>\n<tr><th>Authors</th><td>Ana, Bo</td></tr>\n"
                        + "<tr><th>Reviewers</th><td>Cy</td></tr>");
        // the latest header wins
        service.execute(
                id,
                new PostmortemCommand.SetHeader(Optional.empty(), List.of("Ana"), PostmortemStatus.FINAL, List.of()),
                "ana");
        assertThat(export(PostmortemExports.Format.MD))
                .contains("| Date | not set |\n| Status | final |\n| Authors | Ana |\n| Reviewers | not named yet |");
    }

    @Test
    void aHeaderNamingTooManyPeopleIsRefusedAndStoresNothing() {
        List<String> crowd = java.util.stream.IntStream.range(0, 51)
                .mapToObj(i -> "person " + i)
                .toList();
        int before = incidents.timeline(id).size();

        CommandRefusedException e = assertThrows(
                CommandRefusedException.class,
                () -> service.execute(
                        id,
                        new PostmortemCommand.SetHeader(Optional.empty(), List.of(), PostmortemStatus.DRAFT, crowd),
                        "ana"));

        assertThat(e.getMessage()).contains("51 reviewers").contains("at most 50");
        assertThat(incidents.timeline(id)).hasSize(before);
    }

    // 3. Key events and the full record

    @Test
    void keyEventsAreDecisionsActionsMilestonesStatusSeverityAndStarredEntriesWithTheRestInTheAppendix() {
        Event starredNote = Typed.note(incidents, id, "resolver pods OOMKilled", "bob");
        Event plainNote = Typed.note(incidents, id, "coffee is here", "bob");
        Event unstarred = Typed.note(incidents, id, "looked at the wrong dashboard", "bob");
        incidents.star(id, new EntryCommand.Star(starredNote.id(), true), "bob");
        incidents.star(id, new EntryCommand.Star(unstarred.id(), true), "bob");
        incidents.star(id, new EntryCommand.Star(unstarred.id(), false), "bob");
        incidents.add(
                id,
                new EntryCommand.Add(
                        java.util.UUID.randomUUID(), EntryCommand.Kind.DECISION, "roll back", Optional.empty()),
                "alice");

        String md = export(PostmortemExports.Format.MD);
        String key = md.substring(md.indexOf("## Timeline (UTC)"), md.indexOf("## Supporting information"));
        assertThat(key)
                .contains("| ★ Note | resolver pods OOMKilled |")
                .contains("| Decision | roll back |")
                .contains("| Declared | Declared SEV1: DNS cache leak")
                .doesNotContain(plainNote.id().toString())
                .doesNotContain("coffee is here")
                .doesNotContain("looked at the wrong dashboard")
                .contains("The full timeline is in the appendix.");
        String appendix = md.substring(md.indexOf("## Appendix: full timeline (UTC)"));
        assertThat(appendix)
                .contains("coffee is here")
                .contains("looked at the wrong dashboard")
                .contains("| ★ Note | resolver pods OOMKilled |")
                .doesNotContain("Starred"); // a star is a mark on its entry, never a row of its own

        ExportOptions omit = ExportOptions.DEFAULT.withFullTimeline(ExportOptions.FullTimeline.OMIT);
        String short_ = export(PostmortemExports.Format.MD, omit);
        assertThat(short_).doesNotContain("## Appendix").doesNotContain("coffee is here");
        assertThat(short_).contains("The full timeline is left out of this document");
        String html = export(PostmortemExports.Format.HTML, omit);
        assertThat(html)
                .doesNotContain("Appendix")
                .doesNotContain("coffee is here")
                .contains("★ Note");
        assertThat(export(PostmortemExports.Format.HTML)).contains("<h2>Appendix: full timeline (UTC)</h2>");
    }

    @Test
    void aStarIsRecordedThroughTheOneWriterAndIsNoTimelineRow() {
        Event note = Typed.note(incidents, id, "resolver pods OOMKilled", "bob");

        Event star = incidents.star(id, new EntryCommand.Star(note.id(), true), "bob");

        assertThat(star.body()).isEqualTo(new TimelineEvent.EntryStarred(note.id(), true));
        assertThat(dev.conn.timeline.TimelineProjection.project(incidents.timeline(id)))
                .noneMatch(r -> r.event().id().equals(star.id()));
    }

    // 4. Milestone edits read right

    @Test
    void aMilestoneEditIsListedAtTheTimeItSetsSayingWhenItWasSet() {
        clock.advance(Duration.ofHours(2)); // set at 11:30, about 08:50
        service.setMilestone(id, Milestone.DETECTED, T0.minusSeconds(600), "first alert fired at 08:50", "carol");

        String md = export(PostmortemExports.Format.MD);
        String key = md.substring(md.indexOf("## Timeline (UTC)"), md.indexOf("## Supporting information"));
        assertThat(key)
                .contains(
                        "| 2026-11-20 | 08:50:00 | carol | Milestone | Milestone detected (set 2026-11-20 11:30:00 UTC by"
                                + " carol). first alert fired at 08:50 |");
        // listed before the declaration at 09:00 it precedes
        assertThat(key.indexOf("08:50:00")).isLessThan(key.indexOf("| Declared |"));
    }

    // 5. Charts readable

    @Test
    void aSnapshotWithItsSourceAnswerIsAChartWithLabelledAxesAndDates() {
        String prometheus = "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":"
                + "{\"pod\":\"dns-1\"},\"values\":[[1763629200,\"100\"],[1763632800,\"900\"],[1763640000,\"300\"]]}]}}";
        PostmortemReport.Snapshot s = new PostmortemReport.Snapshot(
                T0,
                "DNS memory <MiB>",
                new byte[0],
                Optional.of(Instant.ofEpochSecond(1763629200)),
                Optional.of(Instant.ofEpochSecond(1763640000)),
                "MiB",
                Optional.of(prometheus));
        StringBuilder h = new StringBuilder();

        SnapshotChart.figure(h, s);

        String svg = h.toString();
        assertThat(svg)
                .contains("<svg class=\"chart\"")
                .contains(">Time (UTC)</text>")
                .contains(">MiB</text>");
        assertThat(svg).contains(">2025-11-20</text>"); // the date under the first tick
        assertThat(svg).containsPattern(">\\d{2}:\\d{2}</text>");
        assertThat(svg).contains("<polyline").contains(">0</text>").contains(">1000</text>");
        assertThat(svg).doesNotContain("<script").doesNotContain("DNS memory <MiB>");
    }

    @Test
    void aSnapshotWithOnlyItsImageSaysItsAxesUnderIt() {
        String html = HtmlExporter.render(PostmortemReport.of(RichIncident.events(), LocalDate.of(2026, 11, 21)));

        assertThat(html).contains("<br><small>Time axis (UTC): ").contains(". Value axis: ");
    }

    // 6. HTML never overflows

    @Test
    void longTokensWrapAndDatesNeverBreak() {
        Typed.note(incidents, id, "trace " + "a1b2c3d4".repeat(40) + " seen at 2026-11-20 09:12 UTC", "bob");

        String html = export(PostmortemExports.Format.HTML);

        assertThat(html).contains("overflow-wrap:anywhere").contains(".nowrap{white-space:nowrap}");
        assertThat(html).contains("<span class=\"nowrap\">2026-11-20 09:12 UTC</span>");
        assertThat(html).contains("<td><span class=\"nowrap\">2026-11-20</span></td><td><span class=\"nowrap\">");
    }

    // 7. CSV opens in spreadsheets

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\u00A0=1+1",
                "\u3000=1+1",
                "\uFF1D1+1",
                "\u3000\uFF0BSUM(A1)",
                "\u00A0\u3000@A1",
                "\uFEFF=1",
                "\u202F-1+2",
                "\uFF20A1"
            })
    void csvNeutralisesFormulasBehindUnicodeBlanksAndFullWidthSigns(String hostile) {
        assertThat(CsvExporter.cell(hostile)).startsWith("'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u00A0plain", "\u3000text", "a=b", "１２３"})
    void csvLeavesOrdinaryTextAsItIs(String text) {
        assertThat(CsvExporter.cell(text)).isEqualTo(text);
    }

    @Test
    void csvStartsWithAUtf8ByteOrderMarkOnlyWhenAsked() {
        byte[] plain = new PostmortemExports(incidents, MetricSeriesArchive.none(), clock, KnownSecrets::new)
                .export(id, PostmortemExports.Format.CSV);
        byte[] bom = new PostmortemExports(incidents, MetricSeriesArchive.none(), clock, KnownSecrets::new)
                .export(id, PostmortemExports.Format.CSV, ExportOptions.DEFAULT.withCsvBom(true));

        assertThat(plain[0]).isEqualTo((byte) 'o'); // occurred_at_utc
        assertThat(java.util.Arrays.copyOf(bom, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(java.util.Arrays.copyOfRange(bom, 3, bom.length)).isEqualTo(plain);
    }
}
