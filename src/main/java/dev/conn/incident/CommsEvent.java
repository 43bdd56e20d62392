package dev.conn.incident;

import static dev.conn.incident.EventBody.opt;
import static dev.conn.incident.EventBody.required;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The communication checklist and the messages handed to the outbox, and what became of them. */
public sealed interface CommsEvent extends EventBody {

    /**
     * The user ticked a checklist item.
     *
     * @param itemId a {@code policy.json} checklist id
     * @param title the item's title as shown then
     */
    record ChecklistItemDone(String itemId, String title) implements CommsEvent {
        /** @throws IllegalArgumentException naming a missing required field */
        public ChecklistItemDone {
            required(itemId, "itemId");
            required(title, "title");
        }

        @Override
        public EventType type() {
            return EventType.CHECKLIST_ITEM_DONE;
        }
    }

    /**
     * The user decided a checklist item does not apply.
     *
     * @param itemId a {@code policy.json} checklist id
     * @param title the item's title
     * @param reason why it does not apply
     */
    record ChecklistItemSkipped(String itemId, String title, String reason) implements CommsEvent {
        /** @throws IllegalArgumentException naming a missing required field */
        public ChecklistItemSkipped {
            required(itemId, "itemId");
            required(title, "title");
            required(reason, "reason");
        }

        @Override
        public EventType type() {
            return EventType.CHECKLIST_ITEM_SKIPPED;
        }
    }

    /**
     * A checklist item put off; it is due again at {@code until}.
     *
     * @param itemId a {@code policy.json} checklist id
     * @param title the item's title
     * @param until when it is due again (UTC)
     */
    record ChecklistItemSnoozed(String itemId, String title, Instant until) implements CommsEvent {
        /** @throws IllegalArgumentException naming a missing required field */
        public ChecklistItemSnoozed {
            required(itemId, "itemId");
            required(title, "title");
            required(until, "until");
        }

        @Override
        public EventType type() {
            return EventType.CHECKLIST_ITEM_SNOOZED;
        }
    }

    /**
     * A message handed to the outbox, in the same transaction as its outbox rows.
     *
     * @param messageId the message (a UUID when Conn minted it)
     * @param audience who it is for
     * @param channels channel ids, comma-separated (the stored form; see {@link #channelIds()})
     * @param subject the subject or first line
     * @param body the text
     * @param nextUpdateAt the next update promised in the message (UTC), if any
     * @param checklistItemId the checklist item it answers, if any
     * @param extras what the message tells a status page besides its text (status, impact,
     *     component states), if anything; absent in logs of earlier versions, which kept it in the
     *     outbox row only
     */
    record MessageQueued(
            String messageId,
            Audience audience,
            String channels,
            String subject,
            String body,
            Optional<Instant> nextUpdateAt,
            Optional<String> checklistItemId,
            Optional<MessageExtras> extras)
            implements CommsEvent {
        /** @throws IllegalArgumentException naming a missing required field */
        public MessageQueued {
            required(messageId, "messageId");
            required(audience, "audience");
            required(channels, "channels");
            required(subject, "subject");
            required(body, "body");
            nextUpdateAt = opt(nextUpdateAt);
            checklistItemId = opt(checklistItemId);
            extras = opt(extras).filter(x -> !x.saysNothing());
        }

        /**
         * A message without extras (the form of earlier versions).
         *
         * @param messageId the message
         * @param audience who it is for
         * @param channels channel ids, comma-separated
         * @param subject the subject
         * @param body the text
         * @param nextUpdateAt the promised next update, if any
         * @param checklistItemId the checklist item it answers, if any
         */
        public MessageQueued(
                String messageId,
                Audience audience,
                String channels,
                String subject,
                String body,
                Optional<Instant> nextUpdateAt,
                Optional<String> checklistItemId) {
            this(messageId, audience, channels, subject, body, nextUpdateAt, checklistItemId, Optional.empty());
        }

        /**
         * @param messageId the message
         * @param audience who it is for
         * @param channelIds the channel ids
         * @param subject the subject
         * @param body the text
         * @param nextUpdateAt the promised next update, if any
         * @param checklistItemId the checklist item it answers, if any
         * @return the event
         */
        public static MessageQueued of(
                String messageId,
                Audience audience,
                List<String> channelIds,
                String subject,
                String body,
                Optional<Instant> nextUpdateAt,
                Optional<String> checklistItemId) {
            return new MessageQueued(
                    messageId, audience, String.join(", ", channelIds), subject, body, nextUpdateAt, checklistItemId);
        }

        /**
         * @param messageId the message
         * @param audience who it is for
         * @param channelIds the channel ids
         * @param subject the subject
         * @param body the text
         * @param nextUpdateAt the promised next update, if any
         * @param checklistItemId the checklist item it answers, if any
         * @param extras what it tells a status page besides its text (left out when empty)
         * @return the event
         */
        public static MessageQueued of(
                String messageId,
                Audience audience,
                List<String> channelIds,
                String subject,
                String body,
                Optional<Instant> nextUpdateAt,
                Optional<String> checklistItemId,
                MessageExtras extras) {
            return new MessageQueued(
                    messageId,
                    audience,
                    String.join(", ", channelIds),
                    subject,
                    body,
                    nextUpdateAt,
                    checklistItemId,
                    Optional.of(extras));
        }

        /** @return the channel ids, in the order given */
        public List<String> channelIds() {
            return Arrays.stream(channels.split(","))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList();
        }

        @Override
        public EventType type() {
            return EventType.MESSAGE_QUEUED;
        }
    }

