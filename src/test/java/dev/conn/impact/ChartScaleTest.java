package dev.conn.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChartScaleTest {

    @ParameterizedTest
    @CsvSource({
        // smallest, largest drawn value
        "0, 20", // the README's 30-day incident: peak 20 %, drawn on the top edge without a label
        "0, 16.5",
        "0, 1",
        "0, 0.0999",
        "0, 100",
        "0, 99.9",
        "0, 5",
        "-3, 7",
        "-10, -2",
        "0, 0",
        "0, 1234567",
        "0, 0.00042",
    })
    void thePeakIsDrawnBelowTheTopEdgeWithALabelledTickAtOrAboveIt(double min, double max) {
        double[] r = ChartScale.niceRange(min, max);
        double span = Math.max(max - Math.min(0, min), 1e-300);

        assertThat(r[1]).as("room above the peak").isGreaterThanOrEqualTo(max + span * 0.05);
        assertThat(r[0]).isLessThanOrEqualTo(min);
        List<Double> ticks = new ChartScale(0, 1, r[0], r[1], 0, 0, 100, 100).yTicks(r[2]);
        assertThat(ticks).as("the top of the range is a tick").last().satisfies(t -> assertThat(t)
                .isCloseTo(r[1], within(r[2] / 1e6)));
        assertThat(ticks).as("a labelled tick at or above the peak").anyMatch(t -> t >= max);
        assertThat(ticks).as("4 to 7 labels").hasSizeBetween(4, 7);
    }
}
