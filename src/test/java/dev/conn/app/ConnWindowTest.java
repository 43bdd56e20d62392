package dev.conn.app;

import static dev.conn.testing.Ui.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.platform.fx.FxTaskRunner;
import dev.conn.settings.Settings;
import dev.conn.settings.SettingsFile;
import dev.conn.testing.MutableClock;
import dev.conn.timeline.TimelineEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window on a real H2 data directory, driven through the keyboard as an IC would. */
@ExtendWith(ApplicationExtension.class)
class ConnWindowTest {
    static final Instant T0 = Instant.parse("2026-11-21T14:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private Path dataDir;
    private AppContext context;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        dataDir = Files.createTempDirectory("conn-ui");
        new SettingsFile(dataDir).save(Settings.defaults().withAuthorName("Ana Ops"));
        context = AppContext.open(dataDir, clock, new FxTaskRunner(), new FxTaskRunner("conn-net"));
        context.showIn(stage);
        stage.show();
    }

    @AfterEach
    void closeApp() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> stage.hide()).get(10, TimeUnit.SECONDS);
        if (context != null) {
            context.close();
        }
    }

    @Test
    void declaredIncidentShowsInHeaderWithItsCommander(FxRobot robot) throws TimeoutException {
        declare(robot, "Checkout errors in EU");

        assertThat(label(robot, "#titleLabel").getText()).isEqualTo("Checkout errors in EU");
        assertThat(label(robot, "#severityChip").getText()).isEqualTo("SEV2");
        assertThat(label(robot, "#statusChip").getText()).isEqualTo("INVESTIGATING");
        assertThat(label(robot, "#commanderLabel").getText()).contains("Ana Ops");
    }

    @Test
    void noteTypedInCaptureBarAppearsInTimelineOnEnter(FxRobot robot) throws TimeoutException {
        declare(robot, "Checkout errors in EU");

        capture(robot, "payments-api error rate at 14 percent");

        waitUntil(() -> texts(robot).contains("payments-api error rate at 14 percent"));
        assertThat(robot.lookup("#captureField").queryAs(TextField.class).getText())
                .isEmpty();
    }

    @Test
    void backDatedEntrySortsIntoPlace(FxRobot robot) throws TimeoutException {
        declare(robot, "Checkout errors in EU");
        clock.advance(Duration.ofMinutes(10));
        capture(robot, "first responder paged");
        clock.advance(Duration.ofMinutes(1));
        capture(robot, "@-30m alert fired for checkout latency");

        waitUntil(() -> texts(robot).size() == 3);
        // newest first: the back-dated alert (13:41) sorts below the declaration (14:00)
        assertThat(texts(robot).get(0)).isEqualTo("first responder paged");
        assertThat(texts(robot).get(1)).startsWith("Declared SEV2");
        assertThat(texts(robot).get(2)).isEqualTo("alert fired for checkout latency");
    }

    @Test
    void statusCommandChangesTheHeader(FxRobot robot) throws TimeoutException {
        declare(robot, "Checkout errors in EU");

        capture(robot, "/status identified bad config push to payments-api");

        waitUntil(() -> "IDENTIFIED".equals(label(robot, "#statusChip").getText()));
        assertThat(texts(robot)).contains("Status: identified. bad config push to payments-api");
    }

    @Test
    void unknownCommandIsRefusedAndTheTextStays(FxRobot robot) throws TimeoutException {
        declare(robot, "Checkout errors in EU");

        capture(robot, "/rollback now");

        waitUntil(() -> !label(robot, "#captureMessage").getText().isEmpty());
        assertThat(label(robot, "#captureMessage").getText()).contains("Unknown command /rollback");
        assertThat(robot.lookup("#captureField").queryAs(TextField.class).getText())
                .isEqualTo("/rollback now");
        assertThat(texts(robot)).hasSize(1);
    }

    @Test
    void elapsedClockTicksFromTheInjectedClock(FxRobot robot) throws TimeoutException {
        declare(robot, "Checkout errors in EU");

        clock.advance(Duration.ofMinutes(7).plusSeconds(5));

        waitUntil(() -> "0:07:05".equals(label(robot, "#sinceDeclaredLabel").getText()));
    }

    @Test
    void incidentIsStillThereAfterRestartOnTheSameDataDirectory(FxRobot robot) throws Exception {
        declare(robot, "Checkout errors in EU");
        capture(robot, "/decision roll back payments-api to v41");
        waitUntil(() -> texts(robot).contains("roll back payments-api to v41"));

        WaitForAsyncUtils.asyncFx(() -> stage.hide()).get(10, TimeUnit.SECONDS);
        context.close();
        context = AppContext.open(dataDir, clock, new FxTaskRunner(), new FxTaskRunner("conn-net"));
        WaitForAsyncUtils.asyncFx(() -> {
                    stage.setScene(null);
                    context.showIn(stage);
                    stage.show();
                })
                .get(10, TimeUnit.SECONDS);

        waitUntil(
                () -> "Checkout errors in EU".equals(label(robot, "#titleLabel").getText()));
        waitUntil(() -> texts(robot).contains("roll back payments-api to v41"));
    }

    @Test
    void eventLoggedByCliProcessAppearsInRunningWindowWithinTwoSeconds(FxRobot robot) throws Exception {
        declare(robot, "Checkout errors in EU");
        // the GUI holds the database open; the CLI joins it through H2's mixed mode
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process cli = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        Launcher.class.getName(),
                        "--data-dir",
                        dataDir.toString(),
                        "log",
                        "--type",
                        "action",
                        "--author",
                        "deploy-bot",
                        "deployed payments-api v42")
                .redirectErrorStream(true)
                .start();
        assertThat(cli.waitFor(60, TimeUnit.SECONDS)).as("CLI finished").isTrue();
        String output = new String(cli.getInputStream().readAllBytes());
        assertThat(cli.exitValue()).as(output).isZero();

        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> texts(robot).contains("deployed payments-api v42"));
    }

    @Test
    void correctingAnEntryShowsNewTextAndKeepsTheOriginal(FxRobot robot) throws TimeoutException {
        declare(robot, "Checkout errors in EU");
        capture(robot, "db failover to replica-2");
        waitUntil(() -> texts(robot).contains("db failover to replica-2"));

        ListView<TimelineEntry> list = timeline(robot);
        robot.interact(() -> {
            list.requestFocus();
            list.getSelectionModel().select(0);
        });
        robot.type(KeyCode.E);
        waitUntil(() -> robot.lookup("#correct-text").tryQuery().isPresent());
        robot.interact(
                () -> robot.lookup("#correct-text").queryTextInputControl().setText("db failover to replica-3"));
        robot.clickOn("#correct-save");

        waitUntil(() -> texts(robot).contains("db failover to replica-3"));
        TimelineEntry row = list.getItems().stream()
                .filter(r -> r.text().equals("db failover to replica-3"))
                .findFirst()
                .orElseThrow();
        assertThat(row.originalText()).contains("db failover to replica-2");
        assertThat(texts(robot)).doesNotContain("db failover to replica-2");
    }

    // --- helpers -------------------------------------------------------------------------------

    private void declare(FxRobot robot, String title) throws TimeoutException {
        waitUntil(
                () -> robot.lookup("#emptyTitle").queryAs(Label.class).getText().equals("No incident open"));
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#declare-title").tryQuery().isPresent());
        robot.interact(
                () -> robot.lookup("#declare-title").queryTextInputControl().setText(title));
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
        waitUntil(() -> field.getText().isEmpty()
                || !label(robot, "#captureMessage").getText().isEmpty()
                || texts(robot).size() > before);
    }
}
