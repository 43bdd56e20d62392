package dev.conn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.conn.app.AppContext;
import dev.conn.platform.files.PrivateFiles;
import dev.conn.platform.fx.DirectTaskRunner;
import dev.conn.settings.ConfigException;
import dev.conn.testing.MutableClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, findings 12 and 13: the record is private by default on POSIX, and the CLI and the
 * window check the data directory the same way and say what is wrong in words.
 */
class DataDirectoryChecksTest {
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

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    // --- finding 12: private by default ---------------------------------------------------------

    @Test
    void theWindowCreatesAPrivateDataDirectoryDatabaseAndLogs() throws Exception {
        assumeTrue(PrivateFiles.posix(), "POSIX permissions only");
        Path dir = tmp.resolve("home/.conn");

        try (AppContext ignored = AppContext.open(dir, clock, new DirectTaskRunner(), new DirectTaskRunner())) {
            assertThat(mode(dir)).isEqualTo("rwx------");
            assertThat(mode(dir.resolve("conn.mv.db"))).isEqualTo("rw-------");
            assertThat(mode(dir.resolve("conn.lock.db"))).isEqualTo("rw-------");
            assertThat(mode(dir.resolve("logs"))).isEqualTo("rwx------");
            assertThat(mode(dir.resolve("logs/conn.log.0"))).isEqualTo("rw-------");
            assertThat(mode(dir.resolve("settings.json"))).isEqualTo("rw-------");
            assertThat(mode(dir.resolve("policy.json"))).isEqualTo("rw-------");
        }
    }

    @Test
    void theCliCreatesAPrivateDataDirectoryAndDatabase() throws Exception {
        assumeTrue(PrivateFiles.posix(), "POSIX permissions only");
        Path dir = tmp.resolve("fresh");

        assertThat(conn(dir, "declare", "--severity", "2", "Checkout errors")).isZero();

        assertThat(mode(dir)).isEqualTo("rwx------");
        assertThat(mode(dir.resolve("conn.mv.db"))).isEqualTo("rw-------");
    }

    @Test
    void aDatabaseLeftReadableByAnOlderConnIsMadePrivateWhenOpened() throws Exception {
        assumeTrue(PrivateFiles.posix(), "POSIX permissions only");
        Path dir = tmp.resolve("old");
        assertThat(conn(dir, "declare", "--severity", "2", "Checkout errors")).isZero();
        Files.setPosixFilePermissions(dir.resolve("conn.mv.db"), PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(conn(dir, "log", "still private")).isZero();

        assertThat(mode(dir.resolve("conn.mv.db"))).isEqualTo("rw-------");
    }

    @Test
    void anExportKeepsTheUsersUmaskNotTheRecordsPrivacy() throws Exception {
        assumeTrue(PrivateFiles.posix(), "POSIX permissions only");
        Path dir = tmp.resolve("data");
        assertThat(conn(dir, "declare", "--severity", "2", "Checkout errors")).isZero();
        Path reports = Files.createDirectories(tmp.resolve("reports"));
        Path likeAnyNewFile = Files.createFile(reports.resolve("probe")); // the umask's mode

        assertThat(conn(
                        dir,
                        "export",
                        "--format",
                        "md",
                        "-o",
                        reports.resolve("pm.md").toString()))
                .isZero();

        assertThat(mode(reports.resolve("pm.md"))).isEqualTo(mode(likeAnyNewFile));
    }

    // --- finding 13: clear messages, consistent checks ------------------------------------------

    @Test
    void anEmptyDatabaseFileIsRefusedAndLeftAsItWas() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("empty"));
        Path file = Files.createFile(dir.resolve("conn.mv.db"));

        assertThat(conn(dir, "log", "deployed v42")).isEqualTo(ConnCommand.REFUSED);
        assertThat(err).contains(file.toAbsolutePath().toString()).contains("is empty (0 bytes)");
        assertThat(conn(dir, "declare", "--severity", "2", "Checkout errors")).isEqualTo(ConnCommand.REFUSED);
        assertThat(err).contains("is empty (0 bytes)");

