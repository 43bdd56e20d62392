package dev.conn.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, finding 0 and issue 14 (item 14): start-up never races the toolkit, and a start that
 * cannot succeed says why in one line and exits instead of hanging. The 20 starts of the packaged
 * app under load are {@code installers/startup-stress.sh}.
 */
class StartupRaceTest {
    @TempDir
    Path dir;

    @Test
    void theWarmUpBeforeTheToolkitTouchesNoJavaFxClass() throws Exception {
        ClassLoader loader = Warmup.class.getClassLoader();
        for (String name : Warmup.CLASSES) {
            Class<?> c = Class.forName(name, false, loader); // loaded, not initialised
            assertThat(name).doesNotStartWith("javafx.");
            assertThat(javafx.scene.Node.class.isAssignableFrom(c))
                    .as("%s is a JavaFX node: initialising it before the toolkit breaks Control for good", name)
                    .isFalse();
            assertThat(javafx.application.Application.class.isAssignableFrom(c)).isFalse();
        }
    }

    @Test
    void withoutADisplayTheLauncherSaysSoInOneLineAndExitsNonZero() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.conn.app.Launcher",
                        "--data-dir",
                        dir.resolve("data").toString())
                .redirectErrorStream(true);
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        Process p = pb.start();

        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("exits, never hangs").isTrue();
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .filter(l -> !l.isBlank())
                .toList();
        assertThat(p.exitValue()).isNotZero();
        assertThat(lines)
                .containsExactly("conn: no display to open the window on (DISPLAY is not set); the CLI commands work"
                        + " without one: conn --help");
        assertThat(dir.resolve("data")).as("nothing created").doesNotExist();
    }

    @Test
    void aDisplayWithNoServerIsNamed() {
        assertThat(Display.problem(java.util.Map.of("DISPLAY", ":187"), "Linux", null, p -> false))
                .hasValueSatisfying(m -> assertThat(m).contains("DISPLAY=:187").contains("conn --help"));
        assertThat(Display.problem(java.util.Map.of("DISPLAY", ":0"), "Linux", null, p -> true))
                .isEmpty();
        assertThat(Display.problem(java.util.Map.of(), "Windows 11", null, p -> false))
                .isEmpty();
        assertThat(Display.problem(java.util.Map.of(), "Linux", "Monocle", p -> false))
                .as("headless tests need no display")
                .isEmpty();
    }

    @Test
    void aToolkitThatCannotOpenTheDisplayIsSaidInOneLine() {
        RuntimeException launch = new RuntimeException(
                "Application launch failed", new UnsupportedOperationException("Unable to open DISPLAY"));

        assertThat(Display.launchFailure(launch))
                .isEqualTo("cannot open the display (Unable to open DISPLAY); the CLI commands work without one:"
                        + " conn --help");
    }
}
