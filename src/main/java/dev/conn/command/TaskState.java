package dev.conn.command;

/** The states of a {@link CheckBackTask}: assigned, acknowledged by the assignee, then done or cancelled. */
public enum TaskState {
    /** Given to the assignee, who has not confirmed it yet. */
    ASSIGNED,
    /** The assignee confirmed it ({@code TASK_ACKNOWLEDGED}). */
    ACKNOWLEDGED,
    /** Finished ({@code TASK_DONE}). */
    DONE,
    /** Called off ({@code TASK_CANCELLED}). */
    CANCELLED;

    /** @return true while the task still runs (assigned or acknowledged) */
    public boolean isOpen() {
        return this == ASSIGNED || this == ACKNOWLEDGED;
    }
}
