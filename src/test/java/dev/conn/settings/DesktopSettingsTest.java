package dev.conn.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesktopSettingsTest {
    @TempDir
    Path dir;

    @Test
    void fontScaleStepsUpAndDownAndStopsAtTheEnds() {
        DesktopSettings d = DesktopSettings.defaults();
        assertThat(d.larger().fontScale()).isEqualTo(1.1);
        assertThat(d.smaller().smaller().smaller().smaller().fontScale()).isEqualTo(0.8);
        DesktopSettings big = d;
        for (int i = 0; i < 20; i++) {
            big = big.larger();
        }
        assertThat(big.fontScale()).isEqualTo(2.5);
    }

    @Test
    void aHandEditedScaleSnapsToTheNearestStep() {
        assertThat(new DesktopSettings(1.3, null, null, null).fontScale()).isEqualTo(1.25);
    }

    @Test
    void layoutScaleAndProjectorModeSurviveARestart() {
        SettingsFile file = new SettingsFile(dir);
        DesktopSettings.WindowLayout layout = new DesktopSettings.WindowLayout(10, 20, 1000, 700, true, List.of(0.6));
        file.save(Settings.defaults()
                .withDesktop(DesktopSettings.defaults()
                        .withFontScale(1.5)
                        .withProjector(true)
                        .withWindow(layout)));

        DesktopSettings read = new SettingsFile(dir).read().desktop();

        assertThat(read.fontScale()).isEqualTo(1.5);
        assertThat(read.projector()).isTrue();
        assertThat(read.window()).isEqualTo(layout);
        assertThat(read.sound()).isFalse();
    }

    @Test
    void aSettingsFileWithoutDesktopReadsAsDefaults() throws Exception {
        Files.writeString(dir.resolve(SettingsFile.NAME), "{\"version\":1,\"authorName\":\"Ana\"}");

        assertThat(new SettingsFile(dir).read().desktop()).isEqualTo(DesktopSettings.defaults());
    }

    @Test
    void dividersOutsideZeroToOneAreDropped() {
        assertThat(new DesktopSettings.WindowLayout(0, 0, 1, 1, false, List.of(-1.0, 0.5, 7.0)).dividers())
                .containsExactly(0.5);
    }
}
