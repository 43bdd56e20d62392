package dev.conn.settings;

import dev.conn.incident.Severity;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/**
 * The response policy, stored as {@code policy.json} in the data directory and shipped with
 * defaults that follow published practice (sources listed in the file itself):
 * severity definitions from PagerDuty's incident response guide
 * (https://response.pagerduty.com/before/severity_levels/), the hand-off acknowledgement timeout
 * from PagerDuty's recommended escalation timeout, fatigue thresholds from CDC/NIOSH guidance on
 * work breaks and hours.
 *
 * @param version file format version, 1
 * @param sources where the defaults come from (documentation only)
 * @param severities one definition per severity, SEV1 to SEV4, each exactly once
 * @param handoff hand-off rules
 * @param fatigue duty-time thresholds
 */
public record Policy(
        int version, List<String> sources, List<SeverityDefinition> severities, Handoff handoff, Fatigue fatigue) {

    /**
     * @param level SEV1..SEV4
     * @param name a one-word name, e.g. "Critical"
     * @param definition the one-line definition shown when choosing a severity
     */
    public record SeverityDefinition(Severity level, String name, String definition) {}

    /**
     * @param ackTimeoutMinutes minutes an offered hand-off waits for the receiver's acknowledgement
     *     before it expires and the alarm sounds
     */
    public record Handoff(int ackTimeoutMinutes) {
        /** @return the timeout as a duration */
        public Duration ackTimeout() {
            return Duration.ofMinutes(ackTimeoutMinutes);
        }
    }

    /**
     * @param breakAfterMinutes continuous duty after which a break is suggested
     * @param handoffAfterMinutes continuous duty after which a hand-off is urged
     * @param criticalHoursIn24h hours on duty within 24 h that are critical
     * @param minimumBreakMinutes a break at least this long resets the continuous-duty clock
     * @param nightStart local time night hours begin (e.g. 23:00)
     * @param nightEnd local time night hours end (e.g. 08:00)
     * @param nightWeight how much a night minute counts (e.g. 1.5)
     */
    public record Fatigue(
            int breakAfterMinutes,
            int handoffAfterMinutes,
            int criticalHoursIn24h,
            int minimumBreakMinutes,
            LocalTime nightStart,
            LocalTime nightEnd,
            double nightWeight) {}

    /**
     * @param severity a severity
     * @return its definition, if the policy has one (a validated policy has all four)
     */
    public Optional<SeverityDefinition> definition(Severity severity) {
        return severities.stream().filter(d -> d.level() == severity).findFirst();
    }
}
