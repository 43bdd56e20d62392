package dev.conn.warroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI uses the console's war room settings: a command shares what it wrote (and brings in what
 * others shared) through the war room in {@code settings.json}; {@code --war-room=off} works on the
 * data directory alone, and what it wrote is shared by the next command that connects; an
 * unreachable war room costs a warning, never the entry.
 */
class WarRoomCliTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    private Run conn(Path data, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.conn.app.Launcher",
                "--data-dir",
                data.toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("CONN_TEST_WAR_ROOM_PW", "cli-pw");
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static long count(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", PgCluster.SUPER_PASSWORD);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM event")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void theCliWritesIntoTheWarRoomOfTheSettingsAndTheFlagOverridesIt() throws Exception {
        try (PgCluster pg = PgCluster.start()) {
            String db = PgCluster.freshName();
            String url = pg.createWarRoom(db, db + "_o", "cli-pw");
            Path data = Files.createDirectories(dir.resolve("data"));
            Files.writeString(
                    data.resolve("settings.json"),
                    "{\"version\":1,\"authorName\":\"Deploy Bot\","
                            + "\"warRoom\":{\"jdbcUrl\":\"" + url + "\",\"user\":\"" + db + "_o\","
                            + "\"password\":\"env:CONN_TEST_WAR_ROOM_PW\",\"personId\":\"bot-1\",\"personName\":\"Deploy Bot\"}}");

            Run declared = conn(data, "declare", "-s", "2", "Checkout errors");
            assertThat(declared.exit()).as(declared.err()).isZero();
            assertThat(declared.err()).doesNotContain("war room");
            assertThat(count(url)).as("the declaration is in the war room").isEqualTo(1);

            Run alone = conn(data, "--war-room=off", "log", "rolled back to v41");
            assertThat(alone.exit()).as(alone.err()).isZero();
            assertThat(count(url)).as("--war-room=off shares nothing").isEqualTo(1);

            Run next = conn(data, "log", "error rate back to normal");
            assertThat(next.exit()).as(next.err()).isZero();
            assertThat(count(url)).as("the next command shares both notes").isEqualTo(3);

            Run elsewhere = conn(data, "--war-room=jdbc:postgresql://127.0.0.1:1/nowhere", "log", "still here");
            assertThat(elsewhere.exit())
                    .as("an unreachable war room never costs the entry")
                    .isZero();
            assertThat(elsewhere.err()).contains("conn: war room:").contains("shared by the next Conn");
            assertThat(conn(data, "incidents").out()).contains("Checkout errors");
        }
    }
}
