package dev.conn.postmortem;

import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.incident.IncidentState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
     * @param file a bundle file
     * @return what was imported
     * @throws BundleReader.BundleException naming the field and the problem; nothing is written
     * @throws IOException if the file cannot be read
     * @throws dev.conn.incident.StoreException if the database cannot be written; nothing is stored
     */
    public Result importFile(Path file) throws IOException {
        long size = Files.size(file);
        if (size > BundleReader.MAX_BYTES) {
            throw new BundleReader.BundleException(file.getFileName() + " is " + size + " bytes; bundles over "
                    + BundleReader.MAX_BYTES + " bytes are refused");
        }
        return importBytes(Files.readAllBytes(file));
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
        String title = IncidentState.fold(b.events().stream()
                        .filter(e -> IncidentState.HEADER_TYPES.contains(e.type()))
                        .toList())
                .title();
        return new Result(b.incident(), title, added, b.events().size() - added);
    }
}
