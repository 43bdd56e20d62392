package dev.conn.app;

import static dev.conn.testing.Ui.waitFor;
import static dev.conn.testing.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.incident.Declaration;
import dev.conn.incident.EntryCommand;
import dev.conn.incident.EntryDecider;
import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.PostmortemEvent;
import dev.conn.incident.Severity;
import dev.conn.postmortem.ActionItem;
import dev.conn.postmortem.ui.FileChoice;
import dev.conn.settings.Settings;
import dev.conn.settings.SettingsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The postmortem tab and the Export menu, in the real window on a real H2 data directory. */
class PostmortemViewTest extends WindowTest {

    private Path exported;

    private void launchWithIncident() throws Exception {
        new SettingsFile(dataDir).save(Settings.defaults().withAuthorName("alice"));
        exported = dataDir.resolve("postmortem.md");
        launch(java.util.function.UnaryOperator.identity(), () -> {
            context.usePostmortemFiles(new FileChoice() {
                @Override
                public Optional<Path> saveAs(String title, String extension) {
                    return Optional.of(dataDir.resolve("postmortem." + extension));
                }

                @Override
                public Optional<Path> openBundle() {
                    return Optional.empty();
                }
            });
            context.incidents()
                    .declare(
                            new Declaration(
                                    "DNS cache leak", Severity.SEV1, "", Optional.of(T0.minusSeconds(900)), "alice"),
                            "alice");
        });
    }

    /** Focuses a field (the tab scrolls; it may sit below the fold) and types into it with the keyboard. */
    private static void typeInto(FxRobot robot, String query, String text) {
        javafx.scene.Node field = robot.lookup(query).query();
        robot.interact(field::requestFocus);
        robot.write(text);
    }

    private static void showPostmortem(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E).release(KeyCode.E, KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(robot, "#pm-summary");
    }

    @Test
    void fillThePostmortemAddAnActionItemAndExportMarkdown(FxRobot robot) throws Exception {
        launchWithIncident();
        showPostmortem(robot);
        typeInto(robot, "#pm-summary", "Resolver cache leaked");
        javafx.scene.control.TextInputControl why =
                robot.lookup("#pm-rootCause-1-why-1").queryTextInputControl();
        robot.interact(() -> why.setText("pods were OOMKilled | no limit"));

        // the form sits below the fold of the scrolling tab: fill it as typing would
        robot.interact(() -> {
            robot.lookup("#pm-ai-text").queryAs(TextField.class).setText("Alert on resolver memory");
            robot.lookup("#pm-ai-owner").queryAs(TextField.class).setText("Bob");
            robot.lookup("#pm-ai-add")
                    .queryAs(javafx.scene.control.Button.class)
                    .fire();
        });
        @SuppressWarnings("unchecked")
        ListView<ActionItem> items = robot.lookup("#pm-action-items").queryAs(ListView.class);
        waitUntil(() -> items.getItems().size() == 1);

        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);

