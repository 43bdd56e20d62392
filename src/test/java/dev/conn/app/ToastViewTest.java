package dev.conn.app;

import static dev.conn.testing.Ui.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.command.Responder;
import dev.conn.platform.fx.AlertCentre;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Alert toasts (issue 14 item 7): one corner, at most three, never over what they point to. */
class ToastViewTest extends WindowTest {
    @Test
    @SuppressWarnings("unchecked")
    void fiveAlertsShowTheNewestThreeInOneCornerAndCoverNoTaskButtonBadgeOrCaptureBar(FxRobot robot) throws Exception {
        launchAs("Ana Ops");
        robot.interact(() -> {
            stage.setWidth(1920);
            stage.setHeight(1080);
        });
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        TextField title = (TextField) waitFor(robot, "#declare-title");
        robot.interact(() -> title.setText("Checkout errors in EU"));
        robot.clickOn("#declare-sev2");
        robot.clickOn("#declare-confirm");
        waitUntil(
                () -> "Checkout errors in EU".equals(label(robot, "#titleLabel").getText()));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P).release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#addResponderButton")
                .tryQuery()
                .map(n -> shown(n))
                .orElse(false));
        fireLater(robot, "#addResponderButton");
        TextField name = (TextField) waitFor(robot, "#responder-name");
        robot.interact(() -> name.setText("Bob"));
        fireLater(robot, "#responder-add");
        waitUntil(() ->
                !robot.lookup("#rosterList").queryAs(ListView.class).getItems().isEmpty());
        fireLater(robot, "#assignTaskButton");
        ComboBox<Responder> person = (ComboBox<Responder>) waitFor(robot, "#task-person");
        robot.interact(() -> person.setValue(person.getItems().get(0)));
        robot.interact(() -> robot.lookup("#task-text").queryAs(TextField.class).setText("check the failover"));
        fireLater(robot, "#task-confirm");
        waitUntil(() ->
                robot.lookup("#taskList").queryAs(ListView.class).getItems().size() == 1);

        robot.interact(() -> {
            AlertCentre alerts = context.alerts();
            for (int i = 1; i <= 5; i++) {
                alerts.post(
                        "test:" + i,
                        i % 2 == 0 ? AlertCentre.Level.WARNING : AlertCentre.Level.CRITICAL,
                        "Overdue: check-back task " + i,
                        "Bob has not reported back on task " + i + ". Ask him, or mark the task done.");
            }
        });

        List<Node> toasts = waitForToasts(robot, 3);
        List<String> titles = new ArrayList<>();
        robot.interact(() -> toasts.forEach(t -> titles.add(((Label) t.lookup(".toast-title")).getText())));
        assertThat(titles)
                .containsExactly(
                        "‼ Critical: Overdue: check-back task 3",
                        "⚠ Warning: Overdue: check-back task 4",
                        "‼ Critical: Overdue: check-back task 5"); // newest nearest the capture bar
        assertThat(context.alerts().alerts()).hasSize(5); // the two hidden toasts stay listed
        AtomicReference<List<String>> covered = new AtomicReference<>();
        AtomicReference<List<Double>> rightEdges = new AtomicReference<>();
        robot.interact(() -> {
            List<String> c = new ArrayList<>();
            List<Double> right = new ArrayList<>();
            for (Node t : toasts) {
                Bounds b = t.localToScene(t.getLayoutBounds());
                right.add(b.getMaxX());
                assertThat(b.getMinX()).isGreaterThanOrEqualTo(0);
                assertThat(b.getMaxY()).isLessThanOrEqualTo(stage.getScene().getHeight());
                for (String q :
                        List.of("#acknowledgeTaskButton", "#completeTaskButton", "#alertsBadge", ".capture-bar")) {
                    Node n = robot.lookup(q).query();
                    if (b.intersects(n.localToScene(n.getLayoutBounds()))) {
                        c.add(q);
                    }
                }
            }
            covered.set(c);
            rightEdges.set(right);
        });
        assertThat(covered.get()).as("controls under a toast").isEmpty();
        assertThat(rightEdges.get())
                .as("one corner")
                .allMatch(x -> Math.abs(x - rightEdges.get().get(0)) < 1);

        robot.interact(() -> ((javafx.scene.control.Button) toasts.get(0).lookup(".toast-close")).fire());
        waitForToasts(robot, 2);

        // a 1366×768 laptop: the timeline's corner holds fewer; the newest stays, nothing is covered
        robot.interact(() -> {
            stage.setWidth(1366);
            stage.setHeight(768);
        });
        waitUntil(() ->
                robot.lookup(".toast").match(Node::isVisible).queryAll().size() >= 1 && toastsInsideTheList(robot));
        robot.interact(() -> {
            List<Node> left = new ArrayList<>(
                    robot.lookup(".toast").match(Node::isVisible).queryAll());
            assertThat(((Label) left.get(left.size() - 1).lookup(".toast-title")).getText())
                    .endsWith("task 5");
        });
    }

    /** @return whether every toast lies inside the timeline list (read on the FX thread) */
    private static boolean toastsInsideTheList(FxRobot robot) {
        AtomicReference<Boolean> inside = new AtomicReference<>(false);
        robot.interact(() -> {
            Node list = robot.lookup("#timelineList").query();
            Bounds l = list.localToScene(list.getLayoutBounds());
            inside.set(robot.lookup(".toast").match(Node::isVisible).queryAll().stream()
                    .allMatch(t -> l.contains(t.localToScene(t.getLayoutBounds()))));
        });
        return inside.get();
    }

    private static List<Node> waitForToasts(FxRobot robot, int count) throws Exception {
        try {
            waitUntil(() ->
                    robot.lookup(".toast").match(Node::isVisible).queryAll().size() == count);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(
                    "toasts shown: "
                            + robot.lookup(".toast")
                                    .match(Node::isVisible)
                                    .queryAll()
                                    .size() + ", expected " + count,
                    e);
        }
        return new ArrayList<>(robot.lookup(".toast").match(Node::isVisible).queryAll());
    }

    private static void fireLater(FxRobot robot, String query) {
        robot.interact(
                () -> javafx.application.Platform.runLater(robot.lookup(query).queryButton()::fire));
    }
}
