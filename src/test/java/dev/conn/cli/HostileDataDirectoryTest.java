package dev.conn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.conn.platform.db.Database;
import dev.conn.platform.db.DatabaseException;
import dev.conn.testing.MutableClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data directories a user may name that H2 would misread: a {@code ;} in the path ends H2's file
 * name and starts its settings ({@code /tmp/a;b=1} failed with 'Unsupported connection setting
 * "B"' after the folder was created; {@code ;INIT=...} would run SQL). Refused in words before
 * anything is created. Spaces and non-ASCII names work.
 */
class HostileDataDirectoryTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T09:00:00Z"));

    @TempDir
    Path tmp;

    private String out = "";
    private String err = "";

    private int conn(Path dir, String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", dir.toString()));
        all.addAll(List.of(args));
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = ConnCommand.run(
                all.toArray(String[]::new), p -> fail("no window"), clock, new PrintWriter(o), new PrintWriter(e));
        out = o.toString();
        err = e.toString();
        return code;
    }

    @Test
    void aDataDirectoryWithASemicolonIsRefusedInWordsAndNotCreated() {
        Path dir = tmp.resolve("ops;INIT=RUNSCRIPT FROM 'x.sql'");

        assertThat(conn(dir, "declare", "-s", "2", "Checkout down")).isEqualTo(ConnCommand.REFUSED);

        assertThat(err).contains("contains ';'").contains("choose a folder without ';'");
        assertThat(err.lines()).hasSize(1);
        assertThat(Files.exists(dir)).isFalse();
    }

    @Test
    void theDatabaseRefusesAPathWithASemicolonInsteadOfReadingItAsSettings() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("a;b=1"));

        DatabaseException e = assertThrows(DatabaseException.class, () -> Database.open(dir));

        assertThat(e.getMessage()).contains("its path contains ';'").doesNotContain("Unsupported connection setting");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aDataDirectoryWithSpacesAndNonAsciiLettersWorks() {
        Path dir = tmp.resolve("on call").resolve("事件 ünïcödé");

        assertThat(conn(dir, "declare", "-s", "2", "Checkout down")).isZero();
        assertThat(conn(dir, "log", "first note")).isZero();
        assertThat(conn(dir, "export", "--format", "csv")).isZero();

        assertThat(out).contains("first note");
    }
}
