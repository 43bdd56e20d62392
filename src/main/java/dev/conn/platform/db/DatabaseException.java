package dev.conn.platform.db;

/**
 * The database could not be opened, migrated, read or written. The message names the file and
 * says what to do; it is meant to be shown to the user as is.
 */
public class DatabaseException extends RuntimeException {
    /**
     * @param message what went wrong, naming the file, in words a user can act on
     * @param cause the underlying error, or null
     */
    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
