package dev.conn.comms.ui;

import dev.conn.comms.AudienceCountdown;
import dev.conn.comms.ChecklistItem;
import dev.conn.comms.CommsDeadlines;
import dev.conn.comms.OutboxMessage;
import java.time.Duration;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Comms workspace tab: per-audience "next update due" countdowns, the checklist with live
 * countdowns, and done / skip / snooze / compose buttons. Logic lives in {@link CommsViewModel}.
 */
public final class CommsView extends VBox {
    /** How long "Snooze" puts an item off. */
    public static final Duration SNOOZE = Duration.ofMinutes(5);

    private final CommsViewModel model;
    private final FlowPane countdownBar = new FlowPane(12, 6);
    private final ListView<ChecklistItem> list = new ListView<>();
    private final Label error = new Label();
    private final ListView<OutboxMessage> unknown = new ListView<>();
    private final Runnable compose;

    /**
     * @param model the view model
     * @param compose opens the composer
     */
    public CommsView(CommsViewModel model, Runnable compose) {
        this.model = model;
        this.compose = compose;
        setId("commsView");
        getStyleClass().add("comms-view");
        getStylesheets().add(CommsView.class.getResource("comms.css").toExternalForm());
        setPadding(new Insets(8));
        countdownBar.setId("countdowns");
        list.setId("checklist");
        list.setMinHeight(72); // two rows stay visible when the notices below take room
        list.setCellFactory(v -> new ChecklistCell(model::now, model.nowProperty()));
        list.setItems(model.checklist());
        VBox.setVgrow(list, Priority.ALWAYS);
        Button done = new Button("Mark done");
        done.setId("doneButton");
        done.setOnAction(e -> onDone());
        Button skip = new Button("Skip…");
        skip.setId("skipButton");
        skip.setOnAction(e -> onSkip());
        Button snooze = new Button("Snooze 5 min");
        snooze.setId("snoozeButton");
        snooze.setOnAction(e -> onSnooze());
        Button composeButton = new Button("Compose message…");
        composeButton.setId("composeButton");
        composeButton.setOnAction(e -> compose.run());
        done.disableProperty()
                .bind(list.getSelectionModel().selectedItemProperty().isNull());
        skip.disableProperty().bind(done.disableProperty());
        snooze.disableProperty().bind(done.disableProperty());
        error.setId("commsError");
        error.getStyleClass().add("danger-text");
        Label heading = new Label("Next update due");
        heading.getStyleClass().add("title");
        Label checklistHeading = new Label("Communication checklist");
        checklistHeading.getStyleClass().add("title");
        Label unknownHeading = new Label("Delivery unknown: it may have arrived. Resend, or mark sent");
        unknownHeading.setTooltip(new javafx.scene.control.Tooltip(
                "The answer was lost, or Conn stopped while sending; the receiver cannot tell duplicates apart,"
                        + " so Conn does not send again on its own. Hover a message for the reason."));
        unknownHeading.setWrapText(true);
        unknownHeading.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        unknownHeading.getStyleClass().add("danger-text");
        unknown.setId("unknownDeliveries");
        unknown.setItems(model.unknownDeliveries());
        unknown.setPrefHeight(90);
        unknown.setMinHeight(60);
        unknown.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            {
                // a long channel id and subject wrap: which message it is stays readable
                setPrefWidth(0);
                setWrapText(true);
            }

            @Override
            protected void updateItem(OutboxMessage m, boolean empty) {
                super.updateItem(m, empty);
                setText(empty || m == null ? null : m.channel() + ": " + m.subject());
                setTooltip(
                        empty || m == null || m.lastError().isEmpty()
                                ? null
                                : new javafx.scene.control.Tooltip(m.lastError().get()));
            }
        });
        Button resend = new Button("Resend");
        resend.setId("resendButton");
        resend.setOnAction(e -> {
            OutboxMessage m = unknown.getSelectionModel().getSelectedItem();
            if (m != null) {
                model.resend(m, error::setText);
            }
        });
        Button markSent = new Button("Mark sent");
        markSent.setId("markSentButton");
        markSent.setOnAction(e -> {
            OutboxMessage m = unknown.getSelectionModel().getSelectedItem();
            if (m != null) {
                model.markSent(m, error::setText);
            }
        });
        resend.disableProperty()
                .bind(unknown.getSelectionModel().selectedItemProperty().isNull());
        markSent.disableProperty().bind(resend.disableProperty());
        VBox unknownBox = new VBox(4, unknownHeading, unknown, new HBox(8, resend, markSent));
        Label sender = new Label();
        sender.setId("outboxSender");
        sender.setWrapText(true);
        sender.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        sender.textProperty().bind(model.senderProperty());
        sender.setTooltip(new javafx.scene.control.Tooltip(
                "One Conn window sends this data directory's messages. This one takes over if that window"
                        + " closes or stops answering."));
        sender.visibleProperty().bind(model.senderProperty().isNotEmpty());
        sender.managedProperty().bind(sender.visibleProperty());
        unknownBox.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.unknownDeliveries()));
        unknownBox.managedProperty().bind(unknownBox.visibleProperty());
        // the page scrolls when the tab is short (1366x768 with unknown deliveries listed), so the
        // Resend and Mark sent buttons can always be reached; the checklist takes the room left
        VBox page = new VBox(
                8,
                heading,
                countdownBar,
                checklistHeading,
                list,
                actionRow(done, skip, snooze, composeButton),
                sender,
                unknownBox,
                error);
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().add(scroll);
        model.countdowns().subscribe(this::renderCountdowns);
        model.nowProperty().subscribe(now -> renderCountdowns()); // the cells redraw their own countdowns
        renderCountdowns();
    }

    /** Each second: the labels are kept and only what changed is set (new nodes cost a CSS pass). */
    private void renderCountdowns() {
        java.util.List<AudienceCountdown> all = model.countdowns();
        if (countdownBar.getChildren().size() != all.size()) {
            countdownBar.getChildren().clear();
            all.forEach(c -> countdownBar.getChildren().add(new Label()));
        }
        for (int i = 0; i < all.size(); i++) {
            AudienceCountdown c = all.get(i);
            Label l = (Label) countdownBar.getChildren().get(i);
            l.setId("countdown-" + c.audience().name());
            String what = CommsDeadlines.audienceLabel(c.audience());
            String when = c.dueAt()
                    .map(d -> CommsText.dueText(java.time.Duration.between(model.now(), d), d, c.basis()))
                    .orElse("no further update due");
            l.setText(ChecklistCell.icon(c.state()) + " " + what + ": " + when);
            java.util.List<String> classes =
                    java.util.List.of("label", "comms-countdown", ChecklistCell.styleClass(c.state()));
            if (!l.getStyleClass().equals(classes)) {
                l.getStyleClass().setAll(classes);
            }
        }
    }

    /** @return the checklist item selected, if any: the one a message composed now is for */
    public java.util.Optional<ChecklistItem> selectedItem() {
        return java.util.Optional.ofNullable(selected());
    }

    private ChecklistItem selected() {
        return list.getSelectionModel().getSelectedItem();
    }

    private void onDone() {
        ChecklistItem item = selected();
        if (item != null) {
            model.done(item, error::setText);
        }
    }

    private void onSkip() {
        ChecklistItem item = selected();
        if (item == null) {
            return;
        }
        TextInputDialog ask = new TextInputDialog();
        ask.setTitle("Skip checklist item");
        ask.setHeaderText("Why is \"" + item.title() + "\" skipped?");
        ask.getDialogPane().setId("skip-dialog");
        ask.getEditor().setId("skip-reason");
        ask.initOwner(getScene() == null ? null : getScene().getWindow());
        ask.showAndWait().ifPresent(reason -> model.skip(item, reason, error::setText));
    }

    private void onSnooze() {
        ChecklistItem item = selected();
        if (item != null) {
            model.snooze(item, SNOOZE, error::setText);
        }
    }

    /** Buttons that keep their full text and wrap to a second line in a narrow panel. */
    private static javafx.scene.layout.FlowPane actionRow(Button... buttons) {
        for (Button b : buttons) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        return new javafx.scene.layout.FlowPane(8, 6, buttons);
    }
}
