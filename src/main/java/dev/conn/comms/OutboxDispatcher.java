package dev.conn.comms;

import dev.conn.incident.Event;
import dev.conn.incident.IncidentLog;
import dev.conn.incident.JdbcTransactionStep;
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
 *   <li>Every outcome is recorded through the one writer ({@link IncidentLog#execute(
 *       dev.conn.incident.IncidentId, dev.conn.incident.Decider, Object, String, Optional)}, as
 *       "Conn outbox"): the {@link DeliveryDecider}'s event and the row's compare-and-set under the
 *       token commit together, or, if the row moved on, neither.
 *   <li>It announces what it changed through the {@link OutboxWatch}: the events it appended, and
 *       a recount after each change; while another process sends, each poll recounts, so this
 *       window's status bar follows the other's sending.
 * </ul>
 *
 * All timing reads the injected {@link Clock} and waits through the injected {@link Sleeper}; only
 * the heartbeat of the background loop ({@link #start()}) runs on real time.
 */
public final class OutboxDispatcher implements AutoCloseable {
    /** The longest the background loop waits before looking for newly queued rows. */
    public static final Duration POLL = Duration.ofMillis(500);

    /** While this process sends, the outbox is recounted at least this often (other windows' decisions). */
    static final Duration RECOUNT = Duration.ofSeconds(10);

    private final Outbox outbox;
    private final DeliveryRecorder recorder;
    private final OutboxWatch watch;
    private final LeaseKeeper lease;
    private final Function<String, Optional<Channel>> channels;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Backoff backoff;
    private final KnownSecrets known;
    private final Map<String, Instant> nextAllowed = new HashMap<>();
    private final AtomicBoolean offline = new AtomicBoolean();
    private final DispatchLoop loop;
    private Instant recountedAt = Instant.MIN;

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
     * @param log the one writer, through which every outcome is recorded (its clock is the
     *     dispatcher's: backoff, rate limits and {@code sentAt} read it)
     * @param watch where the dispatcher announces its changes
     * @param lease the dispatch lease of the outbox's database
     * @param channels looks a channel up by id (settings may change while running)
     * @param sleeper how to wait
     * @param backoff the retry backoff
     * @param known the secrets resolved in this process (shared with the channels' resolver), to
     *     scrub every reason before it is stored
     */
    public OutboxDispatcher(
            Outbox outbox,
            IncidentLog log,
            OutboxWatch watch,
            DispatchLease lease,
            Function<String, Optional<Channel>> channels,
            Sleeper sleeper,
            Backoff backoff,
            KnownSecrets known) {
        this.outbox = outbox;
        this.recorder = new DeliveryRecorder(log);
        this.watch = watch;
        this.lease = new LeaseKeeper(lease, this::recoverBefore);
        this.channels = channels;
        this.clock = log.clock();
        this.sleeper = sleeper;
        this.backoff = backoff;
        this.known = known;
        this.loop = new DispatchLoop(sleeper);
    }

    /**
     * Claims the lease and, if this process takes it with a new token, marks every row an earlier
     * holder left IN_FLIGHT as UNKNOWN, each with its event. Call at start; {@link #runOnce()} does
     * the same on its own. If another live process holds the lease, nothing is marked.
     *
     * @return the rows now UNKNOWN
     */
    public synchronized List<OutboxMessage> recover() {
        List<OutboxMessage> recovered = lease.claim().recovered();
        announce(true);
        return recovered;
    }

    private List<OutboxMessage> recoverBefore(long token) {
        List<OutboxMessage> out = new ArrayList<>();
        for (OutboxMessage m : outbox.inFlightBefore(token)) {
            DeliveryCommand unknown = new DeliveryCommand.DeliveryUnknown(
                    m.messageId(), m.channel(), "Conn stopped while sending (the sending process ended)");
            if (record(m, unknown, outbox.recoverUnknown(m.seq(), token))) {
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
            // another process sends: follow its progress, and look again at the next poll (it may go away)
            return announce(true).waiting() > 0 ? Optional.of(POLL) : Optional.empty();
        }
        long token = held.get();
        boolean moved = false;
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
                    progress = moved = true;
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
                    announce(moved);
                    return Optional.of(POLL); // the lease moved on: claim again at the next poll
                }
                progress = moved = true;
                break; // re-read: the row's state changed
            }
        }
        announce(moved || !clock.instant().isBefore(recountedAt.plus(RECOUNT)));
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
    public void start() {
        loop.start(this::runOnce, lease::heartbeat, lease.heartbeatEvery());
    }

    /**
     * Stops the background loop (a request already in flight finishes first), then lets the lease
     * go, so another Conn window takes over at once.
     */
    @Override
    public void close() {
        loop.stop();
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
            record(
                    m,
                    new DeliveryCommand.Sent(m.messageId(), m.channel(), leftAt, s.externalId(), s.writeBack()),
                    outbox.markSent(m.seq(), token, leftAt, s.externalId()));
        } else if (d instanceof Delivery.Failed f) {
            offline.set(false);
            fail(m, token, f.reason());
        } else if (d instanceof Delivery.Unknown u) {
            offline.set(false);
            String reason = known.scrub(u.reason());
            record(
                    m,
                    new DeliveryCommand.DeliveryUnknown(m.messageId(), m.channel(), reason),
                    outbox.markUnknown(m.seq(), token, reason));
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
        record(
                m,
                new DeliveryCommand.Failed(m.messageId(), m.channel(), reason),
                outbox.markFailed(m.seq(), token, reason));
    }

    /**
     * Records an outcome with the row's compare-and-set, as "Conn outbox", and announces the
     * events appended.
     *
     * @return false if the row had moved on (nothing was stored)
     */
    private boolean record(OutboxMessage m, DeliveryCommand outcome, JdbcTransactionStep cas) {
        Optional<List<Event>> appended = recorder.record(m.incidentId(), outcome, cas, DeliveryRecorder.SYSTEM_AUTHOR);
        appended.ifPresent(watch::recorded);
        return appended.isPresent();
    }

    /** Tells the watch who sends, and recounts the outbox if asked. */
    private OutboxWatch.Snapshot announce(boolean recount) {
        watch.sending(status());
        if (!recount) {
            return watch.current();
        }
        recountedAt = clock.instant();
        return watch.recount();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
