package dev.conn.incident;

/** Where appended events come from; transactional projections (the outbox) act on some only. */
public enum Origin {
    /** Decided on this console by a decider: a user's command, the dispatcher, a timer. */
    DECIDED,
    /** Read from an incident bundle file: history, never acted on again (no message is re-sent). */
    IMPORTED,
    /** Pulled from a war room: decided on another console. */
    REPLICATED
}
