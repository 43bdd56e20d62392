package dev.conn.incident;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Applies {@code EVENT_RETRACTED} for the state folds: an event a retraction withdrew no longer
 * counts (a retracted severity change, hand-off acknowledgement, break or task is as if it had not
 * happened), while the timeline still shows it, struck through, and exports keep it. One rule for
 * every fold, so the header, the roster, the hand-offs, the tasks and the duty clocks agree.
 *
 * <p>Rules: the payload field {@code retractedEventId} names the withdrawn event; a retraction
 * that names no event of the collection, or is not a UUID, withdraws nothing. The declaration
 * ({@code INCIDENT_DECLARED}) and retractions themselves cannot be withdrawn: an incident is not
 * un-declared, and an accidental retraction is undone by recording the event again.
 */
public final class Retractions {
    private Retractions() {}

    /**
     * @param events the events of one incident, in any order
     * @return the ids of the events withdrawn by a retraction among them
     */
    public static Set<UUID> retractedIds(Collection<Event> events) {
        Set<UUID> named = new HashSet<>();
        for (Event e : events) {
            if (e.type() == EventType.EVENT_RETRACTED) {
                e.payload().text("retractedEventId").flatMap(Retractions::uuid).ifPresent(named::add);
            }
        }
        if (named.isEmpty()) {
            return Set.of();
        }
        Set<UUID> withdrawn = new HashSet<>();
        for (Event e : events) {
            if (named.contains(e.id())
                    && e.type() != EventType.INCIDENT_DECLARED
                    && e.type() != EventType.EVENT_RETRACTED) {
                withdrawn.add(e.id());
            }
        }
        return withdrawn;
    }

    /**
     * @param events the events of one incident, in any order
     * @return the events that count: without those withdrawn, in the given order (the same list
     *     object when nothing is withdrawn)
     */
    public static List<Event> withoutRetracted(List<Event> events) {
        Set<UUID> withdrawn = retractedIds(events);
        if (withdrawn.isEmpty()) {
            return events;
        }
        List<Event> kept = new ArrayList<>(events.size());
        for (Event e : events) {
            if (!withdrawn.contains(e.id())) {
                kept.add(e);
            }
        }
        return kept;
    }

    private static java.util.Optional<UUID> uuid(String text) {
        try {
            return java.util.Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
