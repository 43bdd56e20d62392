package dev.conn.settings;

import java.nio.file.Path;

/**
 * A configuration file or the data directory cannot be used. The message names the file and the
 * problem, and is shown to the user as is; nothing in the data directory has been changed.
 */
public class ConfigException extends RuntimeException {
    private final Path file;

    /**
     * @param file the file or directory at fault
     * @param problem what is wrong with it and, where possible, how to fix it
     * @param cause the underlying error, or null
     */
    public ConfigException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** @return the file or directory at fault */
    public Path file() {
        return file;
    }
}
