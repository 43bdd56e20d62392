package dev.conn.cli;

import dev.conn.incident.Severity;
import dev.conn.platform.text.ControlChars;
import dev.conn.postmortem.IncidentHistory;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code conn stats}: the incident-history summary (counts by severity, median TTx, top tags). */
@Command(
        name = "stats",
        description = "Summarise incidents: counts by severity, median TTD/TTM/TTR, most frequent root-cause"
                + " categories and services.")
final class StatsCommand implements Callable<Integer> {
    @ParentCommand
    ConnCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--since", paramLabel = "DATE", description = "Only incidents declared on or after DATE (UTC).")
    String since;

    @Option(names = "--severity", paramLabel = "N", description = "Only this severity (1-4 or SEV1-SEV4).")
    String severity;

    @Option(names = "--service", paramLabel = "NAME", description = "Only incidents tagged with this service.")
    String service;

    @Override
    public Integer call() {
        return parent.repeatable(parent::openForReading, s -> {
            IncidentHistory.Filter f = new IncidentHistory.Filter(
                    Optional.ofNullable(severity).map(Severity::parse),
                    Optional.ofNullable(service),
                    Optional.ofNullable(since).map(IncidentsCommand::parseSince),
                    Optional.empty());
            List<IncidentHistory.Row> rows =
                    IncidentHistory.load(s.incidents()).stream().filter(f::test).toList();
            // services and categories are user text: no control character reaches the terminal
            IncidentHistory.describe(IncidentHistory.summarise(rows)).stream()
                    .map(ControlChars::oneLine)
                    .forEach(spec.commandLine().getOut()::println);
            return 0;
        });
    }
}
