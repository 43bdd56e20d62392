package dev.conn.settings;

import java.nio.file.Path;

/**
 * A configuration file or the data directory cannot be used. The message names the file and the
 * problem, and is shown to the user as is. When it is thrown Conn has overwritten and deleted
 * nothing in the data directory: reads never write, and a failed write leaves the old file intact.
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
