package dev.conn.app;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which JavaFX rendering pipeline to ask for, decided before the toolkit starts. On Linux and the
 * BSDs with no GPU device (no {@code /dev/dri/renderD*} or {@code /dev/dri/card*} node and no
 * {@code /dev/nvidiactl}: a virtual machine, a container, Xvfb, a remote desktop) OpenGL can only
 * be Mesa's software renderer, and JavaFX's ES2 pipeline refuses it ("Failed Graphics Hardware
 * Qualifier check": {@code com.sun.prism.es2.X11GLFactory} qualifies only GPU vendors) and falls
 * back to its software pipeline. Asking for the software pipeline directly skips that probe, which
 * loads and initialises Mesa (libLLVM, swrast: tens of MB resident, for nothing). The packaged
 * Linux launcher ({@code installers/linux/conn-launcher.sh}) makes the same test and tells GTK not to
 * load OpenGL either ({@code GDK_GL=disable}); together they take about 60 MB off the resident
 * memory with an incident open (src/docs/decisions/0025). With a GPU device, or where
 * {@code prism.order} is already set ({@code -Dprism.order=es2,sw} overrides this), nothing changes.
 */
final class GraphicsPipeline {
    /** The JavaFX property this sets (read once, when the toolkit starts). */
    static final String PRISM_ORDER = "prism.order";

    private GraphicsPipeline() {}

    /**
     * @param osName {@code os.name}
     * @param prismOrder {@code prism.order} as set on the command line, or null
     * @param glassPlatform {@code glass.platform} (Monocle in headless tests), or null
     * @param gpuDevice tells whether a GPU device node exists under {@code /dev}
     * @return the {@code prism.order} to set, or empty to leave JavaFX's default (ES2, then software)
     */
    static Optional<String> order(String osName, String prismOrder, String glassPlatform, Predicate<Path> gpuDevice) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (prismOrder != null || glassPlatform != null || os.startsWith("windows") || os.startsWith("mac")) {
            return Optional.empty();
        }
        boolean gpu = gpuDevice.test(Path.of("/dev/dri")) || gpuDevice.test(Path.of("/dev/nvidiactl"));
        return gpu ? Optional.empty() : Optional.of("sw");
    }

    /**
     * Sets {@code prism.order} for this process where {@link #order} says so. Call before
     * {@code Application.launch}; later, JavaFX has read it.
     *
     * @return the pipeline asked for, or empty if JavaFX's default stays
     */
    static Optional<String> choose() {
        Optional<String> order = order(
                System.getProperty("os.name", ""),
                System.getProperty(PRISM_ORDER),
                System.getProperty("glass.platform"),
                GraphicsPipeline::gpuDevice);
        order.ifPresent(o -> System.setProperty(PRISM_ORDER, o));
        return order;
    }

    /**
     * @param path {@code /dev/dri} (true if it holds a render or card node) or a device file (true if
     *     it exists)
     * @return whether it is a GPU device; true where {@code /dev/dri} cannot be read (cannot tell:
     *     JavaFX's default stays)
     */
    static boolean gpuDevice(Path path) {
        if (!Files.isDirectory(path)) {
            return Files.exists(path);
        }
        try (DirectoryStream<Path> nodes = Files.newDirectoryStream(path, "{renderD,card}*")) {
            return nodes.iterator().hasNext();
        } catch (IOException | SecurityException unreadable) {
            return true;
        }
    }
}
