package dev.conn.comms;

import dev.conn.incident.Audience;
import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.incident.Payload;
import dev.conn.settings.Policy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The comms feature's commands: queue a message to channels, tick, skip and snooze checklist
 * items, and settle messages whose delivery is unknown. Every method blocks on the database; call
 * it off the FX thread.
 */
public final class CommsService {
    private final IncidentService incidents;
    private final JdbcOutbox outbox;
    private final Policy.Comms policy;
    private final Clock clock;

    /**
     * @param incidents the incident service
     * @param outbox the outbox
     * @param policy the comms policy
     * @param clock the clock
     */
    public CommsService(IncidentService incidents, JdbcOutbox outbox, Policy.Comms policy, Clock clock) {
        this.incidents = incidents;
        this.outbox = outbox;
        this.policy = policy;
        this.clock = clock;
    }

    /** @return the outbox */
    public Outbox outbox() {
        return outbox;
    }

    /**
     * A message to queue.
     *
     * @param messageId minted once per message the user sends, so a retried queue call is a no-op
     * @param audience the audience it counts for
     * @param channels channel ids, at least one
     * @param subject headline
     * @param body text
     * @param extras channel-specific fields (Statuspage status, impact, components)
     * @param nextUpdateAt the "next update at" promised in the message, if any (UTC)
     * @param checklistItemId the checklist item it fulfils, if the user chose one
     */
    public record Draft(
            UUID messageId,
            Audience audience,
            List<String> channels,
            String subject,
            String body,
            Payload extras,
            Optional<Instant> nextUpdateAt,
            Optional<String> checklistItemId) {}

    /**
     * Records {@code MESSAGE_QUEUED} and its outbox rows in one transaction.
     *
     * @param incidentId the incident
     * @param d the message
     * @param author the person at the keyboard
     * @return the stored event
     * @throws IllegalArgumentException naming what is wrong: no channel, an empty subject or body,
     *     a promise in the past
     * @throws dev.conn.incident.StoreException if it cannot be stored (then nothing is)
     */
    public Event queue(IncidentId incidentId, Draft d, String author) {
        if (d.channels().isEmpty()) {
            throw new IllegalArgumentException("Choose at least one channel");
        }
        if (d.subject() == null || d.subject().isBlank()) {
            throw new IllegalArgumentException("Type a subject");
        }
        if (d.body() == null || d.body().isBlank()) {
            throw new IllegalArgumentException("Type the message");
        }
        Instant now = clock.instant();
        if (d.nextUpdateAt().filter(t -> !t.isAfter(now)).isPresent()) {
            throw new IllegalArgumentException("The promised next update time is in the past");
        }
        if (author == null || author.isBlank()) {
            throw new IllegalArgumentException("Sign the message: the author is blank");
        }
        incidents.state(incidentId); // fails for an unknown incident
        Event e = new Event(
                Event.newId(),
                incidentId,
                now,
                now,
                author,
                EventType.MESSAGE_QUEUED,
                Payload.of(
                        "messageId", d.messageId(),
                        "audience", d.audience(),
                        "channels", String.join(", ", d.channels()),
                        "subject", d.subject(),
                        "body", d.body(),
                        "nextUpdateAt", d.nextUpdateAt().orElse(null),
                        "checklistItemId", d.checklistItemId().orElse(null)));
        List<OutboxMessage> rows = new ArrayList<>();
        for (String channel : d.channels()) {
            rows.add(new OutboxMessage(
                    0,
                    d.messageId(),
                    incidentId,
                    channel,
                    author,
                    d.subject(),
                    d.body(),
                    d.extras(),
                    OutboxMessage.State.QUEUED,
                    0,
                    0,
                    now,
                    Optional.empty(),
                    Optional.empty()));
        }
        outbox.queue(e, rows);
        return e;
    }

    /**
     * @param incidentId the incident
     * @return its communication plan now
     */
    public CommsPlan plan(IncidentId incidentId) {
        return CommsPlan.evaluate(policy, incidents.timeline(incidentId), clock);
    }

    /**
     * @param incidentId the incident
     * @param item the item
     * @param author the person at the keyboard
     * @return the {@code CHECKLIST_ITEM_DONE} event
     */
    public Event done(IncidentId incidentId, ChecklistItem item, String author) {
        return incidents.record(
                incidentId,
                EventType.CHECKLIST_ITEM_DONE,
                Payload.of("itemId", item.id(), "title", item.title()),
                Optional.empty(),
                author);
    }

    /**
     * The user chose to send a message of unknown delivery again.
     *
     * @param seq the outbox row (UNKNOWN)
     * @throws IllegalStateException if the row is no longer UNKNOWN (another window decided)
     */
    public void resend(long seq) {
        if (!outbox.resend(seq, clock.instant())) {
            throw new IllegalStateException("That message is no longer waiting for a decision");
        }
    }

    /**
     * The user confirmed that a message of unknown delivery did arrive: records {@code
     * MESSAGE_SENT} with {@code markedByUser}.
     *
     * @param seq the outbox row (UNKNOWN)
     * @param author the person at the keyboard
     * @throws IllegalStateException if the row is not UNKNOWN
     */
    public void markSent(long seq, String author) {
        OutboxMessage m = outbox.row(seq)
                .filter(r -> r.state() == OutboxMessage.State.UNKNOWN)
                .orElseThrow(() -> new IllegalStateException("That message is no longer waiting for a decision"));
        Instant now = clock.instant();
        boolean confirmed = outbox.confirmSent(
                seq,
                new Event(
                        Event.newId(),
                        m.incidentId(),
                        now,
                        now,
                        author,
                        EventType.MESSAGE_SENT,
                        Payload.of(
                                "messageId",
                                m.messageId(),
                                "channel",
                                m.channel(),
                                "sentAt",
                                now,
                                "markedByUser",
                                true)));
        if (!confirmed) {
            throw new IllegalStateException("That message is no longer waiting for a decision");
        }
    }
}
