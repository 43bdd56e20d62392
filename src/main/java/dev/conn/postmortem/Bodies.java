package dev.conn.postmortem;

import dev.conn.incident.Event;
import dev.conn.incident.EventBody;
import dev.conn.incident.MalformedEventException;

/** Reads event bodies for the folds and exports, which trust the log and skip what they cannot read. */
final class Bodies {
    private Bodies() {}

    /**
     * @param e an event
     * @return its typed body, or null if its stored payload does not fit its type (an old or
     *     imported log may hold such an event; folds skip it rather than fail, so one bad entry
     *     never hides the rest)
     */
    static EventBody read(Event e) {
        try {
            return e.body();
        } catch (MalformedEventException unreadable) {
            return null;
        }
    }
}
