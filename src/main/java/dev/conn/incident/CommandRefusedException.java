package dev.conn.incident;

/**
 * A decider refused a command. The message is meant for the user as it is: what is wrong and what
 * to do instead. Nothing was stored.
 */
public final class CommandRefusedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** @param reason the decider's words */
    public CommandRefusedException(String reason) {
        super(reason);
    }
}
