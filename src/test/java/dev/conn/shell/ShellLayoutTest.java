package dev.conn.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which layout a window gets, measured in em of its text size, not in pixels. */
class ShellLayoutTest {
    @ParameterizedTest(name = "{0} px wide at {1} px text: {2}")
    @CsvSource({
        "1920, 15, WIDE", // a desktop monitor at 100 %
        "1600, 15, WIDE", // the first window's preferred size
        "1366, 15, COMPACT", // a laptop: the timeline and the tabs, People a tab, incidents a drawer
        "1280, 15, COMPACT", // a 1280×720 projector
        "1920, 22.5, COMPACT", // projector mode (150 %) on a desktop monitor
        "1600, 18.75, COMPACT", // 125 % text makes a wide window narrow
        "1366, 22.5, SINGLE", // projector mode on a laptop: one column
        "1920, 30, SINGLE", // 200 % text
        "1280, 30, SINGLE", // 200 % text on 1280 pixels is 640 pixels' worth
    })
    void aWindowGetsTheLayoutItsWidthInEmAllows(double width, double font, ShellLayout.Mode expected) {
        assertThat(ShellLayout.modeFor(width, font)).isEqualTo(expected);
    }
}
