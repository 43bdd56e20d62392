package dev.conn.command;

import dev.conn.fatigue.FatigueCrossing;
import dev.conn.incident.Role;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.controlsfx.control.Notifications;

/**
 * The People panel: roster with presence, roles, duty and fatigue; the actions on the selected
 * responder; fatigue alerts; check-back tasks. Also runs the dialogs of every people action, for
 * the menu and the banners. Holds no logic worth testing: it forwards to {@link PeopleViewModel}.
 */
public final class PeopleView {
    private final PeopleViewModel model;

    @FXML
    private VBox root;

    @FXML
    private ListView<PeopleViewModel.ResponderRow> rosterList;

    @FXML
    private ListView<PeopleViewModel.TaskRow> taskList;

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

    /** @param model the people of the open incident */
    public PeopleView(PeopleViewModel model) {
        this.model = model;
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
        model.responders().addListener((ListChangeListener<PeopleViewModel.ResponderRow>) c -> Platform.runLater(() ->
                reselect(rosterList, selectedResponderId, r -> r.responder().id())));
        model.tasks().addListener((ListChangeListener<PeopleViewModel.TaskRow>) c -> Platform.runLater(
                () -> reselect(taskList, selectedTaskId, t -> t.task().taskId())));
        model.fatigueAlerts().addListener((ListChangeListener<PeopleViewModel.FatigueAlertRow>) c -> {
            renderAlerts();
            while (c.next()) {
                c.getAddedSubList().forEach(this::notifyAlert);
            }
        });
        renderAlerts();
        // alerts raised before this panel was built (it loads when first needed) still pop up
        model.fatigueAlerts().forEach(this::notifyAlert);
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
        Optional<Responder> r = selectedResponder();
        Presence p = r.map(Responder::presence).orElse(null);
        joinButton.setDisable(p != Presence.LEFT);
        leaveButton.setDisable(p == null || p == Presence.LEFT);
        startBreakButton.setDisable(p != Presence.ON_DUTY);
        endBreakButton.setDisable(p != Presence.ON_BREAK);
        designateNextIcButton.setDisable(p == null || p == Presence.LEFT);
    }

    private void renderTaskActions() {
        Optional<CheckBackTask> t = Optional.ofNullable(
                        taskList.getSelectionModel().getSelectedItem())
                .map(PeopleViewModel.TaskRow::task);
        acknowledgeTaskButton.setDisable(
                t.map(x -> x.state() != TaskState.ASSIGNED).orElse(true));
        completeTaskButton.setDisable(t.map(x -> !x.isOpen()).orElse(true));
        cancelTaskButton.setDisable(t.map(x -> !x.isOpen()).orElse(true));
    }

    private void renderAlerts() {
        fatigueAlertBox.getChildren().clear();
        for (PeopleViewModel.FatigueAlertRow a : model.fatigueAlerts()) {
            FatigueCrossing c = a.crossing();
            Label text = new Label(
                    "⚠ " + c.person() + ": " + c.level().label() + " (since " + UtcTime.hhmm(c.reachedAt()) + ")");
            text.setTooltip(new javafx.scene.control.Tooltip(a.text()));
            text.setWrapText(true);
            text.getStyleClass().add("fatigue-alert-text");
            text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            FlowPane actions = new FlowPane(4, 4);
            a.heldRole().ifPresent(role -> {
                Button handoff = new Button("Start hand-off");
                handoff.setOnAction(e -> offerHandoff(
                        Optional.of(role), model.roster().nextCommander().flatMap(n -> model.roster()
                                .responder(n.responderId()))));
                actions.getChildren().add(handoff);
            });
            Button rest = new Button("Start break");
            rest.setOnAction(e -> model.startBreak(a.crossing().responderId()));
            Button dismiss = new Button("Dismiss");
            dismiss.setOnAction(e -> model.dismissAlert(a));
            actions.getChildren().addAll(rest, dismiss);
            VBox box = new VBox(4, text, actions);
            box.getStyleClass().add("fatigue-alert");
            fatigueAlertBox.getChildren().add(box);
        }
    }

