package dev.conn.app;

import static dev.conn.testing.Ui.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.command.ui.PeopleListViewModel;
import dev.conn.platform.fx.AlertCentre;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The alert centre in the real window: people conditions become listed alerts with a badge. */
class AlertsViewTest extends WindowTest {
    @Test
    void aFatigueThresholdShowsInTheBadgeAndTheListUntilAcknowledged(FxRobot robot) throws Exception {
        launchAs("Ana Ops");
        declare(robot, "Checkout errors in EU");
        addResponder(robot, "Bob");
        assertThat(robot.lookup("#alertsBadge").query().isVisible()).isFalse();

        clock.advance(Duration.ofMinutes(91));

        // by now the comms checklist is overdue too: those are alerts of their own
        waitUntil(() -> safeKeys().stream().anyMatch(k -> k.startsWith("fatigue:")));
        waitUntil(() -> safeKeys().stream().anyMatch(k -> k.startsWith("comms-overdue:")));
        waitUntil(() -> badgeSaysUnacknowledged(robot, safeKeys().size()));
        robot.press(KeyCode.CONTROL, KeyCode.ALT, KeyCode.A).release(KeyCode.A, KeyCode.ALT, KeyCode.CONTROL);
        waitFor(robot, "#alerts-list");
        assertThat(alertTitles(robot))
                .contains("Fatigue: Bob, Break suggested")
                .anyMatch(t -> t.startsWith("Overdue: "));

        selectAlert(robot, "Fatigue: Bob, Break suggested");
        robot.type(KeyCode.ENTER); // acknowledges the selected alert

        waitUntil(() -> fatigueAcknowledged()
                && badgeSaysUnacknowledged(robot, safeKeys().size() - 1));
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup("#alerts-list").tryQuery().isEmpty());
        assertThat(robot.lookup("#alertsBadge").query().isVisible()).isTrue();
    }

    @Test
    void fiveRespondersTiredAtOnceGiveAtMostThreeToastsInTheWindowAndNoPopups(FxRobot robot) throws Exception {
        launchAs("Ana Ops");
        size(robot, 1366, 768);
        declare(robot, "Checkout errors in EU");
        for (String name : List.of("Bob", "Mei Chen", "Ravi Menon", "Julia Park")) {
            addResponder(robot, name);
        }

        clock.advance(Duration.ofMinutes(91));

        waitUntil(
                () -> safeKeys().stream().filter(k -> k.startsWith("fatigue:")).count() == 5);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents(5);
        AtomicReference<List<String>> popups = new AtomicReference<>();
        AtomicReference<Long> toasts = new AtomicReference<>();
        robot.interact(() -> {
            popups.set(javafx.stage.Window.getWindows().stream()
                    .filter(w -> w != stage && w.isShowing())
                    .map(w -> w.getClass().getSimpleName())
                    .toList());
            toasts.set(robot.lookup(".toast").queryAll().stream()
                    .filter(n -> n.isVisible() && n.getScene() == stage.getScene())
                    .count());
        });
        assertThat(popups.get())
                .as("five fatigue popups of their own covered the window at 1366×768")
                .isEmpty();
        assertThat(toasts.get()).isBetween(1L, 3L);
        assertThat(badge(robot)).contains(String.valueOf(safeKeys().size()));
    }

    private void size(FxRobot robot, double w, double h) throws TimeoutException {
        robot.interact(() -> {
            stage.setWidth(w);
            stage.setHeight(h);
        });
        waitUntil(() -> stage.getScene().getWidth() == w && stage.getScene().getHeight() == h);
    }

    @Test
    void overdueCommsNameTheRightShortcutsAndAfterResolvingOnlyThePostmortemReminderIsAlerted(FxRobot robot)
            throws Exception {
        launchAs("Ana Ops");
        declare(robot, "Checkout errors in EU");
        addResponder(robot, "Bob");
        clock.advance(Duration.ofMinutes(6));

        waitUntil(() -> safeKeys().contains("comms-overdue:notify-responders"));
        AlertCentre.Alert overdue = alert(robot, "comms-overdue:notify-responders");
        assertThat(overdue.level()).isEqualTo(AlertCentre.Level.CRITICAL);
        assertThat(overdue.text())
                .contains("Comms tab (Ctrl+Shift+C)")
                .contains("Compose (Ctrl+M)")
                .doesNotContain("Comms tab (Ctrl+M)");

        robot.clickOn("#resolveButton");
        robot.clickOn(dialogButton(robot, "Resolve incident"));
        waitUntil(() -> "RESOLVED".equals(label(robot, "#statusChip").getText()));
        try {
            waitUntil(() -> safeKeys().isEmpty());
        } catch (TimeoutException e) {
            throw new AssertionError("still alerted after resolving: " + safeKeys(), e);
        }

        // a week later: the resolution post is overdue and Bob has been "on duty" for days, but
        // the outage is over; only the postmortem is still to do, and it is not critical
        clock.advance(Duration.ofDays(8));
        waitUntil(() -> safeKeys().contains("comms-overdue:schedule-postmortem"));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(safeKeys()).containsExactly("comms-overdue:schedule-postmortem");
        assertThat(alert(robot, "comms-overdue:schedule-postmortem").level()).isEqualTo(AlertCentre.Level.WARNING);
    }

    private AlertCentre.Alert alert(FxRobot robot, String key) {
        AtomicReference<AlertCentre.Alert> out = new AtomicReference<>();
        robot.interact(() -> out.set(context.alerts().alerts().stream()
                .filter(a -> a.key().equals(key))
                .findFirst()
                .orElseThrow()));
        return out.get();
    }

    private boolean fatigueAcknowledged() {
        AtomicReference<Boolean> out = new AtomicReference<>(false);
        try {
            org.testfx.util.WaitForAsyncUtils.asyncFx(() -> out.set(context.alerts().alerts().stream()
                            .anyMatch(a -> a.key().startsWith("fatigue:") && a.acknowledged())))
                    .get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return out.get();
    }

    private static boolean badgeSaysUnacknowledged(FxRobot robot, int n) {
        return ("⚠ " + n + (n == 1 ? " alert" : " alerts")).equals(badge(robot));
    }

    @SuppressWarnings("unchecked")
    private static void selectAlert(FxRobot robot, String title) {
        ListView<AlertCentre.Alert> list = robot.lookup("#alerts-list").queryAs(ListView.class);
        robot.interact(() -> {
            for (int i = 0; i < list.getItems().size(); i++) {
                if (list.getItems().get(i).title().equals(title)) {
                    list.getSelectionModel().select(i);
                    list.requestFocus();
                }
            }
        });
    }

    @Test
    void aHandOffWaitingForItsAckIsListedAndLeavesWhenItExpires(FxRobot robot) throws Exception {
        launchAs("Ana Ops");
        declare(robot, "Checkout errors in EU");
        addResponder(robot, "Bob");
        robot.clickOn("#offerHandoffButton");
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<dev.conn.command.Responder> person =
                (javafx.scene.control.ComboBox<dev.conn.command.Responder>) waitFor(robot, "#choice-person");
        robot.interact(() -> person.setValue(person.getItems().stream()
                .filter(r -> r.name().equals("Bob"))
                .findFirst()
                .orElseThrow()));
        robot.clickOn("#choice-confirm");
        waitFor(robot, "#brief-dialog");
        dev.conn.testing.Ui.waitUntil(() -> robot.lookup("#copy-confirm")
                .tryQuery()
                .map(dev.conn.testing.Ui::shown)
                .orElse(false)); // the brief is read first, then offered
        robot.interact(() -> robot.lookup("#copy-confirm").queryButton().fire());

        waitUntil(() -> safeKeys().stream().anyMatch(k -> k.startsWith("handoff-pending:")));

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        waitUntil(() -> safeKeys().stream().anyMatch(k -> k.startsWith("handoff-expired:")));
        waitUntil(() -> safeKeys().stream().noneMatch(k -> k.startsWith("handoff-pending:")));
        AtomicReference<AlertCentre.Alert> expired = new AtomicReference<>();
        robot.interact(() -> expired.set(context.alerts().alerts().stream()
                .filter(a -> a.key().startsWith("handoff-expired:"))
                .findFirst()
                .orElseThrow()));
        assertThat(expired.get().level()).isEqualTo(AlertCentre.Level.CRITICAL);
        assertThat(expired.get().text()).contains("Hand-off to Bob expired at 14:05 UTC");
    }

    private List<String> keys() throws Exception {
        AtomicReference<List<String>> out = new AtomicReference<>();
        org.testfx.util.WaitForAsyncUtils.asyncFx(() -> out.set(context.alerts().alerts().stream()
                        .map(AlertCentre.Alert::key)
                        .toList()))
                .get(10, java.util.concurrent.TimeUnit.SECONDS);
        return out.get();
    }

    private List<String> safeKeys() {
        try {
            return keys();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String badge(FxRobot robot) {
        return robot.lookup("#alertsBadge").queryAs(Button.class).getText();
    }

    @SuppressWarnings("unchecked")
    private static List<String> alertTitles(FxRobot robot) {
        AtomicReference<List<String>> out = new AtomicReference<>();
        robot.interact(() -> out.set(robot.lookup("#alerts-list").queryAs(ListView.class).getItems().stream()
                .map(a -> ((AlertCentre.Alert) a).title())
                .toList()));
        return out.get();
    }

    private void declare(FxRobot robot, String title) throws TimeoutException {
        waitUntil(() -> "No incident open".equals(label(robot, "#emptyTitle").getText()));
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        TextField field = (TextField) waitFor(robot, "#declare-title");
        robot.interact(() -> field.setText(title));
        robot.clickOn("#declare-sev2"); // a severity is a required choice
        robot.clickOn("#declare-confirm");
        waitUntil(() -> title.equals(label(robot, "#titleLabel").getText()));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P).release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#addResponderButton")
                .tryQuery()
                .map(dev.conn.testing.Ui::shown)
                .orElse(false));
    }

    @SuppressWarnings("unchecked")
    private void addResponder(FxRobot robot, String name) throws TimeoutException {
        robot.clickOn("#addResponderButton");
        TextField field = (TextField) waitFor(robot, "#responder-name");
        robot.interact(() -> field.setText(name));
        robot.clickOn("#responder-add");
        waitUntil(() -> ((ListView<PeopleListViewModel.ResponderRow>)
                        robot.lookup("#rosterList").queryAs(ListView.class))
                .getItems().stream().anyMatch(r -> r.responder().name().equals(name)));
    }
}
