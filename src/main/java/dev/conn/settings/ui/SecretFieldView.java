package dev.conn.settings.ui;

import dev.conn.platform.fx.TaskRunner;
import dev.conn.settings.KeychainSecretStore;
import dev.conn.settings.SecretRef;
import dev.conn.settings.SecretResolver;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A settings field for a secret that only ever holds and shows a reference ({@code env:NAME} or
 * {@code keyring:NAME}), never the secret. Text that is not a reference (a pasted token or
 * webhook URL) is wiped from the field as soon as focus leaves it, with a message saying what to
 * write instead. "Store in keychain…" takes the secret in a masked field, stores it in the OS
 * keychain in the background and puts {@code keyring:NAME} in the field; where there is no
 * keychain the message says to use an environment variable. For the monitoring-source and channel
 * editors.
 */
public final class SecretFieldView extends VBox {
    private final TextField reference = new TextField();
    private final Label message = new Label();
    private final ReadOnlyObjectWrapper<SecretRef> value = new ReadOnlyObjectWrapper<>();
    private final String field;

    /**
     * @param field the field's label for messages, e.g. "Slack webhook"
     * @param initial the current reference, or null
     * @param keychain where "Store in keychain…" writes
     * @param tasks runs the keychain write off the FX thread
     * @param entryName the keychain entry name to propose, e.g. "slack-webhook"
     */
    public SecretFieldView(
            String field, SecretRef initial, SecretResolver.SecretStore keychain, TaskRunner tasks, String entryName) {
        this.field = field;
        reference.setPromptText("env:VARIABLE or keyring:ENTRY");
        reference.getStyleClass().add("secret-reference");
        if (initial != null) {
            reference.setText(initial.toString());
        }
        message.getStyleClass().add("muted");
        message.setWrapText(true);
        reference.textProperty().subscribe(t -> value.set(parse(t).orElse(null)));
        reference.focusedProperty().subscribe(focused -> {
            if (!focused && !reference.getText().isBlank() && value.get() == null) {
                reference.clear(); // a pasted secret never stays on screen
                message.setText(field + ": not kept. Give the secret as a reference, env:VARIABLE or"
                        + " keyring:ENTRY; use Store in keychain… to save a token.");
            }
        });
        Button store = new Button("Store in keychain…");
        store.setOnAction(e -> storeInKeychain(keychain, tasks, entryName));
        HBox.setHgrow(reference, Priority.ALWAYS);
        getChildren().addAll(new HBox(8, reference, store), message);
        setSpacing(4);
    }

    /** @return the reference typed, or null while the text is not one */
    public ReadOnlyObjectProperty<SecretRef> valueProperty() {
        return value.getReadOnlyProperty();
    }

    /** @return the text field (for ids and focus) */
    public TextField referenceField() {
        return reference;
    }

    /**
     * @return empty if the field holds a reference, else a message naming the field and what to write
     */
    public Optional<String> validate() {
        if (value.get() != null) {
            return Optional.empty();
        }
        return Optional.of(field + ": write env:VARIABLE (an environment variable) or keyring:ENTRY (OS keychain)");
    }

    private static Optional<SecretRef> parse(String text) {
        try {
            return Optional.of(SecretRef.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void storeInKeychain(SecretResolver.SecretStore keychain, TaskRunner tasks, String entryName) {
        Dialog<String> d = new Dialog<>();
        d.initOwner(getScene() == null ? null : getScene().getWindow());
        d.setTitle("Store " + field + " in the OS keychain");
        PasswordField secret = new PasswordField();
        secret.setId("secret-value");
        d.getDialogPane()
                .setContent(new VBox(
                        8,
                        new Label("Paste the secret; it goes to " + keychain.describe() + " as "
                                + KeychainSecretStore.PREFIX + entryName + ", never into Conn's files."),
                        secret));
        ButtonType save = new ButtonType("Store secret", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(save, ButtonType.CANCEL);
        d.setResultConverter(b -> b == save ? secret.getText() : null);
        d.showAndWait().filter(s -> !s.isBlank()).ifPresent(s -> {
            message.setText("Storing…");
            tasks.run(
                    () -> {
                        keychain.write(entryName, s);
                        return SecretRef.keyring(entryName);
                    },
                    ref -> {
                        reference.setText(ref.toString());
                        message.setText("Stored in " + keychain.describe() + ".");
                    },
                    e -> message.setText(field + ": " + e.getMessage()));
        });
    }
}
