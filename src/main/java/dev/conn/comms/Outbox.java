package dev.conn.comms;

import dev.conn.incident.Event;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable outbox: rows written in the same transaction as the events that speak of them. All
 * methods block on the database; call them off the FX thread.
 *
 * <p>Every state change is a compare-and-set: it names the state it expects, and the dispatcher's
 * changes also name the fencing token of the {@link DispatchLease} it holds. A row moves {@code
 * QUEUED -> IN_FLIGHT} only while the lease still has that token, and records it; the row then
 * moves on ({@code SENT}, {@code FAILED}, {@code UNKNOWN}, back to {@code QUEUED}) only under the
 * same token. A change whose expectation no longer holds changes nothing, appends no event, and
 * returns false: another process moved the row, or took the lease over.
 */
public interface Outbox {

    /**
     * Appends the {@code MESSAGE_QUEUED} event and one row per channel in one transaction.
     *
     * @param queued the event (payload as documented on {@code EventType.MESSAGE_QUEUED})
     * @param rows one per channel; {@code seq}, {@code state}, {@code attempts} and {@code
     *     failures} are ignored
     * @return false if the event was already stored (a retry): no rows are added then
     * @throws dev.conn.incident.StoreException if it cannot be written; then nothing is
     */
    boolean queue(Event queued, List<OutboxMessage> rows);

    /** @return every QUEUED row, oldest first, each with its channel's external ref */
    List<OutboxMessage> queued();

    /** @return every UNKNOWN row, oldest first */
    List<OutboxMessage> unknown();

    /**
     * @param seq a row
     * @return the row, if it exists
     */
    Optional<OutboxMessage> row(long seq);

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
     * IN_FLIGHT (under {@code token}) to SENT, with the {@code MESSAGE_SENT} event, in one
     * transaction.
     *
     * @param seq the row
     * @param token the token the row went in flight with
     * @param sentAt when the request left (UTC)
     * @param externalId the id the API gave back, if any
     * @param sentEvent the event
     * @return false (and no event) if the row is no longer IN_FLIGHT under that token
     */
    boolean markSent(long seq, long token, Instant sentAt, Optional<String> externalId, Event sentEvent);

    /**
     * QUEUED (while the lease has {@code token}) or IN_FLIGHT (under {@code token}) to FAILED, with
     * the {@code MESSAGE_FAILED} event, in one transaction.
     *
     * @param seq the row
     * @param token the lease token the caller holds
     * @param reason why, already scrubbed of secrets
     * @param failedEvent the event
     * @return false (and no event) if the expectation no longer holds
     */
    boolean markFailed(long seq, long token, String reason, Event failedEvent);

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
     * IN_FLIGHT (under {@code token}) to UNKNOWN with its {@code MESSAGE_DELIVERY_UNKNOWN} event,
     * in one transaction: the answer was lost and the receiver cannot de-duplicate.
     *
     * @param seq the row
     * @param token the token the row went in flight with
     * @param reason what happened, already scrubbed of secrets
     * @param unknownEvent the event
     * @return false (and no event) if the row is no longer IN_FLIGHT under that token
     */
    boolean markUnknown(long seq, long token, String reason, Event unknownEvent);

    /**
     * IN_FLIGHT under a token older than {@code token} (or none) to UNKNOWN with its event: the
     * holder that sent it is gone. Only while the lease has {@code token}.
     *
     * @param seq the row
     * @param token the lease token the caller just took
     * @param unknownEvent the event
     * @return false (and no event) if the expectation no longer holds
     */
    boolean recoverUnknown(long seq, long token, Event unknownEvent);

    /**
     * @param token the lease token the caller holds
     * @return the IN_FLIGHT rows sent under an older token (or none): those a dead holder left
     */
    List<OutboxMessage> inFlightBefore(long token);

    /**
     * UNKNOWN to QUEUED: the user chose to resend.
     *
     * @param seq the row
     * @param at not before this instant
     * @return false if the row is no longer UNKNOWN
     */
    boolean resend(long seq, Instant at);

    /**
     * UNKNOWN to SENT with the user's {@code MESSAGE_SENT} event, in one transaction: the user
     * confirmed it arrived.
     *
     * @param seq the row
     * @param sentEvent the event
     * @return false (and no event) if the row is no longer UNKNOWN
     */
    boolean confirmSent(long seq, Event sentEvent);

    /** @return how many rows wait to be delivered (QUEUED or IN_FLIGHT) */
    int waiting();
}
