package dev.conn.comms;

/**
 * An outbox compare-and-set found the row no longer as it expected (another window decided first,
 * or the dispatch lease moved on to another token): thrown inside the append's transaction, it
 * rolls back the event that would have recorded the move, so nothing is stored.
 */
public final class OutboxRowMovedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param seq the outbox row */
    public OutboxRowMovedException(long seq) {
        super("outbox row " + seq + " moved meanwhile", null, false, false);
    }
}
