package dev.conn.command;

import dev.conn.incident.Event;
import dev.conn.incident.EventBody;
import dev.conn.incident.MalformedEventException;
import java.util.Optional;

/** Reads event bodies for the folds, which trust the log and skip what they cannot read. */
final class Bodies {
    private Bodies() {}

    /**
     * @param e an event
     * @return its typed body, or empty if its payload does not fit its type (an imported log may
     *     hold such an event; the folds skip it rather than fail)
     */
    static Optional<EventBody> of(Event e) {
        try {
            return Optional.of(e.body());
        } catch (MalformedEventException ex) {
            return Optional.empty();
        }
    }
}
