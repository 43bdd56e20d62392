package dev.conn.comms;

import dev.conn.incident.Audience;
import dev.conn.incident.CommsEvent.MessageExtras;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What the person at the keyboard asks of the comms feature, decided by {@link CommsDecider}: queue
 * a message to channels, and tick, skip or snooze a checklist item. Typed records in the field's
 * terms; a view builds them and never an event.
 */
public sealed interface CommsCommand {

    /**
     * Hand a message to the outbox, one row per channel, in the same transaction as its {@code
     * MESSAGE_QUEUED} event.
     *
     * @param messageId minted once per message the user sends (the composer's), so a retried queue
     *     is a no-op; with a channel, the idempotency key sent where the receiver takes one
     * @param audience the audience it counts for
     * @param channels channel ids, at least one, each once
     * @param subject the headline
     * @param body the text
     * @param extras what it tells a status page besides its text
     * @param nextUpdateAt the "next update at" the message promises, if any (UTC, in the future)
     * @param checklistItemId the checklist item it answers, if the user chose one
     * @param templatePrompts the prompts of the template the text was written from ({@link
     *     MessageDraft#promptsOf}); the decider refuses a message still holding one
     */
    record QueueMessage(
            UUID messageId,
            Audience audience,
            List<String> channels,
            String subject,
            String body,
            MessageExtras extras,
            Optional<Instant> nextUpdateAt,
            Optional<String> checklistItemId,
            List<String> templatePrompts)
            implements CommsCommand {
        /** Copies the lists; null lists, optionals and extras become empty. */
        public QueueMessage {
            Objects.requireNonNull(messageId, "messageId");
            channels = channels == null ? List.of() : List.copyOf(channels);
            extras = extras == null ? MessageExtras.NONE : extras;
            nextUpdateAt = nextUpdateAt == null ? Optional.empty() : nextUpdateAt;
            checklistItemId = checklistItemId == null ? Optional.empty() : checklistItemId;
            templatePrompts = templatePrompts == null ? List.of() : List.copyOf(templatePrompts);
        }

        /** A message written without a template (the shipped prompts are still refused). */
        public QueueMessage(
                UUID messageId,
                Audience audience,
                List<String> channels,
                String subject,
                String body,
                MessageExtras extras,
                Optional<Instant> nextUpdateAt,
                Optional<String> checklistItemId) {
            this(messageId, audience, channels, subject, body, extras, nextUpdateAt, checklistItemId, List.of());
        }
    }

    /**
     * The item is done (sent some other way, or not a message at all: "Open a bridge").
     *
     * @param itemId the policy's item id
     * @param title the item's title as shown
     */
    record TickItem(String itemId, String title) implements CommsCommand {}

    /**
     * The item does not apply to this incident.
     *
     * @param itemId the policy's item id
     * @param title the item's title as shown
     * @param reason why, in the user's words
     */
    record SkipItem(String itemId, String title, String reason) implements CommsCommand {}

    /**
     * Put the item off.
     *
     * @param itemId the policy's item id
     * @param title the item's title as shown
     * @param by how long from now; positive
     */
    record SnoozeItem(String itemId, String title, Duration by) implements CommsCommand {}
}
