package dev.conn.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the window can open at all: on Linux and the BSDs JavaFX draws through GTK on an X
 * display ({@code DISPLAY}; on Wayland through XWayland, which sets it). Without one, GTK fails
 * deep in the toolkit with a stack trace ("Unable to open DISPLAY"); this says so in one line,
 * and that the CLI works without a display. Windows and macOS always have their own display.
 */
final class Display {
    /** What to add to every no-display message. */
    static final String CLI_HINT = "the CLI commands work without one: conn --help";

    private static final Pattern LOCAL = Pattern.compile("^(?:unix)?:(\\d+)(?:\\.\\d+)?$");

    private Display() {}

    /**
     * @param env the process environment
     * @param osName {@code os.name}
     * @param glassPlatform {@code glass.platform} (Monocle in headless tests: no display needed), or null
     * @param exists tells whether a path exists (the X server's socket)
     * @return the one-line reason the window cannot open, or empty if it may
     */
    static Optional<String> problem(
            Map<String, String> env, String osName, String glassPlatform, Predicate<Path> exists) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac") || glassPlatform != null) {
            return Optional.empty();
        }
        String display = env.getOrDefault("DISPLAY", "").strip();
        if (display.isEmpty()) {
            String wayland = env.getOrDefault("WAYLAND_DISPLAY", "").strip();
            return Optional.of("no display to open the window on (DISPLAY is not set"
                    + (wayland.isEmpty() ? "" : "; Wayland needs XWayland for Conn's window") + "); " + CLI_HINT);
        }
        Matcher local = LOCAL.matcher(display);
        if (local.matches() && !exists.test(Path.of("/tmp/.X11-unix/X" + local.group(1)))) {
            return Optional.of(
                    "no display to open the window on (no X server answers on DISPLAY=" + display + "); " + CLI_HINT);
        }
        return Optional.empty();
    }

    /** @return {@link #problem} for this process */
    static Optional<String> problem() {
        return problem(
                System.getenv(),
                System.getProperty("os.name", ""),
                System.getProperty("glass.platform"),
                Files::exists);
    }

    /**
     * @param e what a command (not the window) failed with, past its own refusals
     * @return one line: out of memory says how to give Java more; anything else says it is a
     *     failure of the command
     */
    static String commandFailure(Throwable e) {
        Throwable root = rootCause(e);
        String why = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (e instanceof OutOfMemoryError || root instanceof OutOfMemoryError) {
            return "the command ran out of memory (" + why + ") before it reported being done; check what"
                    + " it did (conn incidents) and, to try again, give Java more memory (e.g."
                    + " JAVA_TOOL_OPTIONS=-Xmx2g).";
        }
        return "the command failed: " + why.lines().findFirst().orElse(why);
    }

    /**
     * Words for a failure of the toolkit's start, in one line.
     *
     * @param e what {@code Application.launch} threw
     * @return the message
     */
    static String launchFailure(Throwable e) {
        Throwable root = rootCause(e);
        String why = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (why.contains("DISPLAY") || why.contains("display")) {
            return "cannot open the display (" + why + "); " + CLI_HINT;
        }
        return "Conn could not start its window: " + why.lines().findFirst().orElse(why);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
