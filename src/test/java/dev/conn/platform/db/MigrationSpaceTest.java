package dev.conn.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schema change on a nearly full disk is refused before it starts: H2 runs DDL outside
 * transactions, and a migration cut short by a full disk left the database unopenable for good
 * ("Script V6__war_room_journal.sql failed", then "Validate failed" after space was freed).
 */
class MigrationSpaceTest {
    @TempDir
    Path tmp;

    @Test
    void tooLittleSpaceIsRefusedSayingWhatIsFreeAndWhatIsNeeded() {
        Path file = Path.of("/data/conn.mv.db");

        assertThat(MigrationSpace.problem(file, 700 * 1024, 50_000)).hasValueSatisfying(p -> assertThat(p)
                .startsWith("The disk holding /data is nearly full (0.7 MiB free); Conn needs 16.0 MiB free")
                .contains("Nothing was changed"));
        assertThat(MigrationSpace.problem(file, MigrationSpace.MINIMUM, 50_000)).isEmpty();
        assertThat(MigrationSpace.problem(file, MigrationSpace.MINIMUM, 40L * 1024 * 1024))
                .hasValueSatisfying(p -> assertThat(p).contains("needs 40.0 MiB free"));
    }

    /**
     * The real thing, as root (CI): a 700 KiB tmpfs in a private mount namespace as the data
     * directory. The first {@code conn declare} must be refused in one line; after the disk grows,
     * the same data directory opens and records.
     */
    @Test
    void aDataDirectoryOnANearlyFullDiskIsNotLeftUnopenable() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a small tmpfs needs root");
        Path mount = Files.createDirectory(tmp.resolve("small"));
        Path out = tmp.resolve("out.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java") + " -cp '"
                + System.getProperty("java.class.path") + "' dev.conn.app.Launcher --data-dir \"$1/d\"";
        String script = "mount -t tmpfs -o size=700k tmpfs \"$1\" || exit 99\n"
                + java + " declare -s 2 'first try'; echo \"first=$?\"\n"
                + "mount -o remount,size=32m \"$1\"\n"
                + java + " declare -s 2 'second try'; echo \"second=$?\"\n"
                + java + " incidents; echo \"list=$?\"\n";
        List<String> cmd = new ArrayList<>(List.of("unshare", "-m", "sh", "-c", script, "sh", mount.toString()));
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();

        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String said = Files.readString(out);
        assumeTrue(p.exitValue() != 99, "no tmpfs mount here: " + said);
        assertThat(said)
                .as(said)
                .contains("first=1")
                .contains("is nearly full")
                .doesNotContain("SEVERE")
                .contains("second=0")
                .contains("list=0")
                .contains("second try");
    }
}
