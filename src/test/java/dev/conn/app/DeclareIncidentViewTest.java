package dev.conn.app;

import static dev.conn.testing.Ui.label;
import static dev.conn.testing.Ui.waitFor;
import static dev.conn.testing.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.incident.IncidentState;
import dev.conn.incident.Severity;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Declaring, keyboard first, in the real window (issue 14 item 9): Tab leaves the summary, the
 * impact start is previewed in UTC, and no severity is chosen for the declarer.
 */
class DeclareIncidentViewTest extends WindowTest {

    @Test
    void tabLeavesTheSummaryAndMinusTenMinutesIsPreviewedAndRecordedAsTheImpactStart(FxRobot robot) throws Exception {
        launchAs("Ana Ops");
        waitUntil(() -> "No incident open".equals(label(robot, "#emptyTitle").getText()));
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitFor(robot, "#declare-title");
        // keyboard first, as under stress: title, Tab to the severities, Space picks SEV1, Tab to
        // the summary, Tab to "Impact started at"
        robot.clickOn("#declare-title").write("Checkout errors");
        robot.type(KeyCode.TAB).type(KeyCode.SPACE).type(KeyCode.TAB);
        robot.write("EU card payments fail");
        robot.type(KeyCode.TAB);
        robot.write("-10m");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#declare-summary").queryAs(TextArea.class).getText())
                .isEqualTo("EU card payments fail");
        assertThat(robot.lookup("#declare-impact-start")
                        .queryAs(TextField.class)
                        .getText())
                .isEqualTo("-10m");
        assertThat(label(robot, "#declare-impact-preview").getText()).isEqualTo("= 2026-11-21 13:50:00 UTC");

        robot.clickOn("#declare-confirm");
        waitUntil(() -> "Checkout errors".equals(label(robot, "#titleLabel").getText()));
        IncidentState state =
                context.incidents().state(context.incidents().activeIncident().orElseThrow());
        assertThat(state.severity()).isEqualTo(Severity.SEV1);
        assertThat(state.summary()).isEqualTo("EU card payments fail");
        assertThat(state.impactStartedAt()).contains(T0.minus(Duration.ofMinutes(10)));
    }

    @Test
    void noSeverityIsChosenForTheDeclarerAndDeclaringWithoutOneSaysToPickTheHigher(FxRobot robot) throws Exception {
        launchAs("Ana Ops");
        waitUntil(() -> "No incident open".equals(label(robot, "#emptyTitle").getText()));
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitFor(robot, "#declare-title");
        robot.clickOn("#declare-title").write("Checkout errors");

        AtomicBoolean anySelected = new AtomicBoolean();
        robot.interact(() -> robot.lookup(".radio-button")
                .queryAllAs(RadioButton.class)
                .forEach(r -> {
                    if (r.isSelected()) {
                        anySelected.set(true);
                    }
                }));
        assertThat(anySelected).isFalse();

        robot.clickOn("#declare-confirm");
        waitUntil(() -> label(robot, "#declare-problem").getText().startsWith("Choose a severity"));
        assertThat(label(robot, "#declare-problem").getText()).contains("pick the higher");
        assertThat(context.incidents().activeIncident()).isEmpty();
    }
}
