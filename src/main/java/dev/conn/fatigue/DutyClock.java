package dev.conn.fatigue;

import dev.conn.incident.FatigueLevel;
import dev.conn.settings.Policy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One responder's fatigue figures at an instant: continuous duty, duty in the last 24 hours
 * (plain and night-weighted), the {@link FatigueLevel}, and when the next threshold falls due. A
 * pure function of the responder's {@link ResponderDuty}, the policy and {@code now}; take
 * {@code now} from the caller's {@link Clock} (see {@link #read(Clock)}). Events after
 * {@code now} are ignored, so the same log gives the same answer at every instant.
 *
 * <p>Rules, with thresholds from {@link Policy.Fatigue} (defaults after CDC/NIOSH work-hour
 * guidance, https://www.cdc.gov/niosh/work-hour-training-for-nurses/: brief breaks every 1 to 2 h
 * in demanding work, at least 10 h off in 24 h; night weighting after incident.io's on-call
 * workload model):
 *
 * <ul>
 *   <li><b>Continuous duty</b> counts from joining, or from the end of the last <em>real</em>
 *       break: time off duty (a recorded break, or leaving and rejoining) of at least
 *       {@code minimumBreakMinutes}. A shorter break does not restart the count, but its minutes
 *       are not duty. Once the responder has been off duty for the minimum, continuous duty is
 *       zero.
 *   <li><b>Duty in the last 24 h</b> is duty time inside {@code [now - 24h, now)}, across breaks
 *       and stints.
 *   <li><b>Weighted duty</b> counts each minute inside night hours ({@code nightStart} to
 *       {@code nightEnd}, local time in the responder's own zone from {@code RESPONDER_JOINED},
 *       else the caller's zone) as {@code nightWeight} minutes.
 *   <li><b>Level</b>: {@link FatigueLevel#CRITICAL} when weighted duty reaches
 *       {@code criticalHoursIn24h}; else {@link FatigueLevel#HANDOFF_URGED} when continuous duty
 *       reaches {@code handoffAfterMinutes}; else {@link FatigueLevel#BREAK_SUGGESTED} when it
 *       reaches {@code breakAfterMinutes}; else {@link FatigueLevel#RESTED}. Each threshold is
 *       reached at exactly its value (90 min 0 s is a break suggested).
 * </ul>
 */
public final class DutyClock {
    private final ResponderDuty responder;
    private final Policy.Fatigue policy;
    private final ZoneId zone;

    /**
     * @param responder the responder's record from a {@link DutyLog}
     * @param policy the thresholds, as validated by {@code PolicyFile}
     * @param fallbackZone the zone for night hours if the responder gave none, e.g. the console's
     * @throws NullPointerException if an argument is null
     */
    public DutyClock(ResponderDuty responder, Policy.Fatigue policy, ZoneId fallbackZone) {
        this.responder = Objects.requireNonNull(responder, "responder");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.zone = responder.zoneOr(fallbackZone);
    }

    /** @return the responder this clock is for */
    public ResponderDuty responder() {
        return responder;
    }

    /** @return the zone night hours are counted in */
    public ZoneId zone() {
        return zone;
    }

    /**
     * @param clock the source of the current instant
     * @return every figure at {@code clock.instant()}
     */
    public DutyReading read(Clock clock) {
        return at(clock.instant());
    }

    /**
     * @param now the instant (UTC)
     * @return every figure at {@code now}
     */
    public DutyReading at(Instant now) {
        State s = state(now);
        return new DutyReading(
                responder.responderId(),
                responder.name(),
                now,
                zone,
                s.status(),
                s.stretch().isEmpty()
                        ? Optional.empty()
                        : Optional.of(s.stretch().get(0).start()),
                s.continuous(),
                dutyInLast24h(now),
                weightedDutyInLast24h(now),
                level(now),
                nextThreshold(now));
    }

    /**
     * @param now the instant (UTC)
     * @return on duty, on a break, or away at {@code now}
     */
    public DutyStatus status(Instant now) {
        return state(now).status();
    }

    /**
     * @param now the instant (UTC)
     * @return when the current continuous-duty stretch began (UTC), or empty if none
     */
    public Optional<Instant> continuousSince(Instant now) {
        List<TimeSpan> stretch = state(now).stretch();
        return stretch.isEmpty() ? Optional.empty() : Optional.of(stretch.get(0).start());
    }

    /**
     * @param now the instant (UTC)
     * @return duty time since joining or the end of the last real break, short breaks excluded;
     *     zero once off duty for at least {@code minimumBreakMinutes}
     */
    public Duration continuousDuty(Instant now) {
        return state(now).continuous();
    }

    /**
     * @param now the instant (UTC)
     * @return real duty time inside {@code [now - 24h, now)}
     */
    public Duration dutyInLast24h(Instant now) {
        return Duration.ofNanos(workload(now).plainNanos(now));
    }

    /**
     * @param now the instant (UTC)
     * @return duty time inside {@code [now - 24h, now)} with night minutes counting
     *     {@code nightWeight}, rounded to the nanosecond
     */
    public Duration weightedDutyInLast24h(Instant now) {
        return Duration.ofNanos(workload(now).weightedNanos(now));
    }

    /**
     * @param now the instant (UTC)
     * @return the most severe level reached at {@code now}
     */
    public FatigueLevel level(Instant now) {
        return isCritical(now) ? FatigueLevel.CRITICAL : continuousLevel(now);
    }

    /**
     * The next threshold crossed upward if nothing changes after {@code now}: the responder stays
     * on duty with no break. A continuous-duty threshold counts even while the level is
     * {@link FatigueLevel#CRITICAL}, because it is still a new prompt; {@code CRITICAL} counts when
     * weighted duty will (again) reach the threshold within the next 48 h.
     *
     * @param now the instant (UTC)
     * @return the level and instant of the next crossing after {@code now}, or empty if the
     *     responder is not on duty or no threshold lies ahead
     */
    public Optional<UpcomingThreshold> nextThreshold(Instant now) {
        State s = state(now);
        if (s.status() != DutyStatus.ON_DUTY) {
            return Optional.empty();
        }
        Optional<UpcomingThreshold> continuous = Stream.of(FatigueLevel.BREAK_SUGGESTED, FatigueLevel.HANDOFF_URGED)
                .filter(l -> s.continuous().compareTo(threshold(l)) < 0)
                .findFirst()
                .map(l -> new UpcomingThreshold(l, now.plus(threshold(l).minus(s.continuous()))));
        Workload w = s.workload();
        long critical = criticalNanos();
        Instant horizon = now.plus(Workload.WINDOW.multipliedBy(2));
        Optional<UpcomingThreshold> crit = w.firstBelow(now, horizon, critical)
                .flatMap(below -> w.firstAtLeast(below, horizon, critical))
                .filter(t -> t.isAfter(now))
                .map(t -> new UpcomingThreshold(FatigueLevel.CRITICAL, t));
        return Stream.of(continuous, crit)
                .flatMap(Optional::stream)
                .min(Comparator.comparing(UpcomingThreshold::at)
                        .thenComparing(UpcomingThreshold::level, Comparator.reverseOrder()));
    }

    /**
     * @param now the instant (UTC)
     * @return the instant of {@link #nextThreshold}, for scheduling the next prompt, or empty
     */
    public Optional<Instant> nextThresholdAt(Instant now) {
        return nextThreshold(now).map(UpcomingThreshold::at);
    }

    /** @return the level from continuous duty alone: RESTED, BREAK_SUGGESTED or HANDOFF_URGED */
    FatigueLevel continuousLevel(Instant now) {
        Duration c = continuousDuty(now);
        if (c.compareTo(threshold(FatigueLevel.HANDOFF_URGED)) >= 0) {
            return FatigueLevel.HANDOFF_URGED;
        }
        if (c.compareTo(threshold(FatigueLevel.BREAK_SUGGESTED)) >= 0) {
            return FatigueLevel.BREAK_SUGGESTED;
        }
        return FatigueLevel.RESTED;
    }

    /** @return true if weighted duty in the last 24 h is at the critical threshold or above */
    boolean isCritical(Instant now) {
        return workload(now).weightedNanos(now) >= criticalNanos();
    }

    /**
     * When a level now in force was reached: for a continuous level, the instant continuous duty
     * in the current stretch reached its threshold; for {@code CRITICAL}, the instant weighted duty
     * last rose to the threshold and has stayed there since.
     *
     * @return that instant, or empty if the level is not in force at {@code now}
     */
    Optional<Instant> reachedAt(FatigueLevel level, Instant now) {
        if (level == FatigueLevel.CRITICAL) {
            return workload(now).reachedSince(now, criticalNanos());
        }
        if (!level.isContinuous()) {
            return Optional.empty();
        }
        Duration left = threshold(level);
        for (TimeSpan span : state(now).stretch()) {
            Duration length = span.lengthAsOf(now);
            if (length.compareTo(left) >= 0) {
                return Optional.of(span.start().plus(left));
            }
            left = left.minus(length);
        }
        return Optional.empty();
    }

    private Duration threshold(FatigueLevel level) {
        return FatigueThresholds.of(level, policy).orElseThrow();
    }

    private long criticalNanos() {
        return threshold(FatigueLevel.CRITICAL).toNanos();
    }

    private Workload workload(Instant now) {
        return new Workload(responder.asOf(now).dutySpans(), night());
    }

    private NightHours night() {
        return new NightHours(policy.nightStart(), policy.nightEnd(), policy.nightWeight(), zone);
    }

    private State state(Instant now) {
        ResponderDuty d = responder.asOf(now);
        List<TimeSpan> spans = d.dutySpans();
        Duration minimumBreak = Duration.ofMinutes(policy.minimumBreakMinutes());
        int first = 0;
        for (int i = 1; i < spans.size(); i++) {
            Duration gap =
                    Duration.between(spans.get(i - 1).endAsOf(now), spans.get(i).start());
            if (gap.compareTo(minimumBreak) >= 0) {
                first = i;
            }
        }
        List<TimeSpan> stretch = spans.subList(first, spans.size());
        if (!stretch.isEmpty()) {
            TimeSpan last = stretch.get(stretch.size() - 1);
            if (!last.isOpen() && Duration.between(last.endAsOf(now), now).compareTo(minimumBreak) >= 0) {
                stretch = List.of();
            }
        }
        return new State(d.statusAt(now), now, stretch, new Workload(spans, night()));
    }

    /** The figures at one instant that the public methods share. */
    private record State(DutyStatus status, Instant now, List<TimeSpan> stretch, Workload workload) {
        Duration continuous() {
            return stretch.stream().map(s -> s.lengthAsOf(now)).reduce(Duration.ZERO, Duration::plus);
        }
    }
}
