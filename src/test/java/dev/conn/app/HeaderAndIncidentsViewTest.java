package dev.conn.app;

import static dev.conn.testing.Ui.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.incident.Event;
import dev.conn.incident.EventStore;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentId;
import dev.conn.incident.ui.IncidentCell;
import dev.conn.settings.Settings;
import dev.conn.settings.SettingsFile;
import dev.conn.testing.ForwardingEventStore;
import dev.conn.timeline.TimelineEntry;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The incident header's controls and the incident list, in the real window on a real H2 data directory. */
class HeaderAndIncidentsViewTest extends WindowTest {

    // --- header ----------------------------------------------------------------------------------

    @Test
    void statusMenuRecordsTheNewStatusAndTheChipShowsIt(FxRobot robot) throws Exception {
        launchAs("Ana Ops");
        declare(robot, "Checkout errors in EU");

        robot.clickOn("#statusMenu");
        robot.clickOn(waitFor(robot, "#status-monitoring"));

        waitUntil(() -> "MONITORING".equals(label(robot, "#statusChip").getText()));
        assertThat(storedTypes()).contains(EventType.STATUS_CHANGED);
        waitUntil(() -> texts(robot).contains("Status: monitoring"));
    }

    @Test
    void severityMenuRecordsTheNewSeverityAndTheChipShowsIt(FxRobot robot) throws Exception {
        launchAs("Ana Ops");
        declare(robot, "Checkout errors in EU");

        robot.clickOn("#severityMenu");
        robot.clickOn(waitFor(robot, "#severity-1"));

        waitUntil(() -> "SEV1".equals(label(robot, "#severityChip").getText()));
        assertThat(storedTypes()).contains(EventType.SEVERITY_CHANGED);
    }

    @Test
    void markMitigatedShowsTheMilestoneAndDisablesItself(FxRobot robot) throws Exception {
        launchAs("Ana Ops");
        declare(robot, "Checkout errors in EU");

        robot.clickOn("#mitigateButton");

        waitUntil(() -> label(robot, "#milestoneLabel").getText().contains("Mitigated"));
        assertThat(robot.lookup("#mitigateButton").queryButton().isDisabled()).isTrue();
    }

    @Test
    void confirmingResolveResolvesTheIncident(FxRobot robot) throws Exception {
        launchAs("Ana Ops");
        declare(robot, "Checkout errors in EU");

        robot.clickOn("#resolveButton");
        robot.clickOn(dialogButton(robot, "Resolve incident"));

        waitUntil(() -> "RESOLVED".equals(label(robot, "#statusChip").getText()));
        assertThat(storedTypes()).contains(EventType.RESOLVED);
        assertThat(robot.lookup("#resolveButton").queryButton().isDisabled()).isTrue();
    }

    @Test
    void elapsedClocksStopOnceResolved(FxRobot robot) throws Exception {
        launchAs("Ana Ops");
        declare(robot, "Checkout errors in EU");
        clock.advance(Duration.ofMinutes(5));
        waitUntil(() -> "0:05:00".equals(label(robot, "#sinceDeclaredLabel").getText()));
        robot.clickOn("#resolveButton");
        robot.clickOn(dialogButton(robot, "Resolve incident"));
        waitUntil(() -> "RESOLVED".equals(label(robot, "#statusChip").getText()));

        clock.advance(Duration.ofMinutes(10));
        // the status bar clock shows the new time once the ticker has re-rendered every clock
        waitUntil(() -> "14:15:00 UTC".equals(label(robot, "#clockLabel").getText()));

        assertThat(label(robot, "#sinceDeclaredLabel").getText()).isEqualTo("0:05:00");
        assertThat(label(robot, "#sinceImpactLabel").getText()).isEqualTo("0:05:00");
    }

    @Test
    void keepItOpenLeavesTheIncidentOpen(FxRobot robot) throws Exception {
        launchAs("Ana Ops");
        declare(robot, "Checkout errors in EU");

        robot.clickOn("#resolveButton");
        robot.clickOn(dialogButton(robot, "Keep it open"));

        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(label(robot, "#statusChip").getText()).isEqualTo("INVESTIGATING");
        assertThat(robot.lookup("#resolveButton").queryButton().isDisabled()).isFalse();
        assertThat(storedTypes()).doesNotContain(EventType.RESOLVED);
    }

    // --- incident list ---------------------------------------------------------------------------

