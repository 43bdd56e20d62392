package dev.conn.app;

import static dev.conn.testing.Ui.waitFor;
import static dev.conn.testing.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.comms.OutboxMessage;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentId;
import dev.conn.settings.SecretRef;
import dev.conn.settings.Settings;
import dev.conn.settings.SettingsFile;
import dev.conn.settings.WarRoomSettings;
import dev.conn.warroom.Person;
import dev.conn.warroom.PgCluster;
import dev.conn.warroom.SyncState;
import dev.conn.warroom.TestConsole;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The Comms tab of a console in a war room (issue 13): a message whose delivery is unknown in the
 * war room's outbox (another console sent it and lost the answer) is listed beside the console's
 * own, and the user marks it sent or sends it again from there, exactly as a local one; the waiting
 * count includes the war room's rows. Real PostgreSQL (the cluster the war-room tests start), the
 * real window.
 */
class WarRoomCommsViewTest extends WindowTest {
    @TempDir
    Path other;

    @Test
    void aWarRoomMessageWhoseDeliveryIsUnknownCanBeMarkedSentOrSentAgainFromTheCommsTab(FxRobot robot)
            throws Exception {
        // the role's password is this JVM's $HOME, so the app's env: reference resolves to it
        String password = java.util.Objects.requireNonNull(
                System.getenv("HOME"), "this test reads the role's password through env:HOME, which is not set");
        try (PgCluster pg = PgCluster.start()) {
            String db = PgCluster.freshName();
            String role = db + "_o";
            String url = pg.createWarRoom(db, role, password);
            // Bob's console queued two messages; its sends' answers were lost: both delivery-unknown
            IncidentId incident;
            try (TestConsole bob =
                    new TestConsole(other, url, role, password, new Person("bob", "Bob"), TestConsole.FAST).start()) {
                waitUntil(() -> bob.state().mode() == SyncState.Mode.ONLINE);
                incident = bob.declare("Checkout errors");
                bob.queue(incident, "Investigating checkout errors");
                bob.queue(incident, "Fix deployed");
                waitUntil(() -> count(url, role, password, "SELECT COUNT(*) FROM outbox") == 2);
                assertThat(bob.leaveQueuedMessagesUnknown()).isEqualTo(2);
            }

            // Ana's console joins the war room (no message channels: it never sends itself)
            new SettingsFile(dataDir)
                    .save(Settings.defaults()
                            .withAuthorName("Ana Ops")
                            .withWarRoom(new WarRoomSettings(url, role, SecretRef.env("HOME"), "ana", "Ana", true)));
            launch(UnaryOperator.identity());
            robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
            waitFor(robot, "#unknownDeliveries");
            @SuppressWarnings("unchecked")
            ListView<OutboxMessage> unknown =
                    (ListView<OutboxMessage>) robot.lookup("#unknownDeliveries").query();
            waitUntil(() -> unknown.getItems().size() == 2);
            assertThat(text(robot, "#outboxStatus")).isEqualTo("Messages are sent by the war room's sending console");

            // Mark sent: the war room's row is SENT, and MESSAGE_SENT is recorded once there and here
            robot.interact(() -> {
                select(unknown, "Investigating checkout errors");
                robot.lookup("#markSentButton").queryButton().fire();
            });
            waitUntil(() -> unknown.getItems().size() == 1);
            waitUntil(() ->
                    state(url, role, password, "Investigating checkout errors").equals("SENT"));
            assertThat(count(url, role, password, "SELECT COUNT(*) FROM event WHERE type = 'MESSAGE_SENT'"))
                    .isEqualTo(1);
            waitUntil(() -> context.incidents()
                            .events(incident, Set.of(EventType.MESSAGE_SENT))
                            .size()
                    == 1);

            // Resend: back in the war room's queue, for its sending console; the count says it waits
            robot.interact(() -> {
                select(unknown, "Fix deployed");
                robot.lookup("#resendButton").queryButton().fire();
            });
            waitUntil(() -> unknown.getItems().isEmpty());
            assertThat(state(url, role, password, "Fix deployed")).isEqualTo("QUEUED");
            waitUntil(() -> text(robot, "#outboxStatus")
                    .equals("1 message waiting: the war room's sending console sends them"));
            assertThat(count(url, role, password, "SELECT COUNT(*) FROM event WHERE type = 'MESSAGE_SENT'"))
                    .isEqualTo(1);
        }
    }

    private static void select(ListView<OutboxMessage> list, String subject) {
        for (int i = 0; i < list.getItems().size(); i++) {
            if (list.getItems().get(i).subject().equals(subject)) {
                list.getSelectionModel().select(i);
                return;
            }
        }
        throw new AssertionError("no row " + subject + " in " + list.getItems());
    }

    private static String text(FxRobot robot, String query) {
        AtomicReference<String> out = new AtomicReference<>();
        robot.interact(() -> out.set(
                robot.lookup(query).tryQuery().map(n -> ((Label) n).getText()).orElse("")));
        return out.get();
    }

    private static String state(String url, String role, String password, String subject) {
        try (Connection c = DriverManager.getConnection(url, role, password);
                PreparedStatement ps = c.prepareStatement("SELECT state FROM outbox WHERE subject = ?")) {
            ps.setString(1, subject);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "";
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(String url, String role, String password, String sql) {
        try (Connection c = DriverManager.getConnection(url, role, password);
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
