package dev.conn.fatigue;

import java.util.List;

/**
 * The command to record fatigue alerts this console has just shown: decided by {@link
 * FatigueAlertDecider}, which records those still due and not recorded by anyone yet.
 *
 * @param crossings the thresholds crossed, as {@link FatigueMonitor#crossings} found them
 */
public record AlertFatigue(List<FatigueCrossing> crossings) {
    /** Copies the list. */
    public AlertFatigue {
        crossings = List.copyOf(crossings);
    }
}
