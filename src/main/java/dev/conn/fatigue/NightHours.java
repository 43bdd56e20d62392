package dev.conn.fatigue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The night hours of one time zone as UTC spans, and duty weighted by them. Night runs from
 * {@code start} to {@code end} local time, over midnight if {@code start} is after {@code end};
 * equal times mean no night hours. Local times are resolved with {@link ZonedDateTime#of}, so on a
 * daylight-saving change the night is an hour shorter or longer in real time, as lived.
 */
final class NightHours {
    private final LocalTime start;
    private final LocalTime end;
    private final double weight;
    private final ZoneId zone;

    NightHours(LocalTime start, LocalTime end, double weight, ZoneId zone) {
        this.start = start;
        this.end = end;
        this.weight = weight;
        this.zone = zone;
    }

    /** @return every night that overlaps {@code [from, to]}, in order */
    List<TimeSpan> nightsAround(Instant from, Instant to) {
        List<TimeSpan> nights = new ArrayList<>();
        if (start.equals(end)) {
            return nights;
        }
        LocalDate last = LocalDate.ofInstant(to, zone);
        for (LocalDate d = LocalDate.ofInstant(from, zone).minusDays(1); !d.isAfter(last); d = d.plusDays(1)) {
            Instant s = ZonedDateTime.of(d, start, zone).toInstant();
            Instant e = ZonedDateTime.of(start.isBefore(end) ? d : d.plusDays(1), end, zone)
                    .toInstant();
            if (e.isAfter(s) && e.isAfter(from) && !s.isAfter(to)) {
                nights.add(TimeSpan.closed(s, e));
            }
        }
        return nights;
    }

    /** @return nanoseconds of {@code [from, to)} inside night hours */
    long nightNanos(Instant from, Instant to) {
        long sum = 0;
        for (TimeSpan n : nightsAround(from, to)) {
            Instant a = max(from, n.start());
            Instant b = min(to, n.end().orElseThrow());
            if (a.isBefore(b)) {
                sum += Nanos.between(a, b);
            }
        }
        return sum;
    }

    /** @return nanoseconds of {@code [from, to)}, night nanoseconds counting {@code weight} each */
    long weightedNanos(Instant from, Instant to) {
        long all = Nanos.between(from, to);
        long night = nightNanos(from, to);
        return all - night + Math.round(night * weight);
    }

    static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
