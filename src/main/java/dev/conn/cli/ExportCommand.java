package dev.conn.cli;

import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentState;
import dev.conn.postmortem.PostmortemExports;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code conn export}: writes an incident's postmortem (md, html), timeline (csv) or bundle (json). */
@Command(
        name = "export",
        description = "Export an incident: md (postmortem), html (self-contained postmortem), csv (timeline) or"
                + " json (bundle for `conn import`). Works offline.")
final class ExportCommand implements Callable<Integer> {
    @ParentCommand
    ConnCommand parent;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--incident",
            paramLabel = "ID",
            defaultValue = "latest",
            description = "Incident id or prefix (as `conn incidents` prints it), or `latest` (default: the most"
                    + " recently declared).")
    String incident;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "md, html, csv or json.")
    String format;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Write to FILE (replaced whole, never half-written); default: standard output.")
    Path output;

    @Option(
            names = "--full-timeline",
            paramLabel = "WHERE",
            defaultValue = "appendix",
            description = "md and html: `appendix` (default) puts every timeline entry after the key events;"
                    + " `omit` lists the key events only.")
    String fullTimeline;

    @Option(
            names = "--bom",
            description = "csv: start with a UTF-8 byte order mark, so Excel reads UTF-8 text as UTF-8.")
    boolean bom;

    @Override
    public Integer call() {
        PostmortemExports.Format f = PostmortemExports.Format.parse(format);
        dev.conn.postmortem.ExportOptions options = new dev.conn.postmortem.ExportOptions(
                switch (fullTimeline.strip().toLowerCase(java.util.Locale.ROOT)) {
                    case "appendix" -> dev.conn.postmortem.ExportOptions.FullTimeline.APPENDIX;
                    case "omit" -> dev.conn.postmortem.ExportOptions.FullTimeline.OMIT;
                    default -> throw new IllegalArgumentException(
                            "Unknown --full-timeline '" + fullTimeline + "'; use appendix or omit");
                },
                bom);
        // read-only work: if the connection to the database is lost mid-read, it runs again
        Exported done = parent.repeatable(parent::openForReading, s -> {
            IncidentId id;
            if (incident.equalsIgnoreCase("latest")) {
                id = s.incidents().incidents().stream()
                        .max(java.util.Comparator.comparing(IncidentState::declaredAt))
                        .map(IncidentState::id)
                        .orElseThrow(() -> new IllegalStateException("No incidents to export in " + s.dataDirectory()));
            } else {
                id = s.incidents().resolveIncidentId(incident);
            }
            return new Exported(
                    id,
                    new PostmortemExports(
                                    s.incidents(), s.seriesArchive(), parent.clock(), () -> parent.knownSecrets(s))
                            .export(id, f, options));
        });
        if (output == null) {
            java.io.PrintWriter out = spec.commandLine().getOut();
            out.print(new String(done.bytes(), java.nio.charset.StandardCharsets.UTF_8));
            // a PrintWriter never throws: a full disk or a closed pipe under standard output only
            // sets its error flag, and the export would end "done" with part of the file missing
            if (out.checkError()) {
                throw new IllegalStateException("Standard output could not take the whole export of "
                        + done.id().shortForm() + " (" + done.bytes().length + " bytes): is the disk under it"
                        + " full, or the pipe closed? What it received is incomplete; use -o FILE to write a"
                        + " file whole or not at all.");
            }
        } else {
            dev.conn.postmortem.ExportFiles.write(output, done.bytes());
            spec.commandLine().getErr().println("Exported " + done.id().shortForm() + " to " + output);
        }
        return 0;
    }

    private record Exported(IncidentId id, byte[] bytes) {}
}
