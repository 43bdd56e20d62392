package dev.conn.app;

import static dev.conn.testing.Ui.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.platform.fx.FxTaskRunner;
import dev.conn.settings.Settings;
import dev.conn.settings.SettingsFile;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The status bar: online/offline from an injected probe run off the FX thread, data directory. */
class StatusBarViewTest extends WindowTest {
    @Test
    void goingOfflineIsShownInWordsAndCheckedOffTheFxThread(FxRobot robot) throws Exception {
        AtomicBoolean online = new AtomicBoolean(true);
        AtomicInteger onFxThread = new AtomicInteger();
        new SettingsFile(dataDir).save(Settings.defaults().withAuthorName("Ana Ops"));
        context = AppContext.open(dataDir, clock, new FxTaskRunner(), new FxTaskRunner("conn-net"));
        context.useConnectivityProbe(() -> {
            if (javafx.application.Platform.isFxApplicationThread()) {
                onFxThread.incrementAndGet();
            }
            return online.get();
        });
        AtomicBoolean ready = new AtomicBoolean();
        WaitForAsyncUtils.asyncFx(() -> {
                    stage.setScene(null);
                    context.showIn(stage, () -> ready.set(true));
                    stage.show();
                })
                .get(10, TimeUnit.SECONDS);
        waitUntil(ready::get);
        waitUntil(() -> "● Online".equals(label(robot, "#onlineLabel").getText()));

        online.set(false); // the window checks again on its 10th one-second tick

        waitUntil(() -> label(robot, "#onlineLabel").getText().startsWith("○ Offline"));
        assertThat(onFxThread.get()).isZero();
        assertThat(label(robot, "#dataDirLabel").getText()).contains(dataDir.toString());
    }
}
