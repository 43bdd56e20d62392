package dev.conn.app;

import static dev.conn.testing.Ui.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The responsive main window (issue 14, layout audit): where three columns do not fit the window at
 * its text size, the incidents sidebar becomes a drawer (Ctrl+B) and the People panel a workspace
 * tab; with room again they come back; nothing typed is lost on the way.
 */
class ResponsiveShellViewTest extends WindowTest {
    private static final String TYPED = "db failover started at 09:12, replica lag 40 s";

    @Test
    void aNarrowWindowHidesTheSidebarAndTabsThePeoplePanelAndKeepsWhatWasTyped(FxRobot robot) throws Exception {
        launchAs("Ana Ops");
        size(robot, 1600, 1000);
        declare(robot, "Checkout errors in EU");
        press(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P);
        waitUntil(() -> shownNode(robot, "#addResponderButton"));
        typeIntoCaptureBar(robot);
        assertThat(shownNode(robot, "#incidentList"))
                .as("sidebar beside the timeline")
                .isTrue();
        assertThat(tabIds(robot)).doesNotContain("people-tab");

        size(robot, 1280, 720);

        waitUntil(() -> !shownNode(robot, "#incidentList"));
        assertThat(tabIds(robot)).contains("people-tab");
        assertThat(capture(robot).getText()).isEqualTo(TYPED);
        robot.clickOn("#people-tab");
        waitUntil(() -> shownNode(robot, "#addResponderButton"));
        assertThat(shownNode(robot, "#captureField"))
                .as("the timeline stays beside the tabs")
                .isTrue();

        // Ctrl+B brings the incidents back, as a drawer with the keyboard in the list; Escape
        // closes it and gives the keyboard back to the capture bar
        robot.clickOn("#captureField");
        press(robot, KeyCode.CONTROL, KeyCode.B);
        waitUntil(() -> shownNode(robot, "#incidentList"));
        waitUntil(() -> robot.lookup("#incidentList").query().isFocused());
        press(robot, KeyCode.ESCAPE);
        waitUntil(() -> !shownNode(robot, "#incidentList"));
        waitUntil(() -> capture(robot).isFocused());
        assertThat(capture(robot).getText()).isEqualTo(TYPED);

        size(robot, 1600, 1000);

        waitUntil(() -> shownNode(robot, "#incidentList"));
        assertThat(tabIds(robot)).doesNotContain("people-tab");
        assertThat(shownNode(robot, "#addResponderButton"))
                .as("People beside the tabs again")
                .isTrue();
        assertThat(capture(robot).getText()).isEqualTo(TYPED);

        // working in the People panel when the window narrows: its tab comes up, keyboard and all
        robot.clickOn("#rosterList");
        size(robot, 1280, 720);
        waitUntil(() -> shownNode(robot, "#rosterList")
                && robot.lookup("#rosterList").query().isFocused());
    }

    @Test
    void largerTextNarrowsTheLayoutAndTheTimelineBecomesATabWhereOneColumnIsLeft(FxRobot robot) throws Exception {
        launchAs("Ana Ops");
        size(robot, 1600, 1000);
        declare(robot, "Checkout errors in EU");
        typeIntoCaptureBar(robot);

        press(robot, KeyCode.CONTROL, KeyCode.EQUALS); // 110 %: three columns still fit
        press(robot, KeyCode.CONTROL, KeyCode.EQUALS); // 125 %: they do not

        waitUntil(() -> !shownNode(robot, "#incidentList"));
        assertThat(tabIds(robot)).contains("people-tab").doesNotContain("timeline-tab");

        for (int i = 0; i < 4; i++) { // 200 %: 1600 pixels hold 53 em, one column
            press(robot, KeyCode.CONTROL, KeyCode.EQUALS);
        }

        waitUntil(() -> tabIds(robot).contains("timeline-tab"));
        assertThat(capture(robot).getText()).isEqualTo(TYPED);
        robot.interact(() -> context.alerts()
                .post(
                        "test:check-back",
                        dev.conn.platform.fx.AlertCentre.Level.CRITICAL,
                        "Overdue: check-back task",
                        "Bob has not reported back. Ask him, or mark the task done."));
        waitUntil(() -> robot.lookup(".toast").tryQuery().isPresent() && shownNode(robot, ".toast-stack"));
        robot.clickOn("#comms-tab"); // another tab takes the column
        waitUntil(() -> !shownNode(robot, "#captureField"));
        // the toasts wait with the timeline: they never lie over the Comms tab's controls
        waitUntil(() -> !shownNode(robot, ".toast-stack"));
        // Ctrl+L brings the capture bar back, with what was typed
        press(robot, KeyCode.CONTROL, KeyCode.L);
        waitUntil(() -> shownNode(robot, "#captureField") && capture(robot).isFocused());
        assertThat(capture(robot).getText()).isEqualTo(TYPED);
        waitUntil(() -> shownNode(robot, ".toast-stack"));

        press(robot, KeyCode.CONTROL, KeyCode.DIGIT0); // 100 %: three columns again
        waitUntil(() -> shownNode(robot, "#incidentList"));
        assertThat(tabIds(robot)).doesNotContain("timeline-tab", "people-tab");
        assertThat(capture(robot).getText()).isEqualTo(TYPED);
    }

