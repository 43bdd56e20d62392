package dev.conn.shell;

import dev.conn.platform.fx.SettingsSection;
import java.util.ArrayList;
import java.util.List;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The one settings dialog (Ctrl+,): a tab per {@link SettingsSection}. "Save settings" validates
 * every section first; if any field is wrong, the messages are listed (each naming the field and
 * what to fix), nothing is applied and the dialog stays open. Esc cancels.
 */
public final class SettingsDialog extends Dialog<Void> {
    private static final ButtonType SAVE = new ButtonType("Save settings", ButtonBar.ButtonData.OK_DONE);

    /**
     * @param owner the main window
     * @param sections the sections, in tab order
     */
    public SettingsDialog(Window owner, List<SettingsSection> sections) {
        initOwner(owner);
        setTitle("Settings");
        getDialogPane().setId("settings-dialog");
        TabPane tabs = new TabPane();
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (SettingsSection s : sections) {
            ScrollPane scroll = new ScrollPane(s.node());
            scroll.setFitToWidth(true);
            Tab tab = new Tab(s.title(), scroll);
            tab.setId("settings-" + s.title().toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
            tabs.getTabs().add(tab);
        }
        Label problems = new Label();
        problems.setId("settings-problems");
        problems.getStyleClass().add("danger-text");
        problems.setWrapText(true);
        problems.managedProperty().bind(problems.textProperty().isNotEmpty());
        tabs.setPrefHeight(420);
        tabs.getStyleClass().add("settings-tabs"); // wide enough for its five tab names (base.css)
        getDialogPane().setContent(new VBox(10, tabs, problems));
        getDialogPane().getButtonTypes().setAll(SAVE, ButtonType.CANCEL);
        Button save = (Button) getDialogPane().lookupButton(SAVE);
        save.setId("settings-save");
        save.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        save.addEventFilter(ActionEvent.ACTION, e -> {
            List<String> all = new ArrayList<>();
            for (SettingsSection s : sections) {
                all.addAll(s.validate());
            }
            if (!all.isEmpty()) {
                problems.setText("Not saved. " + String.join("\n", all));
                e.consume(); // stays open with what was typed
            } else {
                sections.forEach(SettingsSection::apply);
            }
        });
        setResultConverter(b -> null);
    }
}
