package dev.conn.comms;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: the n-th retry waits a uniformly random time between 0
 * and {@code min(cap, base * 2^(n-1))}. After AWS Architecture Blog, "Exponential Backoff And
 * Jitter" (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/).
 *
 * @param base the first ceiling (1 s by default)
 * @param cap the largest ceiling (60 s by default)
 * @param random the source of jitter
 */
public record Backoff(Duration base, Duration cap, RandomGenerator random) {
    /**
     * @param random the source of jitter
     * @return base 1 s, cap 60 s
     */
    public static Backoff standard(RandomGenerator random) {
        return new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), random);
    }

    /**
     * @param attempt how many attempts have failed so far, at least 1
     * @return how long to wait before the next, 0 to the ceiling inclusive, in milliseconds
     */
    public Duration delay(int attempt) {
        return Duration.ofMillis(random.nextLong(ceiling(attempt).toMillis() + 1));
    }

    /**
     * @param attempt how many attempts have failed so far, at least 1
     * @return the ceiling of the jitter for that attempt
     */
    public Duration ceiling(int attempt) {
        int shift = Math.min(Math.max(attempt, 1) - 1, 30);
        long ms = base.toMillis() << shift;
        return ms <= 0 || ms > cap.toMillis() ? cap : Duration.ofMillis(ms);
    }
}
