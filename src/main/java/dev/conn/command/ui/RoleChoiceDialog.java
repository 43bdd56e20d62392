package dev.conn.command.ui;

import dev.conn.command.Responder;
import dev.conn.incident.Role;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * Chooses a role and a responder: for "Assign role…" and "Offer hand-off…". The confirm button is
 * named for the action.
 */
public final class RoleChoiceDialog extends Dialog<RoleChoiceDialog.Answer> {

    /**
     * The choice.
     *
     * @param role the role
     * @param responder the responder
     */
    public record Answer(Role role, Responder responder) {}

    /**
     * @param owner the main window
     * @param title the window title, e.g. "Offer hand-off"
     * @param header what happens, in a sentence
     * @param action the confirm button's text, e.g. "Offer hand-off"
     * @param roles the roles to choose from
     * @param people the responders to choose from
     * @param role the role preselected, if any
     * @param person the responder preselected, if any
     */
    public RoleChoiceDialog(
            Window owner,
            String title,
            String header,
            String action,
            List<Role> roles,
            List<Responder> people,
            Optional<Role> role,
            Optional<Responder> person) {
        initOwner(owner);
        setTitle(title);
        setHeaderText(header);
        ComboBox<Role> roleBox = new ComboBox<>();
        roleBox.setId("choice-role");
        roleBox.getItems().setAll(roles);
        roleBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Role r) {
                return r == null ? "" : r.label();
            }

            @Override
            public Role fromString(String s) {
                return null;
            }
        });
        role.filter(roles::contains).ifPresentOrElse(roleBox::setValue, () -> {
            if (!roles.isEmpty()) {
                roleBox.setValue(roles.get(0));
            }
        });
        ComboBox<Responder> personBox = new ComboBox<>();
        personBox.setId("choice-person");
        personBox.getItems().setAll(people);
        personBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Responder r) {
                return r == null ? "" : r.name() + " (" + r.presence().label() + ")";
            }

            @Override
            public Responder fromString(String s) {
                return null;
            }
        });
        person.flatMap(p -> people.stream().filter(x -> x.id().equals(p.id())).findFirst())
                .ifPresent(personBox::setValue);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Role"), roleBox);
        grid.addRow(1, new Label("Responder"), personBox);
        getDialogPane().setContent(grid);
        ButtonType confirm = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(confirm, ButtonType.CANCEL);
        Button confirmButton = (Button) getDialogPane().lookupButton(confirm);
        confirmButton.setId("choice-confirm");
        confirmButton
                .disableProperty()
                .bind(roleBox.valueProperty()
                        .isNull()
                        .or(personBox.valueProperty().isNull()));
        setResultConverter(b -> b == confirm ? new Answer(roleBox.getValue(), personBox.getValue()) : null);
        Platform.runLater(() -> (personBox.getValue() == null ? personBox : roleBox).requestFocus());
    }
}