    @Test
    void ctrlBHidesAndShowsTheDockedSidebarInAWideWindow(FxRobot robot) throws Exception {
        launchAs("Ana Ops");
        size(robot, 1600, 1000);
        assertThat(shownNode(robot, "#incidentList")).isTrue();
        assertThat(shownNode(robot, "#sidebarButton")).isFalse();

        press(robot, KeyCode.CONTROL, KeyCode.B);
        waitUntil(() -> !shownNode(robot, "#incidentList") && shownNode(robot, "#sidebarButton"));

        robot.clickOn("#sidebarButton"); // the visible way back
        waitUntil(() -> shownNode(robot, "#incidentList") && !shownNode(robot, "#sidebarButton"));
    }

    @Test
    void aShortWindowGivesTheCaptureHintsRoomToTheTimelineAndTallerBringsThemBack(FxRobot robot) throws Exception {
        launchAs("Ana Ops");
        size(robot, 1366, 768);
        declare(robot, "Checkout errors in EU");
        waitUntil(() -> shownNode(robot, "#captureHint"));
        javafx.scene.control.ListView<?> list =
                robot.lookup("#timelineList").queryAs(javafx.scene.control.ListView.class);
        assertThat(capture(robot).getTooltip()).isNull();

        size(robot, 960, 600); // the smallest window: the timeline had two and a half rows beside the hints

        waitUntil(() -> !shownNode(robot, "#captureHint"));
        AtomicReference<Double> shortList = new AtomicReference<>();
        AtomicReference<Double> em = new AtomicReference<>();
        robot.interact(() -> {
            shortList.set(list.getHeight());
            em.set(capture(robot).getFont().getSize());
        });
        assertThat(shortList.get())
                .as("the timeline keeps about five rows of text")
                .isGreaterThanOrEqualTo(9 * em.get());
        assertThat(capture(robot).getTooltip())
                .as("the hints are the capture field's tooltip meanwhile")
                .isNotNull()
                .satisfies(t -> assertThat(t.getText()).startsWith("Enter saves"));

        size(robot, 1366, 768);

        waitUntil(() -> shownNode(robot, "#captureHint"));
        assertThat(capture(robot).getTooltip()).isNull();
    }

    private void size(FxRobot robot, double w, double h) throws TimeoutException {
        robot.interact(() -> {
            stage.setWidth(w);
            stage.setHeight(h);
        });
        waitUntil(() -> stage.getScene().getWidth() == w && stage.getScene().getHeight() == h);
    }

    private void declare(FxRobot robot, String title) throws TimeoutException {
        press(robot, KeyCode.CONTROL, KeyCode.N);
        TextField field = (TextField) waitFor(robot, "#declare-title");
        robot.interact(() -> field.setText(title));
        robot.clickOn("#declare-sev2");
        robot.clickOn("#declare-confirm");
        waitUntil(() -> title.equals(label(robot, "#titleLabel").getText()));
    }

    private void typeIntoCaptureBar(FxRobot robot) throws TimeoutException {
        press(robot, KeyCode.CONTROL, KeyCode.L);
        waitUntil(() -> capture(robot).isFocused());
        robot.interact(() -> capture(robot).setText(TYPED)); // typed, not yet saved
    }

    private static TextField capture(FxRobot robot) {
        return robot.lookup("#captureField").queryAs(TextField.class);
    }

    /** @return whether a node matching the query is in the window and shown */
    private static boolean shownNode(FxRobot robot, String query) {
        AtomicReference<Boolean> out = new AtomicReference<>(false);
        robot.interact(() -> out.set(robot.lookup(query)
                .tryQuery()
                .map(n -> n.getScene() != null && shown(n))
                .orElse(false)));
        return out.get();
    }

    private static java.util.List<String> tabIds(FxRobot robot) {
        AtomicReference<java.util.List<String>> out = new AtomicReference<>();
        robot.interact(() -> out.set(robot.lookup(".workspace").queryAs(TabPane.class).getTabs().stream()
                .map(javafx.scene.control.Tab::getId)
                .toList()));
        return out.get();
    }

    private static void press(FxRobot robot, KeyCode... keys) {
        robot.press(keys);
        for (int i = keys.length - 1; i >= 0; i--) {
            robot.release(keys[i]);
        }
    }
}
