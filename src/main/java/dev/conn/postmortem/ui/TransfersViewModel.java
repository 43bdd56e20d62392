package dev.conn.postmortem.ui;

import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentState;
import dev.conn.incident.ui.IncidentViewModel;
import dev.conn.platform.fx.TaskRunner;
import dev.conn.postmortem.BundleImporter;
import dev.conn.postmortem.ExportFiles;
import dev.conn.postmortem.PostmortemExports;
import dev.conn.postmortem.SampleIncident;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * What the Export menu does: exports the open incident in each format, imports a bundle file,
 * offers a bundle Conn was opened with, and opens the sample incident. All file and database work
 * runs on the {@link TaskRunner}; outcomes are shown in the postmortem tab and failures in the
 * status bar too. FX thread only.
 */
public final class TransfersViewModel {
    private final IncidentViewModel incident;
    private final PostmortemExports exports;
    private final BundleImporter importer;
    private final TaskRunner tasks;
    private final Consumer<String> message;
    private final Runnable flush;

    /**
     * @param incident the open incident; an imported incident is opened in it
     * @param exports the exporters (read the store; run in the background)
     * @param importer the bundle importer
     * @param tasks the one background runner
     * @param message where outcomes are shown (the postmortem tab's message)
     * @param flush saves the postmortem sections being typed, before an export reads the log
     */
    public TransfersViewModel(
            IncidentViewModel incident,
            PostmortemExports exports,
            BundleImporter importer,
            TaskRunner tasks,
            Consumer<String> message,
            Runnable flush) {
        this.incident = incident;
        this.exports = exports;
        this.importer = importer;
        this.tasks = tasks;
        this.message = message;
        this.flush = flush;
    }

    private final javafx.beans.property.BooleanProperty fullTimeline =
            new javafx.beans.property.SimpleBooleanProperty(true);

    private final javafx.beans.property.BooleanProperty csvBom = new javafx.beans.property.SimpleBooleanProperty(false);

    /** @return true to put the full timeline in an appendix of the Markdown and HTML postmortems */
    public javafx.beans.property.BooleanProperty fullTimelineProperty() {
        return fullTimeline;
    }

    /** @return true to start the CSV with a UTF-8 byte order mark (for Excel) */
    public javafx.beans.property.BooleanProperty csvBomProperty() {
        return csvBom;
    }

    /**
     * Exports the open incident in the background (after saving pending edits), with the full
     * timeline in an appendix or not and the CSV with a byte order mark or not, as the Export menu
     * is set.
     *
     * @param format the format
     * @param file where to write (replaced whole; a crash never leaves half a file)
     */
    public void export(PostmortemExports.Format format, Path file) {
        IncidentState st = incident.current().orElse(null);
        if (st == null) {
            message.accept("Open an incident to export");
            return;
        }
        flush.run();
        IncidentId id = st.id();
        dev.conn.postmortem.ExportOptions options = new dev.conn.postmortem.ExportOptions(
                fullTimeline.get()
                        ? dev.conn.postmortem.ExportOptions.FullTimeline.APPENDIX
                        : dev.conn.postmortem.ExportOptions.FullTimeline.OMIT,
                csvBom.get());
        tasks.run(
                () -> {
                    ExportFiles.write(file, exports.export(id, format, options));
                    return file;
                },
                f -> message.accept("Exported to " + f),
                e -> fail("Export failed: " + PostmortemSender.message(e)));
    }

    /**
     * Imports a bundle file in the background, all or nothing, then opens the incident.
     *
     * @param file the bundle
     */
    public void importBundle(Path file) {
        tasks.run(
                () -> importer.importFile(file),
                this::imported,
                e -> fail("Not imported: " + PostmortemSender.message(e)));
    }

    /** Asks whether to import a bundle file that Conn was opened with. */
    @FunctionalInterface
    public interface ImportQuestion {
        /**
         * Runs on the FX thread.
         *
         * @param preview what the file holds (validated)
         * @param file the file
         * @return true to import it
         */
        boolean confirm(BundleImporter.Preview preview, Path file);
    }

    /**
     * Offers a bundle file for import, as when the desktop opens Conn with one: reads and
     * validates it in the background, asks {@code question} on the FX thread, and on yes imports
     * it the same way as Export &gt; Import bundle ({@link #importBundle}). A file that cannot be
     * read or is not a valid bundle is reported with the reason, and nothing is written.
     *
     * @param file the bundle file
     * @param question asks the user
     */
    public void offerImport(Path file, ImportQuestion question) {
        tasks.run(
                () -> BundleImporter.preview(file),
                preview -> {
                    if (question.confirm(preview, file)) {
                        importBundle(file);
                    }
                },
                e -> fail("Not imported: " + file + ": " + PostmortemSender.message(e)));
    }

    /**
     * Imports the sample incident shipped with Conn (once; importing again adds nothing) and opens it.
     *
     * @param onError told on the FX thread if it fails
     */
    public void openSample(Consumer<String> onError) {
        tasks.run(() -> importer.importBytes(SampleIncident.bytes()), this::imported, e -> {
            String why = PostmortemSender.message(e);
            message.accept("The sample could not be opened: " + why);
            onError.accept(why);
        });
    }

    /** Shows a failure in the tab and in the status bar (the tab may not be on screen). */
    private void fail(String text) {
        message.accept(text);
        incident.reportError(text);
    }

    private void imported(BundleImporter.Result r) {
        message.accept("Imported \"" + r.title() + "\": " + r.added() + " new events"
                + (r.alreadyPresent() > 0 ? ", " + r.alreadyPresent() + " already present" : ""));
        incident.open(r.incident());
    }
}
