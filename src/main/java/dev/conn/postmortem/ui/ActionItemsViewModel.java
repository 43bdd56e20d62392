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
    private final javafx.collections.ObservableMap<java.util.UUID, String> ticketStates =
            FXCollections.observableHashMap();
    private final javafx.beans.property.BooleanProperty ticketsConfigured =
            new javafx.beans.property.SimpleBooleanProperty();
    private final javafx.collections.ObservableMap<java.util.UUID, String> ticketRequests =
            FXCollections.observableHashMap();
    private final javafx.beans.property.StringProperty ticketsHint = new javafx.beans.property.SimpleStringProperty();
    private dev.conn.postmortem.TicketDesk desk = dev.conn.postmortem.TicketDesk.NONE;
    private dev.conn.platform.fx.TaskRunner network;

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

    /**
     * Turns the ticket buttons on (issue 16 §1).
     *
     * @param desk where tickets are created and read, as the settings say now
     * @param network the network runner: ticket status is read there, never on the disk runner
     */
    void useTickets(dev.conn.postmortem.TicketDesk desk, dev.conn.platform.fx.TaskRunner network) {
        this.desk = desk;
        this.network = network;
        settingsChanged();
    }

    /** Re-reads whether a tracker is configured (after the settings changed). */
    void settingsChanged() {
        ticketsConfigured.set(desk.channel().isPresent());
        ticketsHint.set(desk.problem()
                .map(p -> "The integrations settings cannot be read: " + p)
                .orElse(
                        desk.channel().isPresent()
                                ? ""
                                : "Configure Jira, GitHub or Linear under \"integrations\" in settings.json"));
    }

    /** @return why the ticket buttons are off (no tracker, or settings that do not read); empty when on */
    public javafx.beans.property.ReadOnlyStringProperty ticketsHintProperty() {
        return ticketsHint;
    }

    /** @return true while a ticket tracker is configured (the ticket buttons are enabled then) */
    public javafx.beans.property.ReadOnlyBooleanProperty ticketsConfiguredProperty() {
        return ticketsConfigured;
    }

    /** @return where each item's ticket request stands until its link arrives, by action item id */
    public javafx.collections.ObservableMap<java.util.UUID, String> ticketRequests() {
        return ticketRequests;
    }

    /** @param requests where each item's ticket request stands ({@link dev.conn.postmortem.TicketRequests}) */
    void showRequests(java.util.Map<java.util.UUID, String> requests) {
        if (!ticketRequests.equals(requests)) {
            ticketRequests.clear();
            ticketRequests.putAll(requests);
        }
    }

    /** @return the ticket state read last, by action item id (the tracker's own status name) */
    public javafx.collections.ObservableMap<java.util.UUID, String> ticketStates() {
        return ticketStates;
    }

    /**
     * Create ticket: queues a ticket for one action item on the outbox.
     *
     * @param item the item (null: nothing selected)
     */
    public void createTicket(ActionItem item) {
        if (item == null) {
            message.accept("Select an action item first");
            return;
        }
        queueTickets(List.of(item.id()));
    }

    /** Create tickets for all without one: queues a ticket for each action item without one. */
    public void createAllTickets() {
        queueTickets(List.of());
    }

    private void queueTickets(List<java.util.UUID> ids) {
        sender.createTickets(
                new dev.conn.postmortem.TicketDecider.CreateTickets(ids, desk.channel()),
                appended -> message.accept(
                        appended.size() == 1
                                ? "Ticket queued: it is created as soon as the tracker can be reached"
                                : appended.size()
                                        + " tickets queued: they are created as soon as the tracker can be reached"),
                message);
    }

    /**
     * Refresh ticket status: reads each ticket's state on the network runner, shows it beside its
     * item, and sets the item's status where the ticket's differs.
     */
    public void refreshTicketStatus() {
        java.util.Optional<dev.conn.integrations.TicketTracker> tracker = desk.tracker();
        if (tracker.isEmpty() || network == null) {
            message.accept("No ticket tracker is configured: add Jira, GitHub or Linear under \"integrations\" in"
                    + " settings.json (see the README)");
            return;
        }
        List<ActionItem> now = List.copyOf(items);
        message.accept("Reading ticket status…");
        network.run(
                () -> dev.conn.postmortem.TicketRefresh.read(now, tracker.get()),
                results -> {
                    int changed = 0;
                    for (dev.conn.postmortem.TicketRefresh.Result r : results) {
                        ticketStates.put(r.itemId(), r.shown());
                        ActionItem item = now.stream()
                                .filter(a -> a.id().equals(r.itemId()))
                                .findFirst()
                                .orElseThrow();
                        java.util.Optional<ActionItemStatus> follow =
                                r.status().flatMap(st -> dev.conn.postmortem.TicketRefresh.follow(item, st));
                        if (follow.isPresent()) {
                            setStatus(item, follow.get());
                            changed++;
                        }
                    }
                    message.accept(
                            results.isEmpty()
                                    ? "No action item has a ticket of this tracker"
                                    : "Ticket status read for " + results.size() + " item(s)"
                                            + (changed == 0 ? "" : "; " + changed + " status(es) updated to match"));
                },
                e -> message.accept("Ticket status could not be read: " + PostmortemSender.message(e)));
    }
}
