package dev.conn.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.platform.fx.AlertCentre;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The alert list shows a long alert whole, within the list's width. */
@ExtendWith(ApplicationExtension.class)
class AlertsDialogTest {
    private static final Instant NOW = Instant.parse("2026-12-06T08:39:00Z");
    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        javafx.scene.Scene scene = new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 1280, 720);
        dev.conn.platform.theme.ThemeManager.apply(scene, true);
        // styled, sized and kept inside the screen as the app's dialogs are
        dev.conn.platform.fx.DialogStyler.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    @org.junit.jupiter.api.AfterEach
    void screenAsItIs() {
        dev.conn.platform.fx.DialogStyler.confineTo(null);
    }

    @Test
    void aLongCheckBackAlertWrapsInsideTheListAndItsTimeStaysInView(FxRobot robot) throws Exception {
        AlertCentre centre = new AlertCentre(Clock.fixed(NOW, ZoneOffset.UTC));
        // seen at 1280×720: the row ran past the list's edge, the time ("08:39 UTC") and the end of
        // the task were out of view behind a sideways scroll bar
        centre.post(
                "task:1",
                AlertCentre.Level.WARNING,
                "Check-back overdue: 山田 由紀子 (Yukiko Yamada, Payments SRE Tokyo) and François-Éloïse Dubois-Gutiérrez",
                "watch the error rate on the checkout dashboard for 15 minutes after the rollback and call out"
                        + " anything above 0.5 %; then ask the payment provider's on-call engineer in Frankfurt"
                        + " whether the standby pool has our TLS client certificate (check back was due at 08:23 UTC)");
        // just over one line: seen cut as "… waiting ..." and "… pending ACK ..." in the layout audit
        centre.post(
                "handoff:1",
                AlertCentre.Level.INFO,
                "Hand-off to Bob Example-Longname François-Éloïse Dubois-Gutiérrez waiting for ACK",
                "Hand-off of Incident Commander to Bob Example-Longname François-Éloïse Dubois-Gutiérrez pending ACK"
                        + " (ACK due by 14:05 UTC)");
        assertThat(faults(robot, centre)).isEmpty();
    }

    @Test
    void atDoubleTextSizeAJapaneseTaskWrapsInsideTheList(FxRobot robot) throws Exception {
        AlertCentre centre = new AlertCentre(Clock.fixed(NOW, ZoneOffset.UTC));
        // more alerts than the list can show (its vertical scroll bar takes room from the rows), the
        // Japanese one newest, at the top
        for (int i = 0; i < 5; i++) {
            centre.post(
                    "overdue:" + i,
                    AlertCentre.Level.CRITICAL,
                    "Overdue: First stakeholder update " + i,
                    "Was due at 08:22 UTC. Compose (Ctrl+M) it, or skip it in the Comms tab (Ctrl+Shift+C).");
        }
        // a line of Japanese has no spaces to break at
        centre.post(
                "task:2",
                AlertCentre.Level.WARNING,
                "Check-back overdue: 山田 由紀子 (Yukiko Yamada, Payments SRE Tokyo)",
                "決済ゲートウェイのタイムアウト設定を確認して、東京リージョンへの影響を報告してください (check back was due at 08:23 UTC)");
        robot.interact(() -> dev.conn.platform.theme.ThemeManager.scaleFonts(owner.getScene(), 2.0));
        assertThat(faults(robot, centre)).isEmpty();
    }

    private List<String> faults(FxRobot robot, AlertCentre centre) throws Exception {
        AtomicReference<AlertsDialog> dialog = new AtomicReference<>();
        robot.interact(() -> {
            dev.conn.platform.fx.DialogStyler.confineTo(new javafx.geometry.Rectangle2D(0, 0, 1280, 720));
            dialog.set(new AlertsDialog(owner, centre));
            dialog.get().show();
        });
        WaitForAsyncUtils.waitForFxEvents(5);
        AtomicReference<List<String>> faults = new AtomicReference<>();
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ListView<AlertCentre.Alert> list =
                    (ListView<AlertCentre.Alert>) dialog.get().getDialogPane().lookup("#alerts-list");
            Node viewport = list.lookup(".clipped-container");
            Bounds inView = viewport.localToScene(viewport.getLayoutBounds());
            List<String> out = new java.util.ArrayList<>();
            for (Node n : list.lookupAll(".label")) {
                Label l = (Label) n;
                if (l.getText() == null || !l.isVisible() || l.getScene() == null) {
                    continue;
                }
                String shown = l.getChildrenUnmodifiable().stream()
                        .filter(c -> c instanceof Text)
                        .map(c -> ((Text) c).getText().replaceAll("\\s+", " "))
                        .findFirst()
                        .orElse("");
                if (!shown.equals(l.getText().replaceAll("\\s+", " "))) {
                    out.add("'" + l.getText() + "' shows '" + shown + "'");
                }
                Bounds b = l.localToScene(l.getLayoutBounds());
                if (b.getMaxX() > inView.getMaxX() + 1) {
                    out.add("'" + l.getText() + "' runs past the list's right edge (" + b.getMaxX() + " > "
                            + inView.getMaxX() + ")");
                }
            }
            faults.set(out);
            dialog.get().close();
        });
        return faults.get();
    }
}
