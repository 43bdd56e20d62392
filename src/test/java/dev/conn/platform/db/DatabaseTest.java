package dev.conn.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    /** Opens the file with plain JDBC, as a user with the H2 shell would, bypassing Conn. */
    private Connection plainJdbc() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:h2:file:" + dir.toAbsolutePath().resolve(Database.NAME) + ";AUTO_SERVER=TRUE", "conn", "");
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static List<String> column(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /** Creates a database with one event row, then marks it as migrated by a future Conn (schema 999). */
    private void createDatabaseFromTheFuture() throws SQLException {
        try (Database db = Database.open(dir);
                Connection c = db.dataSource().getConnection()) {
            execute(
                    c,
                    "INSERT INTO event (id, incident_id, occurred_at, recorded_at, author, type, payload) VALUES ("
                            + "RANDOM_UUID(), RANDOM_UUID(), CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'alice', 'NOTE',"
                            + " '{\"text\":\"keep me\"}')");
            execute(
                    c,
                    "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\","
                            + " \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
                            + " VALUES (999, '999', 'from a newer conn', 'SQL', 'V999__from_a_newer_conn.sql', 12345,"
                            + " 'conn', 1, TRUE)");
        }
    }

    @Test
    void openingCreatesTheDatabaseFileInTheDirectory() {
        try (Database db = Database.open(dir)) {
            assertThat(db.file()).isEqualTo(dir.resolve("conn.mv.db").toAbsolutePath());
        }

        assertThat(Database.existsIn(dir)).isTrue();
    }

    @Test
    void aDirectoryHoldsADatabaseOnlyOnceItWasOpened() {
        assertThat(Database.existsIn(dir)).isFalse();

        Database.open(dir).close();

        assertThat(Database.existsIn(dir)).isTrue();
    }

    @Test
    void openingTwiceInOneProcessShareTheData() throws SQLException {
        try (Database first = Database.open(dir);
                Database second = Database.open(dir);
                Connection a = first.dataSource().getConnection();
                Connection b = second.dataSource().getConnection()) {
            execute(a, "INSERT INTO console_state (name, val) VALUES ('k', 'v')");

            assertThat(column(b, "SELECT val FROM console_state WHERE name = 'k'"))
                    .containsExactly("v");
        }
    }

    @Test
    void databaseFromANewerConnIsRefusedNamingTheFile() throws SQLException {
        createDatabaseFromTheFuture();

        DatabaseException e = assertThrows(DatabaseException.class, () -> Database.open(dir));

        assertThat(e.getMessage())
                .contains(dir.resolve("conn.mv.db").toAbsolutePath().toString())
                .contains("newer");
    }

    @Test
    void refusingADatabaseFromANewerConnLeavesItsDataUntouched() throws SQLException {
        createDatabaseFromTheFuture();

        assertThrows(DatabaseException.class, () -> Database.open(dir));

        try (Connection c = plainJdbc()) {
            assertThat(column(c, "SELECT payload FROM event")).containsExactly("{\"text\":\"keep me\"}");
            assertThat(column(
                            c,
                            "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL"
                                    + " ORDER BY \"installed_rank\""))
                    .containsExactly("1", "2", "3", "4", "5", "6", "999");
        }
    }

    @Test
    void garbageFileIsRefusedNamingTheFile() throws Exception {
        Path file = dir.resolve("conn.mv.db");
        Files.write(file, garbage());

        DatabaseException e = assertThrows(DatabaseException.class, () -> Database.open(dir));

        assertThat(e.getMessage()).contains(file.toAbsolutePath().toString());
    }

    @Test
    void refusingAGarbageFileLeavesItsBytesUnchanged() throws Exception {
        Path file = dir.resolve("conn.mv.db");
        byte[] bytes = garbage();
        Files.write(file, bytes);

        assertThrows(DatabaseException.class, () -> Database.open(dir));

        assertThat(file).exists();
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    }

    private static byte[] garbage() {
        byte[] head = "This is a spreadsheet someone saved with the wrong name.\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[64 * 1024];
        new Random(7).nextBytes(bytes);
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    @Test
    void schemaVersionConstantIsTheNewestShippedMigration() throws Exception {
        Path migrations = Path.of(Database.class.getResource("/db/migration").toURI());
        int newest;
        try (var files = Files.list(migrations)) {
            newest = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
                    .max()
                    .orElseThrow();
        }

        assertThat(Database.SCHEMA_VERSION).isEqualTo(Integer.toString(newest));
    }

    @Test
    void databaseAtAnOlderSchemaIsMigratedOnOpen() throws SQLException {
        try (Database db = Database.open(dir);
                Connection c = db.dataSource().getConnection()) {
            execute(c, "DROP TABLE append_lock");
            execute(c, "DROP TABLE dispatch_lease"); // V5
            execute(c, "DROP TABLE impact_series_cache"); // V3
            execute(c, "DROP TABLE outbox"); // V4
            execute(c, "DROP INDEX event_by_server_seq"); // V6: back to a database at V1
            execute(c, "ALTER TABLE event DROP COLUMN server_seq");
            execute(c, "ALTER TABLE event DROP COLUMN server_role");
            execute(c, "ALTER TABLE event DROP COLUMN replicated");
            execute(c, "DELETE FROM \"flyway_schema_history\" WHERE \"version\" IN ('2', '3', '4', '5', '6')");
        }

        try (Database db = Database.open(dir);
                Connection c = db.dataSource().getConnection()) {
            assertThat(column(c, "SELECT id FROM append_lock")).containsExactly("1");
            assertThat(column(c, "SELECT COUNT(*) FROM outbox")).containsExactly("0");
        }
    }
}
