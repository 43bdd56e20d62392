package dev.conn.comms.ui;

import dev.conn.platform.fx.SettingsSection;
import dev.conn.settings.ChannelSettings;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The settings dialog's "Message channels" section: says which channels are configured and opens
 * the channels editor, which validates, tests and saves its own fields. So every setting is
 * reachable from the one settings dialog, while the editor keeps its "Send test".
 */
final class ChannelsSettingsSection implements SettingsSection {
    private final Supplier<List<ChannelSettings>> channels;
    private final Runnable openEditor;

    /**
     * @param channels the channels configured now
     * @param openEditor opens the channels editor, above the settings dialog
     */
    ChannelsSettingsSection(Supplier<List<ChannelSettings>> channels, Runnable openEditor) {
        this.channels = channels;
        this.openEditor = openEditor;
    }

    /**
     * @param list the channels
     * @return "None configured yet." or "2 configured: slack-ops (SLACK), statuspage (STATUSPAGE)"
     */
    static String summary(List<ChannelSettings> list) {
        return list.isEmpty()
                ? "None configured yet."
                : list.size() + " configured: "
                        + String.join(
                                ", ",
                                list.stream()
                                        .map(c -> c.id() + " (" + c.type() + ")")
                                        .toList());
    }

    @Override
    public String title() {
        return "Message channels";
    }

    @Override
    public Node node() {
        Label what = new Label(summary(channels.get()));
        what.setWrapText(true);
        Button edit = new Button("Edit message channels…");
        edit.setOnAction(e -> openEditor.run());
        Label secrets = new Label("Secrets are never stored here: each is a reference, env:NAME or keyring:NAME.");
        secrets.getStyleClass().add("muted");
        secrets.setWrapText(true);
        VBox box = new VBox(12, what, edit, secrets);
        box.setId("settings-message-channels");
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
