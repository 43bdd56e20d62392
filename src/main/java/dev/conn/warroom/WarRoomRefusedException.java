package dev.conn.warroom;

/**
 * The war room's server answered but refused this console (wrong password, TLS demanded and not
 * offered, a missing grant, a schema from a newer Conn, another war room): nothing was read or
 * written there, and trying again will not help until someone changes something. The message says
 * what, in words.
 */
public final class WarRoomRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong and what to do
     * @param cause the underlying error, or null
     */
    public WarRoomRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
