package dev.conn.fatigue;

import dev.conn.incident.FatigueLevel;
import dev.conn.settings.Policy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which fatigue thresholds to alert on: each crossing once. Pure: inputs are the
 * {@link DutyLog}, the policy and {@code now}; the caller shows each {@link FatigueCrossing} and
 * has {@link FatigueAlertDecider} record it as a {@code FATIGUE_ALERTED} event (at or after {@link
 * FatigueCrossing#reachedAt()}), which is what keeps it from being returned again.
 *
 * <p>Arming rules:
 *
 * <ul>
 *   <li>{@link FatigueLevel#BREAK_SUGGESTED} and {@link FatigueLevel#HANDOFF_URGED} are alerted
 *       once per continuous-duty stretch: an alert counts while it was raised in the current
 *       stretch, so a real break (at least {@code minimumBreakMinutes}) re-arms both and a short
 *       one does not. Only the highest continuous level reached is alerted, so a late check that
 *       finds 4 h of duty raises one hand-off alert, not a break alert too.
 *   <li>{@link FatigueLevel#CRITICAL} is alerted once per run of critical weighted duty: an alert
 *       counts while the 24-hour weighted total has stayed at or above {@code criticalHoursIn24h}
 *       ever since; once it drops below, the level re-arms.
 *   <li>Only responders on duty at {@code now} are alerted; nobody needs a break prompt for
 *       someone already on a break or gone.
 * </ul>
 *
 * <p>Thresholds come from {@link Policy.Fatigue}; see {@link DutyClock} for how duty is counted
 * and the sources of the defaults.
 */
public final class FatigueMonitor {
    private static final List<FatigueLevel> CONTINUOUS =
            List.of(FatigueLevel.BREAK_SUGGESTED, FatigueLevel.HANDOFF_URGED);

    private final Policy.Fatigue policy;
    private final ZoneId fallbackZone;

    /**
     * @param policy the thresholds, as validated by {@code PolicyFile}
     * @param fallbackZone the zone for night hours of responders who gave none
     * @throws NullPointerException if an argument is null
     */
    public FatigueMonitor(Policy.Fatigue policy, ZoneId fallbackZone) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.fallbackZone = Objects.requireNonNull(fallbackZone, "fallbackZone");
    }

    /**
     * @param responder a responder from the log
     * @return their duty clock under this monitor's policy and zone
     */
    public DutyClock clockFor(ResponderDuty responder) {
        return new DutyClock(responder, policy, fallbackZone);
    }

    /**
     * The alerts recorded in the log ({@code FATIGUE_ALERTED} events up to {@code now}) that still
     * count under the arming rules.
     *
     * @param log the duty log
     * @param now the instant (UTC)
     * @return responder and level pairs not to alert on again
     */
    public Set<AlertKey> alreadyAlerted(DutyLog log, Instant now) {
        Set<AlertKey> in = new LinkedHashSet<>();
        for (ResponderDuty r : log.responders()) {
            List<FatigueAlert> alerts = r.asOf(now).alerts();
            if (alerts.isEmpty()) {
                continue;
            }
            DutyClock clock = clockFor(r);
            Optional<Instant> stretch = clock.continuousSince(now);
            Optional<Instant> critical = alerts.stream().anyMatch(a -> a.level() == FatigueLevel.CRITICAL)
                    ? clock.reachedAt(FatigueLevel.CRITICAL, now)
                    : Optional.empty();
            for (FatigueAlert a : alerts) {
                Optional<Instant> since =
                        switch (a.level()) {
                            case CRITICAL -> critical;
                            case BREAK_SUGGESTED, HANDOFF_URGED -> stretch;
                            case RESTED -> Optional.empty();
                        };
                if (since.filter(s -> !a.at().isBefore(s)).isPresent()) {
                    in.add(new AlertKey(r.responderId(), a.level()));
                }
            }
        }
        return in;
    }

    /**
     * The crossings to alert on at {@code clock.instant()}, given the alerts recorded in the log.
     *
     * @param log the duty log, including {@code FATIGUE_ALERTED} events
     * @param clock the source of the current instant
     * @return new crossings, ordered by when they were reached
     */
    public List<FatigueCrossing> crossings(DutyLog log, Clock clock) {
        Instant now = clock.instant();
        return crossings(log, now, alreadyAlerted(log, now));
    }

    /**
     * The crossings to alert on at {@code now}.
     *
     * @param log the duty log
     * @param now the instant (UTC)
     * @param alreadyAlerted pairs not to alert on: normally {@link #alreadyAlerted}, plus any alert
     *     shown but not yet stored
     * @return new crossings, ordered by when they were reached, then by responder order in the log
     */
    public List<FatigueCrossing> crossings(DutyLog log, Instant now, Set<AlertKey> alreadyAlerted) {
        List<FatigueCrossing> out = new ArrayList<>();
        for (ResponderDuty r : log.responders()) {
            DutyClock clock = clockFor(r);
            if (clock.status(now) != DutyStatus.ON_DUTY) {
                continue;
            }
            FatigueLevel continuous = clock.continuousLevel(now);
            if (continuous.isContinuous()
                    && CONTINUOUS.stream()
                            .filter(l -> l.isAtLeast(continuous))
                            .noneMatch(l -> alreadyAlerted.contains(new AlertKey(r.responderId(), l)))) {
                clock.reachedAt(continuous, now)
                        .ifPresent(t -> out.add(new FatigueCrossing(r.responderId(), r.name(), continuous, t)));
            }
            if (!alreadyAlerted.contains(new AlertKey(r.responderId(), FatigueLevel.CRITICAL))) {
                clock.reachedAt(FatigueLevel.CRITICAL, now)
                        .ifPresent(
                                t -> out.add(new FatigueCrossing(r.responderId(), r.name(), FatigueLevel.CRITICAL, t)));
            }
        }
        out.sort(Comparator.comparing(FatigueCrossing::reachedAt));
        return out;
    }

    /**
     * @param log the duty log
     * @param now the instant (UTC)
     * @return the earliest {@link DutyClock#nextThreshold} among responders on duty: when to check
     *     again, or empty if no threshold lies ahead
     */
    public Optional<UpcomingThreshold> nextThreshold(DutyLog log, Instant now) {
        return log.responders().stream()
                .map(r -> clockFor(r).nextThreshold(now))
                .flatMap(Optional::stream)
                .min(Comparator.comparing(UpcomingThreshold::at));
    }
}
