package dev.conn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.conn.incident.EventStore;
import dev.conn.incident.IncidentService;
import dev.conn.platform.db.Database;
import dev.conn.postmortem.PostmortemService;
import dev.conn.testing.MutableClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No ESC or BEL from a title, a note or a tag reaches the terminal (issue 11, finding 11). */
class ControlCharsCliTest {
    private static final String HOSTILE = "\u001b[31mred\u0007";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-10T09:00:00Z"));
    private String out = "";
    private String err = "";

    private int conn(String... args) {
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

    private static void assertNoControlCharacters(String terminal) {
        assertThat(terminal).doesNotContain("\u001b").doesNotContain("\u0007");
        assertThat(terminal.replace("\n", "").replace("\r", "").chars().noneMatch(c -> Character.isISOControl(c)))
                .isTrue();
    }

    @Test
    void incidentsLogAndStatsShowControlCharactersAsVisibleStandIns() {
        assertThat(conn("declare", "--severity", "2", "--author", "bot" + HOSTILE, "Title " + HOSTILE))
                .isZero();
        assertThat(conn("log", "--author", "bot", "note " + HOSTILE)).isZero();
        assertNoControlCharacters(out);
        assertThat(out).contains("\"Title \u241b[31mred\u2407\"");
        try (Database db = Database.open(dir)) {
            IncidentService s = new IncidentService(EventStore.jdbc(db.dataSource()), clock);
            new PostmortemService(s)
                    .tag(s.incidents().get(0).id(), List.of("svc" + HOSTILE), List.of("cat" + HOSTILE), "bot");
        }

        assertThat(conn("incidents")).isZero();
        assertNoControlCharacters(out);
        assertThat(out).contains("Title \u241b[31mred\u2407").contains("bot\u241b[31mred\u2407");

        assertThat(conn("stats")).isZero();
        assertNoControlCharacters(out);
        assertThat(out).contains("svc\u241b[31mred\u2407").contains("cat\u241b[31mred\u2407");
    }

    @Test
    void aRefusalQuotingWhatWasTypedShowsItsControlCharactersAsStandIns() {
        assertThat(conn("declare", "--severity", "2", "--author", "bot", "Any")).isZero();

        assertThat(conn("log", "--incident", "zzzz" + HOSTILE, "--author", "bot", "x"))
                .isEqualTo(ConnCommand.REFUSED);

        assertNoControlCharacters(err);
        assertThat(err).contains("No incident matches 'zzzz\u241b[31mred\u2407'");
    }
}
