package dev.conn.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsFileTest {
    @TempDir
    Path dir;

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve(SettingsFile.NAME), json, StandardCharsets.UTF_8);
    }

    private ConfigException loadFails() {
        return assertThrows(ConfigException.class, () -> new SettingsFile(dir).read());
    }

    private List<Path> filesInDir() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    @Test
    void readingAnAbsentFileReturnsTheDefaults() {
        assertThat(new SettingsFile(dir).read()).isEqualTo(Settings.defaults());
    }

    @Test
    void readingNeverCreatesAFile() throws IOException {
        new SettingsFile(dir).read();

        assertThat(filesInDir()).isEmpty();
    }

    @SuppressWarnings("deprecation")
    @Test
    void deprecatedLoadNoLongerCreatesAFile() throws IOException {
        assertThat(new SettingsFile(dir).load()).isEqualTo(Settings.defaults());

        assertThat(filesInDir()).isEmpty();
    }

    @Test
    void writeDefaultsIfMissingWritesDefaultsThatReadBack() {
        boolean created = new SettingsFile(dir).writeDefaultsIfMissing();

        assertThat(created).isTrue();
        assertThat(dir.resolve("settings.json")).exists();
        assertThat(new SettingsFile(dir).read()).isEqualTo(Settings.defaults());
    }

    @Test
    void writeDefaultsIfMissingLeavesAnExistingFileByteIdentical() throws IOException {
        Path file = write("{ \"authorName\" : \"Ana\",\n\"theme\": \"LIGHT\" }");
        byte[] before = Files.readAllBytes(file);

        boolean created = new SettingsFile(dir).writeDefaultsIfMissing();

        assertThat(created).isFalse();
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(filesInDir()).containsExactly(file);
    }

    @Test
    void writeDefaultsIfMissingLeavesADamagedFileByteIdentical() throws IOException {
        Path file = write("{ not json");
        byte[] before = Files.readAllBytes(file);

        new SettingsFile(dir).writeDefaultsIfMissing();

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void manySavesLeaveNoTemporaryFilesBehind() throws IOException {
        SettingsFile file = new SettingsFile(dir);

        for (int i = 0; i < 100; i++) {
            file.save(Settings.defaults().withAuthorName("author " + i));
        }

        assertThat(filesInDir()).containsExactly(dir.resolve("settings.json"));
        assertThat(file.read().author()).contains("author 99");
    }

    @Test
    void twoConcurrentWritersNeverLeaveAFileThatFailsToParse() throws Exception {
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (String name : List.of("Ana", "Bo")) {
                // One SettingsFile each, as two processes (GUI and CLI) would have.
                SettingsFile file = new SettingsFile(dir);
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 50; i++) {
                        try {
                            file.save(Settings.defaults().withAuthorName(name + " " + i));
                            assertThat(file.read().author()).isPresent();
                        } catch (RuntimeException | AssertionError e) {
                            failures.add(e);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> w : writers) {
                w.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(failures).isEmpty();
        assertThat(new SettingsFile(dir).read().author())
                .hasValueSatisfying(a -> assertThat(a).endsWith(" 49"));
        assertThat(filesInDir()).containsExactly(dir.resolve("settings.json"));
    }

    @Test
    void updateKeepsFieldsEditedByHandAndChangesOnlyWhatItWasAskedTo() throws IOException {
        write("{\"version\": 1, \"authorName\": \"Edited By Hand\", \"timeDisplay\": \"UTC\"}");

        Settings saved = new SettingsFile(dir).update(s -> s.withTheme(Settings.Theme.LIGHT));

        Settings expected = new Settings(1, "Edited By Hand", Settings.TimeDisplay.UTC, Settings.Theme.LIGHT);
        assertThat(saved).isEqualTo(expected);
        assertThat(new SettingsFile(dir).read()).isEqualTo(expected);
    }

    @Test
    void updateOfADamagedFileWritesNothing() throws IOException {
        Path file = write("{\"version\": 1,,}");
        byte[] before = Files.readAllBytes(file);

        ConfigException e = assertThrows(
                ConfigException.class, () -> new SettingsFile(dir).update(s -> s.withTheme(Settings.Theme.LIGHT)));

        assertThat(e.file()).isEqualTo(file);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(filesInDir()).containsExactly(file);
    }

    @Test
    void updateThatChangesNothingLeavesTheFileByteIdentical() throws IOException {
        Path file = write("{ \"authorName\":   \"Ana\" }");
        byte[] before = Files.readAllBytes(file);

        new SettingsFile(dir).update(s -> s.withAuthorName("Ana"));

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void updateOfAnAbsentFileWritesTheDefaultsWithTheChange() {
        new SettingsFile(dir).update(s -> s.withAuthorName("Ana"));

        assertThat(new SettingsFile(dir).read()).isEqualTo(Settings.defaults().withAuthorName("Ana"));
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
        Settings changed = Settings.defaults()
                .withAuthorName(" Alice Ng ")
                .withTheme(Settings.Theme.LIGHT)
                .withTimeDisplay(Settings.TimeDisplay.UTC);

        file.save(changed);

        assertThat(new SettingsFile(dir).read()).isEqualTo(changed);
        assertThat(changed.author()).contains("Alice Ng");
    }

    @Test
    void absentFieldsGetDefaults() throws IOException {
        write("{\"authorName\": \"alice\"}");

        Settings s = new SettingsFile(dir).read();

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

        assertThat(loadFails().getMessage())
                .contains("'theme'")
                .contains("PURPLE")
                .contains("DARK, LIGHT");
    }

    @Test
    void settingsFromANewerConnAreRefused() throws IOException {
        Path file = write("{\"version\": 2}");

        assertThat(loadFails().getMessage()).contains("settings.json").contains("newer");
        assertThat(file).hasContent("{\"version\": 2}");
    }
}
