package dev.conn.postmortem;

import dev.conn.incident.ActionItemKind;
import dev.conn.incident.ActionItemStatus;
import dev.conn.incident.Event;
import dev.conn.incident.PostmortemEvent;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

/**
 * A follow-up of the postmortem, as the SRE book's action-item table has it (Appendix D): what,
 * its type, the owner (DRI), the due date, the ticket, the status.
 *
 * @param id stable id, minted when added
 * @param text what to do
 * @param kind mitigate, prevent or process
 * @param owner the DRI (directly responsible individual), empty if not yet named
 * @param due the due date (a calendar date, no zone), if any
 * @param ticket a ticket URL or key, empty if none
 * @param status where it stands
 * @param rootCause the root cause number it answers, if any
 * @param elsewhere true if it answers "where else could this same cause bite?"
 */
public record ActionItem(
        UUID id,
        String text,
        ActionItemKind kind,
        String owner,
        Optional<LocalDate> due,
        String ticket,
        ActionItemStatus status,
        Optional<Integer> rootCause,
        boolean elsewhere) {

    /** Checks the fields and strips the text. */
    public ActionItem {
        java.util.Objects.requireNonNull(id, "id");
        text = text == null ? "" : text.strip();
        java.util.Objects.requireNonNull(kind, "kind");
        owner = owner == null ? "" : owner.strip();
        due = due == null ? Optional.empty() : due;
        ticket = ticket == null ? "" : ticket.strip();
        java.util.Objects.requireNonNull(status, "status");
        rootCause = rootCause == null ? Optional.empty() : rootCause;
    }

    /** @return a fresh id for a new item */
    public static UUID newId() {
        return Event.newId();
    }

    /**
     * @param today the current date in the user's zone
     * @return true if it has a due date before today and is neither done nor dropped
     */
    public boolean isOverdue(LocalDate today) {
        return (status == ActionItemStatus.OPEN || status == ActionItemStatus.IN_PROGRESS)
                && due.map(d -> d.isBefore(today)).orElse(false);
    }

    /** @return the {@code ACTION_ITEM_ADDED} body that records this item (empty texts left out) */
    public PostmortemEvent.ActionItemAdded toAdded() {
        return new PostmortemEvent.ActionItemAdded(
                id.toString(),
                text,
                kind,
                nonEmpty(owner),
                due.map(LocalDate::toString),
                nonEmpty(ticket),
                status,
                rootCause,
                elsewhere ? Optional.of(Boolean.TRUE) : Optional.empty());
    }

    /**
     * The change that turns {@code before} into this item: only the fields that differ, an emptied
     * text field or due date as the empty string (which clears it). A root cause, once given, can
     * be changed but not removed (the stored form has no way to say "none").
     *
     * @param before the item as stored (same id)
     * @return the {@code ACTION_ITEM_UPDATED} body, or empty if nothing differs
     * @throws IllegalArgumentException if the ids differ
     */
    public Optional<PostmortemEvent.ActionItemUpdated> changesFrom(ActionItem before) {
        if (!before.id.equals(id)) {
            throw new IllegalArgumentException("itemId: " + before.id + " is not " + id);
        }
        PostmortemEvent.ActionItemUpdated u = new PostmortemEvent.ActionItemUpdated(
                id.toString(),
                changed(before.text, text),
                changed(before.kind, kind),
                changed(before.owner, owner),
                changed(
                        before.due.map(LocalDate::toString).orElse(""),
                        due.map(LocalDate::toString).orElse("")),
                changed(before.ticket, ticket),
                changed(before.status, status),
                rootCause.equals(before.rootCause) ? Optional.empty() : rootCause,
                changed(before.elsewhere, elsewhere));
        boolean any = u.text().isPresent()
                || u.kind().isPresent()
                || u.owner().isPresent()
                || u.due().isPresent()
                || u.ticket().isPresent()
                || u.status().isPresent()
                || u.rootCause().isPresent()
                || u.elsewhere().isPresent();
        return any ? Optional.of(u) : Optional.empty();
    }

    /**
     * Reads an added item.
     *
     * @param added an {@code ACTION_ITEM_ADDED} body
     * @return the item
     * @throws IllegalArgumentException naming the field if the item id is not a UUID or the due
     *     date is not an ISO-8601 date
     */
    public static ActionItem added(PostmortemEvent.ActionItemAdded added) {
        return new ActionItem(
                uuid(added.itemId()),
                added.text(),
                added.kind(),
                added.owner().orElse(""),
                added.due().map(ActionItem::date),
                added.ticket().orElse(""),
                added.status(),
                added.rootCause(),
                added.elsewhere().orElse(false));
    }

    /**
     * Applies an {@code ACTION_ITEM_UPDATED}: fields present in it replace this item's; an empty
     * due date clears the due date.
     *
     * @param u the update
     * @return the updated item
     * @throws IllegalArgumentException naming the field if the due date is malformed
     */
    public ActionItem updatedBy(PostmortemEvent.ActionItemUpdated u) {
        return new ActionItem(
                id,
                u.text().orElse(text),
                u.kind().orElse(kind),
                u.owner().orElse(owner),
                u.due().isPresent() ? u.due().filter(d -> !d.isBlank()).map(ActionItem::date) : due,
                u.ticket().orElse(ticket),
                u.status().orElse(status),
                u.rootCause().isPresent() ? u.rootCause() : rootCause,
                u.elsewhere().orElse(elsewhere));
    }

    /**
     * @param itemId an item id as stored
     * @return it as a UUID
     * @throws IllegalArgumentException naming the field if it is not a UUID
     */
    public static UUID uuid(String itemId) {
        try {
            return UUID.fromString(itemId);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("itemId: not a UUID: " + itemId);
        }
    }

    private static Optional<String> nonEmpty(String s) {
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    private static <T> Optional<T> changed(T before, T now) {
        return before.equals(now) ? Optional.empty() : Optional.of(now);
    }

    /**
     * @param s a due date as stored
     * @return it as a date
     * @throws IllegalArgumentException naming the field if it is not an ISO-8601 date
     */
    static LocalDate date(String s) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("due: not an ISO-8601 date (YYYY-MM-DD): " + s);
        }
    }
}
