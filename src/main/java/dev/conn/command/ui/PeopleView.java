package dev.conn.command.ui;

import dev.conn.command.CheckBackTask;
import dev.conn.command.Presence;
import dev.conn.command.Responder;
import dev.conn.command.TaskState;
import dev.conn.command.UtcTime;
import dev.conn.fatigue.FatigueCrossing;
import java.util.Optional;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The People panel ({@code PeopleView.fxml}): roster with presence, roles, duty and fatigue; the
 * actions on the selected responder; fatigue alerts; check-back tasks. Holds no logic worth
 * testing: it binds the lists of {@link PeopleListViewModel} and {@link FatigueAlertsViewModel}
 * and forwards its buttons to them and to {@link PeopleActions}.
 */
public final class PeopleView {
    private final PeopleListViewModel model;
    private final FatigueAlertsViewModel fatigue;
    private final PeopleActions actions;

    @FXML
    private VBox root;

    @FXML
    private ListView<PeopleListViewModel.ResponderRow> rosterList;

    @FXML
    private ListView<PeopleListViewModel.TaskRow> taskList;

    @FXML
    private VBox fatigueAlertBox;

    @FXML
    private Button joinButton;

    @FXML
    private Button leaveButton;

    @FXML
    private Button startBreakButton;

    @FXML
    private Button endBreakButton;

    @FXML
    private Button designateNextIcButton;

    @FXML
    private Button acknowledgeTaskButton;

    @FXML
    private Button completeTaskButton;

    @FXML
    private Button cancelTaskButton;

    private String selectedResponderId;
    private String selectedTaskId;

    /**
     * @param model the roster and the tasks
     * @param fatigue the fatigue alerts
     * @param actions the dialogs of the panel's buttons
     */
    PeopleView(PeopleListViewModel model, FatigueAlertsViewModel fatigue, PeopleActions actions) {
        this.model = model;
        this.fatigue = fatigue;
        this.actions = actions;
    }

    @FXML
    private void initialize() {
        rosterList.setItems(model.responders());
        rosterList.setCellFactory(l -> new ResponderCell());
        rosterList.setPlaceholder(new Label("Nobody in the response yet.\nAdd responder… to start the roster."));
        taskList.setItems(model.tasks());
        taskList.setCellFactory(l -> new TaskCell());
        taskList.setPlaceholder(new Label("No check-back tasks"));
        rosterList.getSelectionModel().selectedItemProperty().addListener((o, was, row) -> {
            if (row != null) {
                selectedResponderId = row.responder().id();
            }
            renderResponderActions();
        });
        taskList.getSelectionModel().selectedItemProperty().addListener((o, was, row) -> {
            if (row != null) {
                selectedTaskId = row.task().taskId();
            }
            renderTaskActions();
        });
        model.responders().addListener((ListChangeListener<PeopleListViewModel.ResponderRow>)
                c -> Platform.runLater(() -> reselect(
                        rosterList, selectedResponderId, r -> r.responder().id())));
        model.tasks().addListener((ListChangeListener<PeopleListViewModel.TaskRow>) c -> Platform.runLater(
                () -> reselect(taskList, selectedTaskId, t -> t.task().taskId())));
        // the panel lists them; their toasts are the alert centre's (PeopleAlerts), at most three in
        // the timeline's corner: a popup of its own per alert buried the window when five
        // responders crossed a threshold in the same minute
        fatigue.alerts().addListener((ListChangeListener<FatigueAlertsViewModel.FatigueAlertRow>) c -> renderAlerts());
        renderAlerts();
        renderResponderActions();
        renderTaskActions();
    }

    private static <T> void reselect(ListView<T> list, String id, Function<T, String> idOf) {
        if (id == null) {
            return;
        }
        T sel = list.getSelectionModel().getSelectedItem();
        if (sel != null && idOf.apply(sel).equals(id)) {
            return;
        }
        for (int i = 0; i < list.getItems().size(); i++) {
            if (idOf.apply(list.getItems().get(i)).equals(id)) {
                list.getSelectionModel().select(i);
                return;
            }
        }
    }

    private void renderResponderActions() {
        Presence p = selectedResponder().map(Responder::presence).orElse(null);
        joinButton.setDisable(p != Presence.LEFT);
        leaveButton.setDisable(p == null || p == Presence.LEFT);
        startBreakButton.setDisable(p != Presence.ON_DUTY);
        endBreakButton.setDisable(p != Presence.ON_BREAK);
        designateNextIcButton.setDisable(p == null || p == Presence.LEFT);
    }

