package dev.conn.comms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"):
 * the ceiling doubles from 1 s to a 60 s cap, and each wait is drawn uniformly below it.
 */
class BackoffTest {
    @Test
    void theCeilingDoublesFromOneSecondUpToTheCap() {
        Backoff b = Backoff.standard(new SplittableRandom(1));

        assertThat(b.ceiling(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(b.ceiling(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(b.ceiling(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(b.ceiling(7)).isEqualTo(Duration.ofSeconds(60)); // 64 s capped
        assertThat(b.ceiling(500)).isEqualTo(Duration.ofSeconds(60)); // no overflow
    }

    @Test
    void aWaitIsDrawnFromZeroToTheCeilingAndReachesBothEnds() {
        RandomGenerator lowest = new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public long nextLong(long bound) {
                return 0;
            }
        };
        RandomGenerator highest = new RandomGenerator() {
            @Override
            public long nextLong() {
                return Long.MAX_VALUE;
            }

            @Override
            public long nextLong(long bound) {
                return bound - 1;
            }
        };

        assertThat(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), lowest).delay(3))
                .isZero();
        assertThat(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), highest).delay(3))
                .isEqualTo(Duration.ofSeconds(4));
        Backoff seeded = Backoff.standard(new SplittableRandom(7));
        for (int attempt = 1; attempt <= 10; attempt++) {
            assertThat(seeded.delay(attempt)).isBetween(Duration.ZERO, seeded.ceiling(attempt));
        }
    }
}
