package dev.conn.comms;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;

/**
 * The dispatcher's side of the {@link DispatchLease}: claims it before sending, runs the recovery
 * once per new token (rows a dead holder left in flight become delivery-unknown), renews it by
 * heartbeat, and remembers who sends when this process does not. Thread-safe: the heartbeat runs
 * on its own thread while the dispatcher's thread may be waiting on a request.
 */
final class LeaseKeeper {
    private final DispatchLease lease;
    private final LongFunction<List<OutboxMessage>> recoverBefore;
    private final AtomicReference<DispatchLease.Claim> last = new AtomicReference<>();
    private long recoveredFor = -1;

    /**
     * @param lease the lease
     * @param recoverBefore marks the rows in flight under an older token than the one given as
     *     UNKNOWN, returning them; may throw (then it runs again at the next claim)
     */
    LeaseKeeper(DispatchLease lease, LongFunction<List<OutboxMessage>> recoverBefore) {
        this.lease = lease;
        this.recoverBefore = recoverBefore;
    }

    /** The result of {@link #claim()}: the token, if held, and the rows recovered by this claim. */
    record Turn(Optional<Long> token, List<OutboxMessage> recovered) {}

    /**
     * Claims (or renews) the lease; with a token not yet recovered for, recovers first.
     *
     * @return the token if this process holds the lease, with what this call recovered
     */
    synchronized Turn claim() {
        DispatchLease.Claim c = lease.claim();
        last.set(c);
        if (!(c instanceof DispatchLease.Claim.Held h)) {
            return new Turn(Optional.empty(), List.of());
        }
        List<OutboxMessage> recovered = List.of();
        if (recoveredFor != h.token()) {
            recovered = recoverBefore.apply(h.token());
            recoveredFor = h.token();
        }
        return new Turn(Optional.of(h.token()), recovered);
    }

    /** Heartbeat: renews the lease if this process holds it; forgets it if it was taken over. */
    void heartbeat() {
        if (last.get() instanceof DispatchLease.Claim.Held h && !lease.renew(h.token())) {
            last.compareAndSet(h, null);
        }
    }

    /** Lets the lease go, if held, so another process takes over at once. */
    void release() {
        if (last.getAndSet(null) instanceof DispatchLease.Claim.Held h) {
            lease.release(h.token());
        }
    }

    /** @return the holder seen at the last claim when it was another process */
    Optional<DispatchLease.Holder> elsewhere() {
        return last.get() instanceof DispatchLease.Claim.Elsewhere e ? Optional.of(e.holder()) : Optional.empty();
    }

    /** @return true if this process held the lease at its last claim or heartbeat */
    boolean holding() {
        return last.get() instanceof DispatchLease.Claim.Held;
    }

    /** @return how often to renew: a third of the lease time */
    java.time.Duration heartbeatEvery() {
        return lease.ttl().dividedBy(3);
    }
}
