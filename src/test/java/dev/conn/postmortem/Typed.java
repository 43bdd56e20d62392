package dev.conn.postmortem;

import dev.conn.incident.EntryCommand;
import dev.conn.incident.EntryDecider;
import dev.conn.incident.Event;
import dev.conn.incident.EventBody;
import dev.conn.incident.HeaderCommand;
import dev.conn.incident.HeaderDecider;
import dev.conn.incident.HeaderEvent;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.incident.Milestone;
import dev.conn.incident.PostmortemEvent;
import dev.conn.incident.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Typed events for the postmortem tests, built without a store. */
final class Typed {
    private Typed() {}

    /** @return an event with a fresh id, recorded when it occurred, by "alice" */
    static Event event(IncidentId incident, Instant at, EventBody body) {
        return Event.of(Event.newId(), incident, at, at, "alice", body);
    }

    /** @return an event with a fresh id */
    static Event event(IncidentId incident, Instant occurredAt, Instant recordedAt, String author, EventBody body) {
        return Event.of(Event.newId(), incident, occurredAt, recordedAt, author, body);
    }

    /** @return a declaration titled "DNS" by alice, impact started at {@code impact} */
    static HeaderEvent.IncidentDeclared declared(Severity severity, Optional<Instant> impact) {
        return new HeaderEvent.IncidentDeclared("DNS", severity, Optional.empty(), impact, Optional.of("alice"));
    }

    /** @return a milestone edit "from the alert log" */
    static PostmortemEvent.MilestoneSet milestone(Milestone m, Instant at) {
        return new PostmortemEvent.MilestoneSet(m, at, "from the alert log");
    }

    /**
     * Records a note through the one writer, as the capture bar does.
     *
     * @return the note
     */
    static Event note(IncidentService s, IncidentId id, String text, String author) {
        return s.log()
                .execute(
                        id,
                        new EntryDecider(),
                        new EntryCommand.Add(Event.newId(), EntryCommand.Kind.NOTE, text, Optional.empty()),
                        author)
                .get(0);
    }

    /**
     * Records a header change through the one writer, as the header and the CLI do.
     *
     * @return what was appended
     */
    static List<Event> header(IncidentService s, IncidentId id, HeaderCommand command, String author) {
        return s.log().execute(id, new HeaderDecider(), command, author);
    }

    /** @return tags */
    static PostmortemEvent.IncidentTagged tags(List<String> services, List<String> categories) {
        return new PostmortemEvent.IncidentTagged(services, categories);
    }
}
