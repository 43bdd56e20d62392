package dev.conn.warroom.ui;

import dev.conn.command.Handoff;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * A hand-off offered to the person at this console, shown on their own console as soon as the war
 * room brings it: the brief, and a field to acknowledge with its read-back code. Not modal: the
 * receiver can read the timeline first. A wrong code is refused by the people feature's decider and
 * the dialog stays open with its words.
 */
public final class HandoffForYouDialog extends Dialog<Void> {
    private final Label problem = new Label();

    /**
     * @param owner the main window
     * @param handoff the pending offer
     * @param acknowledge records the acknowledgement with the code typed: (code, onRefused); the
     *     dialog closes when it succeeds, else {@code onRefused} gets the words
     */
    public HandoffForYouDialog(Window owner, Handoff handoff, BiConsumer<String, Consumer<String>> acknowledge) {
        initOwner(owner);
        initModality(Modality.NONE);
        setTitle("Hand-off offered to you");
        setHeaderText(handoff.from() + " offers you the " + handoff.role().label() + " role.\nRead the brief, then type"
                + " its read-back code to take the role.");
        TextArea brief =
                new TextArea(handoff.brief().isBlank() ? "(no brief was recorded with the offer)" : handoff.brief());
        brief.setId("handoff-for-you-brief");
        brief.setEditable(false);
        brief.setWrapText(true);
        brief.setPrefRowCount(12);
        brief.setPrefColumnCount(60);
        TextField code = new TextField();
        code.setId("handoff-for-you-code");
        code.setPromptText("The read-back code on the brief, e.g. K7-DELTA");
        problem.getStyleClass().add("danger-text");
        problem.setWrapText(true);
        problem.setManaged(false);
        problem.setVisible(false);
        getDialogPane().setContent(new VBox(8, brief, new Label("Read-back code"), code, problem));
        ButtonType ack = new ButtonType("Acknowledge hand-off", ButtonBar.ButtonData.OK_DONE);
        ButtonType later = new ButtonType("Later", ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().addAll(ack, later);
        Button ackButton = (Button) getDialogPane().lookupButton(ack);
        ackButton.setId("handoff-for-you-ack");
        ackButton.disableProperty().bind(code.textProperty().isEmpty());
        ackButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume(); // the dialog closes only once the acknowledgement is recorded
            ackButton.disableProperty().unbind();
            ackButton.setDisable(true);
            acknowledge.accept(code.getText(), refused -> {
                problem.setText(refused);
                problem.setManaged(true);
                problem.setVisible(true);
                ackButton.disableProperty().bind(code.textProperty().isEmpty());
            });
        });
    }

    /** Closes the dialog once the acknowledgement is recorded. */
    public void acknowledged() {
        setResult(null);
        close();
    }
}
