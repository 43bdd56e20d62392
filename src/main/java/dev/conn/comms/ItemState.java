package dev.conn.comms;

/**
 * Where a checklist item or an audience countdown stands at a given instant. The screen shows each
 * with an icon and a word as well as a colour, so colour is never the only cue.
 */
public enum ItemState {
    /** Due later than the due-soon window. */
    PENDING("Pending"),
    /** Due within the policy's due-soon window (amber). */
    DUE_SOON("Due soon"),
    /** Past its deadline (red). */
    OVERDUE("Overdue"),
    /** Done: ticked, or a message to its audience was sent. */
    DONE("Done"),
    /** Skipped with a reason. */
    SKIPPED("Skipped"),
    /** Put off until a later instant that is not yet near. */
    SNOOZED("Snoozed"),
    /** Not due yet because what it counts from has not happened (e.g. the resolution). */
    WAITING("Waiting");

    private final String label;

    ItemState(String label) {
        this.label = label;
    }

    /** @return the word shown beside the icon, e.g. "Overdue" */
    public String label() {
        return label;
    }

    /** @return true if the item still needs doing */
    public boolean isOpen() {
        return this != DONE && this != SKIPPED;
    }

    static ItemState byDeadline(java.time.Instant due, java.time.Instant now, java.time.Duration dueSoon) {
        if (!now.isBefore(due)) {
            return OVERDUE;
        }
        return now.plus(dueSoon).isBefore(due) ? PENDING : DUE_SOON;
    }
}
