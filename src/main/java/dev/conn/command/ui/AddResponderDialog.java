package dev.conn.command.ui;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Asks for a new responder's name, handle and time zone. */
public final class AddResponderDialog extends Dialog<AddResponderDialog.Answer> {

    /**
     * What was typed.
     *
     * @param name display name, stripped, not blank
     * @param handle chat handle or phone, if given
     * @param timeZone IANA zone, if given and valid
     */
    public record Answer(String name, Optional<String> handle, Optional<ZoneId> timeZone) {}

    /** @param owner the main window */
    public AddResponderDialog(Window owner) {
        initOwner(owner);
        setTitle("Add responder");
        setHeaderText("Who joins the response? They start on duty now.");
        TextField name = new TextField();
        name.setId("responder-name");
        name.setPromptText("Bob Lee");
        TextField handle = new TextField();
        handle.setId("responder-handle");
        handle.setPromptText("@bob or +1 555 0100");
        TextField zone = new TextField();
        zone.setId("responder-zone");
        zone.setPromptText("Europe/Berlin (optional)");
        Label problem = new Label();
        problem.getStyleClass().add("danger-text");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Name"), name);
        grid.addRow(1, new Label("Handle"), handle);
        grid.addRow(2, new Label("Time zone"), zone);
        grid.add(problem, 1, 3);
        getDialogPane().setContent(grid);
        ButtonType add = new ButtonType("Add responder", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(add, ButtonType.CANCEL);
        Button addButton = (Button) getDialogPane().lookupButton(add);
        addButton.setId("responder-add");
        addButton.disableProperty().bind(name.textProperty().map(String::isBlank));
        addButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            String z = zone.getText().strip();
            if (!z.isEmpty() && parseZone(z).isEmpty()) {
                problem.setText(
                        "Unknown time zone '" + z + "'; use an IANA name such as Europe/Berlin, or leave it empty");
                e.consume();
            }
        });
        setResultConverter(b -> b == add
                ? new Answer(
                        name.getText().strip(),
                        Optional.of(handle.getText().strip()).filter(s -> !s.isEmpty()),
                        parseZone(zone.getText().strip()))
                : null);
        Platform.runLater(name::requestFocus);
    }

    private static Optional<ZoneId> parseZone(String z) {
        if (z.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(z));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
