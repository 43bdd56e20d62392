package dev.conn.warroom;

import dev.conn.comms.Outbox;
import dev.conn.comms.OutboxMessage;
import dev.conn.incident.JdbcTransactionStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the Comms tab lists, counts and settles: this console's own outbox, plus the war room's
 * while this console is in one (issue 13). A message whose delivery is unknown in the war room's
 * outbox is listed beside the console's own, and the user resends it or marks it sent the same way:
 * the mark is the war room's compare-and-set, committed there with its {@code MESSAGE_SENT} before
 * the local append (ADR 0021); the resend is the war room's compare-and-set back to the queue, and
 * the war room's lease holder sends it. The waiting count adds the war room's waiting rows.
 *
 * <p>The war room's rows are shown as they stood at its last count ({@link #shared}), which the
 * war room's own threads make (never the FX thread, never a thread of the console's own outbox):
 * reading the tab's outbox reads only the local database, so a slow or hung war room server never
 * delays it. The two outboxes number their rows separately; here a war-room row's {@code seq} is the
 * negative of its number in the war room (the console's own rows are numbered from 1), and {@link
 * #resend} and {@link #confirmSent} route by that sign. The dispatcher's own moves ({@code
 * markInFlight}, {@code markSent}, ...) go to the console's own outbox; each outbox's dispatcher
 * works on that outbox directly.
 *
 * <p>Thread-safe.
 */
public final class OutboxWithWarRoom implements Outbox {
    private final Outbox local;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile Optional<Outbox> warRoom = Optional.empty();
    private volatile Summary shared = new Summary(0, List.of());

    /** @param local the console's own outbox */
    public OutboxWithWarRoom(Outbox local) {
        this.local = Objects.requireNonNull(local, "local");
    }

    /**
     * @param listener told (on the thread that reported) when the war room's rows change or this
     *     console joins or leaves a war room
     */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /**
     * This console is now in a war room with this outbox (or none): the war room's rows are shown
     * once counted.
     *
     * @param outbox the war room's outbox, or empty when the console leaves the war room
     */
    public void warRoom(Optional<Outbox> outbox) {
        warRoom = Objects.requireNonNull(outbox, "outbox");
        shared = new Summary(0, List.of());
        changed();
    }

    /**
     * The war room's outbox as its last count found it (called by the war room's threads).
     *
     * @param waiting its rows QUEUED or IN_FLIGHT
     * @param unknown its rows whose delivery is unknown, with the war room's numbers
     */
    public void shared(int waiting, List<OutboxMessage> unknown) {
        if (warRoom.isEmpty()) {
            return; // a count that finished after the console left
        }
        List<OutboxMessage> rekeyed = new ArrayList<>(unknown.size());
        for (OutboxMessage m : unknown) {
            rekeyed.add(withSeq(m, -m.seq()));
        }
        shared = new Summary(waiting, rekeyed);
        changed();
    }

    /**
     * @param m a row as the Comms tab lists it
     * @return true if it is a row of the war room's outbox
     */
    public static boolean inWarRoom(OutboxMessage m) {
        return m.seq() < 0;
    }

    @Override
    public List<OutboxMessage> queued() {
        return local.queued();
    }

    @Override
    public List<OutboxMessage> unknown() {
        List<OutboxMessage> out = new ArrayList<>(local.unknown());
        out.addAll(shared.unknown());
        return out;
    }

    @Override
    public Optional<OutboxMessage> row(long seq) {
        if (seq < 0) {
            return shared.unknown().stream().filter(m -> m.seq() == seq).findFirst();
        }
        return local.row(seq);
    }

    @Override
    public int waiting() {
        return local.waiting() + shared.waiting();
    }

    @Override
    public Summary summary() {
        Summary own = local.summary();
        Summary theirs = shared;
        List<OutboxMessage> unknown = new ArrayList<>(own.unknown());
        unknown.addAll(theirs.unknown());
        return new Summary(own.waiting() + theirs.waiting(), unknown);
    }

    @Override
    public List<OutboxMessage> inFlightBefore(long token) {
        return local.inFlightBefore(token);
    }

    @Override
    public boolean markInFlight(long seq, long token) {
        return local.markInFlight(seq, token);
    }

    @Override
    public boolean reschedule(long seq, long token, Instant nextAttemptAt, String error, boolean attemptCounted) {
        return local.reschedule(seq, token, nextAttemptAt, error, attemptCounted);
    }

    @Override
    public JdbcTransactionStep markSent(long seq, long token, Instant sentAt, Optional<String> externalId) {
        return local.markSent(seq, token, sentAt, externalId);
    }

    @Override
    public JdbcTransactionStep markFailed(long seq, long token, String reason) {
        return local.markFailed(seq, token, reason);
    }

    @Override
    public JdbcTransactionStep markUnknown(long seq, long token, String reason) {
        return local.markUnknown(seq, token, reason);
    }

    @Override
    public JdbcTransactionStep recoverUnknown(long seq, long token) {
        return local.recoverUnknown(seq, token);
    }

    /**
     * {@inheritDoc} A war-room row goes back to the war room's queue (its compare-and-set there).
     *
     * @throws dev.conn.incident.StoreException if it is a war-room row and this console is not in
     *     the war room any more, or the war room cannot be reached
     */
    @Override
    public boolean resend(long seq, Instant at) {
        if (seq >= 0) {
            return local.resend(seq, at);
        }
        boolean moved = warRoomOrFail().resend(-seq, at);
        if (moved) {
            settled(seq, 1);
        }
        return moved;
    }

    /**
     * {@inheritDoc} For a war-room row, the war room's compare-and-set, committed there with the
     * {@code MESSAGE_SENT} before the local append.
     *
     * @throws dev.conn.incident.StoreException if it is a war-room row and this console is not in
     *     the war room any more
     */
    @Override
    public JdbcTransactionStep confirmSent(long seq, Instant sentAt) {
        if (seq >= 0) {
            return local.confirmSent(seq, sentAt);
        }
        // the row leaves the list at the next count: the round that shares the MESSAGE_SENT counts again
        return warRoomOrFail().confirmSent(-seq, sentAt);
    }

    private Outbox warRoomOrFail() {
        return warRoom.orElseThrow(() -> new dev.conn.incident.StoreException(
                "This console has left the war room: connect again (Incident > War room…) to settle its messages",
                null));
    }

    /** The user sent a war-room row again: it leaves the list at once (the next count confirms it). */
    private void settled(long seq, int nowWaiting) {
        Summary s = shared;
        shared = new Summary(
                s.waiting() + nowWaiting,
                s.unknown().stream().filter(m -> m.seq() != seq).toList());
        changed();
    }

    private void changed() {
        for (Runnable r : listeners) {
            r.run();
        }
    }

    private static OutboxMessage withSeq(OutboxMessage m, long seq) {
        return new OutboxMessage(
                seq,
                m.messageId(),
                m.incidentId(),
                m.channel(),
                m.author(),
                m.subject(),
                m.body(),
                m.extras(),
                m.state(),
                m.attempts(),
                m.failures(),
                m.nextAttemptAt(),
                m.lastError(),
                m.externalRef());
    }
}
