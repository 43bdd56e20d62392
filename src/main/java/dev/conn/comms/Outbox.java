package dev.conn.comms;

import dev.conn.incident.JdbcTransactionStep;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable outbox: one row per message and channel, written by the outbox's projection of each
 * {@code MESSAGE_QUEUED} event in that event's transaction, then moved along by the dispatcher and
 * the user. All methods that read or write block on the database; call them off the FX thread.
 *
 * <p>Every state change is a compare-and-set: it names the state it expects, and the dispatcher's
 * changes also name the fencing token of the {@link DispatchLease} it holds. A row moves {@code
 * QUEUED -> IN_FLIGHT} only while the lease still has that token, and records it; the row then
 * moves on ({@code SENT}, {@code FAILED}, {@code UNKNOWN}, back to {@code QUEUED}) only under the
 * same token. A change whose expectation no longer holds changes nothing: the plain ones return
 * false; the ones recorded by an event are steps run in the event's append transaction ({@code
 * IncidentLog.execute(..., step)}) that throw {@link OutboxRowMovedException}, so the event is not
 * stored either.
 */
public interface Outbox {

    /** @return every QUEUED row, oldest first, each with its channel's external ref */
    List<OutboxMessage> queued();

    /** @return every UNKNOWN row, oldest first */
    List<OutboxMessage> unknown();

    /**
     * @param seq a row
     * @return the row, if it exists
     */
    Optional<OutboxMessage> row(long seq);

    /** @return how many rows wait to be delivered (QUEUED or IN_FLIGHT) */
    int waiting();

    /**
     * @return what the window shows of the outbox, read at once: the rows waiting and those whose
     *     delivery is unknown
     */
    Summary summary();

    /**
     * @param token the lease token the caller holds
     * @return the IN_FLIGHT rows sent under an older token (or none): those a dead holder left
     */
    List<OutboxMessage> inFlightBefore(long token);

    /**
     * QUEUED to IN_FLIGHT, durably (synced) before the request leaves: counts the attempt and
     * records the token. Only while the lease still has {@code token}.
     *
     * @param seq the row
     * @param token the lease token the caller holds
     * @return false if the row is no longer QUEUED or the lease has another token
     */
    boolean markInFlight(long seq, long token);

    /**
     * IN_FLIGHT (under {@code token}) back to QUEUED for a later attempt; counts a failure.
     *
     * @param seq the row
     * @param token the token the row went in flight with
     * @param nextAttemptAt not before this instant
     * @param error the error of the attempt, already scrubbed of secrets
     * @param attemptCounted false if the request never left: the attempt counted by {@link
     *     #markInFlight} is taken back
     * @return false if the row is no longer IN_FLIGHT under that token
     */
    boolean reschedule(long seq, long token, Instant nextAttemptAt, String error, boolean attemptCounted);

    /**
     * UNKNOWN to QUEUED: the user chose to resend.
     *
     * @param seq the row
     * @param at not before this instant
     * @return false if the row is no longer UNKNOWN
     */
    boolean resend(long seq, Instant at);

    /**
     * IN_FLIGHT (under {@code token}) to SENT, as a step of the {@code MESSAGE_SENT} append.
     *
     * @param seq the row
     * @param token the token the row went in flight with
     * @param sentAt when the request left (UTC)
     * @param externalId the id the API gave back, if any
     * @return the step; it throws {@link OutboxRowMovedException} if the row is no longer
     *     IN_FLIGHT under that token
     */
    JdbcTransactionStep markSent(long seq, long token, Instant sentAt, Optional<String> externalId);

    /**
     * QUEUED (while the lease has {@code token}) or IN_FLIGHT (under {@code token}) to FAILED, as a
     * step of the {@code MESSAGE_FAILED} append.
     *
     * @param seq the row
     * @param token the lease token the caller holds
     * @param reason why, already scrubbed of secrets
     * @return the step; it throws {@link OutboxRowMovedException} if the expectation fails
     */
    JdbcTransactionStep markFailed(long seq, long token, String reason);

    /**
     * IN_FLIGHT (under {@code token}) to UNKNOWN, as a step of the {@code MESSAGE_DELIVERY_UNKNOWN}
     * append: the answer was lost and the receiver cannot de-duplicate.
     *
     * @param seq the row
     * @param token the token the row went in flight with
     * @param reason what happened, already scrubbed of secrets
     * @return the step; it throws {@link OutboxRowMovedException} if the row is no longer
     *     IN_FLIGHT under that token
     */
    JdbcTransactionStep markUnknown(long seq, long token, String reason);

    /**
     * IN_FLIGHT under a token older than {@code token} (or none) to UNKNOWN, as a step of the
     * {@code MESSAGE_DELIVERY_UNKNOWN} append: the holder that sent it is gone. Only while the lease
     * has {@code token}.
     *
     * @param seq the row
     * @param token the lease token the caller just took
     * @return the step; it throws {@link OutboxRowMovedException} if the expectation fails
     */
    JdbcTransactionStep recoverUnknown(long seq, long token);

    /**
     * UNKNOWN to SENT, as a step of the user's {@code MESSAGE_SENT} append: the user confirmed it
     * arrived.
     *
     * @param seq the row
     * @param sentAt when the user confirmed it (UTC)
     * @return the step; it throws {@link OutboxRowMovedException} if the row is no longer UNKNOWN
     */
    JdbcTransactionStep confirmSent(long seq, Instant sentAt);

    /**
     * What the window shows of the outbox.
     *
     * @param waiting rows QUEUED or IN_FLIGHT
     * @param unknown rows UNKNOWN, oldest first
     */
    record Summary(int waiting, List<OutboxMessage> unknown) {
        /** Nothing waiting, nothing unknown. */
        public static final Summary EMPTY = new Summary(0, List.of());

        /** Copies the list. */
        public Summary {
            unknown = List.copyOf(unknown);
        }
    }
}
