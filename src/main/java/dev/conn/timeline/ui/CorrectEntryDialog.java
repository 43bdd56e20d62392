package dev.conn.timeline.ui;

import dev.conn.platform.theme.Styles;
import dev.conn.timeline.TimelineEntry;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Edits the text of a note, decision or action. The result is the new text; the original stays in the log. */
public final class CorrectEntryDialog extends Dialog<String> {
    /**
     * @param owner the main window
     * @param entry the row being corrected
     */
    public CorrectEntryDialog(Window owner, TimelineEntry entry) {
        initOwner(owner);
        setTitle("Correct entry");
        setHeaderText("Correct this " + entry.type().label().toLowerCase(java.util.Locale.ROOT)
                + ". The original text stays on record.");
        TextArea text = new TextArea(entry.text());
        text.setId("correct-text");
        text.setWrapText(true);
        text.setPrefRowCount(4);
        Label note = new Label(
                "Recorded by " + entry.event().author() + " at " + entry.event().recordedAt());
        note.getStyleClass().add(Styles.MUTED);
        VBox box = new VBox(8, text, note);
        box.setPadding(new Insets(10));
        box.setPrefWidth(600);
        getDialogPane().setContent(box);
        ButtonType save = new ButtonType("Save correction", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        Button saveButton = (Button) getDialogPane().lookupButton(save);
        saveButton.setId("correct-save");
        saveButton
                .disableProperty()
                .bind(text.textProperty().map(t -> t.isBlank() || t.strip().equals(entry.text())));
        setResultConverter(b -> b == save ? text.getText().strip() : null);
        Platform.runLater(text::requestFocus);
    }
}
