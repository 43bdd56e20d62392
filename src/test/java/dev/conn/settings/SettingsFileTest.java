package dev.conn.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsFileTest {
    @TempDir
    Path dir;

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve(SettingsFile.NAME), json, StandardCharsets.UTF_8);
    }

    private ConfigException loadFails() {
        return assertThrows(ConfigException.class, () -> new SettingsFile(dir).load());
    }

    @Test
    void firstLoadReturnsTheDefaults() {
        assertThat(new SettingsFile(dir).load()).isEqualTo(Settings.defaults());
    }

    @Test
    void firstLoadWritesTheDefaultsToTheFile() {
        new SettingsFile(dir).load();

        assertThat(dir.resolve("settings.json")).exists();
        assertThat(new SettingsFile(dir).load()).isEqualTo(Settings.defaults());
    }

    @Test
    void defaultsAreDarkLocalTimeWithNoAuthor() {
        Settings d = Settings.defaults();

        assertThat(d.theme()).isEqualTo(Settings.Theme.DARK);
        assertThat(d.timeDisplay()).isEqualTo(Settings.TimeDisplay.LOCAL);
        assertThat(d.author()).isEmpty();
    }

    @Test
    void savedSettingsLoadBack() {
        SettingsFile file = new SettingsFile(dir);
        Settings changed = Settings.defaults().withAuthorName(" Alice Ng ").withTheme(Settings.Theme.LIGHT)
                .withTimeDisplay(Settings.TimeDisplay.UTC);

        file.save(changed);

        assertThat(new SettingsFile(dir).load()).isEqualTo(changed);
        assertThat(changed.author()).contains("Alice Ng");
    }

    @Test
    void absentFieldsGetDefaults() throws IOException {
        write("{\"authorName\": \"alice\"}");

        Settings s = new SettingsFile(dir).load();

        assertThat(s).isEqualTo(Settings.defaults().withAuthorName("alice"));
    }

    @Test
    void corruptJsonIsReportedNamingTheFileAndPosition() throws IOException {
        write("{\n  \"version\": 1,\n  \"theme\": \n}\n");

        ConfigException e = loadFails();

        assertThat(e.getMessage()).contains("settings.json").containsPattern("line \\d+, column \\d+");
        assertThat(e.getMessage()).contains("line 4");
        assertThat(e.file()).isEqualTo(dir.resolve("settings.json"));
    }

    @Test
    void corruptFileIsLeftByteForByteUnchanged() throws IOException {
        Path file = write("{\n  \"version\": 1,\n  \"theme\": \n");
        byte[] before = Files.readAllBytes(file);

        loadFails();

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void emptyFileIsReportedNotReplaced() throws IOException {
        Path file = write("");

        ConfigException e = loadFails();

        assertThat(e.getMessage()).contains("settings.json");
        assertThat(file).isEmptyFile();
    }

    @Test
    void unknownFieldIsReportedByName() throws IOException {
        write("{\"version\": 1, \"colour\": \"red\"}");

        assertThat(loadFails().getMessage()).contains("settings.json").contains("'colour'");
    }

    @Test
    void badThemeIsReportedListingTheAllowedValues() throws IOException {
        write("{\"version\": 1, \"theme\": \"PURPLE\"}");

        assertThat(loadFails().getMessage()).contains("'theme'").contains("PURPLE").contains("DARK, LIGHT");
    }

    @Test
    void settingsFromANewerConnAreRefused() throws IOException {
        Path file = write("{\"version\": 2}");

        assertThat(loadFails().getMessage()).contains("settings.json").contains("newer");
        assertThat(file).hasContent("{\"version\": 2}");
    }
}
