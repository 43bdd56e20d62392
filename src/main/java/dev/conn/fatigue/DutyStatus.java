package dev.conn.fatigue;

/** Where a responder stands at an instant, as the roster shows it. */
public enum DutyStatus {
    /** Joined and not on a break: duty time is accruing. */
    ON_DUTY("On duty"),
    /** Joined but on a recorded break: no duty time accrues. */
    ON_BREAK("On break"),
    /** Not joined yet, or left. */
    OFF_DUTY("Off duty");

    private final String label;

    DutyStatus(String label) {
        this.label = label;
    }

    /** @return a short human label, e.g. "On break" */
    public String label() {
        return label;
    }
}
