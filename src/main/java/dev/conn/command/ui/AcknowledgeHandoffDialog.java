package dev.conn.command.ui;

import dev.conn.command.Handoff;
import dev.conn.incident.AckMethod;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Records how the receiver acknowledged a hand-off: the read-back code (strongest), in person, or
 * by voice without the code (weaker, shown as such). A wrong code is refused by the service and
 * the dialog opens again with the problem.
 */
public final class AcknowledgeHandoffDialog extends Dialog<AcknowledgeHandoffDialog.Answer> {

    /**
     * The acknowledgement.
     *
     * @param method how the receiver acknowledged
     * @param code what was read back (empty unless {@link AckMethod#READ_BACK})
     */
    public record Answer(AckMethod method, String code) {}

    /**
     * @param owner the main window
     * @param handoff the pending hand-off
     * @param problem why the last attempt was refused, or empty
     */
    public AcknowledgeHandoffDialog(Window owner, Handoff handoff, String problem) {
        initOwner(owner);
        setTitle("Acknowledge hand-off");
        setHeaderText(handoff.to() + " takes the " + handoff.role().label() + " role from " + handoff.from() + ".\nAsk "
                + handoff.to() + " to read back the code on the brief.");
        ToggleGroup group = new ToggleGroup();
        RadioButton readBack = new RadioButton("Read-back code");
        readBack.setId("ack-readback");
        RadioButton inPerson = new RadioButton("In person (met and confirmed face to face)");
        inPerson.setId("ack-inperson");
        RadioButton voice =
                new RadioButton("By voice, without the code — weaker: nothing confirms the brief was heard");
        voice.setId("ack-voice");
        voice.getStyleClass().add("weak-method");
        readBack.setToggleGroup(group);
        inPerson.setToggleGroup(group);
        voice.setToggleGroup(group);
        readBack.setSelected(true);
        readBack.setUserData(AckMethod.READ_BACK);
        inPerson.setUserData(AckMethod.IN_PERSON);
        voice.setUserData(AckMethod.VOICE_WITHOUT_CODE);
        TextField code = new TextField();
        code.setId("ack-code");
        code.setPromptText("e.g. K7-DELTA");
        code.disableProperty().bind(readBack.selectedProperty().not());
        Label problemLabel = new Label(problem);
        problemLabel.getStyleClass().add("danger-text");
        problemLabel.setWrapText(true);
        problemLabel.setVisible(!problem.isEmpty());
        problemLabel.setManaged(!problem.isEmpty());
        VBox box = new VBox(8, readBack, code, inPerson, voice, problemLabel);
        getDialogPane().setContent(box);
        ButtonType confirm = new ButtonType("Acknowledge hand-off", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(confirm, ButtonType.CANCEL);
        Button confirmButton = (Button) getDialogPane().lookupButton(confirm);
        confirmButton.setId("ack-confirm");
        confirmButton
                .disableProperty()
                .bind(readBack.selectedProperty()
                        .and(javafx.beans.binding.Bindings.createBooleanBinding(
                                () -> code.getText().isBlank(), code.textProperty())));
        setResultConverter(b -> {
            if (b != confirm) {
                return null;
            }
            AckMethod m = (AckMethod) group.getSelectedToggle().getUserData();
            return new Answer(m, m == AckMethod.READ_BACK ? code.getText().strip() : "");
        });
        Platform.runLater(code::requestFocus);
    }
}
