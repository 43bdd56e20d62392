package dev.conn.shell;

import dev.conn.platform.fx.TaskRunner;
import java.awt.Desktop;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Opens the data directory's {@code logs} folder in the desktop's file manager ({@link
 * java.awt.Desktop}), off the FX thread. Where there is no file manager (a bare window manager, a
 * container), it says where the logs are instead.
 */
final class LogFolder {
    private LogFolder() {}

    /**
     * @param dataDirectory the data directory
     * @param tasks runs the opening off the FX thread
     * @param onProblem told on the FX thread where the logs are, if no file manager could open them
     */
    static void open(Path dataDirectory, TaskRunner tasks, Consumer<String> onProblem) {
        Path logs = dataDirectory.resolve("logs");
        tasks.run(
                () -> {
                    Files.createDirectories(logs);
                    if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                        throw new UnsupportedOperationException("no file manager");
                    }
                    Desktop.getDesktop().open(logs.toFile());
                    return null;
                },
                ok -> {},
                e -> onProblem.accept("Could not open a file manager here; the logs are in " + logs));
    }
}
