package dev.conn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.conn.postmortem.BundleImporter;
import dev.conn.postmortem.BundleReader;
import dev.conn.testing.MutableClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code conn import} (and the window's import, through {@link BundleImporter#readFile}) given
 * something that is not a readable bundle file: each is named in words ("Cannot read X: X" and
 * "No file X" for a folder were what it said), and no data directory is created.
 */
class ImportFileProblemsTest {
    @TempDir
    Path tmp;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T09:00:00Z"));
    private String err = "";

    private int conn(Path dir, String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", dir.toString()));
        all.addAll(List.of(args));
        StringWriter e = new StringWriter();
        int code = ConnCommand.run(
                all.toArray(String[]::new),
                p -> fail("no window"),
                clock,
                new PrintWriter(new StringWriter()),
                new PrintWriter(e));
        err = e.toString();
        return code;
    }

    @Test
    void aFolderGivenAsTheBundleIsNamedAsAFolder() throws Exception {
        Path folder = Files.createDirectory(tmp.resolve("exports"));
        Path data = tmp.resolve("data");

        assertThat(conn(data, "import", folder.toString())).isEqualTo(ConnCommand.REFUSED);

        assertThat(err.strip()).isEqualTo("conn: " + folder + " is a folder, not a bundle file");
        assertThat(data).doesNotExist();
    }

    @Test
    void aFileWithoutReadPermissionSaysPermissionDenied() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root reads any file");
        Path file = Files.writeString(tmp.resolve("bundle.json"), "{}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));

        assertThat(conn(tmp.resolve("data"), "import", file.toString())).isEqualTo(ConnCommand.REFUSED);

        assertThat(err.strip()).isEqualTo("conn: " + file + " cannot be read: permission denied");
    }

    @Test
    void aDeviceIsRefusedBeforeItIsReadWithoutEnd() {
        Path zero = Path.of("/dev/zero");
        assumeFalse(!Files.exists(zero), "no /dev/zero here");

        BundleReader.BundleException e =
                assertThrows(BundleReader.BundleException.class, () -> BundleImporter.readFile(zero));

        assertThat(e.getMessage()).isEqualTo("/dev/zero is not a regular file (a device or a pipe?)");
    }
}
