package dev.conn.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.javafx.application.ParametersImpl;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the launcher hands to JavaFX reaches ConnApp as the same data directory and bundle. */
class LaunchArgumentsTest {
    private static Map<String, String> parsedByJavaFx(String[] args) {
        return new ParametersImpl(args).getNamed(); // what Application.getParameters() gives ConnApp
    }

    @Test
    void aBundleWithSpacesAndEqualsSignsReachesTheWindowWhole() {
        Path dir = Path.of("/home/ana/.conn");
        Path bundle = Path.of("/home/ana/Incidents/sev1 a=b.conn.json");

        Map<String, String> named = parsedByJavaFx(ConnApp.launchArguments(dir, Optional.of(bundle)));

        assertThat(named).containsEntry("data-dir", dir.toString()).containsEntry("open", bundle.toString());
    }

    @Test
    void withoutABundleThereIsNothingToOpen() {
        Map<String, String> named = parsedByJavaFx(ConnApp.launchArguments(Path.of("/d"), Optional.empty()));

        assertThat(named).containsOnlyKeys("data-dir");
    }
}
