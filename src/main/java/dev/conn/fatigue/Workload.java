package dev.conn.fatigue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.LongPredicate;

/**
 * Duty inside the sliding 24-hour window that ends at an instant {@code t}, as a function of
 * {@code t}. An open duty span is taken to go on for ever ("if nothing changes"), which for
 * {@code t} up to the present is the same as ending at {@code t}.
 *
 * <p>Both functions are piecewise linear in {@code t}: they bend only where {@code t} or
 * {@code t - 24h} crosses the edge of a duty span or of a night. Searches therefore test the bends
 * and bisect the one linear piece where the answer changes, to the nanosecond.
 */
final class Workload {
    static final Duration WINDOW = Duration.ofHours(24);

    private final List<TimeSpan> duty;
    private final NightHours night;

    /**
     * @param duty duty spans in order; only the last may be open
     * @param night night hours of the responder's zone
     */
    Workload(List<TimeSpan> duty, NightHours night) {
        this.duty = List.copyOf(duty);
        this.night = night;
    }

    /** @return nanoseconds on duty in {@code [t - 24h, t)} */
    long plainNanos(Instant t) {
        return sum(t, Nanos::between);
    }

    /** @return night-weighted nanoseconds on duty in {@code [t - 24h, t)} */
    long weightedNanos(Instant t) {
        return sum(t, night::weightedNanos);
    }

    private interface Measure {
        long of(Instant from, Instant to);
    }

    private long sum(Instant t, Measure measure) {
        Instant from = t.minus(WINDOW);
        long total = 0;
        for (TimeSpan s : duty) {
            Instant a = NightHours.max(from, s.start());
            Instant b = NightHours.min(t, s.end().orElse(t));
            if (a.isBefore(b)) {
                total += measure.of(a, b);
            }
        }
        return total;
    }

    /**
     * @return the earliest {@code t} in {@code [from, to]} with weighted duty of at least
     *     {@code threshold} nanoseconds, if any
     */
    Optional<Instant> firstAtLeast(Instant from, Instant to, long threshold) {
        return first(from, to, v -> v >= threshold);
    }

    /**
     * @return the earliest {@code t} in {@code [from, to]} with weighted duty below
     *     {@code threshold} nanoseconds, if any
     */
    Optional<Instant> firstBelow(Instant from, Instant to, long threshold) {
        return first(from, to, v -> v < threshold);
    }

    /**
     * The start of the run, ending at {@code to}, during which weighted duty has stayed at or above
     * {@code threshold} (the instant it was last reached).
     *
     * @return that instant, or empty if weighted duty at {@code to} is below {@code threshold}
     */
    Optional<Instant> reachedSince(Instant to, long threshold) {
        if (weightedNanos(to) < threshold) {
            return Optional.empty();
        }
        Instant origin = duty.isEmpty() ? to : duty.get(0).start();
        List<Instant> points = breakpoints(origin, to);
        for (int i = points.size() - 2; i >= 0; i--) {
            if (weightedNanos(points.get(i)) < threshold) {
                return Optional.of(bisect(points.get(i), points.get(i + 1), v -> v >= threshold));
            }
        }
        return Optional.of(origin);
    }

    private Optional<Instant> first(Instant from, Instant to, LongPredicate wanted) {
        if (from.isAfter(to)) {
            return Optional.empty();
        }
        List<Instant> points = breakpoints(from, to);
        if (wanted.test(weightedNanos(from))) {
            return Optional.of(from);
        }
        for (int i = 1; i < points.size(); i++) {
            if (wanted.test(weightedNanos(points.get(i)))) {
                return Optional.of(bisect(points.get(i - 1), points.get(i), wanted));
            }
        }
        return Optional.empty();
    }

    /**
     * @param lo where {@code wanted} fails
     * @param hi where it holds, with the function linear in between
     * @return the earliest instant in {@code (lo, hi]} where it holds
     */
    private Instant bisect(Instant lo, Instant hi, LongPredicate wanted) {
        long l = Nanos.of(lo);
        long h = Nanos.of(hi);
        while (h - l > 1) {
            long m = l + (h - l) / 2;
            if (wanted.test(weightedNanos(Nanos.instant(m)))) {
                h = m;
            } else {
                l = m;
            }
        }
        return Nanos.instant(h);
    }

    /** @return {@code from}, {@code to} and every bend in between, in order */
    List<Instant> breakpoints(Instant from, Instant to) {
        TreeSet<Instant> points = new TreeSet<>();
        points.add(from);
        points.add(to);
        List<Instant> edges = new ArrayList<>();
        for (TimeSpan s : duty) {
            edges.add(s.start());
            s.end().ifPresent(edges::add);
        }
        for (TimeSpan n : night.nightsAround(from.minus(WINDOW), to)) {
            edges.add(n.start());
            edges.add(n.end().orElseThrow());
        }
        for (Instant e : edges) {
            for (Instant p : List.of(e, e.plus(WINDOW))) {
                if (p.isAfter(from) && p.isBefore(to)) {
                    points.add(p);
                }
            }
        }
        return new ArrayList<>(points);
    }
}
