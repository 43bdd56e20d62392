package dev.conn.incident;

import java.time.Clock;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Decides {@link EntryCommand}s: notes, decisions and actions need text and a declared incident
 * (the writer keeps every text within {@link EventLimits}); a correction needs a free-text entry of the same incident and new
 * text; a retraction needs an entry that is not the declaration and not already retracted.
 */
public final class EntryDecider implements Decider<EntryCommand, EntryDecider.Entries> {
    private static final Set<EventType> READS = EnumSet.of(
            EventType.INCIDENT_DECLARED,
            EventType.NOTE,
            EventType.DECISION,
            EventType.ACTION_TAKEN,
            EventType.EVENT_RETRACTED);

    /**
     * What entry decisions need: whether the incident exists, its free-text entries by id, and
     * what is retracted.
     *
     * @param declared true once the incident is declared
     * @param freeText ids of notes, decisions and actions, with their type
     * @param retracted ids withdrawn
     * @param declaration the declaration's id, which cannot be retracted
     */
    public record Entries(
            boolean declared, Map<UUID, EventType> freeText, Set<UUID> retracted, Optional<UUID> declaration) {}

    @Override
    public Set<EventType> reads() {
        return READS;
    }

    /**
     * Adding an entry reads only the declaration; a correction reads the free-text entries it may
     * correct; a retraction what is already retracted. So adding a note to a 100,000-event incident
     * reads one event, and two consoles adding notes at once never make each other's read stale.
     */
    @Override
    public Set<EventType> reads(EntryCommand command) {
        if (command instanceof EntryCommand.Add || command instanceof EntryCommand.Star) {
            return EnumSet.of(EventType.INCIDENT_DECLARED);
        }
        if (command instanceof EntryCommand.Retract) {
            return EnumSet.of(EventType.INCIDENT_DECLARED, EventType.EVENT_RETRACTED);
        }
        return EnumSet.of(EventType.INCIDENT_DECLARED, EventType.NOTE, EventType.DECISION, EventType.ACTION_TAKEN);
    }

    @Override
    public Entries initial() {
        return new Entries(false, Map.of(), Set.of(), Optional.empty());
    }

    @Override
    public Entries evolve(Entries s, Event e) {
        switch (e.type()) {
            case INCIDENT_DECLARED -> {
                return new Entries(true, s.freeText(), s.retracted(), Optional.of(e.id()));
            }
                // the collections a fold made are its own and grow in place: copying them for every
                // event made a decision on an incident of n entries cost n^2 (seconds at 5,000 notes)
            case EVENT_RETRACTED -> {
                Set<UUID> r = s.retracted() instanceof HashSet<UUID> own ? own : new HashSet<>(s.retracted());
                r.add(((TimelineEvent.EventRetracted) e.body()).retractedEventId());
                return new Entries(s.declared(), s.freeText(), r, s.declaration());
            }
            default -> {
                Map<UUID, EventType> f =
                        s.freeText() instanceof HashMap<UUID, EventType> own ? own : new HashMap<>(s.freeText());
                f.put(e.id(), e.type());
                return new Entries(s.declared(), f, s.retracted(), s.declaration());
            }
        }
    }

    @Override
    public Decision decide(EntryCommand command, Entries s, Clock clock) {
        if (!s.declared()) {
            return Decision.refuse("No such incident; declare it first");
        }
        if (command instanceof EntryCommand.Add a) {
            String label =
                    switch (a.kind()) {
                        case NOTE -> "note";
                        case DECISION -> "decision";
                        case ACTION -> "action";
                    };
            String text = a.text().strip();
            if (text.isEmpty()) {
                return Decision.refuse("Type some text for the " + label);
            }
            EventBody body =
                    switch (a.kind()) {
                        case NOTE -> new TimelineEvent.Note(text);
                        case DECISION -> new TimelineEvent.Decision(text);
                        case ACTION -> new TimelineEvent.ActionTaken(text);
                    };
            Decision.Draft d = Decision.Draft.of(body).withId(a.eventId());
            return Decision.accept(java.util.List.of(a.at().map(d::at).orElse(d)));
        }
        if (command instanceof EntryCommand.Correct c) {
            EventType original = s.freeText().get(c.entryId());
            if (original == null) {
                return Decision.refuse("Only notes, decisions and actions of this incident can be corrected");
            }
            String text = c.text() == null ? "" : c.text().strip();
            if (text.isEmpty()) {
                return Decision.refuse("A correction needs the new text");
            }
            return Decision.accept(new TimelineEvent.EventCorrected(c.entryId(), text));
        }
        if (command instanceof EntryCommand.Star star) {
            return Decision.accept(new TimelineEvent.EntryStarred(star.entryId(), star.starred()));
        }
        EntryCommand.Retract r = (EntryCommand.Retract) command;
        if (s.declaration().map(r.entryId()::equals).orElse(false)) {
            return Decision.refuse("The declaration cannot be retracted; resolve the incident instead");
        }
        if (s.retracted().contains(r.entryId())) {
            return Decision.refuse("That entry is already retracted");
        }
        return Decision.accept(new TimelineEvent.EventRetracted(
                r.entryId(), r.reason().map(String::strip).filter(x -> !x.isEmpty())));
    }
}
