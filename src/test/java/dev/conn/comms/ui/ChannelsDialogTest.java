package dev.conn.comms.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.comms.net.ChannelClient;
import dev.conn.incident.Audience;
import dev.conn.platform.fx.DialogStyler;
import dev.conn.platform.fx.DirectTaskRunner;
import dev.conn.settings.ChannelSettings;
import dev.conn.settings.PolicyFile;
import dev.conn.settings.SecretRef;
import dev.conn.settings.SecretResolver;
import dev.conn.settings.Settings;
import dev.conn.settings.SettingsFile;
import dev.conn.settings.ui.SettingsViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The channel list shows each channel's id, type and audience whole, within the list's width. */
@ExtendWith(ApplicationExtension.class)
class ChannelsDialogTest {
    @TempDir
    Path dir;

    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        Scene scene = new Scene(new StackPane(), 1280, 720);
        dev.conn.platform.theme.ThemeManager.apply(scene, true);
        DialogStyler.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void screenAsItIs() {
        DialogStyler.confineTo(null);
    }

    @Test
    void aLongChannelIdWrapsAndItsTypeAndAudienceStayInView(FxRobot robot) throws Exception {
        // at 1280×720 the rows read "statuspage-public-status-example-com-europe · STA" and
        // "email-leadership-and-customer-success-europe · EM" behind a sideways scroll bar
        List<ChannelSettings> channels = List.of(
                ChannelSettings.webhook(
                        "slack-inc-payments-eu-checkout-failover-war-room",
                        ChannelSettings.Type.SLACK,
                        Audience.RESPONDERS,
                        SecretRef.env("SLACK_URL")),
                ChannelSettings.webhook(
                        "statuspage-public-status-example-com-europe-and-emea",
                        ChannelSettings.Type.WEBHOOK,
                        Audience.STATUS_PAGE,
                        SecretRef.env("HOOK_URL")));
        DirectTaskRunner tasks = new DirectTaskRunner();
        ChannelsViewModel model = new ChannelsViewModel(
                new SettingsViewModel(
                        Settings.defaults().withChannels(channels),
                        new SettingsFile(dir),
                        PolicyFile.defaults(),
                        tasks),
                ChannelClient.factory(SecretResolver.environmentOnly(), Clock.systemUTC()),
                tasks,
                Clock.systemUTC());
        AtomicReference<ChannelsDialog> dialog = new AtomicReference<>();
        robot.interact(() -> {
            DialogStyler.confineTo(new Rectangle2D(0, 0, 1280, 720));
            dialog.set(new ChannelsDialog(owner, model));
            dialog.get().show();
        });
        WaitForAsyncUtils.waitForFxEvents(5);
        AtomicReference<List<String>> faults = new AtomicReference<>();
        robot.interact(() -> {
            Node list = dialog.get().getDialogPane().lookup("#channelList");
            Node viewport = list.lookup(".clipped-container");
            Bounds inView = viewport.localToScene(viewport.getLayoutBounds());
            List<String> out = new ArrayList<>();
            int rows = 0;
            for (Node n : list.lookupAll(".list-cell")) {
                ListCell<?> cell = (ListCell<?>) n;
                if (cell.isEmpty() || cell.getText() == null || !cell.isVisible()) {
                    continue;
                }
                rows++;
                String shown = cell.getChildrenUnmodifiable().stream()
                        .filter(c -> c instanceof Text)
                        .map(c -> ((Text) c).getText().replaceAll("\\s+", " "))
                        .findFirst()
                        .orElse("");
                if (!shown.equals(cell.getText())) {
                    out.add("'" + cell.getText() + "' shows '" + shown + "'");
                }
                Bounds b = cell.localToScene(cell.getLayoutBounds());
                if (b.getMaxX() > inView.getMaxX() + 1) {
                    out.add("'" + cell.getText() + "' runs past the list's right edge (" + b.getMaxX() + " > "
                            + inView.getMaxX() + ")");
                }
            }
            out.add(rows + " rows");
            faults.set(out);
            dialog.get().close();
        });

        assertThat(faults.get()).containsExactly("2 rows");
    }
}
