package dev.conn.command.ui;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Window;

/**
 * Shows a text to read out or post (a hand-off brief, an announcement) with a button that copies
 * it to the clipboard and keeps the dialog open.
 */
public final class CopyTextDialog extends Dialog<ButtonType> {
    /** The confirm button, when the dialog asks for one (e.g. "Offer hand-off"). */
    public static final ButtonType CONFIRM = new ButtonType("Confirm", ButtonBar.ButtonData.OK_DONE);

    /**
     * @param owner the main window
     * @param title window title
     * @param header what to do with the text
     * @param text the text
     * @param copyLabel the copy button's text, e.g. "Copy announcement"
     */
    public CopyTextDialog(Window owner, String title, String header, String text, String copyLabel) {
        this(owner, title, header, text, copyLabel, java.util.Optional.empty());
    }

    /**
     * A text to read before confirming an action: the result is {@link #CONFIRM} when the user
     * confirms, another button type otherwise (Esc or Cancel).
     *
     * @param owner the main window
     * @param title window title
     * @param header what to do with the text
     * @param text the text
     * @param copyLabel the copy button's text
     * @param confirmLabel the confirm button's text, e.g. "Offer hand-off"; empty for none
     */
    public CopyTextDialog(
            Window owner,
            String title,
            String header,
            String text,
            String copyLabel,
            java.util.Optional<String> confirmLabel) {
        initOwner(owner);
        setTitle(title);
        setHeaderText(header);
        TextArea area = new TextArea(text);
        area.setId("copy-text");
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefRowCount(Math.min(18, Math.max(3, (int) text.lines().count() + 1)));
        getDialogPane().setContent(area);
        ButtonType copy = new ButtonType(copyLabel, ButtonBar.ButtonData.LEFT);
        ButtonType close =
                new ButtonType(confirmLabel.isPresent() ? "Cancel" : "Close", ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().addAll(copy, close);
        confirmLabel.ifPresent(label -> {
            getDialogPane().getButtonTypes().add(CONFIRM);
            Button confirm = (Button) getDialogPane().lookupButton(CONFIRM);
            confirm.setText(label);
            confirm.setId("copy-confirm");
            confirm.setDefaultButton(true);
        });
        Button copyButton = (Button) getDialogPane().lookupButton(copy);
        copyButton.setId("copy-button");
        copyButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
            copyButton.setText("Copied ✓");
            e.consume();
        });
    }

    /**
     * Adds a button that runs an action and keeps the dialog open (e.g. "Send brief via
     * channel…").
     *
     * @param label the button's text
     * @param id the button's id
     * @param action what it does (FX thread)
     * @return this dialog
     */
    public CopyTextDialog withAction(String label, String id, Runnable action) {
        ButtonType type = new ButtonType(label, ButtonBar.ButtonData.LEFT);
        getDialogPane().getButtonTypes().add(0, type);
        Button b = (Button) getDialogPane().lookupButton(type);
        b.setId(id);
        b.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            action.run();
        });
        return this;
    }
}
