package dev.conn.incident;

/** Where an action item stands. */
public enum ActionItemStatus {
    /** Not started. */
    OPEN,
    /** Someone is on it. */
    IN_PROGRESS,
    /** Done. */
    DONE,
    /** Decided against, with the reason in the ticket. */
    WONT_DO
}
