package dev.conn.incident;

/** The action-item types of the SRE book's postmortem template. */
public enum ActionItemKind {
    /** Reduces the impact of this kind of incident next time. */
    MITIGATE,
    /** Stops it from happening again. */
    PREVENT,
    /** Changes how we work (runbooks, training, on-call). */
    PROCESS
}
