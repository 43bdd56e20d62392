package dev.conn.warroom;

import dev.conn.comms.DispatchLease;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A {@link DispatchLease} that this console may claim only while a condition holds; otherwise it
 * answers that someone else sends. Two uses:
 *
 * <ul>
 *   <li>the console's own (local) lease, gated on "no war room": while the console is in a war room,
 *       its own dispatcher never sends (the messages it queues are handed over to the war room's
 *       outbox when they are shared, and the war room's lease holder sends them), so a message is
 *       sent once per war room;
 *   <li>the war room's lease, gated on "this console has message channels": a console without any
 *       never takes the lease, so it cannot fail a message for want of a channel others have.
 * </ul>
 *
 * Once the condition stops holding, renewals fail, so a lease held before lapses within its time.
 */
public final class GatedLease implements DispatchLease {
    private final DispatchLease lease;
    private final BooleanSupplier allowed;
    private final String otherwise;
    private final boolean showHolder;

    private GatedLease(DispatchLease lease, BooleanSupplier allowed, String otherwise, boolean showHolder) {
        this.lease = Objects.requireNonNull(lease, "lease");
        this.allowed = Objects.requireNonNull(allowed, "allowed");
        this.otherwise = Objects.requireNonNull(otherwise, "otherwise");
        this.showHolder = showHolder;
    }

    /**
     * @param local the console's own lease (its data directory's)
     * @param inWarRoom true while the console is in a war room (connected or not)
     * @return a lease the console's own dispatcher can hold only while it works solo
     */
    public static GatedLease soloOnly(DispatchLease local, BooleanSupplier inWarRoom) {
        return new GatedLease(local, () -> !inWarRoom.getAsBoolean(), "the war room's sending console", false);
    }

    /**
     * @param warRoom the war room's lease
     * @param hasChannels true while this console has message channels configured
     * @return a lease this console claims only while it could send
     */
    public static GatedLease withChannels(DispatchLease warRoom, BooleanSupplier hasChannels) {
        return new GatedLease(warRoom, hasChannels, "a console of the war room with message channels", true);
    }

    @Override
    public Claim claim() {
        if (allowed.getAsBoolean()) {
            return lease.claim();
        }
        Holder someone = new Holder(new Owner("-", "-", 0, otherwise), 0, Instant.EPOCH, Instant.EPOCH);
        return new Claim.Elsewhere(
                showHolder ? lease.holder().filter(h -> h.token() > 0).orElse(someone) : someone);
    }

    @Override
    public boolean renew(long token) {
        return allowed.getAsBoolean() && lease.renew(token);
    }

    @Override
    public void release(long token) {
        lease.release(token);
    }

    @Override
    public Duration ttl() {
        return lease.ttl();
    }

    @Override
    public Optional<Holder> holder() {
        return lease.holder();
    }
}