    private void renderTaskActions() {
        Optional<CheckBackTask> t = selectedTask();
        acknowledgeTaskButton.setDisable(
                t.map(x -> x.state() != TaskState.ASSIGNED).orElse(true));
        completeTaskButton.setDisable(t.map(x -> !x.isOpen()).orElse(true));
        cancelTaskButton.setDisable(t.map(x -> !x.isOpen()).orElse(true));
    }

    private void renderAlerts() {
        fatigueAlertBox.getChildren().clear();
        for (FatigueAlertsViewModel.FatigueAlertRow a : fatigue.alerts()) {
            FatigueCrossing c = a.crossing();
            Label text = new Label(
                    "⚠ " + c.person() + ": " + c.level().label() + " (since " + UtcTime.hhmm(c.reachedAt()) + ")");
            text.setTooltip(new Tooltip(a.text()));
            text.setWrapText(true);
            text.getStyleClass().add("fatigue-alert-text");
            text.setMinHeight(Region.USE_PREF_SIZE);
            FlowPane buttons = new FlowPane(4, 4);
            a.heldRole().ifPresent(role -> {
                Button handoff = new Button("Start hand-off");
                handoff.setOnAction(e -> actions.offerHandoff(Optional.of(role), model.nextCommander()));
                buttons.getChildren().add(handoff);
            });
            Button rest = new Button("Start break");
            rest.setOnAction(e -> model.startBreak(c.responderId()));
            Button dismiss = new Button("Dismiss");
            dismiss.setOnAction(e -> fatigue.dismiss(a));
            buttons.getChildren().addAll(rest, dismiss);
            VBox box = new VBox(4, text, buttons);
            box.getStyleClass().add("fatigue-alert");
            fatigueAlertBox.getChildren().add(box);
        }
    }

    /** @return the responder selected in the roster, if any */
    Optional<Responder> selectedResponder() {
        return Optional.ofNullable(rosterList.getSelectionModel().getSelectedItem())
                .map(PeopleListViewModel.ResponderRow::responder);
    }

    private Optional<CheckBackTask> selectedTask() {
        return Optional.ofNullable(taskList.getSelectionModel().getSelectedItem())
                .map(PeopleListViewModel.TaskRow::task);
    }

    private Optional<Responder> requireSelected() {
        Optional<Responder> r = selectedResponder();
        if (r.isEmpty()) {
            model.reportError("Select a responder in the People panel first (Ctrl+Shift+P)");
        }
        return r;
    }

    /** Moves the keyboard focus to the roster, selecting its first line if none is. */
    void focusRoster() {
        rosterList.requestFocus();
        if (rosterList.getSelectionModel().isEmpty() && !rosterList.getItems().isEmpty()) {
            rosterList.getSelectionModel().select(0);
        }
    }

    @FXML
    private void onAddResponder() {
        actions.addResponder();
    }

    @FXML
    private void onAssignRole() {
        actions.assignRole(Optional.empty());
    }

    @FXML
    private void onOfferHandoff() {
        actions.offerHandoff(Optional.empty(), Optional.empty());
    }

    @FXML
    private void onJoin() {
        requireSelected().ifPresent(r -> model.join(r.id()));
    }

    @FXML
    private void onLeave() {
        requireSelected().ifPresent(r -> model.leave(r.id()));
    }

    @FXML
    private void onStartBreak() {
        requireSelected().ifPresent(r -> model.startBreak(r.id()));
    }

    @FXML
    private void onEndBreak() {
        requireSelected().ifPresent(r -> model.endBreak(r.id()));
    }

    @FXML
    private void onDesignateNextIc() {
        requireSelected().ifPresent(r -> model.designateNextIc(r.id()));
    }

    @FXML
    private void onAssignTask() {
        actions.assignTask();
    }

    @FXML
    private void onAcknowledgeTask() {
        selectedTask().ifPresent(t -> model.acknowledgeTask(t.taskId()));
    }

    @FXML
    private void onCompleteTask() {
        selectedTask().ifPresent(t -> model.completeTask(t.taskId()));
    }

    @FXML
    private void onCancelTask() {
        selectedTask().ifPresent(t -> model.cancelTask(t.taskId()));
    }
}
