package dev.conn.postmortem;

import dev.conn.incident.Milestone;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the team can ask of an incident's postmortem, in its own terms; each is decided by a pure
 * decider ({@link MilestoneDecider}, {@link SectionDecider}, {@link ActionItemDecider}) and written
 * through the one writer by {@link PostmortemService#execute}.
 */
public sealed interface PostmortemCommand {

    /** Commands about what the team wrote: sections and tags ({@link SectionDecider}). */
    sealed interface Writing extends PostmortemCommand {}

    /** Commands about action items ({@link ActionItemDecider}). */
    sealed interface ActionItems extends PostmortemCommand {}

    /**
     * Sets or moves one milestone (FireHydrant's milestone model); the latest recorded edit wins.
     *
     * @param milestone which milestone
     * @param at its instant (UTC)
     * @param reason why it is set or changed; required, kept on the record
     */
    record SetMilestone(Milestone milestone, Instant at, String reason) implements PostmortemCommand {
        /** Normalises a null reason; the milestone and the instant are required. */
        public SetMilestone {
            Objects.requireNonNull(milestone, "milestone");
            Objects.requireNonNull(at, "at");
            reason = reason == null ? "" : reason;
        }
    }

    /**
     * Saves one postmortem section with its whole new text.
     *
     * @param field the section key ({@link PostmortemField#isValidKey})
     * @param text the whole text; empty clears the section
     */
    record SetField(String field, String text) implements Writing {
        /** Normalises nulls. */
        public SetField {
            field = field == null ? "" : field;
            text = text == null ? "" : text;
        }
    }

    /**
     * Adds an action item. Adding an item whose id is already in the incident adds nothing (a retry
     * of an add that was stored).
     *
     * @param item the item, its id minted by the caller ({@link ActionItem#newId()})
     */
    record AddActionItem(ActionItem item) implements ActionItems {
        /** @throws NullPointerException if the item is null */
        public AddActionItem {
            Objects.requireNonNull(item, "item");
        }
    }

    /**
     * Changes an action item. Only what the user changed is recorded: the fields where {@code item}
     * differs from {@code seen} (the item as their console showed it), so a change another console
     * made meanwhile to another field stays. Without {@code seen}, the fields where {@code item}
     * differs from the item as stored.
     *
     * @param item the item as it should be now (same id)
     * @param seen the item as the user saw it before changing it, if known
     */
    record UpdateActionItem(ActionItem item, Optional<ActionItem> seen) implements ActionItems {
        /** @throws IllegalArgumentException if {@code seen} is another item */
        public UpdateActionItem {
            Objects.requireNonNull(item, "item");
            seen = seen == null ? Optional.empty() : seen;
            if (seen.isPresent() && !seen.get().id().equals(item.id())) {
                throw new IllegalArgumentException("seen: another action item than " + item.id());
            }
        }

        /**
         * @param item the item as it should be now
         * @return an update recording where it differs from the item as stored
         */
        public static UpdateActionItem to(ActionItem item) {
            return new UpdateActionItem(item, Optional.empty());
        }
    }

    /**
     * Replaces the incident's tags as a whole; each tag is stripped, blanks and repeats dropped.
     *
     * @param services the services the incident hit, e.g. {@code dns}, {@code checkout-api}
     * @param categories root-cause categories, e.g. {@code capacity}, {@code config change}
     */
    record SetTags(List<String> services, List<String> categories) implements Writing {
        /** Copies the lists; null becomes empty. */
        public SetTags {
            services = services == null ? List.of() : List.copyOf(services);
            categories = categories == null ? List.of() : List.copyOf(categories);
        }
    }

    /**
     * Replaces the document's header as a whole: its date, authors, review status and reviewers.
     * Names are stripped, blanks and repeats dropped.
     *
     * @param date the document's date, if set
     * @param authors who wrote it
     * @param status draft, in review or final
     * @param reviewers who reviews it
     */
    record SetHeader(
            Optional<java.time.LocalDate> date,
            List<String> authors,
            dev.conn.incident.PostmortemStatus status,
            List<String> reviewers)
            implements Writing {
        /** Copies the lists; nulls become empty, a null status a draft. */
        public SetHeader {
            date = date == null ? Optional.empty() : date;
            authors = authors == null ? List.of() : new java.util.ArrayList<>(authors);
            status = status == null ? dev.conn.incident.PostmortemStatus.DRAFT : status;
            reviewers = reviewers == null ? List.of() : new java.util.ArrayList<>(reviewers);
            authors = java.util.Collections.unmodifiableList(authors);
            reviewers = java.util.Collections.unmodifiableList(reviewers);
        }
    }
}
