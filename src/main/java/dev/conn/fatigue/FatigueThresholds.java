package dev.conn.fatigue;

import dev.conn.incident.FatigueLevel;
import dev.conn.settings.Policy;
import java.time.Duration;
import java.util.Optional;

/** The duty time at which each {@link FatigueLevel} begins, from the policy's fatigue section. */
public final class FatigueThresholds {
    private FatigueThresholds() {}

    /**
     * @param level a level
     * @param policy the fatigue thresholds
     * @return the continuous (break, hand-off) or 24-hour (critical) duty time at which the level
     *     begins; empty for {@link FatigueLevel#RESTED}
     */
    public static Optional<Duration> of(FatigueLevel level, Policy.Fatigue policy) {
        return switch (level) {
            case RESTED -> Optional.empty();
            case BREAK_SUGGESTED -> Optional.of(Duration.ofMinutes(policy.breakAfterMinutes()));
            case HANDOFF_URGED -> Optional.of(Duration.ofMinutes(policy.handoffAfterMinutes()));
            case CRITICAL -> Optional.of(Duration.ofHours(policy.criticalHoursIn24h()));
        };
    }
}
