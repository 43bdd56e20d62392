package dev.conn.app;

import static dev.conn.testing.Ui.label;
import static dev.conn.testing.Ui.waitFor;
import static dev.conn.testing.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.incident.Declaration;
import dev.conn.incident.EventType;
import dev.conn.incident.Severity;
import dev.conn.settings.Settings;
import dev.conn.settings.SettingsFile;
import dev.conn.timeline.EntryCategory;
import dev.conn.timeline.TimelineEntry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The timeline stays quiet (issue 14 item 11), in the real window on a real H2 data directory. */
class QuietTimelineViewTest extends WindowTest {

    private void launchWithIncident(FxRobot robot) throws Exception {
        new SettingsFile(dataDir).save(Settings.defaults().withAuthorName("Ana Ops"));
        launch(java.util.function.UnaryOperator.identity(), () -> context.incidents()
                .declare(new Declaration("DNS cache leak", Severity.SEV2, "", Optional.empty(), "Ana Ops"), "Ana Ops"));
        waitUntil(() -> "DNS cache leak".equals(label(robot, "#titleLabel").getText()));
    }

    @Test
    void postmortemTypingIsHiddenByDefaultAndShownInWordsWhenAskedFor(FxRobot robot) throws Exception {
        launchWithIncident(robot);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E).release(KeyCode.E, KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(robot, "#pm-summary");
        javafx.scene.control.TextInputControl why =
                robot.lookup("#pm-rootCause-1-why-5").queryTextInputControl();
        robot.interact(why::requestFocus);
        robot.write("no memory limit");
        waitUntil(() -> why.getText().equals("no memory limit"));
        clock.advance(Duration.ofSeconds(2)); // the pause after typing: saved
        waitUntil(() -> context.incidents().incidents().stream()
                .flatMap(st ->
                        context.incidents().events(st.id(), java.util.Set.of(EventType.POSTMORTEM_FIELD_SET)).stream())
                .findAny()
                .isPresent());
        try {
            waitUntil(() -> label(robot, "#countLabel").getText().equals("1 of 2 entries"));
        } catch (Exception e) {
            throw new AssertionError(label(robot, "#countLabel").getText() + " " + texts(robot), e);
        }
        assertThat(types(robot)).doesNotContain(EventType.POSTMORTEM_FIELD_SET);

        @SuppressWarnings("unchecked")
        CheckComboBox<EntryCategory> filter = robot.lookup("#categoryFilter").queryAs(CheckComboBox.class);
        assertThat(filter.getTitle()).isEqualTo("Show: all but postmortem edits");
        robot.interact(() -> filter.getCheckModel().check(EntryCategory.POSTMORTEM));

        waitUntil(() -> types(robot).contains(EventType.POSTMORTEM_FIELD_SET));
        assertThat(texts(robot)).contains("Postmortem edited: root cause 1, why 5");
        assertThat(String.join("\n", texts(robot))).doesNotContain("rootCause").doesNotContain(".why.");
    }

    @Test
    void aBackDatedEntryFiledBelowTheNewestIsSelectedAndTheBarSaysWhereItWent(FxRobot robot) throws Exception {
        launchWithIncident(robot);
        TextField field = robot.lookup("#captureField").queryAs(TextField.class);
        robot.clickOn(field);
        for (int i = 1; i <= 3; i++) {
            clock.advance(Duration.ofMinutes(1));
            robot.write("step " + i).type(KeyCode.ENTER);
            int n = i;
            waitUntil(() -> texts(robot).contains("step " + n));
        }

        robot.write("@-150s deploy 42 rolled out").type(KeyCode.ENTER); // 14:00:30, before the three steps

        waitUntil(() -> label(robot, "#captureNotice").isVisible());
        assertThat(label(robot, "#captureNotice").getText())
                .isEqualTo("Filed at 14:00:30Z, its own time: below 3 newer entries; selected.");
        ListView<TimelineEntry> list = timeline(robot);
        waitUntil(() -> list.getSelectionModel().getSelectedItem() != null
                && list.getSelectionModel().getSelectedItem().text().equals("deploy 42 rolled out"));
    }

    @SuppressWarnings("unchecked")
    private static ListView<TimelineEntry> timeline(FxRobot robot) {
        return robot.lookup("#timelineList").queryAs(ListView.class);
    }

    private static List<EventType> types(FxRobot robot) {
        AtomicReference<List<EventType>> out = new AtomicReference<>();
        robot.interact(() -> out.set(
                timeline(robot).getItems().stream().map(TimelineEntry::type).toList()));
        return out.get();
    }

    private static List<String> texts(FxRobot robot) {
        AtomicReference<List<String>> out = new AtomicReference<>();
        robot.interact(() -> out.set(
                timeline(robot).getItems().stream().map(TimelineEntry::text).toList()));
        return out.get();
    }
}
