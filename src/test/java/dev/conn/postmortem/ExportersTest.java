package dev.conn.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.incident.CommandEvent;
import dev.conn.incident.IncidentId;
import dev.conn.incident.Role;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExportersTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    private static PostmortemReport report() {
        return PostmortemReport.of(RichIncident.events(), TODAY);
    }

    @Test
    void markdownOfARichIncidentMatchesTheGoldenFile() throws IOException {
        String md = MarkdownExporter.render(report());
        String golden;
        try (InputStream in = ExportersTest.class.getResourceAsStream("rich-incident.md")) {
            assertThat(in).as("golden file rich-incident.md").isNotNull();
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!md.equals(golden) && Boolean.getBoolean("golden.update")) {
            java.nio.file.Files.writeString(
                    java.nio.file.Path.of("src/test/resources/dev/conn/postmortem/rich-incident.md"), md);
        }
        assertThat(md).isEqualTo(golden);
    }

    @Test
    void theCommanderLeavingWithoutAHandOffIsListedAsALeaderlessInterval() {
        Instant t0 = Instant.parse("2026-11-20T10:00:00Z");
        IncidentId id = dev.conn.testing.Events.newIncident();
        List<dev.conn.incident.Event> events = List.of(
                dev.conn.testing.Events.declared(id, t0, dev.conn.incident.Severity.SEV2, "Ana"),
                Typed.event(
                        id,
                        t0.plusSeconds(60),
                        new CommandEvent.ResponderJoined("a", "Ana", Optional.empty(), Optional.empty())),
                Typed.event(id, t0.plusSeconds(600), new CommandEvent.ResponderLeft("a", Optional.empty())),
                Typed.event(
                        id,
                        t0.plusSeconds(1500),
                        new CommandEvent.RoleAssigned(Role.INCIDENT_COMMANDER, "Bo", Optional.empty())));

        PostmortemReport r = PostmortemReport.of(events, TODAY);

        assertThat(MarkdownExporter.render(r))
                .contains("### Leaderless intervals\n\n- 2026-11-20 10:10:00 UTC to 2026-11-20 10:25:00 UTC"
                        + " (15 min): the Incident Commander left without a hand-off\n");
        assertThat(HtmlExporter.render(r)).contains("<h3>Leaderless intervals</h3>");
    }

    @Test
    void markdownTablesSurvivePipesBackticksHtmlAndNewlinesInNotes() {
        String md = MarkdownExporter.render(report());
        Parser parser =
                Parser.builder().extensions(List.of(TablesExtension.create())).build();
        Node doc = parser.parse(md);
        int[] tables = {0};
        int[] badRows = {0};
        int[] timelineRows = {0};
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(CustomBlock block) {
                if (block instanceof TableBlock) {
                    tables[0]++;
                    int columns = -1;
                    for (Node section = block.getFirstChild(); section != null; section = section.getNext()) {
                        for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                            int cells = 0;
                            for (Node c = row.getFirstChild(); c != null; c = c.getNext()) {
                                cells++;
                            }
                            if (columns < 0) {
                                columns = cells;
                            } else if (cells != columns) {
                                badRows[0]++;
                            }
                            if (columns == 5 && row instanceof TableRow) {
                                timelineRows[0]++;
                            }
                        }
                    }
                }
                visitChildren(block);
            }

            @Override
            public void visit(CustomNode node) {
                visitChildren(node);
            }
        });
        // document, incident, milestones, action items, key events, clean-up, full timeline (appendix)
        assertThat(tables[0]).isEqualTo(7);
        assertThat(badRows[0]).isZero();
        // key events and the appendix: a header each, one row per key event, one per timeline
        // entry (the corrected note is one row)
        long keyEvents = report().rows().stream().filter(Row::key).count();
        assertThat(timelineRows[0])
                .isEqualTo(2 + keyEvents + report().timeline().size());
        String html = HtmlRenderer.builder()
                .extensions(List.of(TablesExtension.create()))
                .build()
                .render(doc);
        assertThat(html).doesNotContain("<script").doesNotContain("<b>").doesNotContain("href=\"javascript");
        assertThat(html).contains("<td>resolver pods | OOMKilled<br>see `kubectl get pods`</td>");
        assertThat(md).contains("resolver pods \\| OOMKilled<br>see \\`kubectl get pods\\`");
    }

    @Test
    void markdownShowsTtxCorrectionsOverdueItemsAndTheElsewhereQuestion() {
        String md = MarkdownExporter.render(report());

        assertThat(md).contains("TTD 10m · TTA 20m · TTM 1h 30m · TTR 1d 02h");
        assertThat(md).contains("db has a metadata lock (corrected by bob; originally: db is fine)");
        assertThat(md).contains("⚠ OVERDUE, open");
        assertThat(md).contains(PostmortemField.ELSEWHERE_QUESTION);
        assertThat(md).contains("| 2026-11-20 | 00:05:00 |").contains("| 2026-11-21 | 01:40:00 |");
        assertThat(md).contains("make permanent");
    }

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", " =1+1", "\n=1+1", "  @SUM(A1)"})
    void csvNeutralisesFormulaCells(String hostile) {
        String cell = CsvExporter.cell(hostile);

        assertThat(cell.replace("\"", "")).startsWith("'");
    }

    @Test
    void csvQuotesPerRfc4180AndNeutralisesTheTimelineFormula() {
        String csv = CsvExporter.render(report());

        assertThat(csv).startsWith(String.join(",", CsvExporter.HEADER) + "\r\n");
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"");
        assertThat(csv).contains("\"resolver pods | OOMKilled\nsee `kubectl get pods`\"");
        assertThat(CsvExporter.cell("plain")).isEqualTo("plain");
        assertThat(CsvExporter.cell("a,b")).isEqualTo("\"a,b\"");
        // one record per timeline row, plus the header (embedded newlines are inside quotes)
        assertThat(csv.split("\r\n", -1)).hasSize(report().timeline().size() + 2);
    }

    @Test
    void htmlIsSelfContainedAndHoldsNoActiveContentFromUserText() {
        String html = HtmlExporter.render(report());

        assertThat(html).doesNotContainIgnoringCase("<script");
        assertThat(html).doesNotContainIgnoringCase("href=\"javascript");
        assertThat(html).doesNotContain("<b>EU</b>");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(html).contains("<a href=\"https://tickets.example/OPS-42\" rel=\"noopener noreferrer\">");
        assertThat(html).contains("src=\"data:image/png;base64," + RichIncident.PNG_BASE64.substring(0, 20));
        assertThat(html).doesNotContain("src=\"http").doesNotContain("<link");
        assertThat(html).contains("<span class=\"overdue\">⚠ OVERDUE</span>");
    }
}
