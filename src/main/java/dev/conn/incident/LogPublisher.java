package dev.conn.incident;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands what a store appended to in-process subscribers, and remembers the ids of the last {@link
 * #REMEMBERED} events it published so a follower of the log can skip this process's own events.
 * Thread-safe. A subscriber that throws is logged and does not stop the others.
 */
public final class LogPublisher {
    /** How many published ids are remembered. */
    public static final int REMEMBERED = 100_000;

    private static final Logger LOG = Logger.getLogger(LogPublisher.class.getName());

    private final List<Consumer<List<Event>>> subscribers = new CopyOnWriteArrayList<>();
    private final LinkedHashSet<UUID> recent = new LinkedHashSet<>();

    /**
     * @param subscriber receives each batch of newly stored events
     * @return the subscription
     */
    public EventStore.Subscription subscribe(Consumer<List<Event>> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /**
     * Remembers the events as this process's, then hands them to every subscriber in order.
     *
     * @param events newly stored events (nothing happens if empty)
     */
    public void publish(List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        synchronized (recent) {
            for (Event e : events) {
                recent.add(e.id());
            }
            var it = recent.iterator();
            while (recent.size() > REMEMBERED && it.hasNext()) {
                it.next();
                it.remove();
            }
        }
        List<Event> batch = List.copyOf(events);
        for (Consumer<List<Event>> s : subscribers) {
            try {
                s.accept(batch);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a subscriber to the event log failed", e);
            }
        }
    }

    /**
     * @param id an event id
     * @return true if this process published it recently
     */
    public boolean published(UUID id) {
        synchronized (recent) {
            return recent.contains(id);
        }
    }
}
