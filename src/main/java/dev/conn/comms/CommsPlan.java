package dev.conn.comms;

import dev.conn.incident.Audience;
import dev.conn.incident.Event;
import dev.conn.settings.Policy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The communication plan of one incident at one instant: its checklist and one "next update due"
 * countdown per audience. A pure function of (policy, events, now), after PagerDuty's external
 * communication guidelines (https://response.pagerduty.com/during/external_communication_guidelines/).
 *
 * <p>Computed in two steps, so the Comms tab never folds the log again each second: a {@link
 * CommsFold} takes the events in one at a time, a {@link CommsSchedule} works out the deadlines when
 * the fold changes, and {@link CommsSchedule#at} says where each stands at an instant. Rules:
 *
 * <ul>
 *   <li>Items and cadences follow the current severity. Items with anchor DECLARED are due their
 *       offset after the moment the current severity took effect (declaration, or the last
 *       {@code SEVERITY_CHANGED}): a severity change re-plans what is still open; done and skipped
 *       items keep their state even if the new severity does not list them.
 *   <li>A {@code MESSAGE_QUEUED} to an audience ticks the item it names ({@code checklistItemId}),
 *       or else the open item of that audience due soonest whose anchor has passed.
 *   <li>An audience's next update is due {@code firstWithinMinutes} after the severity took effect
 *       until it gets a message; then at the message's promised {@code nextUpdateAt}, or the
 *       cadence interval after the message. The state summary is also due at each hand-off of
 *       the incident commander role.
 *   <li>After resolution no countdown runs; items anchored on RESOLVED become due.
 * </ul>
 *
 * @param checklist the items, in policy order
 * @param countdowns one per audience with a cadence at the current severity, in {@link Audience}
 *     order
 */
public record CommsPlan(List<ChecklistItem> checklist, List<AudienceCountdown> countdowns) {
    /** Copies the lists. */
    public CommsPlan {
        checklist = List.copyOf(checklist);
        countdowns = List.copyOf(countdowns);
    }

    /**
     * @param policy the comms section of the policy
     * @param events every event of one incident, in storage order
     * @param clock the clock to read now from
     * @return the plan at the clock's instant
     */
    public static CommsPlan evaluate(Policy.Comms policy, List<Event> events, Clock clock) {
        return evaluate(policy, events, clock.instant());
    }

    /**
     * Folds the events and evaluates the plan: the same code the Comms tab runs incrementally.
     *
     * @param policy the comms section of the policy
     * @param events the events of one incident in storage order (all, or at least those of {@link
     *     CommsFold#PLAN_TYPES}); empty gives an empty plan
     * @param now the instant to evaluate at (UTC)
     * @return the plan
     */
    public static CommsPlan evaluate(Policy.Comms policy, List<Event> events, Instant now) {
        return CommsSchedule.of(policy, CommsFold.of(events)).at(now);
    }

    /**
     * @param audience an audience
     * @return its countdown, if the policy sets one at the current severity and the incident is open
     */
    public Optional<AudienceCountdown> countdown(Audience audience) {
        return countdowns.stream().filter(c -> c.audience() == audience).findFirst();
    }

    /**
     * @param id a checklist item id
     * @return the item, if it is in the plan
     */
    public Optional<ChecklistItem> item(String id) {
        return checklist.stream().filter(i -> i.id().equals(id)).findFirst();
    }
}
