package dev.conn.cli;

import dev.conn.incident.Declaration;
import dev.conn.incident.Event;
import dev.conn.incident.Severity;
import dev.conn.timeline.CaptureParser;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code conn declare}: declares an incident from a script or alert hook and makes it the active
 * one. The author becomes the incident commander of record unless {@code --commander} says
 * otherwise.
 */
@Command(name = "declare", description = "Declare an incident and make it the active one.")
final class DeclareCommand implements Callable<Integer> {
    @ParentCommand
    ConnCommand parent;

    @Spec
    CommandSpec spec;

    @Option(
            names = {"-s", "--severity"},
            required = true,
            paramLabel = "SEV",
            description = "1, 2, 3 or 4 (SEV1 is the most severe). If unsure, pick the higher one.")
    String severity;

    @Option(names = "--summary", paramLabel = "TEXT", description = "What is known so far.")
    String summary;

    @Option(
            names = "--impact-started",
            paramLabel = "WHEN",
            description = "When impact began: 09:12 (UTC), -20m, or an ISO-8601 instant.")
    String impactStarted;

    @Option(
            names = "--commander",
            paramLabel = "NAME",
            description = "Incident commander of record (default: the author).")
    String commander;

    @Option(
            names = "--author",
            paramLabel = "NAME",
            description = "Who is declaring (default: the name in settings, else the OS user).")
    String author;

    @Parameters(arity = "1..*", paramLabel = "TITLE", description = "Short title: what is broken, for whom.")
    List<String> words;

    @Override
    public Integer call() {
        Severity sev = Severity.parse(severity);
        Optional<Instant> start = Optional.ofNullable(impactStarted)
                .map(String::strip)
                .map(t -> new CaptureParser(parent.clock())
                        .parseWhen(t.startsWith("@") ? t.substring(1) : t, ZoneOffset.UTC));
        return parent.once(
                parent::openOrCreate,
                s -> {
                    String who = parent.author(author, s, spec.commandLine().getErr());
                    Event e = s.incidents()
                            .declare(
                                    new Declaration(
                                            String.join(" ", words),
                                            sev,
                                            summary == null ? "" : summary,
                                            start,
                                            commander == null ? who : commander),
                                    who);
                    spec.commandLine().getOut().printf("Declared %s incident %s (now active)%n", sev, e.incidentId());
                    return 0;
                },
                "declaring the incident");
    }
}
