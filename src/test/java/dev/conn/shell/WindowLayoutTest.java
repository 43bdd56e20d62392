package dev.conn.shell;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** The first window's size: it fits the screen it opens on, task bar excluded. */
class WindowLayoutTest {
    @Test
    void onA1366By768LaptopTheFirstWindowFillsTheVisibleScreenAndNotMore() {
        Rectangle2D visual = new Rectangle2D(0, 0, 1366, 728); // a 40 px task bar

        Rectangle2D b = WindowLayout.firstBounds(visual);

        assertThat(b).isEqualTo(new Rectangle2D(0, 0, 1366, 728));
    }

    @Test
    void onA1280By720ProjectorTheStatusBarIsNotBelowTheScreensEdge() {
        Rectangle2D b = WindowLayout.firstBounds(new Rectangle2D(0, 0, 1280, 720));

        assertThat(b.getMaxY()).isLessThanOrEqualTo(720);
        assertThat(b.getMaxX()).isLessThanOrEqualTo(1280);
    }

    @Test
    void onALargeScreenTheWindowIsCentredAtItsPreferredSize() {
        Rectangle2D b = WindowLayout.firstBounds(new Rectangle2D(1920, 0, 2560, 1400)); // a second monitor

        assertThat(b).isEqualTo(new Rectangle2D(1920 + 480, 200, 1600, 1000));
    }

    @Test
    void aRememberedDividerIsRestoredWithinBoundsSoNeitherSideOpensSqueezed() {
        assertThat(WindowLayout.divider(0.97)).isEqualTo(0.75);
        assertThat(WindowLayout.divider(0.02)).isEqualTo(0.25);
        assertThat(WindowLayout.divider(0.6)).isEqualTo(0.6);
    }
}
