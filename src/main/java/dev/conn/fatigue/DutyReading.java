package dev.conn.fatigue;

import dev.conn.incident.FatigueLevel;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the roster shows for one responder at one instant, from {@link DutyClock#at}.
 * Durations are real (unweighted) time unless named weighted.
 *
 * @param responderId the responder's stable id
 * @param name display name
 * @param at the instant of the reading (UTC)
 * @param zone the zone night hours were counted in (the responder's own, else the caller's)
 * @param status on duty, on a break, or away
 * @param continuousSince when the current continuous-duty stretch began (UTC), or empty if there
 *     is none (never joined, or off duty for at least the minimum break)
 * @param continuousDuty duty time in the current stretch, short breaks excluded
 * @param dutyInLast24h duty time in {@code [at - 24h, at)}
 * @param weightedDutyInLast24h the same with night minutes counting {@code nightWeight}
 * @param level the most severe level reached
 * @param nextThreshold the next threshold crossed if nothing changes, or empty
 */
public record DutyReading(
        String responderId,
        String name,
        Instant at,
        ZoneId zone,
        DutyStatus status,
        Optional<Instant> continuousSince,
        Duration continuousDuty,
        Duration dutyInLast24h,
        Duration weightedDutyInLast24h,
        FatigueLevel level,
        Optional<UpcomingThreshold> nextThreshold) {

    /** @throws NullPointerException if a field is null */
    public DutyReading {
        Objects.requireNonNull(responderId, "responderId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(continuousSince, "continuousSince");
        Objects.requireNonNull(continuousDuty, "continuousDuty");
        Objects.requireNonNull(dutyInLast24h, "dutyInLast24h");
        Objects.requireNonNull(weightedDutyInLast24h, "weightedDutyInLast24h");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(nextThreshold, "nextThreshold");
    }
}
