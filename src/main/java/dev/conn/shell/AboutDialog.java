package dev.conn.shell;

import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Help &gt; About (Shift+F1): version, data directory, licence, where the documentation is, and
 * the Java and JavaFX versions. <em>Copy details</em> puts them on the clipboard for a bug report;
 * Esc or Enter closes it.
 */
public final class AboutDialog extends Dialog<Void> {
    /**
     * @param owner the main window
     * @param info what to show
     */
    public AboutDialog(Window owner, AboutInfo info) {
        initOwner(owner);
        setTitle("About Conn");
        getDialogPane().setId("about");
        Label name = new Label("Conn");
        name.setId("about-name");
        name.getStyleClass().add("title");
        Label what = new Label("The incident commander's console.");
        what.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(6);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        grid.getColumnConstraints().addAll(new ColumnConstraints(), values);
        int row = 0;
        for (Map.Entry<String, String> line : info.lines().entrySet()) {
            Label key = new Label(line.getKey());
            key.setMinWidth(Region.USE_PREF_SIZE);
            key.getStyleClass().add("muted");
            // a hair of room: "Java" measured a pixel wider than its label at 150 % and 200 %
            key.setPadding(new javafx.geometry.Insets(0, 2, 0, 2));
            Label value = new Label(line.getValue());
            value.setId(
                    "about-" + line.getKey().toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
            value.setWrapText(true);
            value.setMinHeight(Region.USE_PREF_SIZE);
            grid.addRow(row++, key, value);
        }
        // in the content: in the dialog's button bar its label was cut to "Copy det…" (seen at 1366x768)
        Button copy = new Button("Copy details");
        copy.setId("about-copy");
        copy.setMinWidth(Region.USE_PREF_SIZE);
        copy.setOnAction(e -> {
            ClipboardContent clip = new ClipboardContent();
            clip.putString(info.asText());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(clip);
        });
        VBox content = new VBox(10, name, what, grid, copy);
        content.setPadding(new javafx.geometry.Insets(16, 20, 8, 20));
        content.getStyleClass().add("about-body"); // sized in em (base.css)
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
    }
}
