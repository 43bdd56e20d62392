package dev.conn.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StepSelectionTest {
    @ParameterizedTest(name = "{0} min over {1} px, scrape {2} s -> {3} s")
    @CsvSource({
        // a 2-hour incident window on a 900 px chart: 8 s per pixel, rounded up to 10 s
        "120, 900, 0, 10",
        // the scrape interval is the floor: no finer than the source records
        "120, 900, 15, 15",
        // a short range on a wide chart: 1 s floor when the scrape interval is unknown
        "5, 1600, 0, 1",
        // a day on 1,000 px: 86.4 s -> 2 min
        "1440, 1000, 15, 120",
        // a week on 4,000 px: 151.2 s -> 5 min
        "10080, 4000, 15, 300",
    })
    void stepIsTheCleanValueAboveRangePerPixelAndScrapeInterval(long minutes, int px, long scrape, long expected) {
        Duration step =
                StepSelection.select(Duration.ofMinutes(minutes), px, scrape == 0 ? null : Duration.ofSeconds(scrape));
        assertThat(step).isEqualTo(Duration.ofSeconds(expected));
    }

    @Test
    void neverAsksForMoreThanElevenThousandPoints() {
        // 4 h at 1 s scrape on a 20,000 px canvas would be 14,400 points: raised to 2 s (7,201)
        Duration range = Duration.ofHours(4);
        Duration step = StepSelection.select(range, 20_000, Duration.ofSeconds(1));
        assertThat(step).isEqualTo(Duration.ofSeconds(2));
        for (long hours : new long[] {1, 3, 7, 30, 24 * 400}) {
            for (int px : new int[] {1, 300, 5000, 1_000_000}) {
                Duration r = Duration.ofHours(hours);
                Duration s = StepSelection.select(r, px, null);
                assertThat(r.toMillis() / s.toMillis() + 1).isLessThanOrEqualTo(StepSelection.MAX_POINTS);
            }
        }
    }

    @Test
    void rangesBeyondADayUseWholeDays() {
        assertThat(StepSelection.clean(86_400_001L)).isEqualTo(2 * 86_400_000L);
    }

    @Test
    void peakQueryWrapsTheExpressionInMaxOverTimeOfTheStep() {
        assertThat(StepSelection.peakQuery("sum(rate(errors[1m]))", Duration.ofMinutes(1), Duration.ofSeconds(15)))
                .isEqualTo("max_over_time((sum(rate(errors[1m])))[1m:15s])");
    }

    @Test
    void refusesAnEmptyRange() {
        assertThatThrownBy(() -> StepSelection.select(Duration.ZERO, 100, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
