package dev.conn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.conn.platform.files.FileWriteException;
import dev.conn.testing.MutableClock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code conn export} where its output cannot be written: a missing folder, a folder in the
 * file's place, a full disk, a standard output that fails half-way. Each is refused (exit 1) with
 * one line naming the file and the problem, never "done" with part of the export missing.
 */
class ExportOutputFailureTest {
    @TempDir
    Path tmp;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-10T09:00:00Z"));
    private String err = "";

    private int conn(Path dir, Writer stdout, String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", dir.toString()));
        all.addAll(List.of(args));
        StringWriter e = new StringWriter();
        int code = ConnCommand.run(
                all.toArray(String[]::new),
                p -> fail("the window must not open"),
                clock,
                new PrintWriter(stdout),
                new PrintWriter(e));
        err = e.toString();
        return code;
    }

    private Path dataDirectoryWithAnIncident() {
        Path dir = tmp.resolve("data");
        assertThat(conn(dir, new StringWriter(), "declare", "-s", "2", "Checkout down"))
                .isZero();
        assertThat(conn(dir, new StringWriter(), "log", "x".repeat(5_000))).isZero();
        return dir;
    }

    @Test
    void anExportIntoAFolderThatDoesNotExistNamesTheFolderNotATemporaryFile() {
        Path dir = dataDirectoryWithAnIncident();
        Path target = tmp.resolve("no-such-folder").resolve("pm.md");

        assertThat(conn(dir, new StringWriter(), "export", "--format", "md", "-o", target.toString()))
                .isEqualTo(ConnCommand.REFUSED);

        assertThat(err.strip())
                .isEqualTo("conn: Cannot write " + target + ": the folder " + target.getParent()
                        + " does not exist. Nothing was written.");
    }

    @Test
    void anExportOntoAFolderSaysItIsAFolderAndLeavesItAlone() throws IOException {
        Path dir = dataDirectoryWithAnIncident();
        Path folder = Files.createDirectory(tmp.resolve("reports"));

        assertThat(conn(dir, new StringWriter(), "export", "--format", "md", "-o", folder.toString()))
                .isEqualTo(ConnCommand.REFUSED);

        assertThat(err).startsWith("conn: Cannot write " + folder + ": it is a folder; name a file");
        assertThat(err.lines()).hasSize(1);
        try (var left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("data", "reports");
        }
    }

    @Test
    void standardOutputThatFailsHalfWayIsARefusalNotADoneExport() {
        Path dir = dataDirectoryWithAnIncident();
        StringWriter received = new StringWriter();
        Writer fillsUp = new Writer() {
            @Override
            public void write(char[] buf, int off, int len) throws IOException {
                if (received.getBuffer().length() + len > 1_000) {
                    throw new IOException("No space left on device");
                }
                received.write(buf, off, len);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };

        assertThat(conn(dir, fillsUp, "export", "--format", "json")).isEqualTo(ConnCommand.REFUSED);

        assertThat(err)
                .startsWith("conn: Standard output could not take the whole export of ")
                .contains("What it received is incomplete; use -o FILE");
        assertThat(received.toString()).hasSizeLessThanOrEqualTo(1_000);
    }

    @Test
    void aFullDiskUnderTheExportFileNamesThatFileNotTheDataDirectory() {
        Path dataDir = tmp.resolve("data");
        Path target = tmp.resolve("elsewhere").resolve("pm.md");
        FileWriteException full =
                FileWriteException.of(target, new IOException(target + ".tmp: No space left on device"));

        String said = ConnCommand.refusal(full, dataDir).orElseThrow();

        assertThat(said)
                .startsWith("Cannot write " + target + ": the disk holding " + target.getParent() + " is full")
                .doesNotContain("The disk holding " + dataDir);
    }

    @Test
    void anExportNeverReplacesTheDatabaseNorConnsOwnFiles() throws IOException {
        Path dir = dataDirectoryWithAnIncident();
        Path db = dir.resolve("conn.mv.db");
        Files.writeString(dir.resolve("policy.json"), "{}");

        assertThat(conn(dir, new StringWriter(), "export", "--format", "md", "-o", db.toString()))
                .isEqualTo(ConnCommand.REFUSED);
        assertThat(err).contains("it is a Conn (H2) database file, which an export never replaces");
        assertThat(conn(
                        dir,
                        new StringWriter(),
                        "export",
                        "--format",
                        "md",
                        "-o",
                        dir.resolve("policy.json").toString()))
                .isEqualTo(ConnCommand.REFUSED);
        assertThat(err).contains("one of Conn's own files in its data directory");

        assertThat(Files.readString(db, java.nio.charset.StandardCharsets.ISO_8859_1))
                .startsWith("H:2,");
        assertThat(Files.readString(dir.resolve("policy.json"))).isEqualTo("{}");
        StringWriter list = new StringWriter();
        assertThat(conn(dir, list, "incidents")).isZero();
        assertThat(list.toString()).contains("Checkout down");
    }
}
