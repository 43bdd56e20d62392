package dev.conn.comms.ui;

import dev.conn.incident.Audience;
import dev.conn.settings.ChannelSettings;
import dev.conn.settings.SecretRef;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * The channels editor, self-contained so the central settings dialog can embed it: a list of
 * channels and a form. Secrets are typed only as references ({@code env:NAME} or {@code
 * keyring:NAME}); a pasted token or URL is refused with a message saying what to write. "Send
 * test" reports the outcome under the form. "Save channels" writes {@code settings.json}.
 */
public final class ChannelsDialog extends Dialog<Void> {
    private final ChannelsViewModel model;
    private final ListView<ChannelSettings> list = new ListView<>();
    private final TextField id = new TextField();
    private final ComboBox<ChannelSettings.Type> type =
            new ComboBox<>(FXCollections.observableArrayList(ChannelSettings.Type.values()));
    private final ComboBox<Audience> audience = new ComboBox<>(FXCollections.observableArrayList(Audience.values()));
    private final TextField url = new TextField();
    private final TextField pageId = new TextField();
    private final TextField apiKey = new TextField();
    private final TextField apiBase = new TextField();
    private final TextField components = new TextField();
    private final TextField smtpHost = new TextField();
    private final TextField smtpPort = new TextField();
    private final ComboBox<ChannelSettings.Security> security =
            new ComboBox<>(FXCollections.observableArrayList(ChannelSettings.Security.values()));
    private final TextField username = new TextField();
    private final TextField password = new TextField();
    private final TextField from = new TextField();
    private final TextField recipients = new TextField();
    private final Label result = new Label();