        waitUntil(() -> Files.exists(exported));
        String md = Files.readString(exported);
        assertThat(md)
                .contains("Resolver cache leaked")
                .contains("pods were OOMKilled \\| no limit")
                .contains("| Alert on resolver memory | prevent | Bob |");
        assertThat(robot.lookup("#pm-message").queryAs(Label.class).getText()).startsWith("Exported to");
    }

    @Test
    void aLongRootCauseWrapsAndShowsAllItsLinesAndTabMovesOn(FxRobot robot) throws Exception {
        launchWithIncident();
        showPostmortem(robot);
        // at 1280×720 a text field showed "The payment provider's failover pool in Frankfurt had no
        // copy of our TLS client" and hid the rest
        String cause = "The payment provider's failover pool in Frankfurt had no copy of our TLS client certificate,"
                + " so the provider's load balancer rejected every third request after the failover";
        javafx.scene.control.TextArea area =
                robot.lookup("#pm-rootCause-1").queryAs(javafx.scene.control.TextArea.class);
        double oneLine = area.getHeight();
        robot.interact(() -> area.setText(cause));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents(5);
        AtomicReference<Boolean> scrolls = new AtomicReference<>();
        robot.interact(() -> scrolls.set(area.lookupAll(".scroll-bar").stream()
                .anyMatch(b -> b instanceof javafx.scene.control.ScrollBar sb
                        && sb.getOrientation() == javafx.geometry.Orientation.VERTICAL
                        && sb.isVisible())));

        assertThat(area.getHeight()).as("grown to show the wrapped lines").isGreaterThan(oneLine * 1.5);
        assertThat(scrolls.get()).as("every line in view, no scroll bar").isFalse();
        robot.interact(area::requestFocus);
        robot.type(KeyCode.TAB);
        assertThat(area.getText()).as("Tab moves on, typing no tab").isEqualTo(cause);
        assertThat(robot.lookup("#pm-rootCause-1-why-1").query().isFocused()).isTrue();
    }

    @Test
    void typingIsSavedOnceThePauseHasPassedOnTheClock(FxRobot robot) throws Exception {
        launchWithIncident();
        showPostmortem(robot);
        typeInto(robot, "#pm-impact", "EU checkout");

        clock.advance(Duration.ofSeconds(2));

        waitUntil(() -> context.incidents().incidents().stream()
                .flatMap(st ->
                        context.incidents().events(st.id(), java.util.Set.of(EventType.POSTMORTEM_FIELD_SET)).stream())
                .anyMatch(e -> e.body().equals(new PostmortemEvent.PostmortemFieldSet("impact", "EU checkout"))));
    }

    @Test
    void ttxShowLiveInTheStatusBarAndAnImpactStartAfterDetectionIsRefused(FxRobot robot) throws Exception {
        launchWithIncident();
        waitUntil(
                () -> robot.lookup("#ttx-status").queryAs(Label.class).getText().startsWith("TTD 15m"));
        showPostmortem(robot);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<dev.conn.incident.Milestone> m =
                robot.lookup("#pm-milestone").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> {
            m.setValue(dev.conn.incident.Milestone.IMPACT_STARTED);
            // after the detection (the declaration, 14:00) yet not in the future
            robot.lookup("#pm-milestone-at").queryAs(TextField.class).setText("2026-11-21T14:00:30Z");
            robot.lookup("#pm-milestone-reason").queryAs(TextField.class).setText("typo");
        });
        robot.interact(() -> robot.lookup("#pm-set-milestone")
                .queryAs(javafx.scene.control.Button.class)
                .fire());

        waitUntil(() -> robot.lookup("#pm-message")
                .queryAs(Label.class)
                .getText()
                .contains("Impact started must be the earliest milestone"));
        assertThat(List.of(robot.lookup("#ttx-status").queryAs(Label.class).getText()))
                .allMatch(t -> t.startsWith("TTD 15m"));
        // live in the incident header, where the IC looks
        assertThat(robot.lookup(".incident-header #ttx-status").tryQuery()).isPresent();
    }

    @Test
    void theEmptyStateOpensTheSampleIncident(FxRobot robot) throws Exception {
        launchAs("alice");
        waitUntil(() -> robot.lookup("#sampleButton")
                .tryQuery()
                .map(dev.conn.testing.Ui::shown)
                .orElse(false));

        robot.clickOn("#sampleButton");

        waitUntil(
                () -> dev.conn.testing.Ui.label(robot, "#titleLabel").getText().startsWith("[Sample]"));
        waitUntil(
                () -> robot.lookup("#ttx-status").queryAs(Label.class).getText().contains("TTM 1h 42m"));
    }

    @Test
    void theHistoryTabSummarisesEveryIncident(FxRobot robot) throws Exception {
        launchWithIncident();

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Y).release(KeyCode.Y, KeyCode.SHIFT, KeyCode.CONTROL);

        waitUntil(() -> robot.lookup("#history-summary").tryQuery().isPresent()
                && robot.lookup("#history-summary")
                        .queryAs(Label.class)
                        .getText()
                        .startsWith("Incidents: 1 (SEV1 1, SEV2 0, SEV3 0, SEV4 0)"));
    }

    @Test
    void anOverdueActionItemStandsOutAndEveryActionIsOnTheCleanUpList(FxRobot robot) throws Exception {
        launchWithIncident();
        dev.conn.incident.IncidentId id = context.incidents().incidents().get(0).id();
        context.incidents()
                .log()
                .execute(
                        id,
                        new EntryDecider(),
                        new EntryCommand.Add(
                                Event.newId(),
                                EntryCommand.Kind.ACTION,
                                "failed over db to replica-2",
                                Optional.empty()),
                        "alice");
        showPostmortem(robot);
        robot.interact(() -> {
            robot.lookup("#pm-ai-text").queryAs(TextField.class).setText("Add a memory alert");
            robot.lookup("#pm-ai-due")
                    .queryAs(javafx.scene.control.DatePicker.class)
                    .setValue(java.time.LocalDate.of(2026, 11, 1));
            robot.lookup("#pm-ai-add")
                    .queryAs(javafx.scene.control.Button.class)
                    .fire();
        });

        waitUntil(() -> robot.lookup(".overdue").queryAll().stream()
                .anyMatch(n -> n instanceof javafx.scene.control.ListCell<?> c
                        && c.getAccessibleText() != null
                        && c.getAccessibleText().startsWith("⚠ OVERDUE")));
        waitUntil(() -> robot.lookup("#pm-cleanup .label").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().contains("failed over db to replica-2")));
    }

    @Test
    void switchingIncidentsMidSentenceSavesTheTextToTheIncidentItWasTypedFor(FxRobot robot) throws Exception {
        launchWithIncident();
        dev.conn.incident.IncidentId first =
                context.incidents().incidents().get(0).id();
        showPostmortem(robot);
        typeInto(robot, "#pm-impact", "batch job");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E).release(KeyCode.E, KeyCode.SHIFT, KeyCode.CONTROL);
        // open the sample from the Export menu's action, as a click on it would
        robot.interact(
                () -> ((javafx.scene.control.MenuBar) robot.lookup(".menu-bar").query())
                        .getMenus().stream()
                                .flatMap(m -> m.getItems().stream())
                                .filter(i -> "open-sample".equals(i.getId()))
                                .findFirst()
                                .orElseThrow()
                                .fire());

        waitUntil(
                () -> dev.conn.testing.Ui.label(robot, "#titleLabel").getText().startsWith("[Sample]"));
        waitUntil(() -> context.incidents().events(first, java.util.Set.of(EventType.POSTMORTEM_FIELD_SET)).stream()
                .anyMatch(e -> e.body().equals(new PostmortemEvent.PostmortemFieldSet("impact", "batch job"))));
        TextArea impact = robot.lookup("#pm-impact").queryAs(TextArea.class);
        waitUntil(() -> impact.getText()
                .equals("About 38 % of checkout and login requests failed for 1 h 42 min (02:10-03:52 UTC). "
                        + "No data was lost. (Sample figures.)"));
    }

    /** Issue 14, item 4: a due date typed and not yet committed by the date picker is saved with the item. */
    @Test
    void aDueDateTypedInTheFieldIsSavedWithTheItemAndTheFormIsCleared(FxRobot robot) throws Exception {
        launchWithIncident();
        showPostmortem(robot);
        javafx.scene.control.DatePicker due = robot.lookup("#pm-ai-due").queryAs(javafx.scene.control.DatePicker.class);
        robot.interact(
                () -> robot.lookup("#pm-ai-text").queryAs(TextField.class).setText("Alert on resolver memory"));
        robot.interact(() -> due.getEditor().requestFocus());
        robot.write("2026-12-15");

        // Add action item, without leaving the date field first (the button sits below the fold)
        robot.interact(() -> robot.lookup("#pm-ai-add")
                .queryAs(javafx.scene.control.Button.class)
                .fire());

        @SuppressWarnings("unchecked")
        ListView<ActionItem> items = robot.lookup("#pm-action-items").queryAs(ListView.class);
        waitUntil(() -> items.getItems().size() == 1);
        assertThat(items.getItems().get(0).due()).contains(java.time.LocalDate.of(2026, 12, 15));
        waitUntil(() -> due.getEditor().getText().isEmpty());
        assertThat(due.getValue()).isNull();
        Path md = dataDir.resolve("postmortem.md");
        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        waitUntil(() -> Files.exists(md));
        assertThat(Files.readString(md)).contains("| Alert on resolver memory | prevent |  | 2026-12-15 |");
    }

    /** A due date that is not a date is refused in words, and the text stays for the user to fix. */
    @Test
    void aDueDateThatIsNotADateIsRefusedAndNothingIsAdded(FxRobot robot) throws Exception {
        launchWithIncident();
        showPostmortem(robot);
        javafx.scene.control.DatePicker due = robot.lookup("#pm-ai-due").queryAs(javafx.scene.control.DatePicker.class);
        robot.interact(() -> {
            robot.lookup("#pm-ai-text").queryAs(TextField.class).setText("Alert on resolver memory");
            due.getEditor().setText("next friday");
            robot.lookup("#pm-ai-add")
                    .queryAs(javafx.scene.control.Button.class)
                    .fire();
        });

        waitUntil(() -> robot.lookup("#pm-message")
                .queryAs(Label.class)
                .getText()
                .startsWith("Give the due date as 2026-12-15"));
        @SuppressWarnings("unchecked")
        ListView<ActionItem> items = robot.lookup("#pm-action-items").queryAs(ListView.class);
        assertThat(items.getItems()).isEmpty();
        assertThat(due.getEditor().getText()).isEqualTo("next friday");
    }

    /** Issue 14, item 12: the History tab follows the incidents without Refresh. */
    @Test
    void theHistoryTabShowsAResolutionRecordedElsewhereWithoutRefresh(FxRobot robot) throws Exception {
        launchWithIncident();
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Y).release(KeyCode.Y, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#history-summary").tryQuery().isPresent()
                && robot.lookup("#history-summary")
                        .queryAs(Label.class)
                        .getText()
                        .startsWith("Incidents: 1"));
        @SuppressWarnings("unchecked")
        ListView<dev.conn.postmortem.IncidentHistory.Row> rows =
                robot.lookup("#history-list").queryAs(ListView.class);
        assertThat(rows.getItems())
                .singleElement()
                .satisfies(r -> assertThat(r.state().isOpen()).isTrue());
        dev.conn.incident.IncidentId id = context.incidents().incidents().get(0).id();
        clock.advance(Duration.ofMinutes(45));

        // the CLI (`conn resolve`) resolves it: another writer
        context.incidents()
                .log()
                .execute(
                        id,
                        new dev.conn.incident.HeaderDecider(),
                        new dev.conn.incident.HeaderCommand.Resolve(Optional.empty(), Optional.empty()),
                        "bob");

        waitUntil(() ->
                rows.getItems().size() == 1 && !rows.getItems().get(0).state().isOpen());
        assertThat(rows.getItems().get(0).milestones().summaryLine())
                .isEqualTo("TTD 15m · TTA 15m · TTM 1h 00m · TTR 1h 00m");
        assertThat(robot.lookup("#history-summary").queryAs(Label.class).getText())
                .contains("Median TTD 15m · TTM 1h 00m · TTR 1h 00m");
    }
}
