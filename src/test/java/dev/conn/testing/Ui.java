package dev.conn.testing;

import dev.conn.timeline.TimelineEntry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Lookups and bounded waits shared by the TestFX tests of the real window. */
public final class Ui {
    private Ui() {}

    /** Waits at most 15 s for {@code condition}; the window works in the background. */
    public static void waitUntil(Supplier<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition::get);
    }

    /** Waits for a node matching {@code query} (e.g. a dialog's field) and returns it. */
    public static Node waitFor(FxRobot robot, String query) throws TimeoutException {
        waitUntil(() -> robot.lookup(query).tryQuery().isPresent());
        return robot.lookup(query).query();
    }

    /** Waits for a button labelled {@code text} in any open dialog and returns it. */
    public static Button dialogButton(FxRobot robot, String text) throws TimeoutException {
        AtomicReference<Button> found = new AtomicReference<>();
        waitUntil(() -> {
            robot.interact(() -> {
                for (DialogPane pane : robot.lookup(".dialog-pane").queryAllAs(DialogPane.class)) {
                    for (ButtonType type : pane.getButtonTypes()) {
                        if (pane.lookupButton(type) instanceof Button b && text.equals(b.getText())) {
                            found.set(b);
                        }
                    }
                }
            });
            return found.get() != null;
        });
        return found.get();
    }

    /** @return the label matching {@code query} */
    public static Label label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class);
    }

    /** @return the timeline list */
    @SuppressWarnings("unchecked")
    public static ListView<TimelineEntry> timeline(FxRobot robot) {
        return robot.lookup("#timelineList").queryAs(ListView.class);
    }

    /** @return the texts of the timeline's rows as shown, read on the FX thread */
    public static List<String> texts(FxRobot robot) {
        AtomicReference<List<String>> out = new AtomicReference<>();
        robot.interact(() -> out.set(
                timeline(robot).getItems().stream().map(TimelineEntry::text).toList()));
        return out.get();
    }

    /** True if the node and every ancestor are visible ({@code Node#isVisible} looks at the node alone). */
    public static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
