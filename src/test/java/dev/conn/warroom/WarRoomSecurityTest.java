package dev.conn.warroom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.incident.IncidentId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No one in where they don't belong: a wrong password, TLS demanded by the address but not offered
 * by the server, a role without grants, a role that may not create the tables, a missing password.
 * Each gives a clear message and writes nothing to the war room; the console keeps working alone.
 * And TLS with {@code sslmode=verify-full} against a server certificate signed by the team's CA.
 */
class WarRoomSecurityTest {
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

    private static TestConsole console(Path dir, String url, String role, String password) {
        return new TestConsole(dir, url, role, password, new Person("p-" + role, "Pat"), TestConsole.FAST).start();
    }

    private static SyncState refused(TestConsole c) throws InterruptedException {
        Await.until("refused", Duration.ofSeconds(30), () -> c.state().mode() == SyncState.Mode.REFUSED);
        return c.state();
    }

    private static Object scalar(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", PgCluster.SUPER_PASSWORD);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getObject(1);
        }
    }

    @Test
    void aWrongPasswordIsRefusedInWordsAndNothingIsWritten() throws Exception {
        String db = PgCluster.freshName();
        String url = pg.createWarRoom(db, db + "_o", "right");
        try (TestConsole c = console(dir, url, db + "_o", "wrong")) {
            IncidentId i = c.declare("Local only");
            c.note(i, "still recorded here");
            SyncState s = refused(c);
            assertThat(s.problem().orElseThrow())
                    .contains("refused the password of role " + db + "_o")
                    .contains("env:CONN_WAR_ROOM_PW")
                    .doesNotContain("wrong");
            assertThat(s.statusText(java.time.ZoneOffset.UTC)).isEqualTo("War room: not connected — 2 events to share");
            assertThat(c.journal().unsharedCount()).isEqualTo(2);
        }
        assertThat(scalar(url, "SELECT to_regclass('event') IS NULL"))
                .as("no table was made")
                .isEqualTo(true);
    }

    @Test
    void tlsDemandedButNotOfferedIsRefusedInWords() throws Exception {
        String db = PgCluster.freshName();
        String url = pg.createWarRoom(db, db + "_o", "pw");
        try (TestConsole c = console(dir, url + "?sslmode=require", db + "_o", "pw")) {
            SyncState s = refused(c);
            assertThat(s.problem().orElseThrow()).contains("asks for TLS").contains("does not offer it");
        }
        assertThat(scalar(url, "SELECT to_regclass('event') IS NULL")).isEqualTo(true);
    }

    @Test
    void aMissingPasswordIsRefusedInWords() throws Exception {
        String db = PgCluster.freshName();
        String url = pg.createWarRoom(db, db + "_o", "pw");
        try (TestConsole c = console(dir, url, db + "_o", null)) {
            assertThat(refused(c).problem().orElseThrow())
                    .contains("warRoom.password")
                    .contains("not set");
        }
    }

    @Test
    void aRoleThatMayNotCreateTheTablesIsToldWhichGrantIsMissing() throws Exception {
        String db = PgCluster.freshName();
        String url = pg.createWarRoom(db, db + "_o", "pw");
        pg.superSql("postgres", "CREATE ROLE " + db + "_guest LOGIN PASSWORD 'pw'");
        try (TestConsole c = console(dir, url, db + "_guest", "pw")) {
            assertThat(refused(c).problem().orElseThrow())
                    .contains("no Conn tables yet")
                    .contains("GRANT CREATE ON SCHEMA public TO " + db + "_guest");
        }
        assertThat(scalar(url, "SELECT to_regclass('event') IS NULL")).isEqualTo(true);
    }

    @Test
    void aRoleWithoutGrantsReadsAndWritesNothingAndIsToldWhichGrantsAreMissing() throws Exception {
        String db = PgCluster.freshName();
        String url = pg.createWarRoom(db, db + "_o", "pw");
        try (TestConsole owner = console(dir.resolve("owner"), url, db + "_o", "pw")) {
            owner.declare("Shared");
            Await.until("shared", Duration.ofSeconds(30), () -> owner.journal().unsharedCount() == 0);
        }
        pg.superSql("postgres", "CREATE ROLE " + db + "_eve LOGIN PASSWORD 'pw'");
        try (TestConsole eve = console(dir.resolve("eve"), url, db + "_eve", "pw")) {
            eve.declare("Eve's");
            SyncState s = refused(eve);
            assertThat(s.problem().orElseThrow())
                    .contains("cannot use the war room")
                    .contains("SELECT on war_room")
                    .contains("INSERT on event")
                    .contains("GRANT SELECT, INSERT ON event TO " + db + "_eve;");
            assertThat(eve.logLines()).as("read nothing").hasSize(1);
        }
        assertThat(scalar(url, "SELECT COUNT(*) FROM event"))
                .as("wrote nothing")
                .isEqualTo(1L);

        // the README's grants let the role in; the server records it as the writer
        pg.superSql(
                db,
                "GRANT SELECT ON war_room, flyway_schema_history TO " + db + "_eve",
                "GRANT SELECT, INSERT ON event TO " + db + "_eve",
                "GRANT SELECT, INSERT, UPDATE ON console_presence, outbox TO " + db + "_eve",
                "GRANT SELECT, UPDATE ON dispatch_lease TO " + db + "_eve");
        try (TestConsole eve = console(dir.resolve("eve"), url, db + "_eve", "pw")) {
            Await.until(
                    "eve shares",
                    Duration.ofSeconds(30),
                    () -> eve.state().mode() == SyncState.Mode.ONLINE
                            && eve.logLines().size() == 2
                            && eve.journal().unsharedCount() == 0);
        }
        assertThat(scalar(
                        url,
                        "SELECT string_agg(DISTINCT recorded_by::text, ',' ORDER BY recorded_by::text) FROM event"))
                .isEqualTo(db + "_eve," + db + "_o");
    }

    @Test
    void tlsWithVerifyFullConnectsToAServerWhoseCertificateTheTeamsCaSigned() throws Exception {
        Path certs = Files.createDirectories(dir.resolve("certs"));
        openssl(
                certs,
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "2",
                "-subj",
                "/CN=Conn test CA",
                "-keyout",
                "ca.key",
                "-out",
                "ca.crt");
        openssl(
                certs,
                "req",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-subj",
                "/CN=localhost",
                "-keyout",
                "server.key",
                "-out",
                "server.csr");
        Files.writeString(certs.resolve("san.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
        openssl(
                certs,
                "x509",
                "-req",
                "-in",
                "server.csr",
                "-CA",
                "ca.crt",
                "-CAkey",
                "ca.key",
                "-CAcreateserial",
                "-days",
                "2",
                "-extfile",
                "san.ext",
                "-out",
                "server.crt");
        Files.setPosixFilePermissions(
                certs.resolve("server.key"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        try (PgCluster tls = PgCluster.start()) {
            Path data = tls.dataDirectory();
            for (String f : List.of("server.crt", "server.key")) {
                Files.copy(certs.resolve(f), data.resolve(f));
                if ("root".equals(System.getProperty("user.name"))) {
                    Files.setOwner(
                            data.resolve(f),
                            data.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres"));
                }
            }
            tls.superSql("postgres", "ALTER SYSTEM SET ssl = on");
            tls.stopServer("fast");
            tls.startServer();
            String db = PgCluster.freshName();
            String url = tls.createWarRoom(db, db + "_o", "pw");
            String verified = url + "?sslmode=verify-full&sslrootcert=" + certs.resolve("ca.crt");
            try (TestConsole c = console(dir.resolve("tls"), verified, db + "_o", "pw")) {
                c.declare("Over TLS");
                Await.until(
                        "online over TLS",
                        Duration.ofSeconds(30),
                        () -> c.state().mode() == SyncState.Mode.ONLINE
                                && c.journal().unsharedCount() == 0);
                try (Connection s = DriverManager.getConnection(url, "postgres", PgCluster.SUPER_PASSWORD);
                        Statement st = s.createStatement();
                        ResultSet rs = st.executeQuery("SELECT bool_and(ssl) FROM pg_stat_ssl JOIN pg_stat_activity"
                                + " USING (pid) WHERE usename = '" + db + "_o'")) {
                    rs.next();
                    assertThat(rs.getBoolean(1))
                            .as("every connection of the console is encrypted")
                            .isTrue();
                }
            }
            // a certificate not signed by the CA given is refused, naming TLS
            Path otherCa = Files.createDirectories(dir.resolve("other"));
            openssl(
                    otherCa,
                    "req",
                    "-x509",
                    "-newkey",
                    "rsa:2048",
                    "-nodes",
                    "-days",
                    "2",
                    "-subj",
                    "/CN=Other CA",
                    "-keyout",
                    "ca.key",
                    "-out",
                    "ca.crt");
            try (TestConsole c = console(
                    dir.resolve("tls2"),
                    url + "?sslmode=verify-full&sslrootcert=" + otherCa.resolve("ca.crt"),
                    db + "_o",
                    "pw")) {
                assertThat(refused(c).problem().orElseThrow()).contains("could not be verified over TLS");
            }
        }
    }

    private static void openssl(Path in, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd)
                .directory(in.toFile())
                .redirectErrorStream(true)
                .redirectOutput(in.resolve("openssl.log").toFile())
                .start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue())
                .as(Files.readString(in.resolve("openssl.log")))
                .isZero();
    }
}
