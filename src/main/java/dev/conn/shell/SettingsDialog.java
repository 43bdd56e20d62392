package dev.conn.shell;

import dev.conn.platform.fx.DialogBody;
import dev.conn.platform.fx.SettingsSection;
import java.util.ArrayList;
import java.util.List;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The one settings dialog (Ctrl+,): a list of the {@link SettingsSection}s on the left, the
 * chosen one on the right, scrolling when it is taller than the dialog. "Save settings" validates
 * every section first; if any field is wrong, the messages are listed (each naming the field and
 * what to fix), nothing is applied and the dialog stays open. Esc cancels.
 */
public final class SettingsDialog extends Dialog<Void> {
    private static final ButtonType SAVE = new ButtonType("Save settings", ButtonBar.ButtonData.OK_DONE);

    /**
     * @param owner the main window
     * @param sections the sections, in list order
     */
    public SettingsDialog(Window owner, List<SettingsSection> sections) {
        initOwner(owner);
        setTitle("Settings");
        getDialogPane().setId("settings-dialog");
        // the sections in a list on the left, as most settings windows have them: every name shows
        // whole at any text size (a tab strip cut "Monitoring sc" at 200 % text, issue 14)
        ListView<String> names = new ListView<>();
        names.setId("settings-sections");
        names.getStyleClass().add("settings-sections");
        List<ScrollPane> bodies = new ArrayList<>();
        for (SettingsSection s : sections) {
            DialogBody.labelsWrap(s.node());
            ScrollPane scroll = new ScrollPane(s.node());
            scroll.setFitToWidth(true);
            scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
            scroll.getStyleClass().addAll(DialogBody.STYLE_CLASS, "settings-section");
            scroll.setId(
                    "settings-" + s.title().toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
            names.getItems().add(s.title());
            bodies.add(scroll);
        }
        names.setCellFactory(l -> new SectionCell());
        // every section stays in the dialog (what was typed in one is kept while another shows);
        // only the chosen one is shown and takes room
        StackPane shown = new StackPane();
        shown.getChildren().setAll(bodies);
        HBox.setHgrow(shown, Priority.ALWAYS);
        names.getSelectionModel().selectedIndexProperty().subscribe(i -> {
            for (int k = 0; k < bodies.size(); k++) {
                bodies.get(k).setVisible(k == i.intValue());
                bodies.get(k).setManaged(k == i.intValue());
            }
        });
        names.getSelectionModel().select(0);
        Label problems = new Label();
        problems.setId("settings-problems");
        problems.getStyleClass().add("danger-text");
        problems.setWrapText(true);
        problems.setMinHeight(Region.USE_PREF_SIZE);
        problems.managedProperty().bind(problems.textProperty().isNotEmpty());
        HBox both = new HBox(12, names, shown);
        VBox.setVgrow(both, Priority.ALWAYS);
        VBox content = new VBox(10, both, problems);
        content.setMinHeight(0);
        getDialogPane().setContent(content);
        // the chosen section scrolls; the list of sections and the buttons stay in view
        DialogBody.scrollsItself(getDialogPane());
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

    /** A section's name, whole: it wraps rather than end in "…". */
    private static final class SectionCell extends ListCell<String> {
        SectionCell() {
            setWrapText(true);
            setPrefWidth(0); // as wide as the list
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item);
        }
    }
}
