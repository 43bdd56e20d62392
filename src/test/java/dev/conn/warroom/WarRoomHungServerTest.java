package dev.conn.warroom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.comms.DeliveryCommand;
import dev.conn.comms.DeliveryDecider;
import dev.conn.comms.DispatchLease;
import dev.conn.comms.OutboxMessage;
import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentId;
import dev.conn.settings.SecretRef;
import dev.conn.settings.WarRoomSettings;
import dev.conn.warroom.store.WarRooms;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hung war room server never stalls this console's own entries (ADR 0021): while the war room's
 * outbox records an outcome and its server answers nothing (a loopback proxy that holds every
 * byte), a note typed on the sending console is acknowledged at once; once the server answers
 * again, the outcome is in the war room and in the journal once each.
 */
class WarRoomHungServerTest {
    @TempDir
    Path dir;

    @Test
    void aLocalEntryIsAcknowledgedWhileTheWarRoomOutboxWaitsForAHungServer() throws Exception {
        try (PgCluster pg = PgCluster.start();
                TcpProxy proxy = new TcpProxy(pg.port())) {
            String db = PgCluster.freshName();
            String url = pg.createWarRoom(db, db + "_o", "pw-" + db);
            try (TestConsole a = new TestConsole(
                            dir.resolve("a"), url, db + "_o", "pw-" + db, new Person("ana", "Ana"), TestConsole.FAST)
                    .start()) {
                Await.until("online", Duration.ofSeconds(20), () -> a.state().mode() == SyncState.Mode.ONLINE);
                IncidentId incident = a.declare("Checkout errors");
                a.queue(incident, "Investigating");
                Await.until(
                        "the message handed over",
                        Duration.ofSeconds(20),
                        () -> count(url, "SELECT COUNT(*) FROM outbox") == 1);
                // the outbox talks to the server through the proxy (sharing goes straight to it)
                WarRoomSettings viaProxy = new WarRoomSettings(
                        "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + db,
                        db + "_o",
                        SecretRef.env("CONN_WAR_ROOM_PW"),
                        "ana",
                        "Ana",
                        null);
                try (WarRoomDispatch d = WarRooms.dispatch(
                        viaProxy,
                        a.secrets,
                        a.log,
                        DispatchLease.Owner.thisProcess("hung server test"),
                        Duration.ofSeconds(30),
                        () -> true)) {
                    long token = ((DispatchLease.Claim.Held) d.lease().claim()).token();
                    OutboxMessage row = d.outbox().queued().get(0);
                    assertThat(d.outbox().markInFlight(row.seq(), token)).isTrue();

                    proxy.hang();
                    AtomicReference<Object> outcome = new AtomicReference<>();
                    Thread recording = new Thread(
                            () -> {
                                try {
                                    outcome.set(a.log.execute(
                                            incident,
                                            new DeliveryDecider(),
                                            new DeliveryCommand.Sent(
                                                    row.messageId(), row.channel(), Instant.now(), Optional.empty()),
                                            "Conn outbox",
                                            Optional.of(d.outbox()
                                                    .markSent(row.seq(), token, Instant.now(), Optional.empty()))));
                                } catch (RuntimeException e) {
                                    outcome.set(e);
                                }
                            },
                            "records the outcome");
                    recording.start();
                    Await.until(
                            "the outcome's compare-and-set stuck at the server",
                            Duration.ofSeconds(10),
                            () -> proxy.held() > 0);

                    long start = System.nanoTime();
                    Event note = a.note(incident, "Rolled back the deploy");
                    long ackMillis = (System.nanoTime() - start) / 1_000_000;

                    assertThat(recording.isAlive())
                            .as("the outcome is still waiting for the server")
                            .isTrue();
                    assertThat(ackMillis)
                            .as("the note is acknowledged while the server hangs")
                            .isLessThan(1_000);
                    assertThat(a.store.readIncident(incident, Set.of(EventType.NOTE)))
                            .extracting(Event::id)
                            .contains(note.id());

                    proxy.heal();
                    recording.join(20_000);
                    assertThat(recording.isAlive()).isFalse();
                    assertThat(outcome.get()).isInstanceOf(List.class);
                    assertThat((List<?>) outcome.get()).hasSize(1);
                    Await.until(
                            "all shared and pulled",
                            Duration.ofSeconds(20),
                            () -> a.state().toShare() == 0);
                    assertThat(count(url, "SELECT COUNT(*) FROM event WHERE type = 'MESSAGE_SENT'"))
                            .isEqualTo(1);
                    assertThat(a.store.readIncident(incident, Set.of(EventType.MESSAGE_SENT)))
                            .hasSize(1);
                    assertThat(d.outbox().row(row.seq()).orElseThrow().state()).isEqualTo(OutboxMessage.State.SENT);
                }
            }
        }
    }

    private static long count(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", PgCluster.SUPER_PASSWORD);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
