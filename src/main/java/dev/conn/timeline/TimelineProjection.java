package dev.conn.timeline;

import dev.conn.incident.CommandEvent;
import dev.conn.incident.Event;
import dev.conn.incident.EventBody;
import dev.conn.incident.EventType;
import dev.conn.incident.MalformedEventException;
import dev.conn.incident.TimelineEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a stream of events into timeline rows, one event at a time, in whatever order they
 * arrive. Corrections and retractions do not become rows: they amend the row they point at, and
 * one that arrives before its target waits for it. On the screen ({@link
 * #TimelineProjection(boolean)}) a message's deliveries amend its queued row the same way, so a
 * message is one row showing where its delivery stands. Pure Java; the view model mirrors its
 * changes into an observable list.
 */
public final class TimelineProjection {
    private final Map<UUID, Event> originals = new HashMap<>();
    private final Map<UUID, TimelineEntry> rows = new HashMap<>();
    private final Map<UUID, List<Event>> amendments = new HashMap<>();
    private final java.util.Set<UUID> seenAmendments = new java.util.HashSet<>();
    /** Task assignments by task id, so a task's outcome row says which task it is. */
    private final Map<String, CommandEvent.TaskAssigned> tasks = new HashMap<>();

    private final boolean oneRowPerMessage;
    /** The {@code MESSAGE_QUEUED} event of each message id, once it arrived. */
    private final Map<String, UUID> queuedEvents = new HashMap<>();
    /** The delivery events of each message id, folded into its row. */
    private final Map<String, List<Event>> deliveries = new HashMap<>();

    /** A projection with a row for every event but amendments, as the exports list them. */
    public TimelineProjection() {
        this(false);
    }

    /**
     * @param oneRowPerMessage true for the screen: a message's deliveries amend its queued row
     *     ({@link MessageRow}) instead of adding rows of their own
     */
    public TimelineProjection(boolean oneRowPerMessage) {
        this.oneRowPerMessage = oneRowPerMessage;
    }

    /** What one event did to the rows. */
    public sealed interface Change {
        /** @param entry a new row */
        record Added(TimelineEntry entry) implements Change {}

        /** @param entry the new state of an existing row (same event id) */
        record Replaced(TimelineEntry entry) implements Change {}

        /** The event changed no visible row (already seen, or waiting for its target). */
        record None() implements Change {}
    }

    /**
     * Applies one event.
     *
     * @param e the event
     * @return what changed; events seen before change nothing
     */
    public Change apply(Event e) {
        if (e.type().isAmendment()) {
            UUID target = target(e);
            if (target == null || !seenAmendments.add(e.id())) {
                return new Change.None();
            }
            amendments.computeIfAbsent(target, k -> new ArrayList<>()).add(e);
            Event original = originals.get(target);
            if (original == null) {
                return new Change.None(); // waits for its target
            }
            TimelineEntry amended = build(original);
            rows.put(target, amended);
            return new Change.Replaced(amended);
        }
        if (originals.containsKey(e.id()) || seenAmendments.contains(e.id())) {
            return new Change.None();
        }
        Optional<String> delivered = oneRowPerMessage ? MessageRow.deliveryOf(e) : Optional.empty();
        if (delivered.isPresent()) {
            seenAmendments.add(e.id());
            deliveries.computeIfAbsent(delivered.get(), k -> new ArrayList<>()).add(e);
            UUID queued = queuedEvents.get(delivered.get());
            if (queued == null) {
                return new Change.None(); // waits for its message
            }
            TimelineEntry amended = build(originals.get(queued));
            rows.put(queued, amended);
            return new Change.Replaced(amended);
        }
        if (oneRowPerMessage) {
            MessageRow.queuedId(e).ifPresent(id -> queuedEvents.putIfAbsent(id, e.id()));
        }
        if (e.type() == EventType.TASK_ASSIGNED) {
            try {
                if (e.body() instanceof CommandEvent.TaskAssigned t) {
                    tasks.put(t.taskId(), t);
                }
            } catch (MalformedEventException unreadable) {
                // described from its stored fields; it names no task for later rows
            }
        }
        originals.put(e.id(), e);
        TimelineEntry row = build(e);
        rows.put(e.id(), row);
        return new Change.Added(row);
    }

    /** The row of an event with every amendment applied in timeline order, whatever order they came in. */
    private TimelineEntry build(Event original) {
        TimelineEntry row = TimelineEntry.of(original, id -> Optional.ofNullable(tasks.get(id)));
        if (oneRowPerMessage) {
            Optional<String> message =
                    MessageRow.queuedId(original).filter(id -> original.id().equals(queuedEvents.get(id)));
            if (message.isPresent()) {
                row = row.withText(MessageRow.text(original, deliveries.getOrDefault(message.get(), List.of())));
            }
        }
        List<Event> list = amendments.get(original.id());
        if (list != null) {
            list.sort(Event.BY_OCCURRENCE);
            for (Event a : list) {
                row = amend(row, a);
            }
        }
        return row;
    }

    /**
     * Projects a whole log at once.
     *
     * @param events events in any order
     * @return the rows, in timeline order (oldest first)
     */
    public static List<TimelineEntry> project(List<Event> events) {
        TimelineProjection p = new TimelineProjection();
        // assignments first: "in any order" must not leave an outcome row without its task
        events.stream().filter(e -> e.type() == EventType.TASK_ASSIGNED).forEach(p::apply);
        events.forEach(p::apply);
        List<TimelineEntry> out = new ArrayList<>(p.rows.values());
        out.sort((a, b) -> Event.BY_OCCURRENCE.compare(a.event(), b.event()));
        return out;
    }

    /** @return the current row of an event, if it has one */
    public Optional<TimelineEntry> row(UUID eventId) {
        return Optional.ofNullable(rows.get(eventId));
    }

    private static TimelineEntry amend(TimelineEntry row, Event a) {
        EventBody body = a.body(); // decoded once already, by target()
        if (body instanceof TimelineEvent.EventCorrected c) {
            return row.corrected(a, c);
        }
        return body instanceof TimelineEvent.EventRetracted ? row.withdrawn() : row;
    }

    /** @return the entry an amendment points at, or null if its payload cannot be read */
    private static UUID target(Event a) {
        try {
            EventBody body = a.body();
            if (body instanceof TimelineEvent.EventCorrected c) {
                return c.correctedEventId();
            }
            return body instanceof TimelineEvent.EventRetracted r ? r.retractedEventId() : null;
        } catch (MalformedEventException unreadable) {
            return null;
        }
    }
}
