package dev.conn.warroom;

import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Shares this console's journal with the war room and brings in what the others share, on one
 * background thread: connect, then over and over push (this console's events not yet shared, with
 * the outbox rows of the messages among them), pull (everything after the cursor, stored through the
 * one writer with its server position), heartbeat (presence), and wait until a local append, a
 * notification from the server ({@code LISTEN/NOTIFY}) or the poll interval, whichever comes first.
 * The poll covers notifications lost while the connection was down.
 *
 * <p>Offline (the server cannot be reached) the console works alone: appends are durable in the
 * journal and acknowledged as ever; the count of events to share grows; connecting is retried with
 * a backoff of {@link Timing#retryMin()} doubling to {@link Timing#retryMax()}. On reconnect it
 * pushes, then pulls, and converges. A refusal (credentials, TLS, grants) is retried only every
 * {@link Timing#refusedRetry()}, or at once on {@link #reconnect()}.
 *
 * <p>On every connect the journal's record of the war room is checked against the server (the event
 * at the newest position this console holds): after a failover that lost the newest transactions,
 * or a restore from an older backup, the journal is rewound to where both agree and shares the rest
 * again ({@link Journal#rewindTo}), so nothing acknowledged is ever lost.
 */
public final class Replicator implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Replicator.class.getName());

    /** What the replicator tells the console; called on the replicator's thread. */
    public interface Listener {
        /** @param state where sharing stands now (only when it changed) */
        default void state(SyncState state) {}

        /** @param stored what a pull stored, and where the log order changed */
        default void replicated(Journal.Stored stored) {}

        /** @param people the war room's people, as the server last saw them */
        default void people(List<PersonSeen> people) {}

        /**
         * A round with the server ended: what was pushed and pulled is in place (the war room's
         * outbox may have changed: rows handed over, outcomes recorded).
         *
         * @param pushed events this console shared in the round
         * @param pulled events the round brought from the server
         */
        default void round(int pushed, int pulled) {}
    }

    /**
     * Intervals and batch sizes.
     *
     * @param poll the longest wait between two pulls without a notification
     * @param heartbeat how often presence is renewed
     * @param retryMin first wait before connecting again when offline
     * @param retryMax longest wait before connecting again when offline
     * @param refusedRetry wait before trying again after a refusal
     * @param pushBatch events per push transaction
     * @param pullBatch events per pull
     */
    public record Timing(
            Duration poll,
            Duration heartbeat,
            Duration retryMin,
            Duration retryMax,
            Duration refusedRetry,
            int pushBatch,
            int pullBatch) {
        /** Defaults: poll 2 s, heartbeat 5 s, reconnect 0.5-4 s, refused 30 s, 500/2,000 events. */
        public static final Timing DEFAULT = new Timing(
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                Duration.ofMillis(500),
                Duration.ofSeconds(4),
                Duration.ofSeconds(30),
                500,
                2_000);
    }

    private final Journal journal;
    private final WarRoomServer server;
    private final Person person;
    private final Clock clock;
    private final Timing timing;
    private final Listener listener;
    private final Wakeup wakeup;
    private volatile boolean closed;
    private Thread thread;
    private WarRoomLink link;
    private SyncState published;
    private Instant since;
    private Instant nextHeartbeat = Instant.MIN;
    private final List<Runnable> onClose = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * @param journal this console's journal
     * @param server the war room's server
     * @param person the person at this console
     * @param clock for the offline-since time and the heartbeat schedule
     * @param timing intervals and batch sizes
     * @param listener told of state changes, pulls and presence
     */
    public Replicator(
            Journal journal, WarRoomServer server, Person person, Clock clock, Timing timing, Listener listener) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.server = Objects.requireNonNull(server, "server");
        this.person = Objects.requireNonNull(person, "person");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timing = Objects.requireNonNull(timing, "timing");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.wakeup = new Wakeup(() -> closed, this::refreshCount);
    }

    /** Starts sharing on a daemon thread of its own. */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        thread = new Thread(this::run, "conn-war-room");
        thread.setDaemon(true);
        thread.start();
    }

    /** Something changed here or at the server: share or pull now instead of at the next poll. */
    public void wake() {
        wakeup.wake();
    }

    /**
     * This console appended: share within a few milliseconds, together with the rest of a burst
     * ({@link Wakeup#GATHER_MS}), instead of at the next poll.
     */
    public void shareSoon() {
        wakeup.wakeToShare();
    }

    /** Try to connect now (the user pressed Connect), without waiting out the backoff. */
    public void reconnect() {
        wakeup.reconnect();
    }

    /**
     * Shares everything not yet shared and pulls everything new, once, then disconnects: the CLI's
     * way, bounded by the connection timeouts. Not to be mixed with {@link #start()}.
     *
     * @return how many events this console shared and how many it received
     * @throws WarRoomUnreachableException if the server cannot be reached (the events stay in the
     *     journal, to be shared later)
     * @throws WarRoomRefusedException if the server refused
     */
    public SyncResult syncOnce() {
        try (WarRoomLink l = server.connect(() -> {})) {
            link = l;
            Reconciliation.bindAndReconcile(journal, l);
            int pushed = 0;
            int pulled = 0;
            boolean more = true;
            while (more) {
                int p = push(l);
                Pulled got = pull(l);
                pushed += p;
                pulled += got.stored();
                more = p == timing.pushBatch() || got.fetched() == timing.pullBatch();
            }
            return new SyncResult(pushed, pulled, journal.unsharedCount());
        } finally {
            link = null;
        }
    }

    /**
     * What one {@link #syncOnce()} did.
     *
     * @param shared this console's events newly given a position
     * @param received events of other consoles newly stored here
     * @param stillToShare events still not shared
     */
    public record SyncResult(int shared, int received, int stillToShare) {}

    /** @param r run once when this replicator is closed (e.g. ending a subscription) */
    public void onClose(Runnable r) {
        onClose.add(r);
    }

    /** Stops sharing: says goodbye to the war room (presence), disconnects, and ends the thread. */
    @Override
    public void close() {
        onClose.forEach(Runnable::run);
        onClose.clear();
        closed = true;
        wake();
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        Duration retry = timing.retryMin();
        publish(SyncState.Mode.CONNECTING, Optional.empty());
        while (!closed) {
            if (link == null) {
                try {
                    WarRoomLink l = server.connect(this::wake);
                    link = l;
                    Reconciliation.bindAndReconcile(journal, l);
                    retry = timing.retryMin();
                    since = null;
                    nextHeartbeat = Instant.MIN;
                } catch (WarRoomUnreachableException e) {
                    dropLink();
                    offline(e.getMessage());
                    wakeup.waitOut(retry, true);
                    retry = min(retry.multipliedBy(2), timing.retryMax());
                    continue;
                } catch (RuntimeException e) {
                    dropLink();
                    refused(e);
                    wakeup.waitOut(timing.refusedRetry(), true);
                    continue;
                }
            }
            try {
                int pushed = push(link);
                Pulled pulled = pull(link);
                boolean more = pushed == timing.pushBatch() || pulled.fetched() == timing.pullBatch();
                if (pushed > 0 || pulled.fetched() > 0) {
                    listener.round(pushed, pulled.fetched());
                }
                Instant now = clock.instant();
                if (!now.isBefore(nextHeartbeat)) {
                    nextHeartbeat = now.plus(timing.heartbeat());
                    link.heartbeat(person, journal.consoleId());
                    listener.people(link.people());
                }
                publish(SyncState.Mode.ONLINE, Optional.empty());
                if (!more) {
                    wakeup.waitOut(min(timing.poll(), Duration.between(clock.instant(), nextHeartbeat)), false);
                }
            } catch (WarRoomUnreachableException e) {
                dropLink();
                offline(e.getMessage());
            } catch (RuntimeException e) {
                dropLink();
                refused(e);
                wakeup.waitOut(timing.refusedRetry(), true);
            }
        }
        WarRoomLink l = link;
        if (l != null) {
            try {
                l.signOff(person);
            } catch (RuntimeException e) {
                // the presence expires by itself
            }
            dropLink();
        }
        publish(SyncState.Mode.SOLO, Optional.empty());
    }

    private void offline(String why) {
        if (since == null) {
            since = clock.instant();
        }
        publish(SyncState.Mode.OFFLINE, Optional.ofNullable(why));
    }

    private void refused(RuntimeException e) {
        if (!(e instanceof WarRoomRefusedException)) {
            LOG.log(Level.WARNING, "war room sharing stopped", e);
        }
        if (since == null) {
            since = clock.instant();
        }
        String why = e instanceof WarRoomRefusedException
                ? e.getMessage()
                : "Sharing stopped: " + e.getMessage() + ". Conn tries again in "
                        + timing.refusedRetry().toSeconds() + " s.";
        publish(SyncState.Mode.REFUSED, Optional.of(why));
    }

    private int push(WarRoomLink l) {
        List<Event> batch = journal.unshared(timing.pushBatch());
        if (batch.isEmpty()) {
            return 0;
        }
        List<Event> queued = batch.stream() // messages, tickets and pages ride the outbox alike (issue 16)
                .filter(e -> e.type() == EventType.MESSAGE_QUEUED
                        || e.type() == EventType.TICKET_REQUESTED
                        || e.type() == EventType.PAGE_REQUESTED)
                .toList();
        List<SharedMessage> messages = queued.isEmpty() ? List.of() : journal.handOver(queued);
        List<Position> positions = l.push(batch, messages);
        journal.markShared(positions);
        return batch.size();
    }

    /** What one pull did: events fetched from the server, and how many of them were new here. */
    private record Pulled(int fetched, int stored) {}

    private Pulled pull(WarRoomLink l) {
        List<ServerEvent> got = l.pull(journal.cursor(), timing.pullBatch());
        if (got.isEmpty()) {
            return new Pulled(0, 0);
        }
        Journal.Stored stored = journal.storeReplicated(got);
        if (!stored.stored().isEmpty() || !stored.reordered().isEmpty()) {
            listener.replicated(stored);
        }
        return new Pulled(got.size(), stored.stored().size());
    }

    private void dropLink() {
        WarRoomLink l = link;
        link = null;
        if (l != null) {
            l.close();
        }
    }

    private void refreshCount() {
        SyncState s = published;
        if (s != null) {
            publish(s.mode(), s.problem());
        }
    }

    private void publish(SyncState.Mode mode, Optional<String> problem) {
        int toShare;
        try {
            toShare = journal.unsharedCount();
        } catch (RuntimeException e) {
            toShare = published == null ? 0 : published.toShare();
        }
        WarRoomLink l = link;
        SyncState next = new SyncState(
                mode,
                mode == SyncState.Mode.OFFLINE || mode == SyncState.Mode.REFUSED
                        ? Optional.ofNullable(since)
                        : Optional.empty(),
                toShare,
                problem,
                Optional.ofNullable(l).map(WarRoomLink::role));
        if (!next.equals(published)) {
            published = next;
            listener.state(next);
        }
    }

    /** @return the state last published */
    public Optional<SyncState> state() {
        return Optional.ofNullable(published);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
