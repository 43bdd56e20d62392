package dev.conn.comms;

import dev.conn.incident.Event;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable outbox: rows written in the same transaction as the events that speak of them. All
 * methods block on the database; call them off the FX thread.
 */
public interface Outbox {

    /**
     * Appends the {@code MESSAGE_QUEUED} event and one row per channel in one transaction.
     *
     * @param queued the event (payload as documented on {@code EventType.MESSAGE_QUEUED})
     * @param rows one per channel; {@code seq}, {@code state} and {@code attempts} are ignored
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
     * Marks a row IN_FLIGHT and counts the attempt, durably (synced) before the request leaves.
     *
     * @param seq the row
     */
    void markInFlight(long seq);

    /**
     * Marks the row SENT and appends the {@code MESSAGE_SENT} event in one transaction.
     *
     * @param seq the row
     * @param sentAt when the request left (UTC)
     * @param externalId the id the API gave back, if any
     * @param sentEvent the event
     */
    void markSent(long seq, Instant sentAt, Optional<String> externalId, Event sentEvent);

    /**
     * Marks the row FAILED and appends the {@code MESSAGE_FAILED} event in one transaction.
     *
     * @param seq the row
     * @param reason why
     * @param failedEvent the event
     */
    void markFailed(long seq, String reason, Event failedEvent);

    /**
     * Puts a row back to QUEUED for a later attempt.
     *
     * @param seq the row
     * @param nextAttemptAt not before this instant
     * @param error the error of the attempt that failed, if any
     */
    void reschedule(long seq, Instant nextAttemptAt, Optional<String> error);

    /**
     * Marks an IN_FLIGHT row UNKNOWN (found after a crash) with its {@code MESSAGE_DELIVERY_UNKNOWN}
     * event, in one transaction.
     *
     * @param seq the row
     * @param unknownEvent the event
     */
    void markUnknown(long seq, Event unknownEvent);

    /** @return every IN_FLIGHT row: at start-up, those a crash interrupted */
    List<OutboxMessage> inFlight();

    /** @return how many rows wait to be delivered (QUEUED or IN_FLIGHT) */
    int waiting();
}
