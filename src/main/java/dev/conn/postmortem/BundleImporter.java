package dev.conn.postmortem;

import dev.conn.incident.EventConflictException;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.incident.IncidentState;
import dev.conn.incident.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Imports a JSON bundle into the event log, all or nothing. First every check that needs no
 * database ({@link #check}: {@link BundleReader}, then the metric archive's own check), then the
 * rules that need the stored log ({@link BundleRules}: milestones as the postmortem tab checks
 * them), then every event in one transaction ({@link IncidentService#importEvents}), which also
 * refuses an event id stored for another incident and a second declaration of a stored incident.
 * A refusal names the event ({@code events[i]}) and writes nothing. Event ids dedupe, so importing
 * the same bundle twice adds nothing. Blocks on disk: call from a background task.
 */
public final class BundleImporter {
    private final IncidentService incidents;
    private final MetricSeriesArchive archive;

    /**
     * @param incidents the event log
     * @param archive where the bundle's metric series go
     */
    public BundleImporter(IncidentService incidents, MetricSeriesArchive archive) {
        this.incidents = incidents;
        this.archive = archive;
    }

    /**
     * What an import did.
     *
     * @param incident the incident
     * @param title its title
     * @param added events newly stored
     * @param alreadyPresent events skipped because their id was already stored
     */
    public record Result(IncidentId incident, String title, int added, int alreadyPresent) {}

    /** A bundle that passed every check that needs no database; {@link #importChecked} writes it. */
    public static final class Checked {
        private final BundleReader.Indexed read;

        private Checked(BundleReader.Indexed read) {
            this.read = read;
        }

        /** @return the bundle */
        public IncidentBundle bundle() {
            return read.bundle();
        }
    }

    /**
     * Reads a bundle file, refusing one over {@link BundleReader#MAX_BYTES} before reading it.
     *
     * @param file a bundle file
     * @return its bytes
     * @throws BundleReader.BundleException if the file is too large, or is not a file that can be
     *     read (missing, a folder, a device or pipe, no permission), saying which in words
     * @throws IOException if reading fails for another reason
     */
    public static byte[] readFile(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new BundleReader.BundleException(file + " is a folder, not a bundle file");
        }
        if (!Files.exists(file)) {
            throw new BundleReader.BundleException("No file " + file);
        }
        if (!Files.isRegularFile(file)) {
            // a pipe or a device (/dev/zero) would be read without end
            throw new BundleReader.BundleException(file + " is not a regular file (a device or a pipe?)");
        }
        if (!Files.isReadable(file)) {
            throw new BundleReader.BundleException(file + " cannot be read: permission denied");
        }
        long size = Files.size(file);
        if (size > BundleReader.MAX_BYTES) {
            throw new BundleReader.BundleException(file.getFileName() + " is " + size + " bytes; bundles over "
                    + BundleReader.MAX_BYTES + " bytes are refused");
        }
        return Files.readAllBytes(file);
    }

    /**
     * Every check that needs no database, so a caller can refuse a bad bundle before opening (or
     * creating) anything. Pure.
     *
     * @param bytes a bundle's content
     * @param archive checks the shape of the metric series ({@link MetricSeriesArchive#validate})
     * @return the checked bundle
     * @throws BundleReader.BundleException naming the field and the problem
     */
    public static Checked check(byte[] bytes, MetricSeriesArchive archive) {
        BundleReader.Indexed read = BundleReader.readIndexed(bytes);
        try {
            archive.validate(read.bundle().metricSeries());
        } catch (IllegalArgumentException e) {
            throw new BundleReader.BundleException("metricSeries: " + e.getMessage());
        }
        return new Checked(read);
    }

    /**
     * What a bundle holds, read and validated as an import would, with nothing written: what the
     * window shows before asking whether to import a file it was opened with.
     *
     * @param incident the incident
     * @param title its title
     * @param severity its severity
     * @param declaredAt when it was declared (UTC)
     * @param events the number of events in the bundle
     */
    public record Preview(IncidentId incident, String title, Severity severity, Instant declaredAt, int events) {}

    /**
     * Reads and validates a bundle file without writing anything.
     *
     * @param file a bundle file
     * @return what it holds
     * @throws BundleReader.BundleException naming the field and the problem
     * @throws IOException if the file cannot be read
     */
    public static Preview preview(Path file) throws IOException {
        IncidentBundle b = BundleReader.read(readFile(file));
        IncidentState st = header(b);
        return new Preview(
                b.incident(),
                st.title(),
                st.severity(),
                st.declaredAt(),
                b.events().size());
    }

    /**
     * @param file a bundle file
     * @return what was imported
     * @throws BundleReader.BundleException naming the field and the problem; nothing is written
     * @throws IOException if the file cannot be read
     * @throws dev.conn.incident.StoreException if the database cannot be written; nothing is stored
     */
    public Result importFile(Path file) throws IOException {
        return importBytes(readFile(file));
    }

    private static IncidentState header(IncidentBundle b) {
        return IncidentState.fold(b.events().stream()
                .filter(e -> IncidentState.HEADER_TYPES.contains(e.type()))
                .toList());
    }

    /**
     * @param bytes a bundle's content
     * @return what was imported
     * @throws BundleReader.BundleException naming the field and the problem; nothing is written
     * @throws dev.conn.incident.StoreException if the database cannot be written; nothing is stored
     */
    public Result importBytes(byte[] bytes) {
        return importChecked(check(bytes, archive));
    }

    /**
     * Applies the rules that need the stored log, then stores the events in one transaction and
     * the metric series after them.
     *
     * @param checked a bundle from {@link #check}
     * @return what was imported
     * @throws BundleReader.BundleException naming the event and the problem; nothing is written
     * @throws dev.conn.incident.StoreException if the database cannot be written; no event is stored
     */
    public Result importChecked(Checked checked) {
        BundleReader.Indexed read = checked.read;
        IncidentBundle b = read.bundle();
        BundleRules.checkMilestones(read, incidents.events(b.incident(), Milestones.TYPES));
        int added;
        try {
            added = incidents.importEvents(b.events());
        } catch (EventConflictException e) {
            throw new BundleReader.BundleException(conflict(read, e));
        }
        archive.restore(b.incident(), b.metricSeries());
        String title = header(b).title();
        return new Result(b.incident(), title, added, b.events().size() - added);
    }

    private String conflict(BundleReader.Indexed read, EventConflictException e) {
        String stored = e.storedIncident().shortForm() + titleOf(e.storedIncident());
        String nothing = ". Nothing was imported.";
        return switch (e.kind()) {
            case ID_OF_ANOTHER_INCIDENT -> read.at(e.eventId()) + ".id: " + e.eventId()
                    + " is already stored here for another incident, " + stored + more(e) + nothing;
            case SECOND_DECLARATION -> read.at(e.eventId()) + ".type: incident " + stored
                    + " is already stored here, declared by event " + e.storedEventId()
                    + "; this bundle declares it again with event " + e.eventId()
                    + " (it would replace its title and severity)" + nothing;
        };
    }

    private static String more(EventConflictException e) {
        return e.more() == 0 ? "" : " (and " + e.more() + " more " + (e.more() == 1 ? "event" : "events") + ")";
    }

    private String titleOf(IncidentId id) {
        try {
            return " \"" + incidents.state(id).title() + "\"";
        } catch (RuntimeException notReadable) {
            return "";
        }
    }
}
