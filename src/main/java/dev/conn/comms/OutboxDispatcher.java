package dev.conn.comms;

import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.Payload;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Delivers the outbox: per channel, one row at a time in queue order, off the FX thread.
 *
 * <ul>
 *   <li>Before a request leaves, the row is marked IN_FLIGHT durably; at start-up ({@link
 *       #recover()}) rows still in flight become UNKNOWN with a {@code MESSAGE_DELIVERY_UNKNOWN}
 *       event, and wait for the user to resend or mark them sent: Conn never sends twice on its
 *       own.
 *   <li>Retryable failures wait {@code Retry-After} when the server gives it, else exponential
 *       backoff with full jitter ({@link Backoff}); the channel's later rows wait behind it, so
 *       order per destination holds.
 *   <li>Requests with the same {@link Channel#rateKey()} are at least {@link
 *       Channel#minInterval()} apart (Slack: 1 message/s per webhook,
 *       https://api.slack.com/apis/rate-limits; Statuspage: 1 request/s per token,
 *       https://developer.statuspage.io/#section/Rate-Limiting).
 *   <li>Terminal refusals are recorded as {@code MESSAGE_FAILED} and never retried.
 * </ul>
 *
 * All timing reads the injected {@link Clock} and waits through the injected {@link Sleeper}.
 */
public final class OutboxDispatcher implements AutoCloseable {
    /** The longest the background loop waits before looking for newly queued rows. */
    public static final Duration POLL = Duration.ofMillis(500);

    private static final String SYSTEM_AUTHOR = "Conn outbox";

    private final Outbox outbox;
    private final Function<String, Optional<Channel>> channels;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Backoff backoff;
    private final Map<String, Instant> nextAllowed = new HashMap<>();
    private final AtomicBoolean offline = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private ExecutorService loop;

    /**
     * @param outbox the outbox
     * @param channels looks a channel up by id (settings may change while running)
     * @param clock the clock
     * @param sleeper how to wait
     * @param backoff the retry backoff
     */
    public OutboxDispatcher(
            Outbox outbox,
            Function<String, Optional<Channel>> channels,
            Clock clock,
            Sleeper sleeper,
            Backoff backoff) {
        this.outbox = outbox;
        this.channels = channels;
        this.clock = clock;
        this.sleeper = sleeper;
        this.backoff = backoff;
    }

    /**
     * Marks every row a crash left IN_FLIGHT as UNKNOWN, each with its event. Call once at start,
     * before the first {@link #runOnce()}.
     *
     * @return the rows now UNKNOWN
     */
    public synchronized List<OutboxMessage> recover() {
        List<OutboxMessage> rows = outbox.inFlight();
        for (OutboxMessage m : rows) {
            outbox.markUnknown(
                    m.seq(),
                    event(
                            m,
                            EventType.MESSAGE_DELIVERY_UNKNOWN,
                            Payload.of("messageId", m.messageId(), "channel", m.channel())));
        }
        return rows;
    }

    /**
     * Sends every row that is due now, respecting order, backoff and rate limits.
     *
     * @return how long until the next row is due; empty if nothing is queued
     */
    public synchronized Optional<Duration> runOnce() {
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
                    fail(m, "channel '" + m.channel() + "' is not configured");
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
                send(m, channel.get());
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

    /** Starts the background loop on its own daemon thread; it polls at least every {@link #POLL}. */
    public synchronized void start() {
        if (running.getAndSet(true)) {
            return;
        }
        loop = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "conn-outbox");
            t.setDaemon(true);
            return t;
        });
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

    /** Stops the background loop; a request already in flight finishes first. */
    @Override
    public void close() {
        running.set(false);
        ExecutorService l;
        synchronized (this) {
            l = loop;
            loop = null;
        }
        if (l != null) {
            l.shutdown();
            try {
                l.awaitTermination(35, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** @return true if the last attempt could not reach its server */
    public boolean offline() {
        return offline.get();
    }

    private void send(OutboxMessage m, Channel channel) {
        outbox.markInFlight(m.seq());
        Instant leftAt = clock.instant();
        nextAllowed.put(channel.rateKey(), leftAt.plus(channel.minInterval()));
        Delivery d;
        try {
            d = channel.deliver(m);
        } catch (RuntimeException e) {
            // a channel bug must not wedge the queue: retry with backoff
            d = new Delivery.Retry(e.getClass().getSimpleName() + ": " + e.getMessage(), Optional.empty(), false);
        }
        if (d instanceof Delivery.Sent s) {
            offline.set(false);
            outbox.markSent(
                    m.seq(),
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
            fail(m, f.reason());
        } else if (d instanceof Delivery.Retry r) {
            offline.set(r.offline());
            Duration wait = r.retryAfter().orElseGet(() -> backoff.delay(m.attempts() + 1));
            Instant next = clock.instant().plus(wait);
            if (r.retryAfter().isPresent()) {
                nextAllowed.merge(channel.rateKey(), next, OutboxDispatcher::later);
            }
            outbox.reschedule(m.seq(), next, Optional.of(r.reason()));
        }
    }

    private void fail(OutboxMessage m, String reason) {
        outbox.markFailed(
                m.seq(),
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