    @Test
    void clickingAnotherIncidentInTheListSwitchesHeaderAndTimeline(FxRobot robot) throws Exception {
        launchAs("Ana Ops");
        declare(robot, "DNS outage");
        capture(robot, "resolvers timing out");
        waitUntil(() -> texts(robot).size() == 2);
        declare(robot, "Checkout errors in EU");

        robot.clickOn(incidentCell(robot, "DNS outage"));

        waitUntil(() -> "DNS outage".equals(label(robot, "#titleLabel").getText()));
        waitUntil(() -> texts(robot).size() == 2);
        assertThat(texts(robot)).contains("resolvers timing out");
        assertThat(texts(robot)).noneMatch(t -> t.contains("Checkout errors in EU"));
    }

    @Test
    void incidentOpenedLastIsShownAfterRestart(FxRobot robot) throws Exception {
        launchAs("Ana Ops");
        declare(robot, "DNS outage");
        declare(robot, "Checkout errors in EU");
        robot.clickOn(incidentCell(robot, "DNS outage"));
        waitUntil(() -> "DNS outage".equals(label(robot, "#titleLabel").getText()));

        restart();

        waitUntil(() -> "DNS outage".equals(label(robot, "#titleLabel").getText()));
        waitUntil(() -> texts(robot).size() == 1);
        assertThat(texts(robot).get(0)).contains("DNS outage");
    }

    @Test
    void twoIncidentsOfTheSameTitleAreToldApartInTheSidebarByWhenTheyWereDeclared(FxRobot robot) throws Exception {
        launchAs("Ana Ops");
        declare(robot, "Checkout errors in EU");
        clock.advance(java.time.Duration.ofMinutes(90));
        declare(robot, "Checkout errors in EU");

        List<String> shown = new java.util.ArrayList<>();
        waitUntil(() -> {
            shown.clear();
            robot.interact(() -> robot.lookup("#incidentList .list-cell").queryAllAs(IncidentCell.class).stream()
                    .filter(c -> c.getItem() != null)
                    .forEach(c -> shown.add(((javafx.scene.layout.VBox) c.getGraphic())
                            .getChildren().stream()
                                    .filter(n -> n instanceof javafx.scene.text.Text)
                                    .map(n -> ((javafx.scene.text.Text) n).getText())
                                    .collect(java.util.stream.Collectors.joining(" / ")))));
            return shown.size() == 2;
        });
        assertThat(shown)
                .containsExactlyInAnyOrder(
                        "Checkout errors in EU / Declared 2026-11-21 14:00Z",
                        "Checkout errors in EU / Declared 2026-11-21 15:30Z");
    }

    // --- first launch ----------------------------------------------------------------------------

    @Test
    void firstLaunchAsksTheNameAndSignsTheNextEntryWithIt(FxRobot robot) throws Exception {
        launch(UnaryOperator.identity());
        TextField name = (TextField) waitFor(robot, "#name-field");
        // the prompt covers the window's hint, so it gives the next step itself (issue 14 item 14)
        assertThat(robot.lookup(".dialog-pane")
                        .queryAs(javafx.scene.control.DialogPane.class)
                        .getHeaderText())
                .contains("press Ctrl+N to declare an incident");
        robot.interact(() -> name.setText("Bea Night"));
        robot.clickOn(dialogButton(robot, "Save name"));
        waitUntil(() -> robot.lookup("#name-field").tryQuery().isEmpty());
        declare(robot, "Checkout errors in EU");

        capture(robot, "paged the DBA");

        waitUntil(() -> texts(robot).contains("paged the DBA"));
        assertThat(row(robot, "paged the DBA").event().author()).isEqualTo("Bea Night");
        waitUntil(() -> new SettingsFile(dataDir).read().author().equals(Optional.of("Bea Night")));
    }

    @Test
    void launchWithANameInSettingsAsksNoName(FxRobot robot) throws Exception {
        launchAs("Ana Ops");

        declare(robot, "Checkout errors in EU");

        assertThat(robot.lookup("#name-field").tryQuery()).isEmpty();
        assertThat(label(robot, "#commanderLabel").getText()).contains("Ana Ops");
    }

    // --- threads ---------------------------------------------------------------------------------

    /** Notes every store call made on the FX thread, with where it came from. */
    private static final class FxThreadGuard extends ForwardingEventStore {
        final List<String> violations = new CopyOnWriteArrayList<>();
        final AtomicInteger calls = new AtomicInteger();

        FxThreadGuard(EventStore delegate) {
            super(delegate);
        }

