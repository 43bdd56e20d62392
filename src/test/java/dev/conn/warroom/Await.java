package dev.conn.warroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Bounded waits for what other threads and processes do (never a bare sleep for a timer). */
final class Await {
    private Await() {}

    /**
     * Polls every 20 ms until the condition holds.
     *
     * @param what for the failure message
     * @param limit the longest wait
     * @param done the condition (an exception counts as not yet)
     */
    static void until(String what, Duration limit, Callable<Boolean> done) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        Exception last = null;
        while (true) {
            try {
                if (Boolean.TRUE.equals(done.call())) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            if (System.nanoTime() > end) {
                assertThat(false)
                        .as("waited %s for %s%s", limit, what, last == null ? "" : " (last error: " + last + ")")
                        .isTrue();
            }
            Thread.sleep(20);
        }
    }
}
