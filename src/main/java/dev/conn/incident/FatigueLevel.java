package dev.conn.incident;

import java.util.Locale;
import java.util.Optional;

/**
 * How tired a responder is likely to be, from their duty time. The natural order of the constants
 * ({@link #compareTo}) is the order of severity, least severe first.
 *
 * <p>Thresholds come from {@code settings.Policy.Fatigue}; the shipped defaults follow CDC/NIOSH work-hour
 * guidance (https://www.cdc.gov/niosh/work-hour-training-for-nurses/): brief breaks every 1 to 2
 * hours in demanding work, and at least 10 hours off in every 24. Night hours weigh more, after
 * incident.io's on-call workload model.
 */
public enum FatigueLevel {
    /** Below every threshold. */
    RESTED("Rested"),
    /** Continuous duty of at least {@code breakAfterMinutes} (default 90). */
    BREAK_SUGGESTED("Break suggested"),
    /** Continuous duty of at least {@code handoffAfterMinutes} (default 240). */
    HANDOFF_URGED("Hand-off urged"),
    /** Night-weighted duty in the last 24 h of at least {@code criticalHoursIn24h} (default 12). */
    CRITICAL("Critical");

    private final String label;

    FatigueLevel(String label) {
        this.label = label;
    }

    /** @return a short human label, e.g. "Hand-off urged" */
    public String label() {
        return label;
    }

    /** @return true if this level is {@code other} or more severe */
    public boolean isAtLeast(FatigueLevel other) {
        return compareTo(other) >= 0;
    }

    /** @return true for the levels reached by continuous duty ({@link #BREAK_SUGGESTED}, {@link #HANDOFF_URGED}) */
    public boolean isContinuous() {
        return this == BREAK_SUGGESTED || this == HANDOFF_URGED;
    }

    /**
     * Reads a level by name, as stored in a {@code FATIGUE_ALERTED} payload.
     *
     * @param name a constant name, case-insensitive, e.g. "BREAK_SUGGESTED"
     * @return the level, or empty if the name is unknown (a log written by a newer version)
     */
    public static Optional<FatigueLevel> parse(String name) {
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
