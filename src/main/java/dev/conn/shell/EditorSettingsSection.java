package dev.conn.shell;

import dev.conn.platform.fx.SettingsSection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * A settings section for a feature whose editor is a dialog of its own (monitoring sources,
 * message channels): it says what is configured and opens the editor, which validates, tests and
 * saves its own fields. So every setting is reachable from the one settings dialog, while each
 * editor keeps its "Test connection" / "Send test".
 */
public final class EditorSettingsSection implements SettingsSection {
    private final String title;
    private final Supplier<String> summary;
    private final String buttonText;
    private final Runnable openEditor;

    /**
     * @param title the section's tab title
     * @param summary what is configured now, e.g. "2 configured: prod Prometheus, Datadog"
     * @param buttonText the button's text
     * @param openEditor opens the feature's editor, above the settings dialog
     */
    public EditorSettingsSection(String title, Supplier<String> summary, String buttonText, Runnable openEditor) {
        this.title = Objects.requireNonNull(title, "title");
        this.summary = Objects.requireNonNull(summary, "summary");
        this.buttonText = Objects.requireNonNull(buttonText, "buttonText");
        this.openEditor = Objects.requireNonNull(openEditor, "openEditor");
    }

    /**
     * @param names the names of what is configured
     * @return "None configured yet." or "2 configured: a, b"
     */
    public static String configured(List<String> names) {
        return names.isEmpty() ? "None configured yet." : names.size() + " configured: " + String.join(", ", names);
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public Node node() {
        Label what = new Label(summary.get());
        what.setWrapText(true);
        Button edit = new Button(buttonText);
        edit.setOnAction(e -> openEditor.run()); // opens above the settings dialog
        Label secrets = new Label("Secrets are never stored here: each is a reference, env:NAME or keyring:NAME.");
        secrets.getStyleClass().add("muted");
        secrets.setWrapText(true);
        VBox box = new VBox(12, what, edit, secrets);
        box.setId("settings-" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        return box;
    }

    @Override
    public List<String> validate() {
        return List.of(); // the editor validates its own fields before it saves
    }

    @Override
    public void apply() {
        // the editor saves its own fields
    }
}
