package dev.conn.command.ui;

import dev.conn.command.Responder;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** Gives a responder a time-boxed task: who, what, and when to check back. */
public final class AssignTaskDialog extends Dialog<AssignTaskDialog.Answer> {

    /**
     * The task.
     *
     * @param responder the assignee
     * @param text what to do
     * @param checkBackIn when to report back, from now; at least one minute
     */
    public record Answer(Responder responder, String text, Duration checkBackIn) {}

    /**
     * @param owner the main window
     * @param people responders on duty
     * @param person the responder preselected, if any
     */
    public AssignTaskDialog(Window owner, List<Responder> people, Optional<Responder> person) {
        initOwner(owner);
        setTitle("Assign task");
        setHeaderText("Give a task with a check-back time. The countdown turns OVERDUE when it passes.");
        ComboBox<Responder> personBox = new ComboBox<>();
        personBox.setId("task-person");
        personBox.getItems().setAll(people);
        personBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Responder r) {
                return r == null ? "" : r.name();
            }

            @Override
            public Responder fromString(String s) {
                return null;
            }
        });
        person.flatMap(p -> people.stream().filter(x -> x.id().equals(p.id())).findFirst())
                .or(() -> people.size() == 1 ? Optional.of(people.get(0)) : Optional.empty()) // the only one
                .ifPresent(personBox::setValue);
        TextField text = new TextField();
        text.setId("task-text");
        text.setPromptText("check the DB failover");
        Spinner<Integer> minutes = new Spinner<>(1, 240, 5);
        minutes.setId("task-minutes");
        minutes.setEditable(true);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Responder"), personBox);
        grid.addRow(1, new Label("Task"), text);
        grid.addRow(2, new Label("Check back in (minutes)"), minutes);
        getDialogPane().setContent(grid);
        ButtonType confirm = new ButtonType("Assign task", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(confirm, ButtonType.CANCEL);
        Button confirmButton = (Button) getDialogPane().lookupButton(confirm);
        confirmButton.setId("task-confirm");
        // Enter never does nothing silently: a task that cannot be given says what is missing
        Label problem = new Label();
        problem.setId("task-problem");
        problem.getStyleClass().add("danger-text");
        problem.setWrapText(true);
        grid.add(problem, 0, 3, 2, 1);
        confirmButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            String missing = personBox.getValue() == null
                    ? (people.isEmpty() ? "Nobody is on duty: add a responder first" : "Pick the responder")
                    : text.getText().isBlank() ? "Say what the task is, e.g. check the DB failover" : "";
            problem.setText(missing);
            if (!missing.isEmpty()) {
                e.consume();
            }
        });
        setResultConverter(b -> b == confirm
                ? new Answer(personBox.getValue(), text.getText().strip(), Duration.ofMinutes(minutes.getValue()))
                : null);
        Platform.runLater(text::requestFocus);
    }
}
