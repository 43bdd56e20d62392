package dev.conn.warroom;

import dev.conn.incident.IncidentId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A message handed from this console's outbox to the war room's, with the event that queued it:
 * from then on the war room's dispatch lease holder sends it, and this console never does.
 *
 * @param messageId the message
 * @param incidentId its incident
 * @param channel the channel id (each console resolves it in its own settings)
 * @param author who queued it
 * @param subject the subject
 * @param body the text
 * @param extrasJson channel-specific fields as JSON (Statuspage status, impact, components)
 * @param nextAttemptAt not before this instant (UTC)
 */
public record SharedMessage(
        UUID messageId,
        IncidentId incidentId,
        String channel,
        String author,
        String subject,
        String body,
        String extrasJson,
        Instant nextAttemptAt) {
    /** @throws NullPointerException if a field is null */
    public SharedMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(extrasJson, "extrasJson");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    }
}
