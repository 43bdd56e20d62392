package dev.conn.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class LttbTest {
    static Series flatWithSpike(int n, int spikeAt, double spike, int dipAt, double dip) {
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = 1_741_942_800_000L + 15_000L * i;
            v[i] = 0.001 + (i % 7) * 0.0001;
        }
        v[spikeAt] = spike;
        v[dipAt] = dip;
        return new Series(Map.of("service", "checkout"), t, v);
    }

    @Test
    void keepsFirstLastAndBothExtremesOfASpike() {
        Series s = flatWithSpike(100_000, 61_234, 0.142, 80_001, -0.5);
        Series d = Lttb.downsample(s, 500);

        assertThat(d.size()).isEqualTo(500);
        assertThat(d.times()[0]).isEqualTo(s.times()[0]);
        assertThat(d.times()[499]).isEqualTo(s.times()[99_999]);
        assertThat(d.values()).contains(0.142, -0.5);
        assertThat(d.times()).contains(s.times()[61_234], s.times()[80_001]);
    }

    @Test
    void aShortSeriesIsReturnedUnchanged() {
        Series s = flatWithSpike(10, 3, 1, 4, 0);
        assertThat(Lttb.downsample(s, 10)).isSameAs(s);
    }

    @Test
    void nanGapsAreNeverChosenOverRealValuesAndDoNotPoisonTheAverage() {
        Series s = flatWithSpike(10_000, 5_000, 9.0, 6_000, -1);
        for (int i = 100; i < 2_000; i++) {
            s.values()[i] = Double.NaN;
        }
        Series d = Lttb.downsample(s, 200);
        assertThat(d.values()).contains(9.0, -1.0);
        assertThat(d.size()).isEqualTo(200);
    }

    @Test
    void refusesAThresholdBelowThree() {
        assertThatThrownBy(() -> Lttb.select(new long[10], new double[10], 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @RepeatedTest(25)
    void randomSeriesKeepExactSizeOrderEndpointsAndGlobalExtremes(RepetitionInfo info) {
        Random rnd = new Random(info.getCurrentRepetition());
        int n = 1_000 + rnd.nextInt(50_000);
        int threshold = 3 + rnd.nextInt(2_000);
        long[] t = new long[n];
        double[] v = new double[n];
        long now = 0;
        double walk = 0;
        for (int i = 0; i < n; i++) {
            now += 1 + rnd.nextInt(30_000);
            walk += rnd.nextGaussian();
            t[i] = now;
            v[i] = walk;
        }
        // a dominant spike and trough, as an outage draws them
        int hi = 1 + rnd.nextInt(n - 2);
        int lo = 1 + (hi - 1 + n / 2) % (n - 2); // half a series away: never in the same bucket
        v[hi] = 1e6;
        v[lo] = -1e6;

        int[] idx = Lttb.select(t, v, threshold);

        int expected = Math.min(n, threshold);
        assertThat(idx).hasSize(expected);
        assertThat(idx[0]).isZero();
        assertThat(idx[expected - 1]).isEqualTo(n - 1);
        for (int i = 1; i < idx.length; i++) {
            assertThat(idx[i]).isGreaterThan(idx[i - 1]);
        }
        if (threshold >= 7) { // buckets hold under n/5 points, so the two lie in different buckets
            assertThat(idx).contains(hi, lo);
        }
    }

    @Test
    void aPeakSharingItsBucketWithADeeperDipIsKept() {
        // one bucket (points 1..7) between the kept ends: LTTB's largest triangle is the dip of -11,
        // so the peak of 10 that the legend names would not be drawn
        long[] t = {0, 1, 2, 3, 4, 5, 6, 7, 8};
        double[] v = {0, 1, 2, 10, 2, -11, 1, 0, 0};

        int[] idx = Lttb.select(t, v, 3);

        assertThat(idx).containsExactly(0, 3, 8);
    }

    @RepeatedTest(25)
    void theLargestAndSmallestValuesAreKeptEvenWhenNotDominant(RepetitionInfo info) {
        Random rnd = new Random(1000 + info.getCurrentRepetition());
        int n = 1_000 + rnd.nextInt(20_000);
        int threshold = 3 + rnd.nextInt(500);
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = 15_000L * i;
            v[i] = rnd.nextGaussian(); // noise: the extremes hardly stand out
        }
        int max = 0;
        int min = 0;
        for (int i = 0; i < n; i++) {
            max = v[i] > v[max] ? i : max;
            min = v[i] < v[min] ? i : min;
        }

        int[] idx = Lttb.select(t, v, threshold);

        assertThat(idx).hasSize(threshold).contains(max);
        for (int i = 1; i < idx.length; i++) {
            assertThat(idx[i]).isGreaterThan(idx[i - 1]);
        }
        Series drawn = Lttb.downsample(new Series(Map.of(), t, v), threshold);
        assertThat(drawn.peak()).isEqualTo(v[max]);
        if (Math.abs(max - min) > n / (threshold - 2.0) + 1) { // in different buckets
            assertThat(idx).contains(min);
        }
    }
}
