package dev.conn.app;

import static dev.conn.testing.Ui.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.incident.Declaration;
import dev.conn.incident.EventStore;
import dev.conn.incident.IncidentService;
import dev.conn.incident.Severity;
import dev.conn.platform.db.Database;
import dev.conn.settings.SettingsFile;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Projector mode built for a room (issue 14 item 13): at least 150 % text and high contrast. Chart
 * text follows too: {@link ChartTextSizeViewTest}.
 */
class ProjectorModeViewTest extends WindowTest {
    @Test
    void projectorModeShowsAtLeast150PercentTextAndCtrlEqualsStillGrowsIt(FxRobot robot) throws Exception {
        try (Database db = Database.open(dataDir)) {
            new IncidentService(EventStore.jdbc(db.dataSource()), clock)
                    .declare(new Declaration("Checkout errors", Severity.SEV2, "", Optional.empty(), "ana"), "ana");
        }
        launchAs("ana");
        double windowText = fontSize(robot);

        press(robot, KeyCode.CONTROL, KeyCode.ALT, KeyCode.P);

        waitUntil(() -> fontSize(robot) >= 1.5 * windowText - 0.01);
        assertThat(stylesheets(robot)).anyMatch(s -> s.endsWith("tokens-contrast.css"));
        assertThat(new SettingsFile(dataDir).read().desktop().fontScale())
                .as("the chosen size is kept for when projector mode is off")
                .isEqualTo(1.0);

        press(robot, KeyCode.CONTROL, KeyCode.EQUALS); // larger than the projector's 150 %

        waitUntil(() -> fontSize(robot) >= 1.75 * windowText - 0.01);

        press(robot, KeyCode.CONTROL, KeyCode.ALT, KeyCode.P); // off again: the chosen 175 % stays
        waitUntil(() -> stylesheets(robot).stream().noneMatch(s -> s.endsWith("tokens-contrast.css")));
        assertThat(fontSize(robot)).isEqualTo(1.75 * windowText, org.assertj.core.data.Offset.offset(0.01));
    }

    private static void press(FxRobot robot, KeyCode... keys) {
        robot.press(keys);
        for (int i = keys.length - 1; i >= 0; i--) {
            robot.release(keys[i]);
        }
    }

    private double fontSize(FxRobot robot) {
        AtomicReference<Double> size = new AtomicReference<>();
        robot.interact(() -> size.set(label(robot, "#clockLabel").getFont().getSize()));
        return size.get();
    }

    private java.util.List<String> stylesheets(FxRobot robot) {
        AtomicReference<java.util.List<String>> out = new AtomicReference<>();
        robot.interact(() -> out.set(java.util.List.copyOf(stage.getScene().getStylesheets())));
        return out.get();
    }
}
