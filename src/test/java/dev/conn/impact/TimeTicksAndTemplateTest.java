package dev.conn.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The date-aware time axis, Grafana's variables, peak-preserving plans and the bounded cache. */
class TimeTicksAndTemplateTest {
    static final long FROM = Instant.parse("2025-03-01T23:00:00Z").toEpochMilli();
    static final long TO = Instant.parse("2025-03-31T23:30:00Z").toEpochMilli();

    @ParameterizedTest
    @ValueSource(ints = {300, 640, 1068, 1900, 3800})
    void aThirtyDayAxisIsLabelledWithDatesThatNeverOverlapAtAnyWidth(int width) {
        List<TimeTicks.Tick> ticks = TimeTicks.ticks(FROM, TO, width);

        // every label is a date, or a time of day between dated midnights; dates are always there
        assertThat(ticks).isNotEmpty().allMatch(t -> t.label().matches("\\d{1,2} [A-Z][a-z]{2}|\\d\\d:\\d\\d"));
        assertThat(ticks).anyMatch(t -> t.label().matches("\\d{1,2} [A-Z][a-z]{2}"));
        double pxPerMs = (double) width / (TO - FROM);
        for (int i = 1; i < ticks.size(); i++) {
            double gap = (ticks.get(i).ms() - ticks.get(i - 1).ms()) * pxPerMs;
            int chars = Math.max(
                    ticks.get(i).label().length(), ticks.get(i - 1).label().length());
            assertThat(gap).isGreaterThanOrEqualTo(chars * TimeTicks.CHAR_PX);
        }
    }

    @Test
    void withinADayTicksAreTimesAndMidnightSaysTheDate() {
        long from = Instant.parse("2025-03-10T20:00:00Z").toEpochMilli();
        long to = Instant.parse("2025-03-11T04:00:00Z").toEpochMilli();
        assertThat(TimeTicks.ticks(from, to, 800))
                .extracting(TimeTicks.Tick::label)
                .contains("21:00", "11 Mar", "01:00");
    }

    @Test
    void rateIntervalIsFourScrapesAndNeverBelowTheStep() {
        assertThat(QueryTemplate.rateInterval(Duration.ofSeconds(15), Duration.ofSeconds(15)))
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(QueryTemplate.rateInterval(Duration.ofHours(1), Duration.ofSeconds(15)))
                .isEqualTo(Duration.ofSeconds(3615));
        assertThat(QueryTemplate.expand(
                        "rate(x[$__rate_interval]) $__interval ${__interval} $__interval_ms $__range $__range_s",
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(2),
                        Duration.ofDays(30)))
                .isEqualTo("rate(x[2m]) 1m 1m 60000 30d 2592000");
    }

    @Test
    void countersAtACoarseStepAreFetchedAsThePeakOfEachStepAtScrapeResolution() {
        QueryTemplate.FetchPlan p = QueryTemplate.plan(
                "sum(rate(errors_total[$__rate_interval]))",
                Duration.ofDays(30),
                Duration.ofHours(1),
                Duration.ofSeconds(15),
                true);

        assertThat(p.peak()).isTrue();
        assertThat(p.query()).isEqualTo("max_over_time((sum(rate(errors_total[1m])))[1h:15s])");
        assertThat(p.describe()).isEqualTo("step 1h · peak of 15s samples");
    }

    @Test
    void aLiteralRateWindowShorterThanTheStepIsWarnedAbout() {
        QueryTemplate.FetchPlan p = QueryTemplate.plan(
                "max_over_time(errors[5m])", Duration.ofDays(30), Duration.ofHours(1), Duration.ofSeconds(15), true);

        assertThat(p.peak()).isFalse();
        assertThat(p.warning())
                .contains("step 1h is coarser than the rate window 5m: what happens between steps is not seen;"
                        + " write the window as $__rate_interval");
    }

    @Test
    void theCacheKeepsTheTopFiveSeriesAtMostFourThousandPointsEach() {
        List<Series> many = new java.util.ArrayList<>();
        for (int s = 0; s < 200; s++) {
            long[] t = new long[20_000];
            double[] v = new double[20_000];
            for (int i = 0; i < t.length; i++) {
                t[i] = i * 1000L;
                v[i] = s + Math.sin(i);
            }
            many.add(new Series(Map.of("pod", "p" + s), t, v));
        }
        CachedAnswer kept = CachedAnswer.bound(new SeriesResult(many, List.of(), "{}"));
        String json = kept.encode();

        assertThat(kept.series()).hasSize(5).allMatch(s -> s.size() == CachedAnswer.MAX_POINTS);
        assertThat(kept.totalSeries()).isEqualTo(200);
        assertThat(json.length()).isLessThan(600_000);
        CachedAnswer back = CachedAnswer.decode(json);
        assertThat(back.series().get(0).labels()).isEqualTo(Map.of("pod", "p199"));
        assertThat(back.totalSeries()).isEqualTo(200);
    }
}
