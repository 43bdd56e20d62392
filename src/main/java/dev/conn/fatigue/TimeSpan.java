package dev.conn.fatigue;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A half-open stretch of time {@code [start, end)} in UTC, open-ended while it is still going on
 * (a responder still on duty, a break not yet over).
 *
 * @param start when it began (UTC)
 * @param end when it ended (UTC), or empty while it lasts
 */
public record TimeSpan(Instant start, Optional<Instant> end) {

    /**
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if {@code end} is before {@code start}
     */
    public TimeSpan {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isPresent() && end.get().isBefore(start)) {
            throw new IllegalArgumentException("span ends at " + end.get() + " before it starts at " + start);
        }
    }

    /** @return the span {@code [start, end)} */
    public static TimeSpan closed(Instant start, Instant end) {
        return new TimeSpan(start, Optional.of(end));
    }

    /** @return a span from {@code start} that has not ended */
    public static TimeSpan open(Instant start) {
        return new TimeSpan(start, Optional.empty());
    }

    /** @return true while the span has no end */
    public boolean isOpen() {
        return end.isEmpty();
    }

    /**
     * @param now the current instant (UTC)
     * @return the end, or {@code now} if the span is open or ends after {@code now}; never before
     *     {@code start}
     */
    public Instant endAsOf(Instant now) {
        Instant e = end.filter(x -> !x.isAfter(now)).orElse(now);
        return e.isBefore(start) ? start : e;
    }

    /**
     * @param now the current instant (UTC)
     * @return how much of the span lies before {@code now}; zero if it starts later
     */
    public Duration lengthAsOf(Instant now) {
        return Duration.between(start, endAsOf(now));
    }

    /** @return true if {@code t} lies in {@code [start, end)} (for an open span, at or after start) */
    public boolean contains(Instant t) {
        return !t.isBefore(start) && end.map(t::isBefore).orElse(true);
    }
}
