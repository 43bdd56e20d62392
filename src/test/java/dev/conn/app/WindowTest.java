package dev.conn.app;

import static dev.conn.testing.Ui.waitUntil;

import dev.conn.incident.EventStore;
import dev.conn.platform.fx.FxTaskRunner;
import dev.conn.settings.Settings;
import dev.conn.settings.SettingsFile;
import dev.conn.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real main window on a real H2 data directory in a temporary folder, with a clock the test
 * moves by hand. Each test launches the window itself, so it can prepare the directory first.
 */
@ExtendWith(ApplicationExtension.class)
abstract class WindowTest {
    static final Instant T0 = Instant.parse("2026-11-21T14:00:00Z");

    @org.junit.jupiter.api.io.TempDir
    Path dataDir;

    final MutableClock clock = new MutableClock(T0);
    AppContext context;
    Stage stage;

    @org.junit.jupiter.api.BeforeEach
    void primaryStage() throws Exception {
        // ApplicationExtension looks for @Start only on the test class itself, not on this base
        stage = org.testfx.api.FxToolkit.registerPrimaryStage();
    }

    /**
     * Closes any dialog a test left open, and leaves the shared stage as the next window test
     * expects it (not maximised, 1600×1000 at the origin: the window remembers its layout), then
     * closes the app.
     */
    @AfterEach
    void closeApp() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
                    for (javafx.stage.Window w : new java.util.ArrayList<>(javafx.stage.Window.getWindows())) {
                        if (w != stage) {
                            w.hide();
                        }
                    }
                    stage.setMaximized(false);
                    stage.setX(0);
                    stage.setY(0);
                    stage.setWidth(1600);
                    stage.setHeight(1000);
                    stage.hide();
                })
                .get(10, TimeUnit.SECONDS);
        if (context != null) {
            context.close();
        }
    }

    private boolean rememberedLayout() {
        try {
            return new SettingsFile(dataDir).read().desktop().window() != null;
        } catch (RuntimeException e) {
            return false; // a test's broken settings file
        }
    }

    /** Launches with the author name already in settings (no first-launch name prompt). */
    void launchAs(String author) throws Exception {
        new SettingsFile(dataDir).save(Settings.defaults().withAuthorName(author));
        launch(UnaryOperator.identity());
    }

    /** Opens the data directory off the FX thread, shows the window and waits until it is ready. */
    void launch(UnaryOperator<EventStore> decorate) throws Exception {
        launch(decorate, () -> {});
    }

    /**
     * Like {@link #launch(UnaryOperator)}, and runs {@code beforeShow} once the context is open and
     * before the window is built (test seams, incidents stored before the window opens).
     */
    void launch(UnaryOperator<EventStore> decorate, Runnable beforeShow) throws Exception {
        context = AppContext.open(dataDir, clock, new FxTaskRunner(), new FxTaskRunner("conn-net"), decorate);
        beforeShow.run();
        AtomicBoolean ready = new AtomicBoolean();
        WaitForAsyncUtils.asyncFx(() -> {
                    stage.setScene(null);
                    context.showIn(stage, () -> ready.set(true));
                    stage.show();
                })
                .get(10, TimeUnit.SECONDS);
        waitUntil(ready::get);
        if (!rememberedLayout()) {
            // no remembered layout: the window fits the (1920×1080 headless) screen; the tests get
            // the first window's preferred 1600×1000 at the origin (three columns at 100 % text;
            // narrower windows, where the sidebar and the People panel fold away, are
            // ResponsiveShellViewTest's and the layout audit's)
            WaitForAsyncUtils.asyncFx(() -> {
                        stage.setX(0);
                        stage.setY(0);
                        stage.setWidth(1600);
                        stage.setHeight(1000);
                    })
                    .get(10, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }
}
