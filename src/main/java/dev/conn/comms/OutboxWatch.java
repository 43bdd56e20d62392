package dev.conn.comms;

import dev.conn.incident.Event;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Announces where the outbox stands, so the window never counts it on a timer: whoever moves rows
 * in this process says so ({@link #recount()}: the queue path and the user's decisions in {@link
 * CommsService}, each state change of the {@link OutboxDispatcher}), and the dispatcher's poll
 * recounts while another process holds the lease and sends. A recount reads the outbox once
 * ({@link Outbox#summary()}) on the caller's thread, never the FX thread, and tells the
 * subscribers only when something changed. The dispatcher also announces the events it appended
 * ({@link #onRecorded}), so the window shows them at once.
 *
 * <p>Thread-safe. Subscribers are called on the announcing thread (a background thread) and hand
 * work on quickly; one that throws is logged and does not stop the others.
 */
public final class OutboxWatch {
    private static final Logger LOG = Logger.getLogger(OutboxWatch.class.getName());

    private final Outbox outbox;
    private final List<Consumer<Snapshot>> changes = new CopyOnWriteArrayList<>();
    private final List<Consumer<List<Event>>> recorded = new CopyOnWriteArrayList<>();
    private Snapshot last = Snapshot.EMPTY;

    /**
     * Where the outbox stands.
     *
     * @param waiting messages waiting to be delivered (rows QUEUED or IN_FLIGHT)
     * @param unknown rows whose delivery is unknown, oldest first, waiting for the user
     * @param sending who sends: this process, offline, or another Conn process
     */
    public record Snapshot(int waiting, List<OutboxMessage> unknown, OutboxDispatcher.Status sending) {
        /** Nothing counted yet, nobody sending. */
        public static final Snapshot EMPTY = new Snapshot(0, List.of(), OutboxDispatcher.Status.IDLE);

        /** Copies the list. */
        public Snapshot {
            unknown = List.copyOf(unknown);
            Objects.requireNonNull(sending, "sending");
        }
    }

    /** @param outbox the outbox to count */
    public OutboxWatch(Outbox outbox) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    /**
     * Reads the outbox once and tells the subscribers if anything changed. Blocking: call off the
     * FX thread.
     *
     * @return where it stands now
     * @throws dev.conn.incident.StoreException if the database cannot be read
     */
    public synchronized Snapshot recount() {
        Outbox.Summary s = outbox.summary();
        return publish(new Snapshot(s.waiting(), s.unknown(), last.sending()));
    }

    /**
     * Records who sends; tells the subscribers if it changed. Reads nothing.
     *
     * @param status the dispatcher's status
     * @return where the outbox stands now
     */
    public synchronized Snapshot sending(OutboxDispatcher.Status status) {
        return publish(new Snapshot(last.waiting(), last.unknown(), status));
    }

    /** @return where the outbox stood at the last announcement */
    public synchronized Snapshot current() {
        return last;
    }

    /**
     * @param subscriber told each new snapshot, on the announcing thread
     * @return the subscription; cancel it to stop
     */
    public Subscription onChange(Consumer<Snapshot> subscriber) {
        changes.add(subscriber);
        return () -> changes.remove(subscriber);
    }

    /**
     * @param subscriber told the events the dispatcher appended, on the dispatcher's thread
     * @return the subscription; cancel it to stop
     */
    public Subscription onRecorded(Consumer<List<Event>> subscriber) {
        recorded.add(subscriber);
        return () -> recorded.remove(subscriber);
    }

    /**
     * Tells the subscribers of {@link #onRecorded} what was appended.
     *
     * @param events events just appended (nothing happens if empty)
     */
    public void recorded(List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        List<Event> batch = List.copyOf(events);
        for (Consumer<List<Event>> s : recorded) {
            try {
                s.accept(batch);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a subscriber to the outbox failed", e);
            }
        }
    }

    /** An ongoing subscription. */
    @FunctionalInterface
    public interface Subscription {
        /** Ends it; idempotent. */
        void cancel();
    }

    private Snapshot publish(Snapshot next) {
        if (next.equals(last)) {
            return last;
        }
        last = next;
        for (Consumer<Snapshot> s : changes) {
            try {
                s.accept(next);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a subscriber to the outbox failed", e);
            }
        }
        return next;
    }
}
