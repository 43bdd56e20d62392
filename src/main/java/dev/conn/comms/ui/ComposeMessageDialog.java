package dev.conn.comms.ui;

import dev.conn.comms.ChecklistItem;
import dev.conn.comms.CommsCommand;
import dev.conn.comms.ComponentStates;
import dev.conn.comms.MessageDraft;
import dev.conn.comms.MessageTemplates;
import dev.conn.incident.Audience;
import dev.conn.incident.CommsEvent.MessageExtras;
import dev.conn.incident.IncidentState;
import dev.conn.settings.ChannelSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javafx.collections.FXCollections;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/**
 * The message composer: a template filled from the incident state, free editing, the audience,
 * the channels, the "next update in" promise, Statuspage components, and a preview. "Queue
 * message" hands it to the outbox; a bad field is named under the form and the dialog stays open.
 */
public final class ComposeMessageDialog extends Dialog<Void> {
    private final CommsViewModel model;
    private final IncidentState incident;
    private final ComboBox<MessageTemplates.Template> template = new ComboBox<>();
    private final Label forItem = new Label();
    private Optional<String> checklistItem = Optional.empty();
    private final ComboBox<Audience> audience = new ComboBox<>(FXCollections.observableArrayList(Audience.values()));
    private final TextField subject = new TextField();
    private final TextArea body = new TextArea();
    private final TextField promise = new TextField();
    private final TextField components = new TextField();
    private final List<CheckBox> channelBoxes = new ArrayList<>();
    private final TextArea preview = new TextArea();
    private final Label error = new Label();
    private final Label placeholders = new Label();
    private final UUID messageId = UUID.randomUUID();
    /** What the template last filled the subject and body with, and the time it promised. */
    private String filledSubject = "";

    private String filledBody = "";
    private String filledTime = MessageDraft.NO_TIME;
    /** The template whose text the fields hold; a choice the user takes back is not applied. */
    private MessageTemplates.Template applied;

    private boolean revertingChoice;

