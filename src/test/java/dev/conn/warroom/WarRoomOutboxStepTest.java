package dev.conn.warroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conn.comms.DeliveryCommand;
import dev.conn.comms.DeliveryDecider;
import dev.conn.comms.DispatchLease;
import dev.conn.comms.OutboxMessage;
import dev.conn.comms.OutboxRowMovedException;
import dev.conn.incident.CommsEvent;
import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentId;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The war room's outbox on the one writer (ADR 0021): an outcome's fenced compare-and-set in
 * PostgreSQL commits, with the outcome event written to the war room's log in the same PostgreSQL
 * transaction, before the local append (which holds no lock meanwhile). A refused compare-and-set (another lease token) stores the
 * outcome nowhere; an accepted one stores it once in the war room and once in the journal, also
 * after the pull brings it back, and also when the console dies between the war room's commit and
 * its own append (the pull brings the outcome once).
 */
class WarRoomOutboxStepTest {
    @TempDir
    Path dir;

    @Test
    void anOutcomeIsRecordedOnlyUnderTheLeasesTokenAndOnceEverywhere() throws Exception {
        try (PgCluster pg = PgCluster.start()) {
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
                try (WarRoomDispatch d = WarRooms.dispatch(
                        a.settings,
                        a.secrets,
                        a.log,
                        DispatchLease.Owner.thisProcess("step test"),
                        Duration.ofSeconds(30),
                        () -> true)) {
                    long token = ((DispatchLease.Claim.Held) d.lease().claim()).token();
                    OutboxMessage row = d.outbox().queued().get(0);
                    assertThat(d.outbox().markInFlight(row.seq(), token)).isTrue();
                    DeliveryCommand sent =
                            new DeliveryCommand.Sent(row.messageId(), row.channel(), Instant.now(), Optional.empty());

                    // a console that lost the lease (an older token) records nothing, here or there
                    assertThatThrownBy(() -> a.log.execute(
                                    incident,
                                    new DeliveryDecider(),
                                    sent,
                                    "Conn outbox",
                                    Optional.of(d.outbox()
                                            .markSent(row.seq(), token - 1, Instant.now(), Optional.empty()))))
                            .isInstanceOf(OutboxRowMovedException.class);
                    assertThat(localSent(a, incident)).isZero();
                    assertThat(count(url, "SELECT COUNT(*) FROM event WHERE type = 'MESSAGE_SENT'"))
                            .isZero();
                    assertThat(d.outbox().row(row.seq()).orElseThrow().state())
                            .isEqualTo(OutboxMessage.State.IN_FLIGHT);

                    // the holder records it: row and event commit together in the war room, and locally
                    assertThat(a.log.execute(
                                    incident,
                                    new DeliveryDecider(),
                                    sent,
                                    "Conn outbox",
                                    Optional.of(
                                            d.outbox().markSent(row.seq(), token, Instant.now(), Optional.empty()))))
                            .hasSize(1);
                    assertThat(d.outbox().row(row.seq()).orElseThrow().state()).isEqualTo(OutboxMessage.State.SENT);
                    assertThat(count(url, "SELECT COUNT(*) FROM event WHERE type = 'MESSAGE_SENT'"))
                            .isEqualTo(1);
                    assertThat(localSent(a, incident)).isEqualTo(1);

                    // a second record of the same move finds the row moved on
                    assertThatThrownBy(() -> a.log.execute(
                                    incident,
                                    new DeliveryDecider(),
                                    sent,
                                    "Conn outbox",
                                    Optional.of(
                                            d.outbox().markSent(row.seq(), token, Instant.now(), Optional.empty()))))
                            .isInstanceOf(OutboxRowMovedException.class);

                    // the pull brings the war room's copy back: the journal keeps it once, with its position
                    Await.until(
                            "all shared and pulled",
                            Duration.ofSeconds(20),
                            () -> a.state().toShare() == 0);
                    assertThat(localSent(a, incident)).isEqualTo(1);
                    assertThat(count(url, "SELECT COUNT(*) FROM event WHERE type = 'MESSAGE_SENT'"))
                            .isEqualTo(1);
                }
            }
        }
    }

    @Test
    void aConsoleKilledBetweenTheWarRoomsCommitAndItsOwnAppendGetsTheOutcomeOnceByThePull() throws Exception {
        try (PgCluster pg = PgCluster.start()) {
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
                try (WarRoomDispatch d = WarRooms.dispatch(
                        a.settings,
                        a.secrets,
                        a.log,
                        DispatchLease.Owner.thisProcess("step test"),
                        Duration.ofSeconds(30),
                        () -> true)) {
                    long token = ((DispatchLease.Claim.Held) d.lease().claim()).token();
                    OutboxMessage row = d.outbox().queued().get(0);
                    assertThat(d.outbox().markInFlight(row.seq(), token)).isTrue();
                    Instant now = Instant.now();
                    Event sent = Event.of(
                            Event.newId(),
                            incident,
                            now,
                            now,
                            "Conn outbox",
                            new CommsEvent.MessageSent(
                                    row.messageId().toString(),
                                    row.channel(),
                                    now,
                                    Optional.empty(),
                                    Optional.empty()));

                    // what the one writer does first; the console dies before its own append
                    d.outbox().markSent(row.seq(), token, now, Optional.empty()).commitFirst(List.of(sent));
                    assertThat(count(url, "SELECT COUNT(*) FROM event WHERE type = 'MESSAGE_SENT'"))
                            .isEqualTo(1);

                    // the pull brings it: recorded once here, still once there, and never recorded again
                    Await.until("the outcome pulled", Duration.ofSeconds(20), () -> localSent(a, incident) == 1);
                    assertThat(a.store.readIncident(incident, Set.of(EventType.MESSAGE_SENT)))
                            .extracting(Event::id)
                            .containsExactly(sent.id());
                    assertThat(count(url, "SELECT COUNT(*) FROM event WHERE type = 'MESSAGE_SENT'"))
                            .isEqualTo(1);
                    assertThatThrownBy(() -> a.log.execute(
                                    incident,
                                    new DeliveryDecider(),
                                    new DeliveryCommand.Sent(row.messageId(), row.channel(), now, Optional.empty()),
                                    "Conn outbox",
                                    Optional.of(d.outbox().markSent(row.seq(), token, now, Optional.empty()))))
                            .isInstanceOf(OutboxRowMovedException.class);
                    assertThat(localSent(a, incident)).isEqualTo(1);
                }
            }
        }
    }

    private static long localSent(TestConsole console, IncidentId incident) {
        return console.store
                .readIncident(incident, Set.of(EventType.MESSAGE_SENT))
                .size();
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
