package dev.conn.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, the resident-memory row: on Linux with no GPU device JavaFX is asked for its software
 * pipeline at once (what its ES2 probe would fall back to after loading Mesa); with a GPU, on
 * Windows and macOS, under Monocle, or where the user chose a pipeline, nothing changes. The
 * memory itself is the bench's row (DesktopBench); the packaged launcher's half (GDK_GL) is checked
 * on a real window by installers/smoke-test.sh.
 */
class GraphicsPipelineTest {
    @TempDir
    Path dir;

    private static Predicate<Path> devices(String... present) {
        Set<Path> paths = Set.of(java.util.Arrays.stream(present).map(Path::of).toArray(Path[]::new));
        return paths::contains;
    }

    @Test
    void aLinuxMachineWithoutAGpuGetsTheSoftwarePipelineAtOnce() {
        assertThat(GraphicsPipeline.order("Linux", null, null, devices())).contains("sw");
        assertThat(GraphicsPipeline.order("FreeBSD", null, null, devices())).contains("sw");
    }

    @Test
    void aGpuDeviceLeavesJavaFxsOwnChoice() {
        assertThat(GraphicsPipeline.order("Linux", null, null, devices("/dev/dri")))
                .isEmpty();
        assertThat(GraphicsPipeline.order("Linux", null, null, devices("/dev/nvidiactl")))
                .isEmpty();
    }

    @Test
    void aChosenPipelineMonocleWindowsAndMacAreLeftAlone() {
        assertThat(GraphicsPipeline.order("Linux", "es2,sw", null, devices())).isEmpty();
        assertThat(GraphicsPipeline.order("Linux", null, "Monocle", devices())).isEmpty();
        assertThat(GraphicsPipeline.order("Windows 11", null, null, devices())).isEmpty();
        assertThat(GraphicsPipeline.order("Mac OS X", null, null, devices())).isEmpty();
    }

    @Test
    void aDriDirectoryCountsOnlyWithARenderOrCardNode() throws Exception {
        Path dri = Files.createDirectories(dir.resolve("dri"));
        assertThat(GraphicsPipeline.gpuDevice(dri)).as("empty /dev/dri").isFalse();
        Files.createDirectories(dri.resolve("by-path"));
        assertThat(GraphicsPipeline.gpuDevice(dri)).as("only by-path").isFalse();
        Files.createFile(dri.resolve("renderD128"));
        assertThat(GraphicsPipeline.gpuDevice(dri)).isTrue();
        Path card = Files.createDirectories(dir.resolve("dri2"));
        Files.createFile(card.resolve("card0"));
        assertThat(GraphicsPipeline.gpuDevice(card)).isTrue();
        assertThat(GraphicsPipeline.gpuDevice(dir.resolve("nvidiactl")))
                .as("absent device file")
                .isFalse();
        Files.createFile(dir.resolve("nvidiactl"));
        assertThat(GraphicsPipeline.gpuDevice(dir.resolve("nvidiactl"))).isTrue();
    }
}
