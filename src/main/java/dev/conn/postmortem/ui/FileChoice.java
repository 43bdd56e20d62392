package dev.conn.postmortem.ui;

import dev.conn.postmortem.IncidentBundle;
import dev.conn.postmortem.PostmortemExports;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Chooses files for the Export menu; a file dialog in the app, a fixed path in tests. */
public interface FileChoice {
    /**
     * @param title the dialog title
     * @param extension the file extension, without the dot
     * @return the file to write, or empty if the user cancelled
     */
    Optional<Path> saveAs(String title, String extension);

    /** @return the bundle file to import, or empty if the user cancelled */
    Optional<Path> openBundle();

    /**
     * @param owner the window the dialogs belong to
     * @return file dialogs
     */
    static FileChoice dialogs(Supplier<Window> owner) {
        return new FileChoice() {
            @Override
            public Optional<Path> saveAs(String title, String extension) {
                FileChooser fc = new FileChooser();
                fc.setTitle(title);
                fc.getExtensionFilters()
                        .add(new FileChooser.ExtensionFilter(
                                extension.toUpperCase(java.util.Locale.ROOT), "*." + extension));
                // a bundle gets the extension the desktop opens with Conn (IncidentBundle)
                fc.setInitialFileName(
                        extension.equals(PostmortemExports.Format.JSON.extension())
                                ? "incident." + IncidentBundle.FILE_EXTENSION
                                : "postmortem." + extension);
                return Optional.ofNullable(fc.showSaveDialog(owner.get())).map(java.io.File::toPath);
            }

            @Override
            public Optional<Path> openBundle() {
                FileChooser fc = new FileChooser();
                fc.setTitle("Import incident bundle");
                fc.getExtensionFilters()
                        .add(new FileChooser.ExtensionFilter(
                                "Conn incident bundle (*." + IncidentBundle.FILE_EXTENSION + ", *.json)", "*.json"));
                return Optional.ofNullable(fc.showOpenDialog(owner.get())).map(java.io.File::toPath);
            }
        };
    }
}
