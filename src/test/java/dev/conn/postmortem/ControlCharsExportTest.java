package dev.conn.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.incident.ActionItemKind;
import dev.conn.incident.ActionItemStatus;
import dev.conn.incident.Declaration;
import dev.conn.incident.EventStore;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.incident.Severity;
import dev.conn.platform.db.Database;
import dev.conn.platform.secrets.KnownSecrets;
import dev.conn.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * ESC and BEL in a title, a note, an author, a postmortem section or an action item never reach a
 * Markdown, HTML or CSV export; JSON escapes them as JSON does, and the bundle keeps the text
 * exactly (issue 11, finding 11).
 */
class ControlCharsExportTest {
    private static final String HOSTILE = "\u001b[31mred\u0007";

    @TempDir
    Path tmp;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T12:00:00Z"));

    private IncidentId seed(IncidentService s) {
        IncidentId id = s.declare(
                        new Declaration("Title " + HOSTILE, Severity.SEV2, "summary " + HOSTILE, Optional.empty(), ""),
                        "alice" + HOSTILE)
                .incidentId();
        Typed.note(s, id, "note " + HOSTILE + "\nline two", "bob");
        PostmortemService pm = new PostmortemService(s);
        pm.setField(id, "summary", "pm " + HOSTILE, "bob");
        pm.addActionItem(
                id,
                new ActionItem(
                        ActionItem.newId(),
                        "fix " + HOSTILE,
                        ActionItemKind.PREVENT,
                        "owner" + HOSTILE,
                        Optional.of(LocalDate.of(2026, 12, 1)),
                        "https://tickets.example.com/1" + HOSTILE,
                        ActionItemStatus.OPEN,
                        Optional.empty(),
                        false),
                "bob");
        return id;
    }

    private String export(Path dir, PostmortemExports.Format format) {
        try (Database db = Database.open(dir)) {
            IncidentService s = new IncidentService(EventStore.jdbc(db.dataSource()), clock);
            IncidentId id =
                    s.incidents().isEmpty() ? seed(s) : s.incidents().get(0).id();
            return new String(
                    new PostmortemExports(s, MetricSeriesArchive.none(), clock, KnownSecrets::new).export(id, format),
                    StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = PostmortemExports.Format.class,
            names = {"MD", "HTML", "CSV"})
    void markdownHtmlAndCsvShowVisibleStandIns(PostmortemExports.Format format) {
        String out = export(tmp.resolve("a"), format);

        assertThat(out).doesNotContain("\u001b").doesNotContain("\u0007");
        assertThat(out.chars().filter(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t'))
                .isEmpty();
        // Markdown escapes the bracket: \u241b\[31mred\u2407
        assertThat(out.replace("\\[", "["))
                .contains("Title \u241b[31mred\u2407")
                .contains("note \u241b[31mred\u2407");
    }

    @Test
    void jsonEscapesThemAndTheBundleImportsWithTheTextIntact() {
        String json = export(tmp.resolve("a"), PostmortemExports.Format.JSON);

        assertThat(json).doesNotContain("\u001b").doesNotContain("\u0007");
        assertThat(json).contains("Title \\u001B[31mred\\u0007");

        try (Database db = Database.open(tmp.resolve("b"))) {
            IncidentService b = new IncidentService(EventStore.jdbc(db.dataSource()), clock);
            new BundleImporter(b, MetricSeriesArchive.none()).importBytes(json.getBytes(StandardCharsets.UTF_8));
            assertThat(b.incidents()).extracting(st -> st.title()).containsExactly("Title " + HOSTILE);
        }
    }

    @Test
    void csvKeepsTabsAndLineBreaksOfANote() {
        String csv = export(tmp.resolve("a"), PostmortemExports.Format.CSV);

        assertThat(csv).contains("\"note \u241b[31mred\u2407\nline two\"");
    }
}
