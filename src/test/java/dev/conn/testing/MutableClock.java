package dev.conn.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/** A clock tests move by hand: {@link #advance(Duration)} and {@link #set(Instant)}. Thread-safe. */
public final class MutableClock extends Clock {
    private final ZoneId zone;
    private volatile Instant now;

    /** @param start the first instant; the zone is UTC */
    public MutableClock(Instant start) {
        this(start, ZoneOffset.UTC);
    }

    /**
     * @param start the first instant
     * @param zone the zone this clock reports
     */
    public MutableClock(Instant start, ZoneId zone) {
        this.now = Objects.requireNonNull(start, "start");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** @param amount how far to move forward (negative moves back) */
    public synchronized void advance(Duration amount) {
        now = now.plus(amount);
    }

    /** @param instant the new current instant */
    public void set(Instant instant) {
        now = Objects.requireNonNull(instant, "instant");
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** @return an independent clock starting at this one's current instant, in {@code newZone} */
    @Override
    public Clock withZone(ZoneId newZone) {
        return new MutableClock(now, newZone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
