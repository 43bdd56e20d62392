package dev.conn.timeline;

import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.MalformedEventException;
import dev.conn.incident.TimelineEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Which timeline entries are starred as key events of the postmortem: a fold over {@code
 * ENTRY_STARRED} events, in any order; for each entry the latest in timeline order decides. Pure;
 * not thread-safe (one owner).
 */
public final class Stars {
    private final Map<UUID, Event> latest = new HashMap<>();

    /**
     * @param log events in any order
     * @return the stars they hold
     */
    public static Stars of(List<Event> log) {
        Stars s = new Stars();
        log.forEach(s::apply);
        return s;
    }

    /**
     * @param e any event; only {@code ENTRY_STARRED} counts
     * @return true if it changed which entries are starred
     */
    public boolean apply(Event e) {
        if (e.type() != EventType.ENTRY_STARRED) {
            return false;
        }
        TimelineEvent.EntryStarred star;
        try {
            if (!(e.body() instanceof TimelineEvent.EntryStarred s)) {
                return false;
            }
            star = s;
        } catch (MalformedEventException unreadable) {
            return false;
        }
        Event before = latest.get(star.entryId());
        if (before != null && Event.BY_OCCURRENCE.compare(before, e) >= 0) {
            return false; // an older star or unstar arriving late
        }
        boolean was = isStarred(star.entryId());
        latest.put(star.entryId(), e);
        return was != star.starred();
    }

    /**
     * @param entryId an entry's event id
     * @return true if it is starred now
     */
    public boolean isStarred(UUID entryId) {
        Event e = latest.get(entryId);
        return e != null && e.body() instanceof TimelineEvent.EntryStarred s && s.starred();
    }

    /** What a starred entry says beside it: short on the row, the rest in its tooltip. */
    public static final String STARRED = "★ (a key event: starred for the postmortem; S takes the star away)";

    /**
     * @param entryId an entry's event id
     * @param other another feature's remark on it (the war room's), if any
     * @return the remark to show beside the entry: the star first, then the other
     */
    public java.util.Optional<String> remark(UUID entryId, java.util.Optional<String> other) {
        if (!isStarred(entryId)) {
            return other;
        }
        return java.util.Optional.of(STARRED + other.map(r -> "\n" + r).orElse(""));
    }
}