    /**
     * What a message tells a status page besides its subject and text (Atlassian Statuspage REST
     * API v1, https://developer.statuspage.io/: an incident's {@code status}, {@code
     * impact_override} and component states); a JSON webhook receives the same fields. Stored under
     * {@code extras} in {@code MESSAGE_QUEUED} and in the message's outbox rows.
     *
     * @param status investigating, identified, monitoring or resolved, if given
     * @param impact none, minor, major or critical, if given
     * @param components component name to its state (operational, degraded_performance,
     *     partial_outage, major_outage), in the order given
     */
    record MessageExtras(Optional<String> status, Optional<String> impact, Map<String, String> components) {
        /** No extras. */
        public static final MessageExtras NONE = new MessageExtras(Optional.empty(), Optional.empty(), Map.of());

        /** Normalises nulls to empty and keeps the components' order. */
        public MessageExtras {
            status = opt(status).filter(s -> !s.isBlank());
            impact = opt(impact).filter(s -> !s.isBlank());
            components = components == null
                    ? Map.of()
                    : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(components));
        }

        /** @return true if it says nothing */
        public boolean saysNothing() {
            return status.isEmpty() && impact.isEmpty() && components.isEmpty();
        }
    }

    /**
     * A message reached one channel.
     *
     * @param messageId the message
     * @param channel the channel id
     * @param sentAt when the request left Conn (UTC)
     * @param externalId an id the receiver gave back (the Statuspage incident id), if any
     * @param markedByUser true when the user confirmed a delivery Conn could not know about
     */
    record MessageSent(
            String messageId,
            String channel,
            Instant sentAt,
            Optional<String> externalId,
            Optional<Boolean> markedByUser)
            implements CommsEvent {
        /** @throws IllegalArgumentException naming a missing required field */
        public MessageSent {
            required(messageId, "messageId");
            required(channel, "channel");
            required(sentAt, "sentAt");
            externalId = opt(externalId);
            markedByUser = opt(markedByUser);
        }

        @Override
        public EventType type() {
            return EventType.MESSAGE_SENT;
        }
    }

    /**
     * Delivery to one channel failed for good.
     *
     * @param messageId the message
     * @param channel the channel id
     * @param reason what the receiver said, scrubbed of secrets
     */
    record MessageFailed(String messageId, String channel, String reason) implements CommsEvent {
        /** @throws IllegalArgumentException naming a missing required field */
        public MessageFailed {
            required(messageId, "messageId");
            required(channel, "channel");
            required(reason, "reason");
        }

        @Override
        public EventType type() {
            return EventType.MESSAGE_FAILED;
        }
    }

    /**
     * The request may have reached the receiver but no answer was stored (a crash, a lost reply):
     * the user decides whether to resend or mark it sent.
     *
     * @param messageId the message
     * @param channel the channel id
     * @param reason what made the delivery uncertain (absent in logs of early versions: a crash)
     */
    record MessageDeliveryUnknown(String messageId, String channel, Optional<String> reason) implements CommsEvent {
        /** @throws IllegalArgumentException naming a missing required field */
        public MessageDeliveryUnknown {
            required(messageId, "messageId");
            required(channel, "channel");
            reason = opt(reason);
        }

        @Override
        public EventType type() {
            return EventType.MESSAGE_DELIVERY_UNKNOWN;
        }
    }
}
