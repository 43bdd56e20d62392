package dev.conn.postmortem.ui;

import dev.conn.postmortem.BundleImporter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * Asks "Import incident X from FILE?" before a bundle that Conn was opened with (a double-click
 * on an {@code *.conn.json} file) is imported. Enter imports, Esc does not.
 */
public final class ImportBundleDialog {
    /** The button that imports. */
    public static final ButtonType IMPORT = new ButtonType("Import incident", ButtonBar.ButtonData.OK_DONE);

    /** The button that leaves the file alone. */
    public static final ButtonType KEEP_OUT = new ButtonType("Don't import", ButtonBar.ButtonData.CANCEL_CLOSE);

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private ImportBundleDialog() {}

    /**
     * Shows the question and waits for the answer (a nested event loop; the FX thread keeps
     * running).
     *
     * @param owner the main window
     * @param preview what the file holds
     * @param file the file
     * @return true if the user chose to import
     */
    public static boolean ask(Window owner, BundleImporter.Preview preview, Path file) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text(preview, file), IMPORT, KEEP_OUT);
        alert.initOwner(owner);
        alert.setTitle("Import incident");
        alert.setHeaderText("Import incident \u201c" + preview.title() + "\u201d?");
        alert.getDialogPane().setId("import-bundle-question");
        alert.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        for (ButtonType type : alert.getButtonTypes()) {
            // sized by their own text: the bar's uniform width is measured before the window's font
            // scale reaches the dialog, and cut "Import incident" to "Import incid…" (seen at 1366x768)
            javafx.scene.Node button = alert.getDialogPane().lookupButton(type);
            ButtonBar.setButtonUniformSize(button, false);
        }
        return alert.showAndWait().orElse(KEEP_OUT) == IMPORT;
    }

    /**
     * @param preview what the file holds
     * @param file the file
     * @return the question's body: the file, the incident, and what importing does
     */
    static String text(BundleImporter.Preview preview, Path file) {
        return "From " + file + "\n\n" + preview.severity() + ", declared " + WHEN.format(preview.declaredAt())
                + ", " + preview.events() + (preview.events() == 1 ? " event" : " events") + " (incident "
                + preview.incident().shortForm() + ").\n\n"
                + "Importing adds its record to this console; events already here are not added twice.";
    }
}
