package dev.conn.app;

import static dev.conn.testing.Ui.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.platform.product.ProductInfo;
import dev.conn.postmortem.SampleIncident;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Help > About, and opening Conn with an incident bundle file (a double-click on *.conn.json). */
class AboutAndOpenBundleViewTest extends WindowTest {
    private static final String SAMPLE_TITLE_START = "[Sample] Checkout and login failing";

    @Test
    void aboutShowsVersionDataDirectoryLicenceDocsAndRuntimes(FxRobot robot) throws Exception {
        launchAs("Ana Ops");

        robot.press(KeyCode.SHIFT, KeyCode.F1).release(KeyCode.F1, KeyCode.SHIFT);

        waitFor(robot, "#about");
        assertThat(label(robot, "#about-version").getText()).isEqualTo(ProductInfo.version());
        assertThat(label(robot, "#about-data-directory").getText()).startsWith(dataDir.toString());
        assertThat(label(robot, "#about-licence").getText()).contains("Apache-2.0");
        assertThat(label(robot, "#about-documentation").getText()).contains("README.md");
        assertThat(label(robot, "#about-java").getText()).contains(System.getProperty("java.version"));
        assertThat(label(robot, "#about-javafx").getText()).startsWith("21.");
        javafx.scene.control.Button copy = robot.lookup("#about-copy").queryButton();
        assertThat(((javafx.scene.text.Text) copy.lookup(".text")).getText())
                .as("the button's text as drawn")
                .isEqualTo("Copy details");
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup("#about").tryQuery().isEmpty());
    }

    @Test
    void aBundleConnWasOpenedWithIsImportedAfterTheUserSaysSo(FxRobot robot) throws Exception {
        Path file = Files.write(dataDir.resolve("checkout.conn.json"), SampleIncident.bytes());
        launchAs("Ana Ops");

        robot.interact(() -> context.offerImport(file));

        DialogPane question = (DialogPane) waitFor(robot, "#import-bundle-question");
        assertThat(question.getHeaderText()).startsWith("Import incident \u201c" + SAMPLE_TITLE_START);
        assertThat(question.getContentText()).contains("From " + file).contains("SEV1");
        javafx.scene.control.Button importIt = dialogButton(robot, "Import incident");
        assertThat(((javafx.scene.text.Text) importIt.lookup(".text")).getText())
                .as("the button's text as drawn")
                .isEqualTo("Import incident");
        robot.clickOn(importIt);

        waitUntil(() -> label(robot, "#titleLabel").getText().startsWith(SAMPLE_TITLE_START));
        assertThat(context.incidents().incidents()).hasSize(1);
    }

    @Test
    void aBundleTheUserDeclinesIsNotImported(FxRobot robot) throws Exception {
        Path file = Files.write(dataDir.resolve("checkout.conn.json"), SampleIncident.bytes());
        launchAs("Ana Ops");

        robot.interact(() -> context.offerImport(file));
        robot.clickOn(dialogButton(robot, "Don't import"));

        waitUntil(() -> robot.lookup("#import-bundle-question").tryQuery().isEmpty());
        assertThat(context.incidents().incidents()).isEmpty();
        assertThat(label(robot, "#emptyTitle").getText()).isEqualTo("No incident open");
    }

    @Test
    void aFileThatIsNoBundleIsRefusedWithTheReasonAndNothingIsAsked(FxRobot robot) throws Exception {
        Path file = Files.writeString(dataDir.resolve("notes.conn.json"), "{\"hello\": 1}");
        launchAs("Ana Ops");

        robot.interact(() -> context.offerImport(file));

        // the status bar's error (the header has an errorLabel too)
        waitUntil(() -> label(robot, ".status-bar #errorLabel").getText().startsWith("Not imported: " + file));
        assertThat(label(robot, ".status-bar #errorLabel").getText()).contains("format: missing");
        assertThat(robot.lookup("#import-bundle-question").tryQuery()).isEmpty();
        assertThat(context.incidents().incidents()).isEmpty();
    }

    @Test
    void aboutIsInTheHelpMenuWithItsShortcut(FxRobot robot) throws Exception {
        launchAs("Ana Ops");
        java.util.concurrent.atomic.AtomicReference<List<dev.conn.shell.MenuActions.Action>> actions =
                new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> actions.set(context.mainWindowForTests().actions()));

        assertThat(actions.get())
                .filteredOn(a -> a.name().equals("About Conn"))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.menu()).isEqualTo("Help");
                    assertThat(a.shortcutText()).isEqualTo("Shift+F1");
                });
    }
}
