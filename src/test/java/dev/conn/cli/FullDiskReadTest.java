package dev.conn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a full disk the record can still be listed and exported to another disk: {@code conn
 * incidents} and {@code conn export} said "the disk holding … is full" and showed nothing, since
 * opening for writing needs space (and left an empty H2 lock file that a read-only open took for a
 * holder). Recording is still refused in one line, and works again once space is freed.
 */
class FullDiskReadTest {
    @TempDir
    Path tmp;

    /** As root (CI): a 20 MiB tmpfs in a private mount namespace, filled after two entries. */
    @Test
    void aFullDataDirectoryIsListedAndExportedButNotWrittenTo() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root");
        Path mount = Files.createDirectory(tmp.resolve("disk"));
        Path csv = tmp.resolve("rescued.csv");
        Path out = tmp.resolve("out.txt");
        String conn = Path.of(System.getProperty("java.home"), "bin", "java") + " -cp '"
                + System.getProperty("java.class.path") + "' dev.conn.app.Launcher --data-dir \"$1/d\"";
        String script = "mount -t tmpfs -o size=20m tmpfs \"$1\" || exit 99\n"
                + conn + " declare -s 2 'Checkout down' >/dev/null || exit 98\n"
                + conn + " log 'acknowledged before the disk filled' >/dev/null || exit 97\n"
                + "dd if=/dev/zero of=\"$1/fill\" bs=1M count=40 2>/dev/null\n"
                + conn + " incidents; echo \"list=$?\"\n"
                + conn + " export --format csv -o \"$2\"; echo \"export=$?\"\n"
                + conn + " log 'while full'; echo \"log=$?\"\n"
                + "rm \"$1/fill\"\n"
                + conn + " log 'after freeing'; echo \"again=$?\"\n";
        Process p = new ProcessBuilder(
                        List.of("unshare", "-m", "sh", "-c", script, "sh", mount.toString(), csv.toString()))
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();

        assertThat(p.waitFor(240, TimeUnit.SECONDS)).isTrue();
        String said = Files.readString(out);
        assumeTrue(p.exitValue() != 99, "no tmpfs mount here: " + said);
        assertThat(said)
                .as(said)
                .contains("Checkout down")
                .contains("list=0")
                .contains("export=0")
                .contains("is full; reading the record without writing")
                .contains("log=1")
                .contains("again=0");
        assertThat(Files.readString(csv)).contains("acknowledged before the disk filled");
    }
}
