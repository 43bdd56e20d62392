package dev.conn.warroom;

/**
 * The war room's server cannot be reached or the connection broke (network down, server stopped,
 * failover in progress): the console works on alone and shares when the server is back.
 */
public final class WarRoomUnreachableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message in words, for the status line
     * @param cause the underlying error
     */
    public WarRoomUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
