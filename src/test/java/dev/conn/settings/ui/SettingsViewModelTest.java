package dev.conn.settings.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.platform.fx.DirectTaskRunner;
import dev.conn.settings.PolicyFile;
import dev.conn.settings.Settings;
import dev.conn.settings.SettingsFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JavaFX properties work without the FX toolkit; DirectTaskRunner runs the saves on this thread. */
class SettingsViewModelTest {
    @TempDir
    Path dir;

    private final List<String> errors = new ArrayList<>();

    /** A model as the GUI has it after start-up: it read Ana, dark theme, local time. */
    private SettingsViewModel startedWith(String json) throws IOException {
        Files.writeString(dir.resolve(SettingsFile.NAME), json);
        SettingsFile file = new SettingsFile(dir);
        return new SettingsViewModel(file.read(), file, PolicyFile.defaults(), new DirectTaskRunner());
    }

    private void editByHand(String json) throws IOException {
        Files.writeString(dir.resolve(SettingsFile.NAME), json);
    }

    private Settings inFile() {
        return new SettingsFile(dir).read();
    }

    @Test
    void updateShowsTheChangeAtOnce() throws IOException {
        SettingsViewModel model = startedWith("{\"authorName\": \"Ana\"}");

        model.update(s -> s.withTheme(Settings.Theme.LIGHT), errors::add);

        assertThat(model.settings().theme()).isEqualTo(Settings.Theme.LIGHT);
        assertThat(model.settings().author()).contains("Ana");
    }

    @Test
    void updateKeepsAFieldEditedByHandInTheFile() throws IOException {
        SettingsViewModel model = startedWith("{\"authorName\": \"Ana\"}");
        editByHand("{\"authorName\": \"Ana Edited\", \"timeDisplay\": \"UTC\"}");

        model.update(s -> s.withTheme(Settings.Theme.LIGHT), errors::add);

        assertThat(inFile()).isEqualTo(new Settings(1, "Ana Edited", Settings.TimeDisplay.UTC, Settings.Theme.LIGHT));
        assertThat(errors).isEmpty();
    }

    @Test
    void updateWithWholeSettingsKeepsAFieldEditedByHandInTheFile() throws IOException {
        SettingsViewModel model = startedWith("{\"authorName\": \"Ana\"}");
        editByHand("{\"authorName\": \"Ana Edited\", \"timeDisplay\": \"UTC\"}");

        model.update(model.settings().withTheme(Settings.Theme.LIGHT), errors::add);

        assertThat(inFile()).isEqualTo(new Settings(1, "Ana Edited", Settings.TimeDisplay.UTC, Settings.Theme.LIGHT));
        assertThat(model.settings())
                .isEqualTo(Settings.defaults().withAuthorName("Ana").withTheme(Settings.Theme.LIGHT));
    }

    @Test
    void updateWithWholeSettingsSavesTheFieldTheUserChanged() throws IOException {
        SettingsViewModel model = startedWith("{\"authorName\": \"Ana\", \"theme\": \"LIGHT\"}");
        editByHand("{\"authorName\": \"Ana\", \"theme\": \"LIGHT\", \"timeDisplay\": \"UTC\"}");

        model.update(model.settings().withAuthorName("Bo"), errors::add);

        assertThat(inFile()).isEqualTo(new Settings(1, "Bo", Settings.TimeDisplay.UTC, Settings.Theme.LIGHT));
    }

    @Test
    void updateOfAnUnreadableFileWritesNothingAndSaysWhichFile() throws IOException {
        SettingsViewModel model = startedWith("{\"authorName\": \"Ana\"}");
        String damaged = "{\"authorName\": \"Ana\",,}";
        editByHand(damaged);

        model.update(s -> s.withTheme(Settings.Theme.LIGHT), errors::add);

        assertThat(Files.readString(dir.resolve(SettingsFile.NAME))).isEqualTo(damaged);
        assertThat(errors)
                .singleElement()
                .asString()
                .startsWith("Settings not saved")
                .contains(dir.resolve(SettingsFile.NAME).toString());
        assertThat(model.settings().theme()).isEqualTo(Settings.Theme.LIGHT);
    }

    @Test
    void updateOfAFileFromANewerConnWritesNothing() throws IOException {
        SettingsViewModel model = startedWith("{\"authorName\": \"Ana\"}");
        editByHand("{\"version\": 2, \"authorName\": \"Ana\"}");

        model.update(s -> s.withTheme(Settings.Theme.LIGHT), errors::add);

        assertThat(dir.resolve(SettingsFile.NAME)).hasContent("{\"version\": 2, \"authorName\": \"Ana\"}");
        assertThat(errors).singleElement().asString().contains("settings.json").contains("newer");
    }

    @Test
    void updateRecreatesAFileDeletedWhileConnRan() throws IOException {
        SettingsViewModel model = startedWith("{\"authorName\": \"Ana\"}");
        Files.delete(dir.resolve(SettingsFile.NAME));

        model.update(s -> s.withTheme(Settings.Theme.LIGHT), errors::add);

        assertThat(inFile()).isEqualTo(Settings.defaults().withTheme(Settings.Theme.LIGHT));
        assertThat(errors).isEmpty();
    }
}
