package dev.conn.comms;

import java.time.Duration;

/** Waits; injected so tests step a fake clock instead of sleeping for real. */
@FunctionalInterface
public interface Sleeper {
    /** Sleeps for real with {@link Thread#sleep(long)}. */
    Sleeper REAL = d -> Thread.sleep(Math.max(0, d.toMillis()));

    /**
     * @param duration how long to wait
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;
}