    private void notifyAlert(PeopleViewModel.FatigueAlertRow a) {
        Window w = window();
        if (w == null || !w.isShowing()) {
            return;
        }
        Notifications.create()
                .owner(w)
                .title("Fatigue: " + a.crossing().person())
                .text(a.text())
                .hideAfter(javafx.util.Duration.seconds(15))
                .darkStyle()
                .showWarning();
    }

    private Window window() {
        return root == null || root.getScene() == null ? null : root.getScene().getWindow();
    }

    private Optional<Responder> selectedResponder() {
        return Optional.ofNullable(rosterList.getSelectionModel().getSelectedItem())
                .map(PeopleViewModel.ResponderRow::responder);
    }

    private Optional<Responder> requireSelected() {
        Optional<Responder> r = selectedResponder();
        if (r.isEmpty()) {
            model.reportError("Select a responder in the People panel first (Ctrl+Shift+P)");
        }
        return r;
    }

    private List<Responder> onDuty() {
        return model.roster().responders().stream().filter(Responder::isOnDuty).toList();
    }

    // ---- actions, for the buttons, the menu and the banners -------------------------------------

    /**
     * @return true while a fatigue alert or an overdue check-back is waiting: the window then shows
     *     this panel even if the user closed it, so nothing important hides behind it
     */
    public javafx.beans.binding.BooleanBinding needsAttention() {
        return model.needsAttention();
    }

    private Runnable ensureLoaded = () -> {};

    /**
     * The window builds this panel only when it is first shown (start-up stays fast); actions
     * called before that (from the banner or a menu) load it first through this hook.
     *
     * @param ensureLoaded loads and shows the panel if it is not yet
     */
    public void setLoader(Runnable ensureLoaded) {
        this.ensureLoaded = ensureLoaded;
    }

    /** Moves the keyboard focus to the roster. */
    public void focusRoster() {
        ensureLoaded.run();
        rosterList.requestFocus();
        if (rosterList.getSelectionModel().isEmpty() && !rosterList.getItems().isEmpty()) {
            rosterList.getSelectionModel().select(0);
        }
    }

    /** Asks for a new responder and adds them; after a refusal it asks again. */
    public void addResponder() {
        ensureLoaded.run();
        new AddResponderDialog(window())
                .showAndWait()
                .ifPresent(a -> model.addResponder(a.name(), a.handle(), a.timeZone(), model::reportError));
    }

    /**
     * Asks for a role and a responder, and gives the role directly.
     *
     * @param role the role preselected, if any
     */
    public void assignRole(Optional<Role> role) {
        ensureLoaded.run();
        new RoleChoiceDialog(
                        window(),
                        "Assign role",
                        "Give a role directly: delegate a role the IC holds, add a subject matter expert,"
                                + " or take command while nobody is in command.",
                        "Assign role",
                        List.of(Role.values()),
                        onDuty(),
                        role,
                        selectedResponder())
                .showAndWait()
                .ifPresent(a -> model.assignRole(a.role(), a.responder().id()));
    }

    private java.util.function.BiConsumer<String, String> briefSender;

    /**
     * Lets the hand-off brief be sent through a message channel (the comms composer, given a
     * subject and the brief), besides being read aloud or copied. Set by the composition root, so
     * {@code command} does not depend on {@code comms}.
     *
     * @param sender opens the composer with a subject and a body (FX thread)
     */
    public void setBriefSender(java.util.function.BiConsumer<String, String> sender) {
        this.briefSender = sender;
    }

