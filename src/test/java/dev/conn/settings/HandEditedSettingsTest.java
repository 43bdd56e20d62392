package dev.conn.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand-edited settings.json that Jackson would read leniently: a key given twice (the last one
 * won) or a second object pasted after the first (ignored). Conn saves the whole file on a theme
 * or name change, so what the lenient read left out was then deleted from the file without a word.
 * Now both are refused naming the problem, and the file is left byte for byte as it was.
 */
class HandEditedSettingsTest {
    @TempDir
    Path dir;

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve(SettingsFile.NAME), json, StandardCharsets.UTF_8);
    }

    @Test
    void aKeyGivenTwiceIsRefusedAndASaveLeavesTheFileAsItWas() throws IOException {
        String text = "{\"authorName\": \"alice\",\n \"channels\": [],\n \"authorName\": \"bob\"}\n";
        Path file = write(text);

        ConfigException e = assertThrows(
                ConfigException.class, () -> new SettingsFile(dir).update(s -> s.withTheme(Settings.Theme.LIGHT)));

        assertThat(e.getMessage()).contains("the key \"authorName\" appears twice");
        assertThat(Files.readString(file)).isEqualTo(text);
    }

    @Test
    void aKeyGivenTwiceInsideASectionIsNamedWithItsSection() throws IOException {
        write("{\"impact\": {\"refreshSeconds\": 30, \"refreshSeconds\": 10}}");

        ConfigException e = assertThrows(ConfigException.class, () -> new SettingsFile(dir).read());

        assertThat(e.getMessage()).contains("field 'impact'").contains("the key \"refreshSeconds\" appears twice");
    }

    @Test
    void aSecondObjectPastedAfterTheFirstIsRefusedAndASaveLeavesTheFileAsItWas() throws IOException {
        String text = "{\"authorName\": \"alice\"}\n{\"channels\": [{\"id\": \"slack-ops\", \"type\": \"SLACK\","
                + " \"audience\": \"RESPONDERS\", \"url\": \"env:CONN_SLACK_OPS_URL\"}]}\n";
        Path file = write(text);

        ConfigException e = assertThrows(
                ConfigException.class, () -> new SettingsFile(dir).update(s -> s.withTheme(Settings.Theme.LIGHT)));

        assertThat(e.getMessage()).contains("line 2").contains("more JSON follows the end of the document");
        assertThat(Files.readString(file)).isEqualTo(text);
    }

    @Test
    void aPolicyWithAKeyGivenTwiceIsRefused() throws IOException {
        new PolicyFile(dir).installDefaultIfMissing();
        Path file = dir.resolve("policy.json");
        String text = Files.readString(file);
        Files.writeString(file, text.replaceFirst("\\{", "{\"version\": 1, "));

        ConfigException e = assertThrows(ConfigException.class, () -> new PolicyFile(dir).read());

        assertThat(e.getMessage()).contains("appears twice");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            value = {
                "{\"channels\": \"slack\"}|field 'channels' (line 1, column 14): expected an array, found a string",
                "{\"impact\": []}|field 'impact' (line 1, column 12): expected an object, found an array",
                "{\"impact\": {\"refreshSeconds\": \"x\"}}|field 'impact.refreshSeconds' (line 1, column 31):"
                        + " expected a number, found the string \"x\"",
            })
    void aFieldOfTheWrongShapeIsSaidInWordsNotInJavaTypes(String json, String expected) throws IOException {
        write(json);

        ConfigException e = assertThrows(ConfigException.class, () -> new SettingsFile(dir).read());

        assertThat(e.getMessage()).contains(expected).doesNotContain("java.").doesNotContain("JsonToken");
    }
}
