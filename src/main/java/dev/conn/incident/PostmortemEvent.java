package dev.conn.incident;

import static dev.conn.incident.EventBody.opt;
import static dev.conn.incident.EventBody.required;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The postmortem kept in the log: milestones, sections, action items and tags. */
public sealed interface PostmortemEvent extends EventBody {

    /**
     * Sets or edits one milestone (FireHydrant's milestone model); the latest recorded one wins.
     *
     * @param milestone which milestone
     * @param at when it happened (UTC)
     * @param reason why it is set or moved
     */
    record MilestoneSet(Milestone milestone, Instant at, String reason) implements PostmortemEvent {
        /** @throws IllegalArgumentException naming a missing required field */
        public MilestoneSet {
            required(milestone, "milestone");
            required(at, "at");
            required(reason, "reason");
        }

        @Override
        public EventType type() {
            return EventType.MILESTONE_SET;
        }
    }

    /**
     * @param field a postmortem section key, e.g. {@code summary}, {@code rootCause.1.why.2}
     * @param text the whole new text; empty clears it
     */
    record PostmortemFieldSet(String field, String text) implements PostmortemEvent {
        /** @throws IllegalArgumentException naming a missing required field */
        public PostmortemFieldSet {
            required(field, "field");
            required(text, "text");
        }

        @Override
        public EventType type() {
            return EventType.POSTMORTEM_FIELD_SET;
        }
    }

    /**
     * A new action item.
     *
     * @param itemId stable id
     * @param text what to do
     * @param kind mitigate, prevent or process
     * @param owner the DRI, if named
     * @param due ISO-8601 date, if set
     * @param ticket a URL or key, if any
     * @param status its state
     * @param rootCause the root cause number it answers, if any
     * @param elsewhere true for items answering "where else could this cause bite?"
     */
    record ActionItemAdded(
            String itemId,
            String text,
            ActionItemKind kind,
            Optional<String> owner,
            Optional<String> due,
            Optional<String> ticket,
            ActionItemStatus status,
            Optional<Integer> rootCause,
            Optional<Boolean> elsewhere)
            implements PostmortemEvent {
        /** @throws IllegalArgumentException naming a missing required field */
        public ActionItemAdded {
            required(itemId, "itemId");
            text = text == null ? "" : text;
            kind = kind == null ? ActionItemKind.PREVENT : kind;
            owner = opt(owner);
            due = opt(due);
            ticket = opt(ticket);
            status = status == null ? ActionItemStatus.OPEN : status;
            rootCause = opt(rootCause);
            elsewhere = opt(elsewhere);
        }

        @Override
        public EventType type() {
            return EventType.ACTION_ITEM_ADDED;
        }
    }

    /**
     * Changes to an action item: each present field replaces the item's (an empty string clears a
     * text field).
     *
     * @param itemId the item
     * @param text new text
     * @param kind new kind
     * @param owner new DRI
     * @param due new due date (ISO-8601), or empty string to clear
     * @param ticket new ticket
     * @param status new status
     * @param rootCause new root cause number
     * @param elsewhere new "where else" flag
     */
    record ActionItemUpdated(
            String itemId,
            Optional<String> text,
            Optional<ActionItemKind> kind,
            Optional<String> owner,
            Optional<String> due,
            Optional<String> ticket,
            Optional<ActionItemStatus> status,
            Optional<Integer> rootCause,
            Optional<Boolean> elsewhere)
            implements PostmortemEvent {
        /** @throws IllegalArgumentException naming a missing required field */
        public ActionItemUpdated {
            required(itemId, "itemId");
            text = opt(text);
            kind = opt(kind);
            owner = opt(owner);
            due = opt(due);
            ticket = opt(ticket);
            status = opt(status);
            rootCause = opt(rootCause);
            elsewhere = opt(elsewhere);
        }

        @Override
        public EventType type() {
            return EventType.ACTION_ITEM_UPDATED;
        }
    }

    /**
     * Replaces the incident's tags as a whole.
     *
     * @param services the affected services
     * @param categories root-cause categories
     */
    record IncidentTagged(List<String> services, List<String> categories) implements PostmortemEvent {
        /** Copies the lists; null becomes empty. */
        public IncidentTagged {
            services = services == null ? List.of() : List.copyOf(services);
            categories = categories == null ? List.of() : List.copyOf(categories);
        }

        @Override
        public EventType type() {
            return EventType.INCIDENT_TAGGED;
        }
    }

    /**
     * The postmortem document's header, replaced as a whole; the latest in timeline order wins.
     *
     * @param date the document's date (ISO-8601 {@code yyyy-MM-dd}), if set
     * @param authors who wrote it, in the order given
     * @param status draft, in review or final
     * @param reviewers who reviews it, in the order given
     */
    record PostmortemHeaderSet(
            Optional<String> date, List<String> authors, PostmortemStatus status, List<String> reviewers)
            implements PostmortemEvent {
        /** Copies the lists; null lists become empty, a missing status is a draft. */
        public PostmortemHeaderSet {
            date = opt(date);
            authors = authors == null ? List.of() : List.copyOf(authors);
            status = status == null ? PostmortemStatus.DRAFT : status;
            reviewers = reviewers == null ? List.of() : List.copyOf(reviewers);
        }

        @Override
        public EventType type() {
            return EventType.POSTMORTEM_HEADER_SET;
        }
    }
}
