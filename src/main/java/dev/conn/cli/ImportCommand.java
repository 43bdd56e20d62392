package dev.conn.cli;

import dev.conn.postmortem.BundleImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code conn import FILE}: imports a JSON bundle made by {@code conn export --format json}. */
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
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No file " + file);
        }
        try (ConnCommand.Session s = parent.openOrCreate()) {
            BundleImporter.Result r = new BundleImporter(s.incidents(), s.seriesArchive()).importFile(file);
            spec.commandLine()
                    .getOut()
                    .println("Imported " + r.incident().shortForm() + " \"" + r.title() + "\": " + r.added()
                            + " new events"
                            + (r.alreadyPresent() > 0 ? ", " + r.alreadyPresent() + " already present" : ""));
            return 0;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
