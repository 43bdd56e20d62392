package dev.conn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.platform.product.ProductInfo;
import dev.conn.postmortem.SampleIncident;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the launcher does with its arguments when the desktop opens an incident bundle with Conn
 * ({@code Exec=conn %f}), and {@code --version}.
 */
class OpenBundleArgumentTest {
    @TempDir
    Path dir;

    private final List<Path> openedDirs = new ArrayList<>();
    private final List<Optional<Path>> openedBundles = new ArrayList<>();
    private String out = "";
    private String err = "";

    private int conn(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = ConnCommand.run(
                args,
                (dataDir, bundle) -> {
                    openedDirs.add(dataDir);
                    openedBundles.add(bundle);
                },
                Clock.systemUTC(),
                new PrintWriter(o),
                new PrintWriter(e));
        out = o.toString();
        err = e.toString();
        return code;
    }

    @Test
    void aBundleFileOpensTheWindowWithIt() throws Exception {
        Path bundle = Files.write(dir.resolve("incident.conn.json"), SampleIncident.bytes());

        int code = conn("--data-dir", dir.resolve("data").toString(), bundle.toString());

        assertThat(code).isZero();
        assertThat(openedDirs).containsExactly(dir.resolve("data").toAbsolutePath());
        assertThat(openedBundles).containsExactly(Optional.of(bundle.toAbsolutePath()));
    }

    @Test
    void aRelativeBundlePathReachesTheWindowAbsolute() throws Exception {
        Path bundle = Files.write(dir.resolve("incident.conn.json"), SampleIncident.bytes());
        Path relative = Path.of("").toAbsolutePath().relativize(bundle);

        conn("--data-dir", dir.toString(), relative.toString());

        assertThat(openedBundles).containsExactly(Optional.of(bundle));
    }

    @Test
    void withoutArgumentsTheWindowOpensWithNoBundle() {
        conn("--data-dir", dir.toString());

        assertThat(openedBundles).containsExactly(Optional.empty());
    }

    @Test
    void aMistypedCommandIsAUsageErrorAndOpensNoWindow() {
        int code = conn("--data-dir", dir.toString(), "incidnets");

        assertThat(code).isEqualTo(2);
        assertThat(err).contains("'incidnets' is neither a command").contains("incidents");
        assertThat(openedDirs).isEmpty();
    }

    @Test
    void aCommandNameStillRunsTheCommand() {
        int code = conn("--data-dir", dir.toString(), "incidents");

        assertThat(code).isEqualTo(1); // `conn incidents` ran, and refused the empty directory
        assertThat(err).contains("No Conn database in " + dir);
        assertThat(openedDirs).isEmpty();
    }

    @Test
    void versionPrintsTheVersionAboutAndThePackagesShow() {
        int code = conn("--version");

        assertThat(code).isZero();
        assertThat(out.strip()).isEqualTo("conn " + ProductInfo.version());
        assertThat(out).doesNotContain("SNAPSHOT");
    }
}
