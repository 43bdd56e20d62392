package dev.conn.comms;

import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.Payload;
import dev.conn.platform.secrets.KnownSecrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Delivers the outbox: per channel, one row at a time in queue order, off the FX thread, and only
 * while this process holds the {@link DispatchLease} (one dispatcher per data directory; ADR 0009).
 *
 * <ul>
 *   <li>Before a request leaves, the row is marked IN_FLIGHT durably with the lease's fencing
 *       token. When this process takes the lease with a new token, rows left IN_FLIGHT under an
 *       older token (their sender is gone) become UNKNOWN with a {@code MESSAGE_DELIVERY_UNKNOWN}
 *       event, and wait for the user to resend or mark them sent: Conn never sends twice on its
 *       own. A live holder's in-flight rows are never touched.
 *   <li>One rule for uncertainty: a request written in full to a receiver that cannot
 *       de-duplicate, whose answer is lost, is UNKNOWN too ({@link Delivery.Unknown}), exactly as
 *       after a crash. A request that never left ({@link Delivery.NotSent}) does not count as an
 *       attempt.
 *   <li>Retryable failures wait {@code Retry-After} when the server gives it, else exponential
 *       backoff with full jitter ({@link Backoff}) over the row's failures in a row; the channel's
 *       later rows wait behind it, so order per destination holds.
 *   <li>Requests with the same {@link Channel#rateKey()} are at least {@link
 *       Channel#minInterval()} apart (Slack: 1 message/s per webhook,
 *       https://api.slack.com/apis/rate-limits; Statuspage: 1 request/s per token,
 *       https://developer.statuspage.io/#section/Rate-Limiting).
 *   <li>Terminal refusals are recorded as {@code MESSAGE_FAILED} and never retried.
 *   <li>Every reason stored (the row's {@code last_error}, the events' {@code reason}) passes
 *       through {@link KnownSecrets#scrub}.
 * </ul>
 *
 * All timing reads the injected {@link Clock} and waits through the injected {@link Sleeper}; only
 * the heartbeat of the background loop ({@link #start()}) runs on real time.
 */
public final class OutboxDispatcher implements AutoCloseable {
    /** The longest the background loop waits before looking for newly queued rows. */
    public static final Duration POLL = Duration.ofMillis(500);

    private static final String SYSTEM_AUTHOR = "Conn outbox";

    private final Outbox outbox;
    private final LeaseKeeper lease;
    private final Function<String, Optional<Channel>> channels;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Backoff backoff;
    private final KnownSecrets known;
    private final Map<String, Instant> nextAllowed = new HashMap<>();
    private final AtomicBoolean offline = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private ExecutorService loop;
    private ScheduledExecutorService heartbeat;

    /**
     * Where sending stands, for the status bar and the Comms tab.
     *
     * @param here true if this process holds the lease and sends
     * @param offline true if this process's last attempt could not reach its server
     * @param elsewhere the other process that holds the lease, if any (then this one does not send)
     */
    public record Status(boolean here, boolean offline, Optional<DispatchLease.Holder> elsewhere) {
        /** Nothing known yet (before the first claim). */
        public static final Status IDLE = new Status(false, false, Optional.empty());
    }

    /**
     * @param outbox the outbox
     * @param lease the dispatch lease of the outbox's database
     * @param channels looks a channel up by id (settings may change while running)
     * @param clock the clock
     * @param sleeper how to wait
     * @param backoff the retry backoff
     * @param known the secrets resolved in this process (shared with the channels' resolver), to
     *     scrub every reason before it is stored
     */
    public OutboxDispatcher(
            Outbox outbox,
            DispatchLease lease,
            Function<String, Optional<Channel>> channels,
            Clock clock,
            Sleeper sleeper,
            Backoff backoff,
            KnownSecrets known) {
        this.outbox = outbox;
        this.lease = new LeaseKeeper(lease, this::recoverBefore);
        this.channels = channels;
        this.clock = clock;
        this.sleeper = sleeper;
        this.backoff = backoff;
        this.known = known;
    }

    /**
     * Claims the lease and, if this process takes it with a new token, marks every row an earlier
     * holder left IN_FLIGHT as UNKNOWN, each with its event. Call at start; {@link #runOnce()} does
     * the same on its own. If another live process holds the lease, nothing is marked.
     *
     * @return the rows now UNKNOWN
     */
    public synchronized List<OutboxMessage> recover() {
        return lease.claim().recovered();
    }

    private List<OutboxMessage> recoverBefore(long token) {
        List<OutboxMessage> out = new ArrayList<>();
        for (OutboxMessage m : outbox.inFlightBefore(token)) {
            Event e = event(
                    m,
                    EventType.MESSAGE_DELIVERY_UNKNOWN,
                    Payload.of(
                            "messageId",
                            m.messageId(),
                            "channel",
                            m.channel(),
                            "reason",
                            "Conn stopped while sending (the sending process ended)"));
            if (outbox.recoverUnknown(m.seq(), token, e)) {
                out.add(m);
            }
        }
        return out;
    }

    /**
     * Sends every row that is due now, respecting order, backoff and rate limits.
     *
     * @return how long until the next row is due; empty if nothing is queued
     */
    public synchronized Optional<Duration> runOnce() {
        Optional<Long> held = lease.claim().token();
        if (held.isEmpty()) {
            // another process sends; look again at the next poll (it may go away)
            return outbox.waiting() > 0 ? Optional.of(POLL) : Optional.empty();
        }
        long token = held.get();
        Set<String> blocked = new HashSet<>();
        Instant soonest = null;
        boolean progress = true;
        while (progress) {
            progress = false;
            blocked.clear();
            soonest = null;
            for (OutboxMessage m : outbox.queued()) {
                if (!blocked.add(m.channel())) {
                    continue; // a row of this channel comes first
                }
                Optional<Channel> channel = channels.apply(m.channel());
                if (channel.isEmpty()) {
                    fail(m, token, "channel '" + m.channel() + "' is not configured");
                    progress = true;
                    break;
                }
                Instant now = clock.instant();
                Instant ready = later(
                        m.nextAttemptAt(),
                        nextAllowed.getOrDefault(channel.get().rateKey(), Instant.MIN));
                if (ready.isAfter(now)) {
                    soonest = soonest == null || ready.isBefore(soonest) ? ready : soonest;
                    continue;
                }
                if (!send(m, channel.get(), token)) {
                    return Optional.of(POLL); // the lease moved on: claim again at the next poll
                }
                progress = true;
                break; // re-read: the row's state changed
            }
        }
        if (soonest == null) {
            return Optional.empty();
        }
        Duration wait = Duration.between(clock.instant(), soonest);
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    }

    /**
     * Runs until nothing is queued, waiting through the sleeper (for tests, benchmarks and the
     * CLI).
     *
     * @param limit give up after this much clock time
     * @return true if the queue drained
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean drain(Duration limit) throws InterruptedException {
        Instant end = clock.instant().plus(limit);
        while (true) {
            Optional<Duration> wait = runOnce();
            if (wait.isEmpty()) {
                return true;
            }
            if (!clock.instant().isBefore(end)) {
                return false;
            }
            sleeper.sleep(wait.get());
        }
    }

    /**
     * Starts the background loop on its own daemon thread; it polls at least every {@link #POLL},
     * and a second daemon thread renews the lease every third of its lifetime, also while a
     * request is waiting for its answer.
     */
    public synchronized void start() {
        if (running.getAndSet(true)) {
            return;
        }
        loop = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "conn-outbox");
            t.setDaemon(true);
            return t;
        });
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "conn-outbox-lease");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(50, lease.heartbeatEvery().toMillis());
        heartbeat.scheduleWithFixedDelay(
                () -> {
                    try {
                        lease.heartbeat();
                    } catch (RuntimeException e) {
                        // the database is closing or failing: the next claim tells
                    }
                },
                every,
                every,
                TimeUnit.MILLISECONDS);
        loop.execute(() -> {
            while (running.get()) {
                try {
                    Duration wait = runOnce().filter(w -> w.compareTo(POLL) < 0).orElse(POLL);
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    // the database is closing or failing: try again at the next poll
                    try {
                        sleeper.sleep(POLL);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        });
    }

    /**
     * Stops the background loop (a request already in flight finishes first), then lets the lease
     * go, so another Conn window takes over at once.
     */
    @Override
    public void close() {
        running.set(false);
        ExecutorService l;
        ScheduledExecutorService h;
        synchronized (this) {
            l = loop;
            loop = null;
        }
        h = heartbeat;
        heartbeat = null;
        if (l != null) {
            l.shutdown();
            try {
                l.awaitTermination(35, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (h != null) {
            h.shutdownNow();
        }
        try {
            synchronized (this) {
                lease.release();
            }
        } catch (RuntimeException e) {
            // the database is gone: the lease expires by itself
        }
    }

    /** @return true if the last attempt could not reach its server */
    public boolean offline() {
        return offline.get();
    }

    /** @return where sending stands: here, offline, or in another Conn process */
    public Status status() {
        return new Status(lease.holding(), offline.get(), lease.elsewhere());
    }

    /** @return false if the row could not be claimed under the token (the lease moved on) */
    private boolean send(OutboxMessage m, Channel channel, long token) {
        if (!outbox.markInFlight(m.seq(), token)) {
            return false;
        }
        Instant leftAt = clock.instant();
        nextAllowed.put(channel.rateKey(), leftAt.plus(channel.minInterval()));
        Delivery d;
        try {
            d = channel.deliver(m);
        } catch (RuntimeException e) {
            // a channel bug: whether anything left is unknown, so the user decides
            d = new Delivery.Unknown(
                    "the channel failed unexpectedly (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        if (d instanceof Delivery.Sent s) {
            offline.set(false);
            outbox.markSent(
                    m.seq(),
                    token,
                    leftAt,
                    s.externalId(),
                    event(
                            m,
                            EventType.MESSAGE_SENT,
                            Payload.of(
                                    "messageId", m.messageId(),
                                    "channel", m.channel(),
                                    "sentAt", leftAt,
                                    "externalId", s.externalId().orElse(null))));
        } else if (d instanceof Delivery.Failed f) {
            offline.set(false);
            fail(m, token, f.reason());
        } else if (d instanceof Delivery.Unknown u) {
            offline.set(false);
            String reason = known.scrub(u.reason());
            outbox.markUnknown(
                    m.seq(),
                    token,
                    reason,
                    event(
                            m,
                            EventType.MESSAGE_DELIVERY_UNKNOWN,
                            Payload.of("messageId", m.messageId(), "channel", m.channel(), "reason", reason)));
        } else if (d instanceof Delivery.Retry r) {
            offline.set(r.offline());
            Duration wait = r.retryAfter().orElseGet(() -> backoff.delay(m.failures() + 1));
            Instant next = clock.instant().plus(wait);
            if (r.retryAfter().isPresent()) {
                nextAllowed.merge(channel.rateKey(), next, OutboxDispatcher::later);
            }
            outbox.reschedule(m.seq(), token, next, known.scrub(r.reason()), true);
        } else if (d instanceof Delivery.NotSent n) {
            offline.set(n.offline());
            nextAllowed.put(channel.rateKey(), leftAt); // nothing reached the receiver
            Instant next = clock.instant().plus(backoff.delay(m.failures() + 1));
            outbox.reschedule(m.seq(), token, next, known.scrub(n.reason()), false);
        }
        return true;
    }

    private void fail(OutboxMessage m, long token, String why) {
        String reason = known.scrub(why);
        outbox.markFailed(
                m.seq(),
                token,
                reason,
                event(
                        m,
                        EventType.MESSAGE_FAILED,
                        Payload.of("messageId", m.messageId(), "channel", m.channel(), "reason", reason)));
    }

    private Event event(OutboxMessage m, EventType type, Payload payload) {
        Instant now = clock.instant();
        return new Event(Event.newId(), m.incidentId(), now, now, SYSTEM_AUTHOR, type, payload);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
