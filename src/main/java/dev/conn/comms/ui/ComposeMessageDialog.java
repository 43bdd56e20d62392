package dev.conn.comms.ui;

import dev.conn.comms.CommsCommand;
import dev.conn.comms.ComponentStates;
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
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
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
    private final ComboBox<Audience> audience = new ComboBox<>(FXCollections.observableArrayList(Audience.values()));
    private final TextField subject = new TextField();
    private final TextArea body = new TextArea();
    private final TextField promise = new TextField();
    private final TextField components = new TextField();
    private final List<CheckBox> channelBoxes = new ArrayList<>();
    private final Label preview = new Label();
    private final Label error = new Label();
    private final UUID messageId = UUID.randomUUID();

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
        body.setPrefRowCount(8);
        promise.setId("promiseMinutes");
        promise.setPromptText("minutes, e.g. 20");
        components.setId("components");
        components.setPromptText("Checkout=major_outage, API=degraded_performance");
        preview.setId("preview");
        preview.setWrapText(true);
        error.setId("compose-error");
        error.getStyleClass().add("danger-text");
        FlowPane channelPane = new FlowPane(8, 4);
        for (ChannelSettings c : model.channels()) {
            CheckBox box = new CheckBox(c.id() + " (" + c.type().name().toLowerCase(Locale.ROOT) + ")");
            box.setId("channel-" + c.id());
            box.setUserData(c);
            channelBoxes.add(box);
            channelPane.getChildren().add(box);
        }
        if (channelBoxes.isEmpty()) {
            channelPane.getChildren().add(new Label("No channels configured: add one in the channel settings"));
        }
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.setPadding(new Insets(8));
        int r = 0;
        form.addRow(r++, new Label("Template"), template);
        form.addRow(r++, new Label("Audience"), audience);
        form.addRow(r++, new Label("Channels"), channelPane);
        form.addRow(r++, new Label("Subject"), subject);
        form.addRow(r++, new Label("Message"), body);
        form.addRow(r++, new Label("Promise next update in (min)"), promise);
        form.addRow(r++, new Label("Status page components"), components);
        form.addRow(r++, new Label("Preview"), preview);
        form.add(error, 1, r);
        getDialogPane().setContent(form);
        ButtonType send = new ButtonType("Queue message", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(send, ButtonType.CANCEL);
        Button sendButton = (Button) getDialogPane().lookupButton(send);
        sendButton.setId("sendButton");
        sendButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // the dialog closes only once the outbox has it
            onSend();
        });
        template.valueProperty().subscribe(t -> applyTemplate());
        audience.valueProperty().subscribe(a -> selectChannelsFor(a));
        promise.textProperty().subscribe(t -> applyTemplate());
        subject.textProperty().subscribe(t -> renderPreview());
        body.textProperty().subscribe(t -> renderPreview());
        audience.setValue(Audience.RESPONDERS);
        if (!model.templates().isEmpty()) {
            template.setValue(model.templates().get(0));
        }
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
        audience.setValue(to);
        subject.setText(subjectText);
        body.setText(bodyText);
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

    private void applyTemplate() {
        MessageTemplates.Template t = template.getValue();
        if (t == null) {
            return;
        }
        MessageTemplates.Template filled = t.fill(incident, promised());
        audience.setValue(t.audience());
        subject.setText(filled.subject());
        body.setText(filled.body());
    }

    private void selectChannelsFor(Audience a) {
        for (CheckBox box : channelBoxes) {
            box.setSelected(((ChannelSettings) box.getUserData()).audience() == a);
        }
    }

    private void renderPreview() {
        preview.setText(subject.getText() + "\n\n" + body.getText());
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
                Optional.empty());
        model.send(
                draft,
                () -> {
                    setResult(null);
                    close();
                },
                error::setText);
    }
}
