package dev.conn.warroom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.incident.Event;
import dev.conn.incident.IncidentId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two consoles in one JVM share through a real PostgreSQL: the schema is created on the first
 * connect, each append reaches the other journal, and both journals hold the same log in the same
 * order with the server's positions.
 */
class WarRoomSyncTest {
    static PgCluster pg;

    @TempDir
    Path dir;

    @BeforeAll
    static void server() throws Exception {
        pg = PgCluster.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    private static String warRoom() throws Exception {
        String db = PgCluster.freshName();
        return pg.createWarRoom(db, db + "_owner", "pw-" + db);
    }

    @Test
    void twoConsolesEndWithTheSameLogInTheSameOrder() throws Exception {
        String db = PgCluster.freshName();
        String url = pg.createWarRoom(db, db + "_o", "secret-" + db);
        try (TestConsole a = new TestConsole(
                                dir.resolve("a"),
                                url,
                                db + "_o",
                                "secret-" + db,
                                new Person("ana", "Ana"),
                                TestConsole.FAST)
                        .start();
                TestConsole b = new TestConsole(
                                dir.resolve("b"),
                                url,
                                db + "_o",
                                "secret-" + db,
                                new Person("bo", "Bo"),
                                TestConsole.FAST)
                        .start()) {
            Await.until(
                    "both online",
                    Duration.ofSeconds(20),
                    () -> a.state().mode() == SyncState.Mode.ONLINE && b.state().mode() == SyncState.Mode.ONLINE);
            IncidentId incident = a.declare("Checkout errors");
            Await.until(
                    "the declaration on B",
                    Duration.ofSeconds(10),
                    () -> b.logLines().size() == 1);
            for (int i = 0; i < 20; i++) {
                a.note(incident, "from A " + i);
                b.note(incident, "from B " + i);
            }
            Await.until("identical logs", Duration.ofSeconds(20), () -> {
                List<String> la = a.logLines();
                return la.size() == 41 && la.equals(b.logLines()) && !la.get(40).startsWith("null");
            });
            assertThat(a.logLines()).allSatisfy(l -> assertThat(l).doesNotStartWith("null"));
            assertThat(a.journal().unsharedCount()).isZero();
            assertThat(b.journal().cursor()).isEqualTo(a.journal().cursor());
        }
    }

    @Test
    void anEventSharedTwiceIsStoredOnce() throws Exception {
        String db = PgCluster.freshName();
        String url = pg.createWarRoom(db, db + "_o", "pw");
        try (TestConsole a = new TestConsole(
                        dir.resolve("a"), url, db + "_o", "pw", new Person("ana", "Ana"), TestConsole.FAST)
                .start()) {
            IncidentId incident = a.declare("Twice");
            Event note = a.note(incident, "once");
            Await.until("shared", Duration.ofSeconds(20), () -> a.journal().unsharedCount() == 0);
            // as after a crash between the server's commit and the journal's record of it
            a.journal().rewindTo(0);
            Await.until(
                    "shared again", Duration.ofSeconds(20), () -> a.journal().unsharedCount() == 0);
            pg.superSql(db, "SELECT 1");
            try (var c = java.sql.DriverManager.getConnection(url, "postgres", PgCluster.SUPER_PASSWORD);
                    var st = c.createStatement();
                    var rs = st.executeQuery("SELECT COUNT(*), COUNT(DISTINCT id) FROM event")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2);
                assertThat(rs.getInt(2)).isEqualTo(2);
            }
            assertThat(a.logLines()).hasSize(2).allSatisfy(l -> assertThat(l).doesNotStartWith("null"));
            assertThat(a.logLines().get(1)).contains(note.id().toString());
        }
    }

    @Test
    void theServerRecordsTheRoleAndRefusesToRewriteTheLog() throws Exception {
        String db = PgCluster.freshName();
        String url = pg.createWarRoom(db, db + "_o", "pw");
        try (TestConsole a = new TestConsole(
                        dir.resolve("a"), url, db + "_o", "pw", new Person("ana", "Ana"), TestConsole.FAST)
                .start()) {
            IncidentId incident = a.declare("Roles");
            Await.until("shared", Duration.ofSeconds(20), () -> a.journal().unsharedCount() == 0);
            assertThat(a.journal().reads().roles(incident)).containsValue(db + "_o");
        }
        try (var c = java.sql.DriverManager.getConnection(url, db + "_o", "pw");
                var st = c.createStatement()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> st.execute("UPDATE event SET author = 'Mallory'"))
                    .hasMessageContaining("append-only");
            st.execute(
                    "INSERT INTO event (id, incident_id, occurred_at, recorded_at, author, type, payload,"
                            + " recorded_by) VALUES ('" + UUID.randomUUID() + "', '" + UUID.randomUUID()
                            + "', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'x', 'NOTE', '{\"text\":\"x\"}', 'postgres')");
            try (var rs = st.executeQuery("SELECT recorded_by FROM event ORDER BY server_seq DESC LIMIT 1")) {
                rs.next();
                assertThat(rs.getString(1))
                        .as("the server, not the client, says who wrote it")
                        .isEqualTo(db + "_o");
            }
        }
    }
}
