package dev.conn.app;

import static dev.conn.testing.Ui.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.settings.SettingsFile;
import dev.conn.shell.MenuActions;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Keyboard-first use and war-room readability, in the real window on a real data directory. */
class KeyboardAndLookViewTest extends WindowTest {
    @Test
    void paletteFindsDeclareIncidentAndEnterRunsIt(FxRobot robot) throws Exception {
        launchAs("Ana Ops");
        waitUntil(() -> "No incident open".equals(label(robot, "#emptyTitle").getText()));

        press(robot, KeyCode.CONTROL, KeyCode.K);
        waitFor(robot, "#palette-query");
        robot.interact(
                () -> robot.lookup("#palette-query").queryTextInputControl().setText("decl inc"));
        assertThat(firstPaletteRow(robot)).isEqualTo("Declare incident");
        robot.type(KeyCode.ENTER);

        waitFor(robot, "#declare-title");
        assertThat(robot.lookup("#palette-query").tryQuery()).isEmpty();
    }

    @Test
    void paletteListsEachActionsShortcutAndEscClosesIt(FxRobot robot) throws Exception {
        launchAs("Ana Ops");
        press(robot, KeyCode.CONTROL, KeyCode.K);
        waitFor(robot, "#palette-query");
        robot.interact(
                () -> robot.lookup("#palette-query").queryTextInputControl().setText("offer hand"));

        assertThat(firstPaletteRow(robot)).isEqualTo("Offer hand-off");
        assertThat(robot.lookup("#palette-list .shortcut-key")
                        .queryAs(Label.class)
                        .getText())
                .isEqualTo("Ctrl+Shift+H");

        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup("#palette-query").tryQuery().isEmpty());
    }

    @Test
    void escBacksOutOfTheDeclareDialogWithoutDeclaring(FxRobot robot) throws Exception {
        launchAs("Ana Ops");
        waitUntil(() -> "No incident open".equals(label(robot, "#emptyTitle").getText()));
        press(robot, KeyCode.CONTROL, KeyCode.N);
        waitFor(robot, "#declare-title");

        robot.type(KeyCode.ESCAPE);

        waitUntil(() -> robot.lookup("#declare-title").tryQuery().isEmpty());
        assertThat(label(robot, "#emptyTitle").getText()).isEqualTo("No incident open");
    }

    @Test
    void f1ShowsEveryMenuActionWithItsShortcut(FxRobot robot) throws Exception {
        launchAs("Ana Ops");
        robot.type(KeyCode.F1);
        waitFor(robot, "#cheat-sheet");

        List<String> labels = robot.lookup("#cheat-sheet .label").queryAllAs(Label.class).stream()
                .map(Label::getText)
                .toList();
        assertThat(labels).contains("Declare incident", "Ctrl+N", "Command palette", "Ctrl+K", "Larger text", "Ctrl+=");
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup("#cheat-sheet").tryQuery().isEmpty());
    }

    @Test
    void everyMenuActionButTheNamePromptHasAShortcut(FxRobot robot) throws Exception {
        launchAs("Ana Ops");
        AtomicReference<List<MenuActions.Action>> actions = new AtomicReference<>();
        robot.interact(() -> actions.set(context.mainWindowForTests().actions()));

        assertThat(actions.get())
                .filteredOn(a -> a.shortcut().isEmpty())
                .extracting(MenuActions.Action::name)
                .containsOnly("Set your name");
        assertThat(actions.get()).extracting(MenuActions.Action::shortcutText).doesNotHaveDuplicates();
    }

    @Test
    void mainActionsAreReachedByTheirShortcuts(FxRobot robot) throws Exception {
        launchAs("Ana Ops");
        waitUntil(() -> "No incident open".equals(label(robot, "#emptyTitle").getText()));

        press(robot, KeyCode.CONTROL, KeyCode.N);
        waitFor(robot, "#declare-title");
        robot.interact(
                () -> robot.lookup("#declare-title").queryTextInputControl().setText("Checkout errors"));
        robot.clickOn("#declare-sev2"); // a severity is a required choice
        robot.clickOn("#declare-confirm");
        waitUntil(() -> "Checkout errors".equals(label(robot, "#titleLabel").getText()));

        press(robot, KeyCode.CONTROL, KeyCode.L);
        waitUntil(() -> robot.lookup("#captureField").query().isFocused());
        press(robot, KeyCode.CONTROL, KeyCode.K); // the palette opens from the capture bar too
        waitFor(robot, "#palette-query");
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup("#palette-query").tryQuery().isEmpty());

        press(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P);
        waitUntil(() -> shown(robot.lookup("#people").query()));

        press(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.J);
        waitFor(robot, "#responder-name"); // the add-responder dialog
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
    }

    @Test
    void fontScalingChangesTheRootFontSizeAndIsRemembered(FxRobot robot) throws Exception {
        launchAs("Ana Ops");
        double before = fontSize(robot);

        press(robot, KeyCode.CONTROL, KeyCode.EQUALS);
        press(robot, KeyCode.CONTROL, KeyCode.EQUALS);

        waitUntil(() -> fontSize(robot) > before);
        assertThat(fontSize(robot)).isEqualTo(before * 1.25, org.assertj.core.data.Offset.offset(0.01));
        waitUntil(() -> new SettingsFile(dataDir).read().desktop().fontScale() == 1.25);

        press(robot, KeyCode.CONTROL, KeyCode.MINUS);
        waitUntil(() -> Math.abs(fontSize(robot) - before * 1.1) < 0.01);
        press(robot, KeyCode.CONTROL, KeyCode.DIGIT0);
        waitUntil(() -> Math.abs(fontSize(robot) - before) < 0.01);
    }

    @Test
    void openLogFolderSaysWhereTheLogsAreWhenThereIsNoFileManager(FxRobot robot) throws Exception {
        launchAs("Ana Ops");

        press(robot, KeyCode.CONTROL, KeyCode.ALT, KeyCode.L); // headless: no file manager

        waitUntil(() -> label(robot, ".status-bar #errorLabel") // the header has an errorLabel too
                .getText()
                .contains(dataDir.resolve("logs").toString()));
        assertThat(dataDir.resolve("logs").resolve("conn.log.0")).exists();
    }

    @Test
    void themeAndProjectorModeSwitchTheTokenStylesheet(FxRobot robot) throws Exception {
        launchAs("Ana Ops");
        assertThat(sheets(robot)).noneMatch(s -> s.endsWith("tokens-light.css"));

        press(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T);
        waitUntil(() -> sheets(robot).stream().anyMatch(s -> s.endsWith("tokens-light.css")));

        press(robot, KeyCode.CONTROL, KeyCode.ALT, KeyCode.P);
        waitUntil(() -> sheets(robot).stream().anyMatch(s -> s.endsWith("tokens-contrast.css")));
        assertThat(sheets(robot)).noneMatch(s -> s.endsWith("tokens-light.css"));
        waitUntil(() -> new SettingsFile(dataDir).read().desktop().projector());
    }

    @Test
    void windowSizeIsRememberedAcrossRestarts(FxRobot robot) throws Exception {
        launchAs("Ana Ops");
        robot.interact(() -> {
            stage.setX(40);
            stage.setY(30);
            stage.setWidth(1000);
            stage.setHeight(700);
            stage.hide();
        });
        waitUntil(() -> new SettingsFile(dataDir).read().desktop().window() != null);
        context.close();
        context = null;

        launch(java.util.function.UnaryOperator.identity());

        assertThat(stage.getWidth()).isEqualTo(1000);
        assertThat(stage.getHeight()).isEqualTo(700);
        assertThat(stage.getX()).isEqualTo(40);
    }

    private static void press(FxRobot robot, KeyCode... keys) {
        robot.press(keys);
        for (int i = keys.length - 1; i >= 0; i--) {
            robot.release(keys[i]);
        }
    }

    private static String firstPaletteRow(FxRobot robot) {
        AtomicReference<String> name = new AtomicReference<>();
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            javafx.scene.control.ListView<MenuActions.Action> list =
                    robot.lookup("#palette-list").queryAs(javafx.scene.control.ListView.class);
            name.set(list.getSelectionModel().getSelectedItem().name());
        });
        return name.get();
    }

    private double fontSize(FxRobot robot) {
        AtomicReference<Double> size = new AtomicReference<>();
        robot.interact(() -> size.set(label(robot, "#clockLabel").getFont().getSize()));
        return size.get();
    }

    private List<String> sheets(FxRobot robot) {
        AtomicReference<List<String>> out = new AtomicReference<>();
        robot.interact(() -> out.set(List.copyOf(stage.getScene().getStylesheets())));
        return out.get();
    }
}