    /**
     * Asks for a role and a receiver, records the offer, then shows the brief and the read-back
     * code to read out.
     *
     * @param role the role preselected, if any (default: command)
     * @param to the receiver preselected, if any
     */
    public void offerHandoff(Optional<Role> role, Optional<Responder> to) {
        ensureLoaded.run();
        List<Role> roles = java.util.Arrays.stream(Role.values())
                .filter(r -> !r.allowsSeveralHolders())
                .toList();
        new RoleChoiceDialog(
                        window(),
                        "Offer hand-off",
                        "The holder keeps the role until the receiver acknowledges by reading back the code"
                                + " on the brief. A brief and a fresh code are made when you offer.",
                        "Offer hand-off",
                        roles,
                        onDuty(),
                        role.or(() -> Optional.of(Role.INCIDENT_COMMANDER)),
                        to.or(() -> model.roster().nextCommander().flatMap(n -> model.roster()
                                .responder(n.responderId()))))
                .showAndWait()
                .ifPresent(a -> model.previewHandoff(a.role(), a.responder().id(), preview -> {
                    // the holder reads the brief before offering; the offer keeps this code, so a
                    // brief read aloud from here is the one the receiver reads back
                    CopyTextDialog brief = new CopyTextDialog(
                            window(),
                            "Hand-off brief for " + a.responder().name(),
                            "Read this brief to " + a.responder().name() + ", then offer. "
                                    + a.responder().name()
                                    + " acknowledges by reading back "
                                    + preview.code().value()
                                    + "; you keep the role until then.",
                            preview.brief().text(),
                            "Copy brief",
                            Optional.of("Offer hand-off"));
                    brief.getDialogPane().setId("brief-dialog");
                    if (briefSender != null) {
                        String subject = "Hand-off brief: " + a.role().label() + " to "
                                + a.responder().name();
                        brief.withAction(
                                "Send via channel…",
                                "send-brief",
                                () -> briefSender.accept(
                                        subject, preview.brief().text()));
                    }
                    brief.showAndWait()
                            .filter(CopyTextDialog.CONFIRM::equals)
                            .ifPresent(ok -> model.offerHandoff(
                                    a.role(), a.responder().id(), Optional.of(preview.code()), offer -> {}));
                }));
    }

    /** Opens the acknowledgement dialog for the first pending hand-off. */
    public void acknowledgeHandoff() {
        ensureLoaded.run();
        Handoff h = model.pendingHandoffProperty().get();
        if (h == null) {
            model.reportError("No hand-off is waiting for acknowledgement; offer one first (Ctrl+Shift+H)");
            return;
        }
        acknowledge(h, "");
    }

    private void acknowledge(Handoff h, String problem) {
        new AcknowledgeHandoffDialog(window(), h, problem)
                .showAndWait()
                .ifPresent(a -> model.acknowledge(
                        h.offerId(),
                        a.method(),
                        a.code(),
                        ack -> {
                            CopyTextDialog d = new CopyTextDialog(
                                    window(),
                                    "Hand-off acknowledged",
                                    "Announce the change in the incident channel"
                                            + (a.method().isWeak()
                                                    ? " (acknowledged by voice without the code: weaker)."
                                                    : "."),
                                    ack.announcement(),
                                    "Copy announcement");
                            d.getDialogPane().setId("announcement-dialog");
                            d.show();
                        },
                        error -> Platform.runLater(() -> acknowledge(h, error))));
    }

    /** The receiver declines the first pending hand-off. */
    public void declineHandoff() {
        ensureLoaded.run();
        Handoff h = model.pendingHandoffProperty().get();
        if (h == null) {
            model.reportError("No hand-off is waiting for an answer");
            return;
        }
        model.decline(h.offerId());
    }

    /** The holder withdraws the first pending hand-off. */
    public void withdrawHandoff() {
        ensureLoaded.run();
        Handoff h = model.pendingHandoffProperty().get();
        if (h == null) {
            model.reportError("No hand-off is waiting for an answer");
            return;
        }
        model.withdraw(h.offerId());
    }

    /** Starts or ends the break of the selected responder. */
    public void toggleBreak() {
        ensureLoaded.run();
        requireSelected().ifPresent(r -> {
            if (r.presence() == Presence.ON_BREAK) {
                model.endBreak(r.id());
            } else {
                model.startBreak(r.id());
            }
        });
    }

    /** Asks for a task for a responder (the selected one preselected) and assigns it. */
    public void assignTask() {
        ensureLoaded.run();
        new AssignTaskDialog(window(), onDuty(), selectedResponder())
                .showAndWait()
                .ifPresent(a -> model.assignTask(a.responder().id(), a.text(), a.checkBackIn(), model::reportError));
    }

    @FXML
    private void onAddResponder() {
        addResponder();
    }

    @FXML
    private void onAssignRole() {
        assignRole(Optional.empty());
    }

    @FXML
    private void onOfferHandoff() {
        offerHandoff(Optional.empty(), Optional.empty());
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
        assignTask();
    }

    private Optional<CheckBackTask> selectedTask() {
        return Optional.ofNullable(taskList.getSelectionModel().getSelectedItem())
                .map(PeopleViewModel.TaskRow::task);
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
