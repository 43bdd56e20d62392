package dev.conn.comms;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The dispatcher's two daemon threads: the loop that runs a pass over the outbox at least every
 * {@link OutboxDispatcher#POLL}, and the heartbeat that renews the lease, also while a request
 * waits for its answer. Only the waits between passes run on real time (through the sleeper).
 */
final class DispatchLoop {
    private final Sleeper sleeper;
    private final AtomicBoolean running = new AtomicBoolean();
    private ExecutorService loop;
    private ScheduledExecutorService heartbeat;

    /** @param sleeper how the loop waits between passes */
    DispatchLoop(Sleeper sleeper) {
        this.sleeper = sleeper;
    }

    /**
     * Starts both threads; does nothing if running.
     *
     * @param pass one pass over the outbox: how long until the next row is due, empty if none
     * @param renew renews the lease (its failures are ignored: the next claim tells)
     * @param every how often to renew
     */
    synchronized void start(Supplier<Optional<Duration>> pass, Runnable renew, Duration every) {
        if (running.getAndSet(true)) {
            return;
        }
        loop = Executors.newSingleThreadExecutor(r -> daemon(r, "conn-outbox"));
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "conn-outbox-lease"));
        long ms = Math.max(50, every.toMillis());
        heartbeat.scheduleWithFixedDelay(
                () -> {
                    try {
                        renew.run();
                    } catch (RuntimeException e) {
                        // the database is closing or failing: the next claim tells
                    }
                },
                ms,
                ms,
                TimeUnit.MILLISECONDS);
        loop.execute(() -> {
            while (running.get()) {
                Duration wait;
                try {
                    wait = pass.get()
                            .filter(w -> w.compareTo(OutboxDispatcher.POLL) < 0)
                            .orElse(OutboxDispatcher.POLL);
                } catch (RuntimeException e) {
                    wait = OutboxDispatcher.POLL; // the database is closing or failing: try again
                }
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
    }

    /** Stops both threads, letting a pass in progress (a request in flight) finish first. */
    void stop() {
        running.set(false);
        ExecutorService l;
        ScheduledExecutorService h;
        synchronized (this) {
            l = loop;
            h = heartbeat;
            loop = null;
            heartbeat = null;
        }
        if (l != null) {
            l.shutdown();
            try {
                l.awaitTermination(35, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (h != null) {
            h.shutdownNow();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
