package dev.conn.incident;

import static dev.conn.incident.EventBody.opt;
import static dev.conn.incident.EventBody.required;

import java.time.Instant;
import java.util.Optional;

/**
 * Requests handed to the outbox for the integrations of issue 16 (a ticket for an action item, a
 * PagerDuty page), and what the integrations wrote back. A request is stored in the same
 * transaction as its outbox row, exactly as a {@code MESSAGE_QUEUED} is; its outcome is recorded
 * with the row's {@code MESSAGE_SENT}, {@code MESSAGE_FAILED} or {@code MESSAGE_DELIVERY_UNKNOWN},
 * keyed by the request's {@code messageId}. Every field is a snapshot taken when the request was
 * decided: the outbox sends what the user asked for, even if the item is edited before it leaves.
 */
public sealed interface IntegrationEvent extends EventBody {

    /** @return the request's id (a UUID): the outbox row's message id */
    default Optional<String> requestId() {
        return Optional.empty();
    }

    /**
     * A ticket asked for one postmortem action item.
     *
     * @param messageId the request (a UUID), the outbox row's message id
     * @param channel the outbox channel ({@code tickets:jira}, {@code tickets:github}, {@code
     *     tickets:linear})
     * @param actionItemId the action item (its id is the ticket's stable external id)
     * @param incidentTitle the incident's title then
     * @param severity the incident's severity then
     * @param text the item's text then
     * @param kind the item's kind
     * @param owner the item's owner then, if named
     * @param due the item's due date (ISO-8601 date), if set
     */
    record TicketRequested(
            String messageId,
            String channel,
            String actionItemId,
            String incidentTitle,
            Severity severity,
            String text,
            ActionItemKind kind,
            Optional<String> owner,
            Optional<String> due)
            implements IntegrationEvent {
        /** @throws IllegalArgumentException naming a missing required field */
        public TicketRequested {
            required(messageId, "messageId");
            required(channel, "channel");
            required(actionItemId, "actionItemId");
            incidentTitle = incidentTitle == null ? "" : incidentTitle;
            required(severity, "severity");
            required(text, "text");
            required(kind, "kind");
            owner = opt(owner);
            due = opt(due);
        }

        @Override
        public Optional<String> requestId() {
            return Optional.of(messageId);
        }

        @Override
        public EventType type() {
            return EventType.TICKET_REQUESTED;
        }
    }

    /**
     * A PagerDuty Events API v2 event asked for: {@code trigger} (a page) or {@code resolve}
     * (https://developer.pagerduty.com/docs/events-api-v2/trigger-events/, .../resolve-events/).
     *
     * @param messageId the request (a UUID), the outbox row's message id
     * @param channel the outbox channel, {@code pagerduty:<target id>}
     * @param action {@code trigger} or {@code resolve}
     * @param targetId the paged service or team, from {@code integrations.pagerDuty.targets}
     * @param targetName its display name
     * @param dedupKey {@code conn-<incident id>-<target id>}: re-paging adds to the same alert
     * @param incidentTitle the incident's title then
     * @param severity the incident's severity then
     * @param message what the pager says besides the title, if anything
     * @param link a link sent with the page, if any
     * @param at when it was asked for (UTC): PagerDuty's {@code payload.timestamp}
     */
    record PageRequested(
            String messageId,
            String channel,
            String action,
            String targetId,
            String targetName,
            String dedupKey,
            String incidentTitle,
            Severity severity,
            Optional<String> message,
            Optional<String> link,
            Instant at)
            implements IntegrationEvent {
        /** The {@code action} of a page. */
        public static final String TRIGGER = "trigger";

        /** The {@code action} that resolves a page. */
        public static final String RESOLVE = "resolve";

        /** @throws IllegalArgumentException naming a missing or wrong field */
        public PageRequested {
            required(messageId, "messageId");
            required(channel, "channel");
            required(action, "action");
            if (!TRIGGER.equals(action) && !RESOLVE.equals(action)) {
                throw new IllegalArgumentException("field 'action' is '" + action + "', not trigger or resolve");
            }
            required(targetId, "targetId");
            targetName = targetName == null || targetName.isBlank() ? targetId : targetName;
            required(dedupKey, "dedupKey");
            incidentTitle = incidentTitle == null ? "" : incidentTitle;
            required(severity, "severity");
            message = opt(message);
            link = opt(link);
            required(at, "at");
        }

        /** @return true for a resolve, false for a page */
        public boolean resolves() {
            return RESOLVE.equals(action);
        }

        @Override
        public Optional<String> requestId() {
            return Optional.of(messageId);
        }

        @Override
        public EventType type() {
            return EventType.PAGE_REQUESTED;
        }
    }

    /**
     * PagerDuty accepted a page (Events API v2 answered 202 with the {@code dedup_key}).
     *
     * @param messageId the request
     * @param dedupKey the alert's key
     * @param targetId the paged service or team
     */
    record PageSent(String messageId, String dedupKey, String targetId) implements IntegrationEvent {
        /** @throws IllegalArgumentException naming a missing required field */
        public PageSent {
            required(messageId, "messageId");
            required(dedupKey, "dedupKey");
            required(targetId, "targetId");
        }

        @Override
        public EventType type() {
            return EventType.PAGE_SENT;
        }
    }

    /**
     * Someone acknowledged the page in PagerDuty (read with the optional REST API key).
     *
     * @param dedupKey the alert's key
     * @param targetId the paged service or team
     * @param by who acknowledged, if PagerDuty said
     * @param at when (UTC), if PagerDuty said
     */
    record PageAcknowledged(String dedupKey, String targetId, Optional<String> by, Optional<Instant> at)
            implements IntegrationEvent {
        /** @throws IllegalArgumentException naming a missing required field */
        public PageAcknowledged {
            required(dedupKey, "dedupKey");
            required(targetId, "targetId");
            by = opt(by);
            at = opt(at);
        }

        @Override
        public EventType type() {
            return EventType.PAGE_ACKNOWLEDGED;
        }
    }

    /**
     * PagerDuty accepted the {@code resolve} of a page.
     *
     * @param messageId the resolve request
     * @param dedupKey the alert's key
     * @param targetId the paged service or team
     */
    record PageResolved(String messageId, String dedupKey, String targetId) implements IntegrationEvent {
        /** @throws IllegalArgumentException naming a missing required field */
        public PageResolved {
            required(messageId, "messageId");
            required(dedupKey, "dedupKey");
            required(targetId, "targetId");
        }

        @Override
        public EventType type() {
            return EventType.PAGE_RESOLVED;
        }
    }
}
