package dev.conn.fatigue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One responder's duty record in one incident, folded from their {@code RESPONDER_JOINED},
 * {@code RESPONDER_LEFT}, {@code BREAK_STARTED}, {@code BREAK_ENDED} and {@code FATIGUE_ALERTED}
 * events by {@link DutyLog}. All instants are UTC.
 *
 * @param responderId the stable id from {@code RESPONDER_JOINED}
 * @param name display name, from the latest join
 * @param handle chat handle or phone, from the latest join that gave one
 * @param timeZone the responder's own IANA zone, from the latest join that gave a valid one; night
 *     hours are counted in it
 * @param stints each stretch from joining to leaving, in order, not overlapping; the last is open
 *     while the responder is present
 * @param breaks each recorded break, in order, each inside a stint; the last is open while the
 *     break lasts
 * @param alerts fatigue alerts already raised for this responder, in order
 */
public record ResponderDuty(
        String responderId,
        String name,
        Optional<String> handle,
        Optional<ZoneId> timeZone,
        List<TimeSpan> stints,
        List<TimeSpan> breaks,
        List<FatigueAlert> alerts) {

    /** @throws NullPointerException if a field is null; the lists are copied */
    public ResponderDuty {
        Objects.requireNonNull(responderId, "responderId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(timeZone, "timeZone");
        stints = List.copyOf(stints);
        breaks = List.copyOf(breaks);
        alerts = List.copyOf(alerts);
    }

    /**
     * Duty time: the stints with the breaks cut out, in order. Spans of zero length are left out.
     *
     * @return the duty spans (UTC); the last is open while the responder is on duty
     */
    public List<TimeSpan> dutySpans() {
        List<TimeSpan> duty = new ArrayList<>();
        int b = 0;
        for (TimeSpan stint : stints) {
            Instant from = stint.start();
            while (b < breaks.size() && startsWithin(breaks.get(b), stint)) {
                TimeSpan brk = breaks.get(b++);
                addIfNotEmpty(duty, TimeSpan.closed(from, brk.start()));
                if (brk.isOpen()) {
                    from = null;
                    break;
                }
                from = brk.end().orElseThrow();
            }
            if (from != null) {
                addIfNotEmpty(duty, new TimeSpan(from, stint.end()));
            }
        }
        return duty;
    }

    private static boolean startsWithin(TimeSpan brk, TimeSpan stint) {
        return stint.end().map(e -> !brk.start().isAfter(e)).orElse(true);
    }

    private static void addIfNotEmpty(List<TimeSpan> spans, TimeSpan span) {
        if (span.isOpen() || !span.end().orElseThrow().equals(span.start())) {
            spans.add(span);
        }
    }

    /**
     * The record as it stood at {@code now}: what starts after {@code now} is dropped, and what
     * ends after it is open. Used to evaluate at an instant even if the log holds later events.
     *
     * @param now the instant (UTC)
     * @return the truncated record
     */
    public ResponderDuty asOf(Instant now) {
        return new ResponderDuty(
                responderId,
                name,
                handle,
                timeZone,
                truncate(stints, now),
                truncate(breaks, now),
                alerts.stream().filter(a -> !a.at().isAfter(now)).toList());
    }

    private static List<TimeSpan> truncate(List<TimeSpan> spans, Instant now) {
        return spans.stream()
                .filter(s -> !s.start().isAfter(now))
                .map(s -> s.end().filter(e -> !e.isAfter(now)).isPresent() ? s : TimeSpan.open(s.start()))
                .toList();
    }

    /**
     * @param now the instant (UTC)
     * @return whether the responder was on duty, on a break or away at {@code now}
     */
    public DutyStatus statusAt(Instant now) {
        ResponderDuty d = asOf(now);
        if (d.stints.isEmpty() || !d.stints.get(d.stints.size() - 1).isOpen()) {
            return DutyStatus.OFF_DUTY;
        }
        return !d.breaks.isEmpty() && d.breaks.get(d.breaks.size() - 1).isOpen()
                ? DutyStatus.ON_BREAK
                : DutyStatus.ON_DUTY;
    }

    /**
     * @param fallback the zone to use if the responder gave none, e.g. the console's zone
     * @return the zone night hours are counted in
     */
    public ZoneId zoneOr(ZoneId fallback) {
        return timeZone.orElse(Objects.requireNonNull(fallback, "fallback"));
    }
}
