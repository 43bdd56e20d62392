package dev.conn.app;

import dev.conn.platform.secrets.KnownSecrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The log file in the data directory: {@code logs/conn.log.0} (newest) to {@code conn.log.4},
 * java.util.logging's {@link FileHandler} rotating at {@link #LIMIT_BYTES} per file, so the logs
 * never take more than 5 × 2 MB. Every line passes through {@link LogRedactor} first, with the
 * process's {@link KnownSecrets}, so neither a resolved secret nor a secret-looking value reaches
 * the disk; the console handler (standard error) gets the same formatter.
 *
 * <p>java.util.logging has one root logger per JVM; installing again (a second window in tests)
 * replaces the file handler this class installed before.
 */
public final class RollingLog {
    /** The logs folder inside the data directory. */
    public static final String FOLDER = "logs";

    /** Size at which a log file is rotated, in bytes. */
    public static final int LIMIT_BYTES = 2 * 1024 * 1024;

    /** How many files are kept. */
    public static final int FILES = 5;

    private static FileHandler installed;

    private RollingLog() {}

    /**
     * Starts logging (INFO and above) to the data directory's {@code logs} folder, scrubbing
     * secret-looking values only.
     *
     * @param dataDirectory the data directory
     * @return the logs folder
     * @throws IOException if the folder or file cannot be created
     */
    public static Path install(Path dataDirectory) throws IOException {
        return install(dataDirectory, new KnownSecrets());
    }

    /**
     * Starts logging (INFO and above) to the data directory's {@code logs} folder, and makes the
     * console handler scrub too ({@link #redactConsole}).
     *
     * @param dataDirectory the data directory
     * @param known the process's resolved secret values, removed from every line
     * @return the logs folder
     * @throws IOException if the folder or file cannot be created
     */
    public static synchronized Path install(Path dataDirectory, KnownSecrets known) throws IOException {
        Path folder = dataDirectory.resolve(FOLDER);
        dev.conn.platform.files.PrivateFiles.createDirectories(folder);
        PrivateFileHandler.folder = folder;
        FileHandler handler = new PrivateFileHandler(
                folder.resolve("conn.log").toString().replace("%", "%%"), LIMIT_BYTES, FILES, true);
        handler.setEncoding("UTF-8");
        handler.setFormatter(new RedactingFormatter(new SimpleFormatter(), known));
        handler.setLevel(Level.INFO);
        Logger root = Logger.getLogger("");
        if (installed != null) {
            root.removeHandler(installed);
            installed.close();
        }
        root.addHandler(handler);
        installed = handler;
        redactConsole(known);
        return folder;
    }

    /**
     * Makes every console handler of the root logger (standard error: what the CLI shows) scrub
     * its lines with the process's known secrets and the patterns. Calling it again replaces the
     * secrets used, without wrapping twice.
     *
     * @param known the process's resolved secret values
     */
    public static synchronized void redactConsole(KnownSecrets known) {
        for (Handler h : Logger.getLogger("").getHandlers()) {
            if (h instanceof ConsoleHandler) {
                Formatter f = h.getFormatter();
                Formatter base = f instanceof RedactingFormatter r ? r.delegate : f;
                h.setFormatter(new RedactingFormatter(base == null ? new SimpleFormatter() : base, known));
            }
        }
    }

    /**
     * A {@link FileHandler} whose files are owner-only (0600 on POSIX), including each new file it
     * opens when it rotates: {@link FileHandler} creates them with the process umask.
     */
    private static final class PrivateFileHandler extends FileHandler {
        /** Set before construction: the super constructor already opens the first file. */
        static volatile Path folder;

        PrivateFileHandler(String pattern, int limit, int count, boolean append) throws IOException {
            super(pattern, limit, count, append);
        }

        @Override
        protected synchronized void setOutputStream(java.io.OutputStream out) {
            super.setOutputStream(out);
            Path dir = folder;
            if (dir == null) {
                return;
            }
            try (java.util.stream.Stream<Path> files = Files.list(dir)) {
                files.filter(f -> f.getFileName().toString().startsWith("conn.log"))
                        .forEach(dev.conn.platform.files.PrivateFiles::restrict);
            } catch (IOException | RuntimeException e) {
                // best effort: the folder itself is owner-only
            }
        }
    }

    /** Formats with a delegate, then redacts (message, parameters and stack trace alike). */
    static final class RedactingFormatter extends Formatter {
        private final Formatter delegate;
        private final KnownSecrets known;

        RedactingFormatter(Formatter delegate, KnownSecrets known) {
            this.delegate = delegate;
            this.known = known;
        }

        @Override
        public String format(LogRecord record) {
            return LogRedactor.redact(delegate.format(record), known);
        }
    }
}
