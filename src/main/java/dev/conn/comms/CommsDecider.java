package dev.conn.comms;

import dev.conn.incident.CommsEvent;
import dev.conn.incident.Decider;
import dev.conn.incident.Decision;
import dev.conn.incident.Event;
import dev.conn.incident.EventBody;
import dev.conn.incident.EventType;
import dev.conn.incident.MalformedEventException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides the comms commands of the person at the keyboard ({@link CommsCommand}), pure: a message
 * is queued as one {@code MESSAGE_QUEUED} (its outbox rows are written with it, in the same
 * transaction, by the outbox's projection of that event), a checklist item is ticked, skipped or
 * snoozed with its event. Refusals say what is wrong in the user's words. A message id already
 * queued, or an item already ticked or skipped, decides nothing: a retry never records twice.
 */
public final class CommsDecider implements Decider<CommsCommand, CommsDecider.State> {
    /** The longest subject the outbox keeps (column {@code outbox.subject}), in characters. */
    public static final int MAX_SUBJECT = 1000;

    /** The longest channel id the outbox keeps (column {@code outbox.channel}), in characters. */
    public static final int MAX_CHANNEL_ID = 100;

    private static final Set<EventType> READS = Collections.unmodifiableSet(EnumSet.of(
            EventType.INCIDENT_DECLARED,
            EventType.CHECKLIST_ITEM_DONE,
            EventType.CHECKLIST_ITEM_SKIPPED,
            EventType.MESSAGE_QUEUED));

    /**
     * What the decisions need: whether the incident exists, which items the user settled and
     * which messages are queued. Built by one decision and thrown away.
     */
    public static final class State {
        private boolean declared;
        private final Set<String> settled = new HashSet<>();
        private final Set<String> queued = new HashSet<>();

        private State() {}
    }

    @Override
    public Set<EventType> reads() {
        return READS;
    }

    @Override
    public State initial() {
        return new State();
    }

    @Override
    public State evolve(State state, Event event) {
        if (event.type() == EventType.INCIDENT_DECLARED) {
            state.declared = true;
            return state;
        }
        EventBody body;
        try {
            body = event.body();
        } catch (MalformedEventException unreadable) {
            return state; // a log may hold one (an old import): it settles nothing
        }
        if (body instanceof CommsEvent.ChecklistItemDone d) {
            state.settled.add(d.itemId());
        } else if (body instanceof CommsEvent.ChecklistItemSkipped s) {
            state.settled.add(s.itemId());
        } else if (body instanceof CommsEvent.MessageQueued q) {
            state.queued.add(q.messageId());
        }
        return state;
    }

    @Override
    public Decision decide(CommsCommand command, State state, Clock clock) {
        if (!state.declared) {
            return Decision.refuse("No such incident; declare it first");
        }
        if (command instanceof CommsCommand.QueueMessage q) {
            return queue(q, state, clock.instant());
        }
        if (command instanceof CommsCommand.TickItem t) {
            if (blank(t.itemId()) || blank(t.title())) {
                return Decision.refuse("Choose a checklist item");
            }
            return state.settled.contains(t.itemId())
                    ? Decision.accept()
                    : Decision.accept(new CommsEvent.ChecklistItemDone(t.itemId(), t.title()));
        }
        if (command instanceof CommsCommand.SkipItem s) {
            if (blank(s.itemId()) || blank(s.title())) {
                return Decision.refuse("Choose a checklist item");
            }
            if (blank(s.reason())) {
                return Decision.refuse("Say why the item is skipped");
            }
            return state.settled.contains(s.itemId())
                    ? Decision.accept()
                    : Decision.accept(new CommsEvent.ChecklistItemSkipped(
                            s.itemId(), s.title(), s.reason().strip()));
        }
        CommsCommand.SnoozeItem z = (CommsCommand.SnoozeItem) command;
        if (blank(z.itemId()) || blank(z.title())) {
            return Decision.refuse("Choose a checklist item");
        }
        if (z.by() == null || z.by().isNegative() || z.by().isZero()) {
            return Decision.refuse("Snooze the item for some minutes");
        }
        return Decision.accept(new CommsEvent.ChecklistItemSnoozed(
                z.itemId(), z.title(), clock.instant().plus(z.by())));
    }

    private static Decision queue(CommsCommand.QueueMessage q, State state, Instant now) {
        if (q.audience() == null) {
            return Decision.refuse("Choose who the message is for");
        }
        if (q.channels().isEmpty()) {
            return Decision.refuse("Choose at least one channel");
        }
        Set<String> seen = new HashSet<>();
        for (String c : q.channels()) {
            if (blank(c) || c.length() > MAX_CHANNEL_ID || c.contains(",") || !c.equals(c.strip())) {
                return Decision.refuse("Channel '" + c + "' is not a channel id; choose a configured channel");
            }
            if (!seen.add(c)) {
                return Decision.refuse("Channel '" + c + "' is chosen twice; choose each channel once");
            }
        }
        if (blank(q.subject())) {
            return Decision.refuse("Type a subject");
        }
        if (q.subject().length() > MAX_SUBJECT) {
            return Decision.refuse(String.format(
                    Locale.ROOT,
                    "The subject is %,d characters; keep it to %,d and put the rest in the message",
                    q.subject().length(),
                    MAX_SUBJECT));
        }
        if (blank(q.body())) {
            return Decision.refuse("Type the message");
        }
        List<String> left = MessageDraft.placeholdersLeft(q.subject(), q.body(), q.templatePrompts());
        if (!left.isEmpty()) {
            return Decision.refuse(MessageDraft.refusal(left));
        }
        if (q.nextUpdateAt().filter(t -> !t.isAfter(now)).isPresent()) {
            return Decision.refuse("The promised next update time is in the past");
        }
        if (state.queued.contains(q.messageId().toString())) {
            return Decision.accept(); // queued already: a retry of a queue that succeeded
        }
        return Decision.accept(CommsEvent.MessageQueued.of(
                q.messageId().toString(),
                q.audience(),
                q.channels(),
                q.subject(),
                q.body(),
                q.nextUpdateAt(),
                q.checklistItemId(),
                q.extras()));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
