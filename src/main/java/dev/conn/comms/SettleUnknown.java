package dev.conn.comms;

import dev.conn.incident.IncidentId;
import java.util.UUID;

/**
 * The user's decision on a message whose delivery is unknown (ADR 0009): send it again, or
 * confirm it arrived. Both are compare-and-sets on the outbox row, which must still be {@code
 * UNKNOWN}: another window may have decided first.
 */
public sealed interface SettleUnknown {
    /** @return the outbox row */
    long seq();

    /**
     * Send it again: the row goes back to the queue (no event: the send records its own outcome).
     *
     * @param seq the outbox row
     */
    record Resend(long seq) implements SettleUnknown {}

    /**
     * It did arrive: records {@code MESSAGE_SENT} marked by the user, with the row's move to SENT.
     *
     * @param seq the outbox row
     * @param incident the row's incident
     * @param messageId the row's message
     * @param channel the row's channel
     */
    record MarkSent(long seq, IncidentId incident, UUID messageId, String channel) implements SettleUnknown {}

    /**
     * @param row an UNKNOWN row
     * @return the decision to send it again
     */
    static SettleUnknown resend(OutboxMessage row) {
        return new Resend(row.seq());
    }

    /**
     * @param row an UNKNOWN row
     * @return the decision that it arrived
     */
    static SettleUnknown markSent(OutboxMessage row) {
        return new MarkSent(row.seq(), row.incidentId(), row.messageId(), row.channel());
    }
}
