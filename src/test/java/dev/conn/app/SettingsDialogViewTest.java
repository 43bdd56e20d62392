package dev.conn.app;

import static dev.conn.testing.Ui.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.settings.PolicyFile;
import dev.conn.settings.Settings;
import dev.conn.settings.SettingsFile;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.CheckBox;
import javafx.scene.control.RadioButton;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The settings dialog (Ctrl+,) in the real window on a real data directory. */
class SettingsDialogViewTest extends WindowTest {
    @Test
    void aBlankNameIsRefusedWithWhatToFixAndNothingIsSaved(FxRobot robot) throws Exception {
        launchAs("Ana Ops");
        open(robot);
        robot.interact(
                () -> robot.lookup("#settings-name").queryTextInputControl().setText("   "));
        robot.interact(() ->
                robot.lookup("#settings-projector").queryAs(CheckBox.class).setSelected(true));

        robot.clickOn("#settings-save");

        waitUntil(() -> !label(robot, "#settings-problems").getText().isEmpty());
        assertThat(label(robot, "#settings-problems").getText())
                .contains("Your name: enter the name shown as author of what you record (1-80 characters).");
        assertThat(robot.lookup("#settings-dialog").tryQuery()).isPresent();
        assertThat(new SettingsFile(dataDir).read().desktop().projector()).isFalse();
    }

    @Test
    void savedSettingsApplyAtOnceAndAreKept(FxRobot robot) throws Exception {
        launchAs("Ana Ops");
        open(robot);
        robot.interact(() -> {
            robot.lookup("#settings-name").queryTextInputControl().setText("Ana Ops-Lead");
            robot.lookup("#settings-time-utc").queryAs(RadioButton.class).setSelected(true);
            robot.lookup("#settings-theme-light").queryAs(RadioButton.class).setSelected(true);
            robot.lookup("#settings-font-scale")
                    .queryAs(javafx.scene.control.ComboBox.class)
                    .getSelectionModel()
                    .select("150 %");
        });

        robot.clickOn("#settings-save");

        waitUntil(() -> robot.lookup("#settings-dialog").tryQuery().isEmpty());
        waitUntil(() -> {
            Settings s = new SettingsFile(dataDir).read();
            return "Ana Ops-Lead".equals(s.authorName())
                    && s.timeDisplay() == Settings.TimeDisplay.UTC
                    && s.theme() == Settings.Theme.LIGHT
                    && s.desktop().fontScale() == 1.5;
        });
        assertThat(stage.getScene().getStylesheets()).anyMatch(s -> s.endsWith("tokens-light.css"));
        assertThat(stage.getScene().getRoot().getStyle()).contains("22.50px");
    }

    @Test
    void escClosesTheSettingsWithoutSaving(FxRobot robot) throws Exception {
        launchAs("Ana Ops");
        open(robot);
        robot.interact(
                () -> robot.lookup("#settings-name").queryTextInputControl().setText("Somebody Else"));

        robot.type(KeyCode.ESCAPE);

        waitUntil(() -> robot.lookup("#settings-dialog").tryQuery().isEmpty());
        assertThat(new SettingsFile(dataDir).read().authorName()).isEqualTo("Ana Ops");
    }

    @Test
    void aBrokenPolicyFileIsReportedNamingTheBadField(FxRobot robot) throws Exception {
        launchAs("Ana Ops");
        Files.writeString(new PolicyFile(dataDir).path(), "{\"version\": 1, \"severitees\": []}");
        open(robot);
        robot.interact(() -> sections(robot).getSelectionModel().select("Data and policy"));
        robot.clickOn("#settings-policy-check");

        waitUntil(() -> label(robot, "#settings-policy-result").getText().startsWith("✗"));
        assertThat(label(robot, "#settings-policy-result").getText())
                .contains("policy.json")
                .contains("severitees");
        assertThat(label(robot, "#settings-data-dir").getText()).isEqualTo(dataDir.toString());
    }

    @Test
    void monitoringSourcesAndChannelsAreReachedFromTheSettings(FxRobot robot) throws Exception {
        launchAs("Ana Ops");
        open(robot);
        javafx.scene.control.ListView<String> sections = sections(robot);
        AtomicReference<List<String>> titles = new AtomicReference<>();
        robot.interact(() -> titles.set(List.copyOf(sections.getItems())));
        assertThat(titles.get()).contains("Monitoring sources", "Message channels");

        robot.clickOn("Message channels");
        assertThat(label(robot, "#settings-message-channels .label").getText()).isEqualTo("None configured yet.");
        robot.clickOn("Edit message channels…");

        waitUntil(() -> javafx.stage.Window.getWindows().stream()
                .anyMatch(w -> w instanceof javafx.stage.Stage st
                        && st.isShowing()
                        && "Message channels".equals(st.getTitle())));
    }

    @SuppressWarnings("unchecked")
    private static javafx.scene.control.ListView<String> sections(FxRobot robot) {
        return robot.lookup("#settings-sections").queryAs(javafx.scene.control.ListView.class);
    }

    private static void open(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
        waitFor(robot, "#settings-name");
    }
}
