package dev.conn.shell;

import dev.conn.platform.fx.SettingsSection;
import dev.conn.settings.DesktopSettings;
import dev.conn.settings.PolicyFile;
import dev.conn.settings.Settings;
import dev.conn.settings.ui.SettingsViewModel;
import dev.conn.timeline.ui.TimelineViewModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The console's own settings sections: identity and time display, appearance, and where the data
 * and the response policy live. Each is built fresh every time the dialog opens.
 */
final class ConsoleSettingsSections {
    /** Longest author name accepted, in characters. */
    static final int MAX_NAME = 80;

    private ConsoleSettingsSections() {}

    /** Your name (shown as author) and which clock the timeline shows first. */
    static SettingsSection identity(SettingsViewModel settings, TimelineViewModel timeline, Consumer<String> onError) {
        TextField name = new TextField(settings.settings().author().orElse(""));
        name.setId("settings-name");
        ToggleGroup zone = new ToggleGroup();
        RadioButton local = new RadioButton("Local time (UTC on hover)");
        local.setId("settings-time-local");
        RadioButton utc = new RadioButton("UTC (local on hover)");
        utc.setId("settings-time-utc");
        local.setToggleGroup(zone);
        utc.setToggleGroup(zone);
        (timeline.showUtcProperty().get() ? utc : local).setSelected(true);
        GridPane grid = grid();
        grid.addRow(0, keep(new Label("Your name")), name);
        grid.add(muted("Shown as the author of what you record."), 1, 1);
        grid.addRow(2, keep(new Label("Timeline times")), new VBox(8, local, utc));
        return new Section("Identity and time", grid) {
            @Override
            public List<String> validate() {
                String n = name.getText().strip();
                List<String> out = new ArrayList<>();
                if (n.isEmpty() || n.length() > MAX_NAME) {
                    out.add("Your name: enter the name shown as author of what you record (1-" + MAX_NAME
                            + " characters).");
                } else if (n.chars().anyMatch(Character::isISOControl)) {
                    out.add("Your name: remove the control characters (tabs, line breaks).");
                }
                return out;
            }

            @Override
            public void apply() {
                String n = name.getText().strip();
                if (!n.equals(settings.settings().author().orElse(""))) {
                    settings.update(s -> s.withAuthorName(n), onError);
                }
                timeline.showUtcProperty().set(utc.isSelected());
            }
        };
    }

    /** Theme, projector mode, text size and the alert sound. */
    static SettingsSection appearance(SettingsViewModel settings, Runnable applyLook, Consumer<String> onError) {
        Settings now = settings.settings();
        ToggleGroup theme = new ToggleGroup();
        RadioButton dark = new RadioButton("Dark");
        dark.setId("settings-theme-dark");
        RadioButton light = new RadioButton("Light");
        light.setId("settings-theme-light");
        dark.setToggleGroup(theme);
        light.setToggleGroup(theme);
        (now.theme() == Settings.Theme.LIGHT ? light : dark).setSelected(true);
        CheckBox projector = new CheckBox("Projector mode: high contrast, black and yellow (Ctrl+Alt+P)");
        projector.setId("settings-projector");
        projector.setSelected(now.desktop().projector());
        ComboBox<String> scale = new ComboBox<>();
        scale.setId("settings-font-scale");
        DesktopSettings.SCALES.forEach(s -> scale.getItems().add(percent(s)));
        scale.getSelectionModel().select(percent(now.desktop().fontScale()));
        CheckBox sound = new CheckBox("Play a short tone when an alert is raised");
        sound.setId("settings-sound");
        sound.setSelected(now.desktop().sound());
        GridPane grid = grid();
        grid.addRow(0, keep(new Label("Theme")), new HBox(16, dark, light));
        grid.add(projector, 1, 1);
        grid.addRow(2, keep(new Label("Text size")), scale);
        grid.add(muted("Ctrl+= larger, Ctrl+- smaller, Ctrl+0 back to 100 %."), 1, 3);
        grid.addRow(4, keep(new Label("Alerts")), sound);
        return new Section("Appearance", grid) {
            @Override
            public List<String> validate() {
                return scale.getValue() == null ? List.of("Text size: choose a size from the list.") : List.of();
            }

            @Override
            public void apply() {
                double f = DesktopSettings.SCALES.get(scale.getSelectionModel().getSelectedIndex());
                Settings.Theme t = light.isSelected() ? Settings.Theme.LIGHT : Settings.Theme.DARK;
                boolean p = projector.isSelected();
                boolean snd = sound.isSelected();
                settings.update(
                        s -> s.withTheme(t)
                                .withDesktop(s.desktop()
                                        .withFontScale(f)
                                        .withProjector(p)
                                        .withSound(snd)),
                        onError);
                applyLook.run();
            }
        };
    }

    /** Where the data lives (and how to use another place), and the response policy file. */
    static SettingsSection data(SettingsViewModel settings, Path dataDirectory) {
        PolicyFile policy = new PolicyFile(dataDirectory);
        Label dir = new Label(dataDirectory.toString());
        dir.setId("settings-data-dir");
        Label policyPath = new Label(policy.path().toString());
        Label result = new Label();
        result.setId("settings-policy-result");
        result.setWrapText(true);
        Button check = new Button("Check policy file");
        check.setId("settings-policy-check");
        check.setOnAction(e -> {
            result.setText("Checking…");
            result.getStyleClass().removeAll("danger-text", "success-text");
            settings.checkPolicy(policy, problem -> {
                result.setText(problem.map(p -> "✗ " + p)
                        .orElse("✓ Valid. Restart Conn to use the edited policy (it is read at start)."));
                result.getStyleClass().add(problem.isPresent() ? "danger-text" : "success-text");
            });
        });
        GridPane grid = grid();
        grid.addRow(0, keep(new Label("Data directory")), dir);
        grid.add(
                muted("Holds the database, settings.json, policy.json and logs. To use another one, start"
                        + " Conn with --data-dir DIR or set the environment variable CONN_HOME."),
                1,
                1);
        grid.addRow(2, keep(new Label("Response policy")), policyPath);
        grid.add(muted("Severities, update cadences, checklist, hand-off timeout, fatigue thresholds."), 1, 3);
        grid.add(new HBox(12, check, result), 1, 4);
        return new Section("Data and policy", grid) {
            @Override
            public List<String> validate() {
                return List.of();
            }

            @Override
            public void apply() {}
        };
    }

    static String percent(double scale) {
        return Math.round(scale * 100) + " %";
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(16);
        g.setVgap(10);
        g.setPadding(new javafx.geometry.Insets(16));
        return g;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        l.setWrapText(true);
        return l;
    }

    private abstract static class Section implements SettingsSection {
        private final String title;
        private final Node node;

        Section(String title, Node node) {
            this.title = title;
            this.node = node;
        }

        @Override
        public String title() {
            return title;
        }

        @Override
        public Node node() {
            return node;
        }
    }

    /** @return the label, never narrower than its text (a long path beside it wraps instead) */
    private static Label keep(Label l) {
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }
}
