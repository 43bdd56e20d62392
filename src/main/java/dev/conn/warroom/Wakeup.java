package dev.conn.warroom;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The replicator's waits between rounds: until the interval ends, something wakes it (a local
 * append, a notification from the server), the user asks to connect now, or it is closed. Shared by
 * the replicator's thread (which waits) and any thread (which wakes).
 */
final class Wakeup {
    private final Object lock = new Object();
    private final BooleanSupplier closed;
    private final Runnable whileConnecting;
    private boolean woken;
    private boolean retryNow;
    private boolean now; // a wake-up that should not wait for a burst (the server, the user)

    /**
     * @param closed true once the replicator is closed (ends every wait)
     * @param whileConnecting run on a wake-up while offline or refused, outside the lock (the
     *     replicator refreshes its count of events to share)
     */
    Wakeup(BooleanSupplier closed, Runnable whileConnecting) {
        this.closed = closed;
        this.whileConnecting = whileConnecting;
    }

    /**
     * After a local append while connected, a short pause before the round: appends that come in a burst
     * (a paste, an import, a scribe typing fast) share one push instead of one round each, so the
     * round trips and the server's commits do not compete with the local journal's own syncs. It
     * adds at most {@link #GATHER_MS} ms to what another console sees (the target is 500 ms).
     */
    static final long GATHER_MS = 20;

    /** Waits {@link #GATHER_MS} unless closed or asked to reconnect; the lock is held by the caller. */
    private void gather() {
        long end = System.nanoTime() + GATHER_MS * 1_000_000;
        long left;
        while (!retryNow && !now && !closed.getAsBoolean() && (left = end - System.nanoTime()) > 0) {
            try {
                lock.wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        woken = false; // the wake-ups of the burst are served by this round
    }

    /** Ends the current or next wait at once (not the wait for a connection attempt). */
    void wake() {
        synchronized (lock) {
            woken = true;
            now = true;
            lock.notifyAll();
        }
    }

    /**
     * Ends the current or next wait after {@link #GATHER_MS}, so the rest of a burst of local
     * appends goes in the same round (not the wait for a connection attempt).
     */
    void wakeToShare() {
        synchronized (lock) {
            woken = true;
            lock.notifyAll();
        }
    }

    /** Ends the current or next wait, including the wait for the next connection attempt. */
    void reconnect() {
        synchronized (lock) {
            retryNow = true;
            woken = true;
            lock.notifyAll();
        }
    }

    /**
     * Waits for the interval, a wake-up or close. While offline or refused ({@code connecting} true)
     * a local append only refreshes the count of events to share; only {@link #reconnect()} or the
     * interval's end leads to the next connection attempt.
     */
    void waitOut(Duration interval, boolean connecting) {
        long deadline = System.nanoTime() + Math.max(0, interval.toNanos());
        while (!closed.getAsBoolean()) {
            synchronized (lock) {
                if (retryNow) {
                    retryNow = false;
                    woken = false;
                    return;
                }
                if (!woken) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return;
                    }
                    try {
                        lock.wait(Math.max(1, left / 1_000_000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    continue;
                }
                woken = false;
                if (!connecting) {
                    if (!now) {
                        gather();
                    }
                    now = false;
                    return;
                }
            }
            whileConnecting.run(); // outside the lock: an appending thread that wakes us never waits on a count
        }
    }
}
