package dev.conn.postmortem.ui;

import dev.conn.incident.ActionItemKind;
import dev.conn.incident.ActionItemStatus;
import dev.conn.postmortem.ActionItem;
import dev.conn.postmortem.PostmortemCommand;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The postmortem's action items as the tab lists them (SRE book, Appendix D: what, type, owner,
 * due date, ticket, status), and the form that adds one: what was typed is checked and sent as a
 * {@link PostmortemCommand.AddActionItem}; a status change is a {@link
 * PostmortemCommand.UpdateActionItem}. The list follows the log ({@link PostmortemViewModel} shows
 * what the fold holds). FX thread only.
 */
public final class ActionItemsViewModel {
    private final PostmortemSender sender;
    private final Clock clock;
    private final Consumer<String> message;
    private final ObservableList<ActionItem> items = FXCollections.observableArrayList();

    /**
     * @param sender sends the commands
     * @param clock today's date, for overdue marks (in the clock's zone)
     * @param message where outcomes and refusals are shown
     */
    ActionItemsViewModel(PostmortemSender sender, Clock clock, Consumer<String> message) {
        this.sender = sender;
        this.clock = clock;
        this.message = message;
    }

    /** @return the action items, in the order added */
    public ObservableList<ActionItem> items() {
        return items;
    }

    /** @return today in the clock's zone, for overdue marks */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** @param folded the items as the log holds them now */
    void show(List<ActionItem> folded) {
        if (!items.equals(folded)) {
            items.setAll(folded);
        }
    }

    /**
     * Adds an action item, as typed in the form. Nothing is sent if the due date or the root cause
     * cannot be read; the message says what to type instead.
     *
     * @param text what to do
     * @param kind mitigate / prevent / process (null: prevent)
     * @param owner the DRI
     * @param due the due date as typed ({@code 2026-12-15}, or the locale's short date), or blank
     * @param ticket a ticket link or key
     * @param rootCause the root cause it answers, as typed (a number), or blank
     * @param elsewhere true if it answers "where else could this bite?"
     * @param onDone told once saved (the view clears the form then)
     */
    public void add(
            String text,
            ActionItemKind kind,
            String owner,
            String due,
            String ticket,
            String rootCause,
            boolean elsewhere,
            Runnable onDone) {
        Optional<LocalDate> date;
        Optional<Integer> cause;
        try {
            date = DueDate.parse(due);
        } catch (IllegalArgumentException bad) {
            message.accept(bad.getMessage());
            return;
        }
        try {
            cause = rootCause == null || rootCause.isBlank()
                    ? Optional.empty()
                    : Optional.of(Integer.valueOf(rootCause.strip()));
        } catch (NumberFormatException bad) {
            message.accept("The root cause is a number, e.g. 1");
            return;
        }
        ActionItem item = new ActionItem(
                ActionItem.newId(),
                text,
                kind == null ? ActionItemKind.PREVENT : kind,
                owner,
                date,
                ticket,
                ActionItemStatus.OPEN,
                cause,
                elsewhere);
        sender.send(
                new PostmortemCommand.AddActionItem(item),
                e -> {
                    message.accept("Action item added");
                    onDone.run();
                },
                message);
    }

    /**
     * Changes an action item's status (only the status is recorded).
     *
     * @param item the item
     * @param status its new status
     */
    public void setStatus(ActionItem item, ActionItemStatus status) {
        ActionItem next = new ActionItem(
                item.id(),
                item.text(),
                item.kind(),
                item.owner(),
                item.due(),
                item.ticket(),
                status,
                item.rootCause(),
                item.elsewhere());
        sender.send(new PostmortemCommand.UpdateActionItem(next, Optional.of(item)), e -> {}, message);
    }
}
