package dev.conn.app;

import static dev.conn.testing.Ui.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.platform.fx.DialogStyler;
import dev.conn.settings.DesktopSettings;
import dev.conn.settings.Settings;
import dev.conn.settings.SettingsFile;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 14: at 200 % text on a 1280×720 screen (a 640×360 screen at 100 %), the declare and
 * settings dialogs stay on the screen with their buttons in view, show every label whole, and a
 * field below the fold is reached with Tab (the body scrolls to it) and typed into.
 */
class DialogsOnASmallScreenViewTest extends WindowTest {
    private static final Rectangle2D SCREEN = new Rectangle2D(0, 0, 1280, 720);

    @BeforeEach
    void smallScreen() {
        DialogStyler.confineTo(SCREEN);
    }

    @AfterEach
    void realScreen() {
        DialogStyler.confineTo(null);
    }

    @Test
    void theDeclareDialogFitsTheScreenAndItsLastFieldIsReachedByTab(FxRobot robot) throws Exception {
        launchAt200Percent();
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        TextField title = (TextField) waitFor(robot, "#declare-title");
        Window dialog = settledDialog(title);

        assertButtonsOnScreen(robot, dialog, "Declare incident", "Cancel");
        assertThat(cutLabels(dialog.getScene())).as("labels cut to an ellipsis").isEmpty();
        TextField impact = robot.lookup("#declare-impact-start").queryAs(TextField.class);
        assertThat(inViewport(impact))
                .as("the last field starts below the fold")
                .isFalse();

        robot.clickOn(title).write("Checkout 502s");
        for (int i = 0; i < 10 && !impact.isFocused(); i++) {
            robot.type(KeyCode.TAB);
        }
        assertThat(impact.isFocused()).as("Tab reaches 'Impact started at'").isTrue();
        waitUntil(() -> inViewport(impact));
        robot.write("-10m");

        assertThat(impact.getText()).isEqualTo("-10m");
        waitUntil(() -> label(robot, "#declare-impact-preview").getText().equals("= 2026-11-21 13:50:00 UTC"));
        assertButtonsOnScreen(robot, dialog, "Declare incident", "Cancel");
    }

    @Test
    void theSettingsDialogShowsEverySectionWholeWithItsButtonsOnScreen(FxRobot robot) throws Exception {
        launchAt200Percent();
        robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
        Node name = waitFor(robot, "#settings-name");
        Window dialog = settledDialog(name);
        @SuppressWarnings("unchecked")
        ListView<String> sections = robot.lookup("#settings-sections").queryAs(ListView.class);

        assertThat(sections.getItems())
                .containsExactly(
                        "Identity and time", "Appearance", "Data and policy", "Message channels", "Monitoring sources");
        for (String section : List.copyOf(sections.getItems())) {
            robot.clickOn(section);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(sections.getSelectionModel().getSelectedItem()).isEqualTo(section);
            assertButtonsOnScreen(robot, dialog, "Save settings", "Cancel");
            assertThat(cutLabels(dialog.getScene()))
                    .as("labels cut to an ellipsis in %s", section)
                    .isEmpty();
            AtomicReference<List<String>> faults = new AtomicReference<>();
            robot.interact(() -> faults.set(LayoutAudit.problems(dialog.getScene())));
            assertThat(faults.get()).as("layout faults in %s", section).isEmpty();
        }

        robot.clickOn("Identity and time");
        robot.clickOn("#settings-name")
                .press(KeyCode.CONTROL, KeyCode.A)
                .release(KeyCode.A, KeyCode.CONTROL)
                .write("Ana Lead");
        robot.clickOn("#settings-save");
        waitUntil(() -> "Ana Lead".equals(new SettingsFile(dataDir).read().authorName()));
    }

    private void launchAt200Percent() throws Exception {
        new SettingsFile(dataDir)
                .save(Settings.defaults()
                        .withAuthorName("Ana Ops")
                        .withDesktop(DesktopSettings.defaults().withFontScale(2.0)));
        launch(UnaryOperator.identity());
    }

