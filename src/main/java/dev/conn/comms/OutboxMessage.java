package dev.conn.comms;

import dev.conn.incident.CommsEvent.MessageExtras;
import dev.conn.incident.IncidentId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One outbox row: a message on its way to one channel.
 *
 * @param seq the row's position; rows of one channel are delivered in this order
 * @param messageId the message (shared by its rows for each channel; with the channel, the
 *     idempotency key sent where the API takes one)
 * @param incidentId the incident
 * @param channel the channel id from settings
 * @param author who queued it
 * @param subject the subject or headline
 * @param body the text
 * @param extras what it tells a status page besides its text (status, impact, component states)
 * @param state where delivery stands
 * @param attempts how many requests may have reached the receiver (a request that never left, such
 *     as a refused connect, does not count)
 * @param failures failed tries in a row, of any kind (drives the backoff)
 * @param nextAttemptAt not before this instant (UTC)
 * @param lastError the last error, scrubbed of secrets, if any
 * @param externalRef for Statuspage, the page incident id created earlier for this incident and
 *     channel, so updates go to the same page incident
 */
public record OutboxMessage(
        long seq,
        UUID messageId,
        IncidentId incidentId,
        String channel,
        String author,
        String subject,
        String body,
        MessageExtras extras,
        State state,
        int attempts,
        int failures,
        Instant nextAttemptAt,
        Optional<String> lastError,
        Optional<String> externalRef) {

    /** Delivery state of a row. */
    public enum State {
        /** Waiting for its next attempt. */
        QUEUED,
        /**
         * A request may have left; stored durably before sending, with the fencing token of the
         * dispatch lease holder that sends it.
         */
        IN_FLIGHT,
        /** Delivered. */
        SENT,
        /** Refused for good (a terminal error). */
        FAILED,
        /**
         * May have been delivered, and the receiver cannot de-duplicate: found in flight after its
         * sender died, or its answer was lost. The user decides to resend or mark it sent.
         */
        UNKNOWN,
        /**
         * Handed over to a war room's outbox when its {@code MESSAGE_QUEUED} event was shared (issue
         * 13): the war room's dispatch lease holder sends it; this console's own dispatcher never does.
         */
        SHARED
    }

    /** Null extras become none. */
    public OutboxMessage {
        extras = extras == null ? MessageExtras.NONE : extras;
    }

    /** @return the idempotency key for this message on this channel */
    public String idempotencyKey() {
        return messageId + ":" + channel;
    }
}