        @Override
        protected void beforeCall(String method) {
            calls.incrementAndGet();
            if (Platform.isFxApplicationThread()) {
                violations.add(method + " on the FX thread, from "
                        + Arrays.stream(new Throwable().getStackTrace())
                                .skip(2)
                                .limit(8)
                                .map(StackTraceElement::toString)
                                .collect(Collectors.joining(" < ")));
            }
        }
    }

    @Test
    void noStoreCallRunsOnTheFxThread(FxRobot robot) throws Exception {
        AtomicReference<FxThreadGuard> guard = new AtomicReference<>();
        new SettingsFile(dataDir).save(Settings.defaults().withAuthorName("Ana Ops"));
        launch(store -> {
            guard.set(new FxThreadGuard(store));
            return guard.get();
        });

        declare(robot, "DNS outage");
        declare(robot, "Checkout errors in EU");
        capture(robot, "error rate at 14 percent");
        capture(robot, "/decision roll back payments-api");
        capture(robot, "db failover to replica-2");
        waitUntil(() -> texts(robot).size() == 4);
        robot.clickOn("#statusMenu");
        robot.clickOn(waitFor(robot, "#status-identified"));
        waitUntil(() -> "IDENTIFIED".equals(label(robot, "#statusChip").getText()));
        robot.clickOn(incidentCell(robot, "DNS outage"));
        waitUntil(() -> "DNS outage".equals(label(robot, "#titleLabel").getText()));
        robot.clickOn(incidentCell(robot, "Checkout errors in EU"));
        waitUntil(
                () -> "Checkout errors in EU".equals(label(robot, "#titleLabel").getText()));
        waitUntil(() -> texts(robot).size() == 5);
        correct(robot, "db failover to replica-2", "db failover to replica-3");
        waitUntil(() -> texts(robot).contains("db failover to replica-3"));
        clock.advance(Duration.ofSeconds(5));
        waitUntil(() -> "14:00:05 UTC".equals(label(robot, "#clockLabel").getText())); // a tick, and so a poll

        assertThat(guard.get().calls.get()).as("store calls seen by the guard").isPositive();
        assertThat(guard.get().violations).isEmpty();
    }

    // --- helpers ---------------------------------------------------------------------------------

    private void restart() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> stage.hide()).get(10, TimeUnit.SECONDS);
        context.close();
        context = null;
        launch(UnaryOperator.identity());
    }

    private List<EventType> storedTypes() {
        IncidentId id = context.incidents().activeIncident().orElseThrow();
        return context.incidents().timeline(id).stream().map(Event::type).toList();
    }

    private void declare(FxRobot robot, String title) throws TimeoutException {
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        TextField field = (TextField) waitFor(robot, "#declare-title");
        robot.interact(() -> field.setText(title));
        robot.clickOn("#declare-sev2"); // a severity is a required choice
        robot.clickOn("#declare-confirm");
        waitUntil(() -> title.equals(label(robot, "#titleLabel").getText()));
        waitUntil(() -> texts(robot).size() == 1);
    }

    private void capture(FxRobot robot, String line) throws TimeoutException {
        TextField field = robot.lookup("#captureField").queryAs(TextField.class);
        int before = texts(robot).size();
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        robot.interact(() -> field.setText(line));
        robot.type(KeyCode.ENTER);
        waitUntil(() -> texts(robot).size() > before);
    }

    private void correct(FxRobot robot, String text, String newText) throws TimeoutException {
        ListView<TimelineEntry> list = timeline(robot);
        robot.interact(() -> {
            list.requestFocus();
            list.getSelectionModel().select(row(robot, text));
        });
        robot.type(KeyCode.E);
        waitFor(robot, "#correct-text");
        robot.interact(
                () -> robot.lookup("#correct-text").queryTextInputControl().setText(newText));
        robot.clickOn("#correct-save");
    }

    private static IncidentCell incidentCell(FxRobot robot, String title) throws TimeoutException {
        AtomicReference<IncidentCell> found = new AtomicReference<>();
        waitUntil(() -> {
            robot.interact(() -> robot.lookup("#incidentList .list-cell").queryAllAs(IncidentCell.class).stream()
                    .filter(c -> c.getItem() != null && c.getItem().title().equals(title))
                    .findFirst()
                    .ifPresent(found::set));
            return found.get() != null;
        });
        return found.get();
    }

    private static TimelineEntry row(FxRobot robot, String text) {
        return timeline(robot).getItems().stream()
                .filter(r -> r.text().equals(text))
                .findFirst()
                .orElseThrow();
    }
}