    /**
     * @param owner the main window
     * @param model the view model
     */
    public ChannelsDialog(Window owner, ChannelsViewModel model) {
        this.model = model;
        initOwner(owner);
        setTitle("Message channels");
        getDialogPane().setId("channels-dialog");
        list.setId("channelList");
        list.setItems(model.channels());
        list.getStyleClass().add("channel-list"); // about five rows, in em (base.css)
        // a long channel id wraps; its type and audience stay in view, no sideways scrolling
        list.setCellFactory(v ->
                new dev.conn.platform.fx.WrappingTextCell<>(c -> c.id() + " · " + c.type() + " · " + c.audience()));
        list.getSelectionModel().selectedItemProperty().subscribe((ChannelSettings c) -> show(c));
        id.setId("channel-id");
        type.setId("channel-type");
        audience.setId("channel-audience");
        url.setId("channel-url");
        url.setPromptText("env:CONN_SLACK_URL");
        apiKey.setPromptText("env:CONN_STATUSPAGE_KEY");
        password.setPromptText("keyring:conn-smtp");
        components.setPromptText("Checkout=8kbf7d35c070, API=...");
        recipients.setPromptText("cto@example.com, vp@example.com");
        // wide enough for the longest example, in characters: the fields grow with the text size
        for (TextField f : new TextField[] {
            id, url, pageId, apiKey, apiBase, components, smtpHost, username, password, from, recipients
        }) {
            f.setPrefColumnCount(26);
        }
        result.setId("channel-result");
        result.setWrapText(true);
        type.setValue(ChannelSettings.Type.SLACK);
        audience.setValue(Audience.RESPONDERS);
        security.setValue(ChannelSettings.Security.STARTTLS);
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(4);
        form.setPadding(new Insets(8));
        int r = 0;
        form.addRow(r++, new Label("Channels"), list);
        form.addRow(r++, new Label("Id"), id);
        form.addRow(r++, new Label("Type"), type);
        form.addRow(r++, new Label("Audience"), audience);
        form.addRow(r++, new Label("Webhook URL (reference)"), url);
        form.addRow(r++, new Label("Statuspage page id"), pageId);
        form.addRow(r++, new Label("Statuspage API key (reference)"), apiKey);
        form.addRow(r++, new Label("Statuspage API base (blank: public)"), apiBase);
        form.addRow(r++, new Label("Statuspage components"), components);
        form.addRow(r++, new Label("SMTP host"), smtpHost);
        form.addRow(r++, new Label("SMTP port"), smtpPort);
        form.addRow(r++, new Label("SMTP security"), security);
        form.addRow(r++, new Label("SMTP user"), username);
        form.addRow(r++, new Label("SMTP password (reference)"), password);
        form.addRow(r++, new Label("From"), from);
        form.addRow(r++, new Label("Recipients"), recipients);
        Button put = new Button("Add / update channel");
        put.setId("channel-put");
        put.setOnAction(e -> onPut());
        Button remove = new Button("Remove");
        remove.setId("channel-remove");
        remove.setOnAction(e -> {
            ChannelSettings c = list.getSelectionModel().getSelectedItem();
            if (c != null) {
                model.channels().remove(c);
            }
        });
        Button test = new Button("Send test");
        test.setId("channel-test");
        test.setOnAction(e -> onTest());
        form.addRow(r++, new Label(), dev.conn.platform.fx.DialogBody.buttonRow(put, remove, test));
        form.add(result, 1, r);
        getDialogPane().setContent(form);
        ButtonType save = new ButtonType("Save channels", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        Button saveButton = (Button) getDialogPane().lookupButton(save);
        saveButton.setId("channels-save");
        saveButton.addEventFilter(ActionEvent.ACTION, e -> model.save(msg -> result.setText("Not saved: " + msg)));
        setResultConverter(b -> null);
    }

    private void show(ChannelSettings c) {
        if (c == null) {
            return;
        }
        id.setText(c.id());
        type.setValue(c.type());
        audience.setValue(c.audience());
        url.setText(text(c.url()));
        pageId.setText(nz(c.pageId()));
        apiKey.setText(text(c.apiKey()));
        apiBase.setText(nz(c.apiBase()));
        components.setText(String.join(
                ", ",
                c.componentIds().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .toList()));
        smtpHost.setText(nz(c.smtpHost()));
        smtpPort.setText(c.smtpPort() == null ? "" : c.smtpPort().toString());
        security.setValue(c.security());
        username.setText(nz(c.username()));
        password.setText(text(c.password()));
        from.setText(nz(c.from()));
        recipients.setText(String.join(", ", c.recipients()));
    }

    private ChannelSettings read() {
        Map<String, String> ids = new LinkedHashMap<>();
        for (String pair : components.getText().split(",")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2 && !kv[0].isBlank()) {
                ids.put(kv[0].strip(), kv[1].strip());
            }
        }
        Integer port = null;
        if (!smtpPort.getText().isBlank()) {
            try {
                port = Integer.valueOf(smtpPort.getText().strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("SMTP port: type a number, e.g. 587");
            }
        }
        List<String> to = Arrays.stream(recipients.getText().split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        return new ChannelSettings(
                id.getText().strip(),
                type.getValue(),
                audience.getValue(),
                ref(url.getText(), "Webhook URL"),
                blankToNull(pageId.getText()),
                ref(apiKey.getText(), "Statuspage API key"),
                blankToNull(apiBase.getText()),
                ids,
                blankToNull(smtpHost.getText()),
                port,
                security.getValue(),
                blankToNull(username.getText()),
                ref(password.getText(), "SMTP password"),
                blankToNull(from.getText()),
                to);
    }

    private void onPut() {
        try {
            model.put(read());
            result.setText("Channel kept; Save channels to write settings.json");
        } catch (IllegalArgumentException e) {
            result.setText(e.getMessage());
        }
    }

    private void onTest() {
        try {
            ChannelSettings c = read();
            result.setText("Sending a test through " + c.id() + "…");
            model.sendTest(c, result::setText);
        } catch (IllegalArgumentException e) {
            result.setText(e.getMessage());
        }
    }

    private static SecretRef ref(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return SecretRef.parse(text.strip());
        } catch (IllegalArgumentException e) {
            // never echo what was typed: it may be the secret itself
            throw new IllegalArgumentException(field + ": write a reference, env:NAME or keyring:NAME, not the secret");
        }
    }

    private static String text(SecretRef r) {
        return r == null ? "" : r.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
