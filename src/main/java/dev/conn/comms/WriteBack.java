package dev.conn.comms;

import java.util.Objects;

/**
 * What an integration's accepted request writes back besides its {@code MESSAGE_SENT} (issue 16):
 * the ticket link on its action item, or the page's state. A channel returns it with {@link
 * Delivery.Sent}; the {@link DeliveryDecider} turns it into events of the same append.
 */
public sealed interface WriteBack {

    /**
     * A ticket was created (or found, after a lost reply) for an action item.
     *
     * @param actionItemId the action item
     * @param link the ticket's URL
     */
    record TicketLinked(String actionItemId, String link) implements WriteBack {
        /** @throws NullPointerException if a field is null */
        public TicketLinked {
            Objects.requireNonNull(actionItemId, "actionItemId");
            Objects.requireNonNull(link, "link");
        }
    }

    /**
     * PagerDuty accepted a trigger or a resolve.
     *
     * @param dedupKey the alert's key
     * @param targetId the paged service or team
     * @param resolved true for a resolve, false for a page
     */
    record Paged(String dedupKey, String targetId, boolean resolved) implements WriteBack {
        /** @throws NullPointerException if a field is null */
        public Paged {
            Objects.requireNonNull(dedupKey, "dedupKey");
            Objects.requireNonNull(targetId, "targetId");
        }
    }
}
