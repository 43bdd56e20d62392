package dev.conn.incident;

/** The event store could not be read or written. The message says which and why. */
public class StoreException extends RuntimeException {
    /**
     * @param message what failed, in words a user can act on
     * @param cause the underlying error
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
