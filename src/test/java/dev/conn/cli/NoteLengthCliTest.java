package dev.conn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.conn.incident.Declaration;
import dev.conn.incident.EventLimits;
import dev.conn.incident.EventStore;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.incident.Severity;
import dev.conn.platform.db.Database;
import dev.conn.testing.MutableClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code conn log} writes, {@code conn import} reads back (issue 11, finding 9a). */
class NoteLengthCliTest {
    @TempDir
    Path tmp;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-10T09:00:00Z"));
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

    private IncidentId declare(Path dir) {
        try (Database db = Database.open(dir)) {
            return new IncidentService(EventStore.jdbc(db.dataSource()), clock)
                    .declare(new Declaration("Long notes", Severity.SEV3, "", Optional.empty(), "alice"), "alice")
                    .incidentId();
        }
    }

    private int events(Path dir, IncidentId id) {
        try (Database db = Database.open(dir)) {
            return EventStore.jdbc(db.dataSource()).readIncident(id).size();
        }
    }

    @Test
    void aNoteLongerThanImportAcceptsIsRefusedWithTheSharedMessage() {
        Path dir = tmp.resolve("a");
        IncidentId id = declare(dir);

        assertThat(conn(dir, "log", "--author", "bot", "x".repeat(1_000_009))).isEqualTo(ConnCommand.REFUSED);

        assertThat(err.strip()).isEqualTo("conn: " + EventLimits.tooLong("note", "text", 1_000_009));
        assertThat(err).contains("1,000,009 characters").contains("at most 1,000,000");
        assertThat(events(dir, id)).isEqualTo(1);
    }

    @Test
    void aNoteOfExactlyTheLimitIsRecordedAndItsExportImportsAgain() {
        Path a = tmp.resolve("a");
        IncidentId id = declare(a);
        Path bundle = tmp.resolve("long.json");

        assertThat(conn(a, "log", "--author", "bot", "y".repeat(EventLimits.MAX_TEXT)))
                .isZero();
        assertThat(conn(a, "export", "--incident", id.toString(), "--format", "json", "-o", bundle.toString()))
                .isZero();

        assertThat(conn(tmp.resolve("b"), "import", bundle.toString())).isZero();
        assertThat(out).contains("2 new events");
    }

    @Test
    void anAuthorLongerThanImportAcceptsIsRefused() {
        Path dir = tmp.resolve("a");
        IncidentId id = declare(dir);

        assertThat(conn(dir, "log", "--author", "a".repeat(201), "deployed v2")).isEqualTo(ConnCommand.REFUSED);

        assertThat(err).contains("The author name is 201 characters; keep it to 200");
        assertThat(events(dir, id)).isEqualTo(1);
    }
}