        assertThat(Files.size(file)).as("nothing written over it").isZero();
    }

    @Test
    void theWindowRefusesAnEmptyDatabaseFileWithTheSameWords() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("empty"));
        Files.createFile(dir.resolve("conn.mv.db"));

        Exception e = org.junit.jupiter.api.Assertions.assertThrows(
                RuntimeException.class,
                () -> AppContext.open(dir, clock, new DirectTaskRunner(), new DirectTaskRunner()));

        assertThat(e.getMessage()).contains("is empty (0 bytes)");
        assertThat(Files.size(dir.resolve("conn.mv.db"))).isZero();
    }

    @Test
    void aFileThatIsNotADatabaseIsNamedAsSuch() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("garbage"));
        Files.writeString(dir.resolve("conn.mv.db"), "name,amount\nalice,12\n");

        assertThat(conn(dir, "incidents")).isEqualTo(ConnCommand.REFUSED);

        assertThat(err).contains("is not a Conn database");
        assertThat(Files.readString(dir.resolve("conn.mv.db"))).isEqualTo("name,amount\nalice,12\n");
    }

    @Test
    void theCliReportsABadPolicyFileWithTheWindowsMessage() throws Exception {
        Path dir = tmp.resolve("policy");
        assertThat(conn(dir, "declare", "--severity", "2", "Checkout errors")).isZero();
        Files.writeString(dir.resolve("policy.json"), "{\"version\": 1, \"severities\": 7}");
        String windowSays = org.junit.jupiter.api.Assertions.assertThrows(
                        ConfigException.class,
                        () -> AppContext.open(dir, clock, new DirectTaskRunner(), new DirectTaskRunner()))
                .getMessage();

        assertThat(conn(dir, "declare", "--severity", "1", "Another one")).isEqualTo(ConnCommand.REFUSED);
        assertThat(err.strip()).isEqualTo("conn: " + windowSays);

        assertThat(conn(dir, "log", "deployed v42"))
                .as("a deploy note is still recorded")
                .isZero();
        assertThat(err).contains("conn: warning: " + windowSays);
    }

    @Test
    void exportWorksFromAReadOnlyDataDirectory() throws Exception {
        Path dir = tmp.resolve("data");
        assertThat(conn(dir, "declare", "--severity", "2", "Checkout errors in EU"))
                .isZero();
        assertThat(conn(dir, "log", "rolled back payments-api")).isZero();
        Path md = tmp.resolve("pm.md");

        Process p = readOnly(dir, List.of("export", "--format", "md", "-o", md.toString()));

        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(Files.readString(md)).contains("Checkout errors in EU").contains("rolled back payments-api");
        assertThat(dir.resolve("conn.lock.db")).doesNotExist();
    }

    @Test
    void listingAndStatsWorkFromAReadOnlyDataDirectoryAsExportDoes() throws Exception {
        Path dir = tmp.resolve("data");
        assertThat(conn(dir, "declare", "--severity", "2", "Checkout errors in EU"))
                .isZero();

        for (String command : List.of("incidents", "stats")) {
            Process p = readOnly(dir, List.of(command));
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String output = new String(p.getInputStream().readAllBytes());
            assertThat(p.exitValue()).as(command + ": " + output).isZero();
            assertThat(output).as(command).containsAnyOf("Checkout errors in EU", "Incidents: 1 (SEV1 0, SEV2 1");
        }
        assertThat(dir.resolve("conn.lock.db")).doesNotExist();
    }

    /**
     * Runs the CLI in a child JVM that sees {@code dir} read-only: as root (CI), through a read-only
     * bind mount in a private mount namespace ({@code unshare -m}), since root may write anywhere;
     * otherwise with the write bits removed.
     */
    private Process readOnly(Path dir, List<String> args) throws Exception {
        List<String> java = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.conn.app.Launcher",
                "--data-dir"));
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            Path view = Files.createDirectories(tmp.resolve("ro-view"));
            java.add(view.toString());
            java.addAll(args);
            String script = "mount --bind \"$1\" \"$2\" && mount -o remount,bind,ro \"$2\" && shift 2 && exec \"$@\"";
            List<String> cmd = new ArrayList<>(
                    List.of("unshare", "-m", "sh", "-c", script, "sh", dir.toString(), view.toString()));
            cmd.addAll(java);
            return new ProcessBuilder(cmd).redirectErrorStream(true).start();
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-x------"));
        java.add(dir.toString());
        java.addAll(args);
        return new ProcessBuilder(java).redirectErrorStream(true).start();
    }
}
