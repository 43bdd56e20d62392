package dev.conn.postmortem;

import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.incident.IncidentState;
import dev.conn.incident.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Imports a JSON bundle into the event log: validates it whole first ({@link BundleReader}, then
 * the metric archive's own check), then stores every event in one transaction. Event ids dedupe,
 * so importing the same bundle twice adds nothing. Blocks on disk: call from a background task.
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
        IncidentBundle b = BundleReader.read(readBounded(file));
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
        return importBytes(readBounded(file));
    }

    private static byte[] readBounded(Path file) throws IOException {
        long size = Files.size(file);
        if (size > BundleReader.MAX_BYTES) {
            throw new BundleReader.BundleException(file.getFileName() + " is " + size + " bytes; bundles over "
                    + BundleReader.MAX_BYTES + " bytes are refused");
        }
        return Files.readAllBytes(file);
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
     */
    public Result importBytes(byte[] bytes) {
        IncidentBundle b = BundleReader.read(bytes);
        try {
            archive.validate(b.metricSeries());
        } catch (IllegalArgumentException e) {
            throw new BundleReader.BundleException("metricSeries: " + e.getMessage());
        }
        int added = incidents.importEvents(b.events());
        archive.restore(b.incident(), b.metricSeries());
        String title = header(b).title();
        return new Result(b.incident(), title, added, b.events().size() - added);
    }
}
