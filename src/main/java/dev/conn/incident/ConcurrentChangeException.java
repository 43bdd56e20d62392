package dev.conn.incident;

import java.util.Locale;

/**
 * An append was refused because the log changed since the caller read it: another console or the
 * CLI recorded something that may change the answer (see {@link
 * EventStore#append(Append)} with an {@link Append.Guard}). Nothing was stored; the caller reads again and, if still
 * valid, retries. The message says so in the user's words.
 */
public final class ConcurrentChangeException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * @param type the type of the event recorded meanwhile
     * @param author who recorded it
     */
    public ConcurrentChangeException(EventType type, String author) {
        super(author + " recorded a " + type.label().toLowerCase(Locale.ROOT)
                + " entry a moment ago (another console or the command line), so nothing was recorded"
                + " here; look at the change and try again");
    }
}
