package dev.conn.impact;

import dev.conn.incident.EntryCommand;
import dev.conn.incident.EntryDecider;
import dev.conn.incident.Event;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentLog;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The impact panel's writes, each through the one writer ({@link IncidentLog#execute}): one read
 * of the log, one decision, one atomic append. Queries and snapshots are decided by {@link
 * ImpactDecider}; a note at a chart time is the incident's own {@link EntryCommand.Add}. Blocks
 * on the database: call it off the FX thread.
 */
public final class ImpactLog {
    private final IncidentLog log;
    private final ImpactDecider decider = new ImpactDecider();
    private final EntryDecider entries = new EntryDecider();

    /** @param log the one writer of the incident log */
    public ImpactLog(IncidentLog log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * @param incident the incident
     * @param command what the panel asks for
     * @param author the person at the keyboard
     * @return the events appended (empty if there was nothing to do)
     * @throws dev.conn.incident.CommandRefusedException in the decider's words; nothing stored
     * @throws dev.conn.incident.StoreException if the database cannot be read or written
     */
    public List<Event> execute(IncidentId incident, ImpactCommand command, String author) {
        return log.execute(incident, decider, command, author);
    }

    /**
     * Adds a timeline note at the time clicked on a chart ("Error ratio at 14:02:15 UTC: 14.2 %").
     *
     * @param incident the incident
     * @param eventId the note's id, minted once per click so a retry cannot store it twice
     * @param at the chart time (UTC); a time after the log's clock is noted at the clock's now
     * @param text the note
     * @param author the person at the keyboard
     * @return the note appended (empty if that id was already stored)
     * @throws dev.conn.incident.CommandRefusedException if the text is empty or too long, or the
     *     incident is not declared; nothing stored
     * @throws dev.conn.incident.StoreException if the database cannot be read or written
     */
    public List<Event> note(IncidentId incident, UUID eventId, Instant at, String text, String author) {
        Instant now = log.clock().instant();
        Instant when = at.isAfter(now) ? now : at;
        return log.execute(
                incident,
                entries,
                new EntryCommand.Add(eventId, EntryCommand.Kind.NOTE, text, Optional.of(when)),
                author);
    }
}
