package dev.conn.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.conn.platform.db.Database;
import dev.conn.platform.db.DatabaseException;
import dev.conn.platform.fx.DirectTaskRunner;
import dev.conn.settings.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a data directory writes defaults only after every check has passed. */
class AppContextTest {
    @TempDir
    Path dir;

    /** Same trick as DatabaseTest: a migration this build does not know, as a newer Conn leaves. */
    private void createDatabaseFromTheFuture() throws SQLException {
        try (Database db = Database.open(dir);
                Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement()) {
            st.execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\","
                    + " \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
                    + " VALUES (999, '999', 'from a newer conn', 'SQL', 'V999__from_a_newer_conn.sql', 12345,"
                    + " 'conn', 1, TRUE)");
        }
    }

    /** Every regular file under the directory, by relative name, with its bytes. */
    private Map<String, byte[]> snapshot() throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    private void assertEveryFileAsBefore(Map<String, byte[]> before) throws IOException {
        Map<String, byte[]> after = snapshot();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((name, bytes) -> assertThat(after.get(name)).as(name).isEqualTo(bytes));
    }

    private static String policyWithBadSeverity() throws IOException {
        try (var in = AppContextTest.class.getResourceAsStream("/dev/conn/settings/default-policy.json")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .replaceFirst("\"SEV2\"", "\"SEV5\"");
        }
    }

    @Test
    void databaseFromANewerConnGetsNoSettingsOrPolicyFile() throws SQLException {
        createDatabaseFromTheFuture();

        assertThrows(
                DatabaseException.class,
                () -> AppContext.open(dir, Clock.systemUTC(), new DirectTaskRunner(), new DirectTaskRunner()));

        assertThat(dir.resolve("settings.json")).doesNotExist();
        assertThat(dir.resolve("policy.json")).doesNotExist();
    }

    @Test
    void damagedSettingsLeaveEveryFileByteIdenticalAndCreateNone() throws IOException {
        Files.writeString(dir.resolve("settings.json"), "{\"authorName\": \"Ana\",,}");
        Files.writeString(dir.resolve("policy.json"), policyWithBadSeverity());
        Map<String, byte[]> before = snapshot();

        assertThrows(
                ConfigException.class,
                () -> AppContext.open(dir, Clock.systemUTC(), new DirectTaskRunner(), new DirectTaskRunner()));

        assertEveryFileAsBefore(before);
    }

    @Test
    void invalidPolicyLeavesEveryFileByteIdenticalAndCreatesNone() throws IOException {
        Files.writeString(dir.resolve("policy.json"), policyWithBadSeverity());
        Map<String, byte[]> before = snapshot();

        ConfigException e = assertThrows(
                ConfigException.class,
                () -> AppContext.open(dir, Clock.systemUTC(), new DirectTaskRunner(), new DirectTaskRunner()));

        assertThat(e.getMessage()).contains("policy.json").contains("SEV5");
        assertEveryFileAsBefore(before);
    }

    @Test
    void firstOpenWritesTheDefaultSettingsAndPolicy() {
        try (AppContext ctx = AppContext.open(dir, Clock.systemUTC(), new DirectTaskRunner(), new DirectTaskRunner())) {
            assertThat(ctx.dataDirectory()).isEqualTo(dir);
        }

        assertThat(dir.resolve("settings.json")).isRegularFile();
        assertThat(dir.resolve("policy.json")).isRegularFile();
        assertThat(Database.existsIn(dir)).isTrue();
    }

    @Test
    void openingLeavesExistingSettingsByteIdentical() throws IOException {
        Files.writeString(dir.resolve("settings.json"), "{ \"authorName\" : \"Ana\" }");

        try (AppContext ctx = AppContext.open(dir, Clock.systemUTC(), new DirectTaskRunner(), new DirectTaskRunner())) {
            assertThat(ctx.dataDirectory()).isEqualTo(dir);
        }

        assertThat(dir.resolve("settings.json")).hasContent("{ \"authorName\" : \"Ana\" }");
    }
}
