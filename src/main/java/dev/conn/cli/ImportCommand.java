package dev.conn.cli;

import dev.conn.impact.CachedSeries;
import dev.conn.impact.SeriesArchive;
import dev.conn.impact.SeriesCache;
import dev.conn.incident.IncidentId;
import dev.conn.platform.text.ControlChars;
import dev.conn.postmortem.BundleImporter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code conn import FILE}: imports a JSON bundle made by {@code conn export --format json}. The
 * bundle is checked before the data directory is opened, so a refused bundle creates nothing.
 */
@Command(
        name = "import",
        description = "Import an incident bundle (JSON from `conn export --format json`). Validated first: a bad"
                + " bundle writes nothing. Importing the same bundle twice adds nothing.")
final class ImportCommand implements Callable<Integer> {
    @ParentCommand
    ConnCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The bundle file.")
    Path file;

    @Override
    public Integer call() {
        byte[] bytes;
        try {
            bytes = BundleImporter.readFile(file);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        // every check that needs no database first: a refused bundle must not create a data directory
        BundleImporter.Checked checked = BundleImporter.check(bytes, new SeriesArchive(SHAPE_ONLY));
        try (Session s = parent.openOrCreate()) {
            BundleImporter.Result r = new BundleImporter(s.incidents(), s.seriesArchive()).importChecked(checked);
            spec.commandLine()
                    .getOut()
                    .println("Imported " + r.incident().shortForm() + " \"" + ControlChars.oneLine(r.title())
                            + "\": " + r.added() + " new events"
                            + (r.alreadyPresent() > 0 ? ", " + r.alreadyPresent() + " already present" : ""));
            return 0;
        }
    }

    /** The archive's shape check needs no cache; this one refuses to be used for anything else. */
    private static final SeriesCache SHAPE_ONLY = new SeriesCache() {
        @Override
        public void put(CachedSeries entry) {
            throw new IllegalStateException("not a cache: used to check a bundle's shape only");
        }

        @Override
        public Optional<CachedSeries> get(IncidentId incidentId, String queryId) {
            throw new IllegalStateException("not a cache: used to check a bundle's shape only");
        }

        @Override
        public List<CachedSeries> all(IncidentId incidentId) {
            throw new IllegalStateException("not a cache: used to check a bundle's shape only");
        }
    };
}
