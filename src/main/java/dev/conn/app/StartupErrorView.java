package dev.conn.app;

import dev.conn.platform.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * What the window shows when the data directory cannot be used: the problem in words, naming the
 * file, and that nothing was overwritten or deleted. Built in code: it must work even if resources
 * are damaged.
 */
final class StartupErrorView {
    private StartupErrorView() {}

    static StackPane create(String message, Runnable quit) {
        Label title = new Label("Conn cannot open its data");
        title.getStyleClass().add(Styles.TITLE);
        TextArea details = new TextArea(message);
        details.setId("startup-error");
        details.setEditable(false);
        details.setWrapText(true);
        details.setPrefRowCount(5);
        Label calm = new Label("Conn did not overwrite or delete anything in the data directory. Fix the file "
                + "named above, or start Conn with another directory: conn --data-dir DIR (or set CONN_HOME).");
        calm.setWrapText(true);
        calm.getStyleClass().add(Styles.MUTED);
        Button copy = new Button("Copy message");
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(message);
            Clipboard.getSystemClipboard().setContent(c);
        });
        Button quitButton = new Button("Quit Conn");
        quitButton.setDefaultButton(true);
        quitButton.setOnAction(e -> quit.run());
        VBox box = new VBox(14, title, details, calm, new HBox(10, quitButton, copy));
        box.getStyleClass().add("startup-error");
        StackPane pane = new StackPane(box);
        StackPane.setAlignment(box, Pos.CENTER);
        return pane;
    }
}
