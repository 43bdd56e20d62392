package dev.conn.fatigue;

import java.time.Instant;

/** Instants as nanoseconds since the epoch, for exact searches (valid until the year 2262). */
final class Nanos {
    private Nanos() {}

    static long of(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(0, nanos);
    }

    static long between(Instant from, Instant to) {
        return of(to) - of(from);
    }
}
