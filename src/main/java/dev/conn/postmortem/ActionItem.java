package dev.conn.postmortem;

import dev.conn.incident.ActionItemKind;
import dev.conn.incident.ActionItemStatus;
import dev.conn.incident.Event;
import dev.conn.incident.Payload;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
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

    /** @return the fields as an {@code ACTION_ITEM_ADDED}/{@code ACTION_ITEM_UPDATED} payload */
    public Payload toPayload() {
        return Payload.of(
                "itemId",
                id,
                "text",
                text,
                "kind",
                kind,
                "owner",
                owner.isEmpty() ? null : owner,
                "due",
                due.map(LocalDate::toString).orElse(null),
                "ticket",
                ticket.isEmpty() ? null : ticket,
                "status",
                status,
                "rootCause",
                rootCause.orElse(null),
                "elsewhere",
                elsewhere ? Boolean.TRUE : null);
    }

    /**
     * Reads an added item from its payload.
     *
     * @param p an {@code ACTION_ITEM_ADDED} payload
     * @return the item
     * @throws IllegalArgumentException naming the field if one is missing or malformed
     */
    public static ActionItem fromPayload(Payload p) {
        return new ActionItem(
                uuid(p),
                p.textOrEmpty("text"),
                p.text("kind").map(k -> parse(ActionItemKind.class, "kind", k)).orElse(ActionItemKind.PREVENT),
                p.textOrEmpty("owner"),
                p.text("due").map(ActionItem::date),
                p.textOrEmpty("ticket"),
                p.text("status")
                        .map(s -> parse(ActionItemStatus.class, "status", s))
                        .orElse(ActionItemStatus.OPEN),
                p.text("rootCause").map(ActionItem::rootCauseNumber),
                p.text("elsewhere").map(Boolean::parseBoolean).orElse(false));
    }

    /**
     * Applies an {@code ACTION_ITEM_UPDATED}: fields present in the payload replace this item's.
     *
     * @param p the update's payload
     * @return the updated item
     * @throws IllegalArgumentException naming the field if one is malformed
     */
    public ActionItem updatedBy(Payload p) {
        return new ActionItem(
                id,
                p.text("text").orElse(text),
                p.text("kind").map(k -> parse(ActionItemKind.class, "kind", k)).orElse(kind),
                p.text("owner").orElse(owner),
                p.text("due").isPresent() ? p.text("due").map(ActionItem::date) : due,
                p.text("ticket").orElse(ticket),
                p.text("status")
                        .map(s -> parse(ActionItemStatus.class, "status", s))
                        .orElse(status),
                p.text("rootCause").isPresent() ? p.text("rootCause").map(ActionItem::rootCauseNumber) : rootCause,
                p.text("elsewhere").map(Boolean::parseBoolean).orElse(elsewhere));
    }

    /** @return the item id of an action-item payload */
    static UUID uuid(Payload p) {
        String v = p.text("itemId").orElseThrow(() -> new IllegalArgumentException("itemId: missing"));
        try {
            return UUID.fromString(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("itemId: not a UUID: " + v);
        }
    }

    private static LocalDate date(String s) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("due: not an ISO-8601 date (YYYY-MM-DD): " + s);
        }
    }

    private static Integer rootCauseNumber(String s) {
        try {
            return Integer.valueOf(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("rootCause: not a number: " + s);
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String v) {
        try {
            return Enum.valueOf(type, v.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": unknown value '" + v + "'");
        }
    }
}
