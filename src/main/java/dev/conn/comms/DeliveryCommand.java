package dev.conn.comms;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What became of a message on one channel, decided by {@link DeliveryDecider} into the event that
 * records it. The dispatcher sends {@link Sent}, {@link Failed} and {@link DeliveryUnknown} as
 * "Conn outbox"; the user sends {@link ConfirmSent} for a message whose delivery was unknown. Each
 * is appended together with the outbox row's compare-and-set, or not at all.
 */
public sealed interface DeliveryCommand {
    /** @return the message */
    UUID messageId();

    /** @return the channel id */
    String channel();

    /**
     * The receiver accepted the message.
     *
     * @param messageId the message
     * @param channel the channel id
     * @param sentAt when the request left Conn (UTC)
     * @param externalId an id the receiver gave back (the Statuspage incident id), if any
     * @param writeBack what an integration writes back besides the sending, if anything
     */
    record Sent(
            UUID messageId, String channel, Instant sentAt, Optional<String> externalId, Optional<WriteBack> writeBack)
            implements DeliveryCommand {
        /** @throws NullPointerException if a field is null */
        public Sent {
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(sentAt, "sentAt");
            externalId = externalId == null ? Optional.empty() : externalId;
            writeBack = writeBack == null ? Optional.empty() : writeBack;
        }

        /**
         * A message sent, with nothing to write back.
         *
         * @param messageId the message
         * @param channel the channel id
         * @param sentAt when the request left Conn (UTC)
         * @param externalId an id the receiver gave back, if any
         */
        public Sent(UUID messageId, String channel, Instant sentAt, Optional<String> externalId) {
            this(messageId, channel, sentAt, externalId, Optional.empty());
        }
    }

    /**
     * The receiver refused the message for good (or the channel is not configured).
     *
     * @param messageId the message
     * @param channel the channel id
     * @param reason why, already scrubbed of secrets
     */
    record Failed(UUID messageId, String channel, String reason) implements DeliveryCommand {}

    /**
     * The message may have reached a receiver that cannot de-duplicate, and no answer came (a lost
     * answer, or Conn stopped mid-send): the user decides.
     *
     * @param messageId the message
     * @param channel the channel id
     * @param reason what happened, already scrubbed of secrets
     */
    record DeliveryUnknown(UUID messageId, String channel, String reason) implements DeliveryCommand {}

    /**
     * The user confirmed that a message whose delivery was unknown did arrive.
     *
     * @param messageId the message
     * @param channel the channel id
     */
    record ConfirmSent(UUID messageId, String channel) implements DeliveryCommand {}
}
