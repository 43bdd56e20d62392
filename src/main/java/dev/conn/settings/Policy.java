package dev.conn.settings;

import dev.conn.incident.Audience;
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
 * work breaks and hours, and the communication cadence and checklist from PagerDuty's external
 * communication guidelines (https://response.pagerduty.com/during/external_communication_guidelines/).
 *
 * @param version file format version, 1
 * @param sources where the defaults come from (documentation only)
 * @param severities one definition per severity, SEV1 to SEV4, each exactly once
 * @param handoff hand-off rules
 * @param fatigue duty-time thresholds
 * @param comms update cadence per severity and audience, and the communication checklist; null in
 *     files written before it existed (then the shipped default applies, see {@code PolicyFile})
 */
public record Policy(
        int version,
        List<String> sources,
        List<SeverityDefinition> severities,
        Handoff handoff,
        Fatigue fatigue,
        Comms comms) {

    /** @return a copy with the comms section set */
    public Policy withComms(Comms c) {
        return new Policy(version, sources, severities, handoff, fatigue, c);
    }

    /** What a checklist item's due offset counts from. */
    public enum Anchor {
        /** From the moment the current severity took effect (declaration or last severity change). */
        DECLARED,
        /** From the moment the incident was resolved; not due before. */
        RESOLVED
    }

    /**
     * The communication section of the policy.
     *
     * @param dueSoonMinutes an item or countdown turns amber this many minutes before it is due
     * @param cadences update cadences, at most one per severity and audience; a pair without an
     *     entry has no countdown
     * @param checklist the checklist template; each item lists the severities it applies to
     */
    public record Comms(int dueSoonMinutes, List<Cadence> cadences, List<ChecklistTemplateItem> checklist) {}

    /**
     * How often one audience must hear from the incident commander at one severity.
     *
     * @param severity the severity
     * @param audience the audience
     * @param firstWithinMinutes the first update is due this many minutes after the severity took
     *     effect
     * @param everyMinutes later updates are due this many minutes after the previous one; null for
     *     none
     * @param forFirstMinutes that interval holds while the incident is younger than this many
     *     minutes (since declaration); null for always
     * @param thenEveryMinutes the interval after {@code forFirstMinutes}; null to keep {@code
     *     everyMinutes}
     */
    public record Cadence(
            Severity severity,
            Audience audience,
            int firstWithinMinutes,
            Integer everyMinutes,
            Integer forFirstMinutes,
            Integer thenEveryMinutes) {}

    /**
     * One item of the communication checklist.
     *
     * @param id stable id, recorded in checklist events (e.g. "notify-responders")
     * @param title what to do, e.g. "Notify responders and leadership"
     * @param severities the severities it applies to
     * @param anchor what the due offset counts from
     * @param dueMinutes minutes after the anchor it is due
     * @param dueBusinessDays business days (Monday to Friday, UTC) after the anchor it is due,
     *     added to {@code dueMinutes}; null for none
     * @param audience sending a message to this audience ticks the item; null if only the user
     *     ticks it
     * @param role giving someone this role (assigned, or handed off and acknowledged) ticks the
     *     item, e.g. "Name a Communications Lead"; null for none
     */
    public record ChecklistTemplateItem(
            String id,
            String title,
            List<Severity> severities,
            Anchor anchor,
            int dueMinutes,
            Integer dueBusinessDays,
            Audience audience,
            dev.conn.incident.Role role) {}

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