    /**
     * @param owner the main window
     * @param model the view model
     * @param incident the open incident
     */
    public ComposeMessageDialog(Window owner, CommsViewModel model, IncidentState incident) {
        this.model = model;
        this.incident = incident;
        initOwner(owner);
        setTitle("Compose message");
        getDialogPane().setId("compose-dialog");
        template.setId("template");
        template.setItems(model.templates());
        template.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(MessageTemplates.Template t) {
                return t == null ? "" : t.name();
            }

            @Override
            public MessageTemplates.Template fromString(String s) {
                return null;
            }
        });
        audience.setId("audience");
        subject.setId("subject");
        body.setId("body");
        body.setWrapText(true);
        body.setPrefRowCount(7);
        promise.setId("promiseMinutes");
        promise.setPromptText("minutes, e.g. 20");
        components.setId("components");
        components.setPromptText("e.g. Checkout=major_outage");
        components.setTooltip(new javafx.scene.control.Tooltip(
                "Component=state pairs, comma-separated, e.g. Checkout=major_outage, API=degraded_performance"));
        preview.setId("preview");
        preview.setWrapText(true);
        preview.setEditable(false); // scrolls instead of ending in "…"
        preview.setFocusTraversable(false);
        preview.setPrefRowCount(4);
        error.setId("compose-error");
        error.getStyleClass().add("danger-text");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.setMaxWidth(Double.MAX_VALUE);
        placeholders.setId("compose-placeholders");
        placeholders.getStyleClass().add("danger-text");
        placeholders.setWrapText(true);
        placeholders.setMinHeight(Region.USE_PREF_SIZE);
        placeholders.setMaxWidth(Double.MAX_VALUE);
        FlowPane channelPane = new FlowPane(8, 4);
        for (ChannelSettings c : model.channels()) {
            CheckBox box = new CheckBox(c.id() + " (" + c.type().name().toLowerCase(Locale.ROOT) + ")");
            box.setId("channel-" + c.id());
            box.setUserData(c);
            channelBoxes.add(box);
            channelPane.getChildren().add(box);
        }
        if (channelBoxes.isEmpty()) {
            Label none = new Label("No channels yet: add one in Comms > Message channels");
            none.setWrapText(true);
            none.setMinHeight(Region.USE_PREF_SIZE);
            none.getStyleClass().add("compose-no-channels"); // wraps at a width in em (base.css)
            channelPane.getChildren().add(none);
        }
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.setPadding(new Insets(8));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE); // the field names are never cut to "…"
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        fields.setMinWidth(420);
        fields.setPrefWidth(580);
        form.getColumnConstraints().setAll(labels, fields);
        int r = 0;
        forItem.setId("compose-item");
        forItem.setWrapText(true);
        Label forLabel = new Label("Checklist item");
        javafx.scene.layout.HBox forRow = new javafx.scene.layout.HBox(forItem);
        forRow.setVisible(false);
        forRow.setManaged(false);
        forLabel.visibleProperty().bind(forRow.visibleProperty());
        forLabel.managedProperty().bind(forRow.managedProperty());
        form.addRow(r++, forLabel, forRow);
        form.addRow(r++, new Label("Template"), template);
        form.addRow(r++, new Label("Audience"), audience);
        form.addRow(r++, new Label("Channels"), channelPane);
        form.addRow(r++, new Label("Subject"), subject);
        form.addRow(r++, new Label("Message"), body);
        form.add(placeholders, 1, r++);
        form.addRow(r++, new Label("Promise next update in (minutes)"), promise);
        form.addRow(r++, new Label("Status page components"), components);
        form.addRow(r++, new Label("Preview"), preview);
        form.add(error, 1, r);
        getDialogPane().setContent(form);
        ButtonType send = new ButtonType("Queue message", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(send, ButtonType.CANCEL);
        Button sendButton = (Button) getDialogPane().lookupButton(send);
        sendButton.setId("sendButton");
        // Enter never sends (it is a new line in the message, or a slip under stress): the button
        // or Ctrl+Enter does
        sendButton.setDefaultButton(false);
        sendButton.setTooltip(new javafx.scene.control.Tooltip("Queue message (Ctrl+Enter)"));
        sendButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // the dialog closes only once the outbox has it
            onSend();
        });
        getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                e.consume();
                onSend();
            } else if (e.getCode() == KeyCode.ENTER
                    && !(e.getTarget() instanceof TextArea)
                    && !(e.getTarget() instanceof javafx.scene.control.ButtonBase)) {
                e.consume(); // no button fires on Enter in a field
            }
        });
        template.valueProperty().subscribe((before, t) -> onTemplateChosen(before, t));
        audience.valueProperty().subscribe(a -> selectChannelsFor(a));
        promise.textProperty().subscribe(t -> refillPromise());
        subject.textProperty().subscribe(t -> renderPreview());
        body.textProperty().subscribe(t -> renderPreview());
        audience.setValue(Audience.RESPONDERS);
        if (!model.templates().isEmpty()) {
            template.setValue(model.templates().get(0));
        }
        javafx.application.Platform.runLater(body::requestFocus);
    }

    /**
     * Opens with a text written elsewhere (a hand-off brief to send to responders), instead of a
     * template; it stays editable.
     *
     * @param to the audience, which picks its channels
     * @param subjectText the subject
     * @param bodyText the message
     */
    public void prefill(Audience to, String subjectText, String bodyText) {
        template.setValue(null); // no template: the text is given
        applied = null;
        audience.setValue(to);
        filledSubject = subjectText;
        filledBody = bodyText;
        subject.setText(subjectText);
        body.setText(bodyText);
    }

    /**
     * Opens for a checklist item (the one selected in the Comms tab, issue 14 item 12): its
     * audience and the template of that audience, the one named like the item if there is one; the
     * message ticks that item when queued.
     *
     * @param item the checklist item
     */
    public void forItem(ChecklistItem item) {
        checklistItem = Optional.of(item.id());
        forItem.setText(item.title());
        forItem.getParent().setVisible(true);
        forItem.getParent().setManaged(true);
        item.audience().ifPresent(a -> {
            java.util.List<MessageTemplates.Template> of =
                    model.templates().stream().filter(t -> t.audience() == a).toList();
            of.stream()
                    .filter(t -> t.name().equals(item.id()))
                    .findFirst()
                    .or(() -> of.stream().findFirst())
                    .ifPresent(template::setValue);
        });
    }

    private Optional<Instant> promised() {
        String t = promise.getText() == null ? "" : promise.getText().strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        try {
            long minutes = Long.parseLong(t);
            return minutes > 0 ? Optional.of(model.now().plus(Duration.ofMinutes(minutes))) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private boolean edited() {
        return !subject.getText().equals(filledSubject) || !body.getText().equals(filledBody);
    }

    /** A template chosen: its text replaces the fields, after asking if the user edited them. */
    private void onTemplateChosen(MessageTemplates.Template before, MessageTemplates.Template t) {
        if (revertingChoice || t == null || t == applied) {
            return;
        }
        if (applied != null && edited() && !confirmReplace(t)) {
            revertingChoice = true;
            template.setValue(before);
            revertingChoice = false;
            return;
        }
        applied = t;
        MessageTemplates.Template filled = t.fill(incident, promised());
        audience.setValue(t.audience());
        filledSubject = publicSubject(t, filled.subject());
        filledBody = filled.body();
        filledTime = MessageTemplates.timeText(promised());
        subject.setText(filledSubject);
        body.setText(filledBody);
    }

    /**
     * The status page's subject is its public headline: the one last posted is offered again, so
     * an update keeps the headline customers already follow (issue 14 item 10).
     */
    private String publicSubject(MessageTemplates.Template t, String filledSubject) {
        if (t.audience() != Audience.STATUS_PAGE) {
            return filledSubject;
        }
        return model.lastSubject(Audience.STATUS_PAGE).orElse(filledSubject);
    }

    private boolean confirmReplace(MessageTemplates.Template t) {
        javafx.scene.control.ButtonType replace =
                new javafx.scene.control.ButtonType("Replace message", ButtonBar.ButtonData.OK_DONE);
        javafx.scene.control.ButtonType keep =
                new javafx.scene.control.ButtonType("Keep my text", ButtonBar.ButtonData.CANCEL_CLOSE);
        javafx.scene.control.Alert ask = new javafx.scene.control.Alert(
                javafx.scene.control.Alert.AlertType.CONFIRMATION,
                "You edited the message. Replace it with the template " + t.name() + "?",
                replace,
                keep);
        ask.initOwner(getDialogPane().getScene().getWindow());
        ask.getDialogPane().setId("compose-replace-confirm");
        return ask.showAndWait().orElse(keep) == replace;
    }

    /** The promise changed: the template is filled again, never over text the user edited. */
    private void refillPromise() {
        if (applied == null) {
            return;
        }
        MessageTemplates.Template filled = applied.fill(incident, promised());
        String time = MessageTemplates.timeText(promised());
        String newSubject = MessageDraft.refill(
                subject.getText(), filledSubject, publicSubject(applied, filled.subject()), filledTime, time);
        String newBody = MessageDraft.refill(body.getText(), filledBody, filled.body(), filledTime, time);
        filledSubject = publicSubject(applied, filled.subject());
        filledBody = filled.body();
        filledTime = time;
        subject.setText(newSubject);
        body.setText(newBody);
    }

    private void selectChannelsFor(Audience a) {
        for (CheckBox box : channelBoxes) {
            box.setSelected(((ChannelSettings) box.getUserData()).audience() == a);
        }
    }

    private void renderPreview() {
        preview.setText(subject.getText() + "\n\n" + body.getText());
        List<String> left = MessageDraft.placeholdersLeft(subject.getText(), body.getText(), prompts());
        placeholders.setText(left.isEmpty() ? "" : "Still to fill in or delete: " + String.join(", ", left));
        placeholders.setManaged(!left.isEmpty());
    }

    private List<String> prompts() {
        return applied == null ? List.of() : applied.prompts();
    }

    private void onSend() {
        error.setText("");
        List<String> chosen = channelBoxes.stream()
                .filter(CheckBox::isSelected)
                .map(b -> ((ChannelSettings) b.getUserData()).id())
                .toList();
        String p = promise.getText() == null ? "" : promise.getText().strip();
        if (!p.isEmpty() && promised().isEmpty()) {
            error.setText("Promise next update in: type whole minutes, e.g. 20");
            return;
        }
        Map<String, String> componentStates;
        try {
            componentStates = ComponentStates.parse(components.getText());
        } catch (IllegalArgumentException bad) {
            error.setText(bad.getMessage());
            return;
        }
        MessageTemplates.Template t = template.getValue();
        MessageExtras extras = new MessageExtras(
                t == null ? Optional.empty() : t.status(), t == null ? Optional.empty() : t.impact(), componentStates);
        CommsCommand.QueueMessage draft = new CommsCommand.QueueMessage(
                messageId,
                audience.getValue(),
                chosen,
                subject.getText(),
                body.getText(),
                extras,
                promised(),
                checklistItem,
                prompts());
        model.send(
                draft,
                () -> {
                    setResult(null);
                    close();
                },
                error::setText);
    }
}
