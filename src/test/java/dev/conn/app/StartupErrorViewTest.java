package dev.conn.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Bad files in the data directory give a window that names the file and the problem, and nothing is overwritten. */
@ExtendWith(ApplicationExtension.class)
class StartupErrorViewTest {
    private Stage stage;
    private ConnApp app;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = new ConnApp();
        app.keepToolkitOnClose();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> stage.hide()).get(10, TimeUnit.SECONDS);
    }

    @Test
    void corruptSettingsFileIsNamedAndLeftUntouched(FxRobot robot) throws Exception {
        Path dir = Files.createTempDirectory("conn-bad-settings");
        String damaged = "{\"version\": 1, \"authorName\": \"Ana\",,}";
        Files.writeString(dir.resolve("settings.json"), damaged);

        robot.interact(() -> app.open(stage, dir, Clock.systemUTC()));

        String shown = errorText(robot);
        assertThat(shown).contains("settings.json").contains("line 1");
        assertThat(Files.readString(dir.resolve("settings.json"))).isEqualTo(damaged);
    }

    @Test
    void policyWithBadSeverityNamesTheField(FxRobot robot) throws Exception {
        Path dir = Files.createTempDirectory("conn-bad-policy");
        robot.interact(() -> app.open(stage, dir, Clock.systemUTC()));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#captureField")
                .tryQuery()
                .isPresent());
        WaitForAsyncUtils.asyncFx(() -> stage.hide()).get(10, TimeUnit.SECONDS);
        String policy = Files.readString(dir.resolve("policy.json")).replaceFirst("\"SEV2\"", "\"SEV5\"");
        Files.writeString(dir.resolve("policy.json"), policy);

        ConnApp second = new ConnApp();
        second.keepToolkitOnClose();
        robot.interact(() -> {
            second.open(stage, dir, Clock.systemUTC());
        });

        assertThat(errorText(robot))
                .contains("policy.json")
                .contains("severities[1].level")
                .contains("SEV5");
        assertThat(Files.readString(dir.resolve("policy.json"))).isEqualTo(policy);
    }

    @Test
    void dataDirectoryBlockedByAFileIsReported(FxRobot robot) throws Exception {
        Path file = Files.createTempFile("conn-not-a-dir", ".txt");

        robot.interact(() -> app.open(stage, file.resolve("data"), Clock.systemUTC()));

        assertThat(errorText(robot)).contains(file.toString()).contains("cannot be created");
    }

    @Test
    void anExceptionInStartIsShownInWordsInsteadOfAStuckProcess(FxRobot robot) throws Exception {
        // not launched by Application.launch: it has no parameters, so start() fails at once
        robot.interact(() -> app.start(stage));

        assertThat(errorText(robot)).contains("getParameters()");
        assertThat(ConnApp.failedAtStart())
                .as("the launcher then exits non-zero")
                .isTrue();
    }

    private static String errorText(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#startup-error")
                .tryQuery()
                .isPresent());
        return robot.lookup("#startup-error").queryAs(TextArea.class).getText();
    }
}
