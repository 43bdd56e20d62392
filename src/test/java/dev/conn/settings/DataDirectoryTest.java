package dev.conn.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {
    @TempDir
    Path tmp;

    private Path home() {
        return tmp.resolve("home");
    }

    @Test
    void overrideWinsOverEnvironmentAndHome() {
        Path chosen = DataDirectory.resolve(
                Optional.of(tmp.resolve("override")),
                Map.of("CONN_HOME", tmp.resolve("env").toString()),
                home());

        assertThat(chosen).isEqualTo(tmp.resolve("override"));
    }

    @Test
    void environmentWinsOverHome() {
        Path chosen = DataDirectory.resolve(
                Optional.empty(), Map.of("CONN_HOME", tmp.resolve("env").toString()), home());

        assertThat(chosen).isEqualTo(tmp.resolve("env"));
    }

    @Test
    void homeDotConnIsTheDefault() {
        Path chosen = DataDirectory.resolve(Optional.empty(), Map.of(), home());

        assertThat(chosen).isEqualTo(home().resolve(".conn"));
    }

    @Test
    void blankEnvironmentVariableIsIgnored() {
        Path chosen = DataDirectory.resolve(Optional.empty(), Map.of("CONN_HOME", "  "), home());

        assertThat(chosen).isEqualTo(home().resolve(".conn"));
    }

    @Test
    void relativeOverrideIsMadeAbsoluteAndNormalised() {
        Path chosen = DataDirectory.resolve(Optional.of(Path.of("a/../b")), Map.of(), home());

        assertThat(chosen).isAbsolute().isEqualTo(Path.of("b").toAbsolutePath());
    }

    @Test
    void prepareCreatesMissingDirectories() {
        Path dir = tmp.resolve("x/y/z");

        Path prepared = DataDirectory.prepare(dir);

        assertThat(prepared).isEqualTo(dir);
        assertThat(dir).isDirectory();
    }

    @Test
    void prepareLeavesAnExistingDirectoryAsItWas() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(dir.resolve("settings.json"), "{}");

        DataDirectory.prepare(dir);

        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(dir.resolve("settings.json"));
        }
        assertThat(dir.resolve("settings.json")).hasContent("{}");
    }

    @Test
    void pathUnderARegularFileIsRefusedNamingThePath() throws IOException {
        Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
        Path dir = file.resolve("data");

        ConfigException e = assertThrows(ConfigException.class, () -> DataDirectory.prepare(dir));

        assertThat(e.getMessage()).contains(dir.toString());
        assertThat(e.file()).isEqualTo(dir);
        assertThat(file).hasContent("x");
    }

    @Test
    void pathThatIsARegularFileIsRefusedNamingThePath() throws IOException {
        Path file = Files.writeString(tmp.resolve("conn"), "x");

        ConfigException e = assertThrows(ConfigException.class, () -> DataDirectory.prepare(file));

        assertThat(e.getMessage()).contains(file.toString()).contains("is a file");
        assertThat(file).hasContent("x");
    }
}
