package dev.conn.cli;

import dev.conn.incident.EntryCommand;
import dev.conn.incident.Event;
import dev.conn.incident.IncidentId;
import dev.conn.platform.text.ControlChars;
import dev.conn.timeline.CaptureParser;
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
 * {@code conn log}: appends a note, decision or action to the active incident (or the one named),
 * so a deploy script can say what changed: an {@link EntryCommand.Add} sent through the incident
 * service's one writer. Prints the stored event's id and time (ISO-8601, UTC).
 */
@Command(name = "log", description = "Append a note, decision or action to the active incident's timeline.")
final class LogCommand implements Callable<Integer> {
    /** What {@code --type} accepts. */
    enum Kind {
        note(EntryCommand.Kind.NOTE),
        decision(EntryCommand.Kind.DECISION),
        action(EntryCommand.Kind.ACTION);

        final EntryCommand.Kind entry;

        Kind(EntryCommand.Kind entry) {
            this.entry = entry;
        }
    }

    @ParentCommand
    ConnCommand parent;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--incident",
            paramLabel = "ID",
            description = "Incident id or its first characters (default: the active incident).")
    String incident;

    @Option(
            names = "--type",
            defaultValue = "note",
            paramLabel = "TYPE",
            description = "note, decision or action (a change made to production). Default: ${DEFAULT-VALUE}.")
    Kind kind;

    @Option(
            names = "--author",
            paramLabel = "NAME",
            description = "Who is recording this (default: the name in settings, else the OS user).")
    String author;

    @Option(
            names = "--at",
            paramLabel = "WHEN",
            description = "Back-date the entry: 09:12 (UTC), -5m, -1h30m or an ISO-8601 instant.")
    String at;

    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "What happened.")
    List<String> words;

    @Override
    public Integer call() {
        String text = String.join(" ", words).strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("Give the text to record");
        }
        // the id is minted once: if the connection to the database is lost mid-append and the work
        // runs again, the store recognises the id and the entry is stored once
        java.util.UUID eventId = Event.newId();
        Optional<java.time.Instant> when = Optional.empty();
        if (at != null) {
            String t = at.strip();
            when = Optional.of(new CaptureParser(parent.clock())
                    .parseWhen(t.startsWith("@") ? t.substring(1) : t, ZoneOffset.UTC));
        }
        EntryCommand.Add command = new EntryCommand.Add(eventId, kind.entry, text, when);
        return parent.repeatable(parent::open, s -> {
            IncidentId id = incident == null
                    ? s.incidents()
                            .activeOpenIncident()
                            .orElseThrow(() -> new IllegalStateException(
                                    "No open incident in " + s.dataDirectory() + " to log to. Declare one, or name a"
                                            + " resolved one with --incident ID (`conn incidents` lists them)"))
                    : s.incidents().resolveIncidentId(incident);
            Event e = s.incidents()
                    .add(
                            id,
                            command,
                            parent.author(author, s, spec.commandLine().getErr()));
            String title = ControlChars.oneLine(s.incidents().state(id).title());
            spec.commandLine()
                    .getOut()
                    .printf(
                            "Recorded %s %s on incident %s \"%s\" at %s%n",
                            kind.name(), e.id(), id.shortForm(), title, e.occurredAt());
            return 0;
        });
    }
}