    /** The dialog of {@code inside}, once it has been grown to its content and fitted on screen. */
    private static Window settledDialog(Node inside) throws Exception {
        Window w = inside.getScene().getWindow();
        for (int i = 0; i < 5; i++) {
            WaitForAsyncUtils.waitForFxEvents();
        }
        waitUntil(() -> w.getWidth() <= SCREEN.getWidth() && w.getHeight() <= SCREEN.getHeight());
        assertThat(w.getX()).isGreaterThanOrEqualTo(SCREEN.getMinX());
        assertThat(w.getY()).isGreaterThanOrEqualTo(SCREEN.getMinY());
        assertThat(w.getX() + w.getWidth()).isLessThanOrEqualTo(SCREEN.getMaxX());
        assertThat(w.getY() + w.getHeight()).isLessThanOrEqualTo(SCREEN.getMaxY());
        return w;
    }

    /** Each button, by its text, lies whole inside the dialog's window and the screen. */
    private static void assertButtonsOnScreen(FxRobot robot, Window w, String... texts) {
        DialogPane pane = (DialogPane) w.getScene().getRoot();
        for (String text : texts) {
            Button b = pane.getButtonTypes().stream()
                    .map(pane::lookupButton)
                    .filter(n -> n instanceof Button btn && btn.getText().equals(text))
                    .map(Button.class::cast)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no button " + text));
            AtomicReference<Bounds> onScreen = new AtomicReference<>();
            robot.interact(() -> onScreen.set(b.localToScreen(b.getLayoutBounds())));
            Bounds s = onScreen.get();
            assertThat(b.isVisible()).isTrue();
            assertThat(s.getMinX()).as(text).isGreaterThanOrEqualTo(Math.max(SCREEN.getMinX(), w.getX()) - 1);
            assertThat(s.getMinY()).as(text).isGreaterThanOrEqualTo(Math.max(SCREEN.getMinY(), w.getY()) - 1);
            assertThat(s.getMaxX())
                    .as(text)
                    .isLessThanOrEqualTo(Math.min(SCREEN.getMaxX(), w.getX() + w.getWidth()) + 1);
            assertThat(s.getMaxY())
                    .as(text)
                    .isLessThanOrEqualTo(Math.min(SCREEN.getMaxY(), w.getY() + w.getHeight()) + 1);
        }
    }

    /** Every shown label, button or check box whose drawn text differs from its text ("…"). */
    private static List<String> cutLabels(Scene scene) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
                    List<String> cut = new ArrayList<>();
                    collectCut(scene.getRoot(), cut);
                    return cut;
                })
                .get();
    }

    private static void collectCut(Node n, List<String> cut) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
            String full = l.isMnemonicParsing() ? l.getText().replaceFirst("_(?=.)", "") : l.getText();
            for (Node c : l.getChildrenUnmodifiable()) {
                if (c instanceof Text t && c.isVisible() && !full.equals(t.getText())) {
                    cut.add("\"" + full + "\" shown as \"" + t.getText() + "\"");
                }
            }
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collectCut(c, cut));
        }
    }

    /** Whether the node lies whole inside the viewport of the scroll pane around it. */
    private static boolean inViewport(Node node) {
        AtomicReference<Boolean> in = new AtomicReference<>(false);
        try {
            WaitForAsyncUtils.asyncFx(() -> {
                        for (Node a = node.getParent(); a != null; a = a.getParent()) {
                            if (a instanceof ScrollPane sp) {
                                Node viewport = sp.lookup(".viewport");
                                Bounds v = viewport.localToScene(viewport.getLayoutBounds());
                                Bounds b = node.localToScene(node.getLayoutBounds());
                                in.set(b.getMinY() >= v.getMinY() - 1 && b.getMaxY() <= v.getMaxY() + 1);
                                return;
                            }
                        }
                    })
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return in.get();
    }
}
