package dev.conn.comms;

import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentState;
import dev.conn.incident.Payload;
import dev.conn.incident.ui.IncidentViewModel;
import dev.conn.platform.fx.TaskRunner;
import dev.conn.settings.ChannelSettings;
import dev.conn.settings.Policy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * Presentation state of the Comms tab: the checklist and per-audience countdowns of the open
 * incident, re-evaluated from its events on every change and every 1-second tick (pure {@link
 * CommsPlan}), the outbox size for the status bar, and the commands (done, skip, snooze, send),
 * which run on the {@link TaskRunner}. Touch only on the FX thread.
 */
public final class CommsViewModel {
    private final IncidentViewModel incident;
    private final CommsService comms;
    private final Policy.Comms policy;
    private final java.util.function.Supplier<List<ChannelSettings>> channels;
    private final TaskRunner tasks;
    private final java.util.function.Supplier<OutboxDispatcher.Status> sending;
    private final ObservableList<ChecklistItem> checklist = FXCollections.observableArrayList();
    private final ObservableList<AudienceCountdown> countdowns = FXCollections.observableArrayList();
    private final ObservableList<MessageTemplates.Template> templates = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper waiting = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sender = new ReadOnlyStringWrapper("");
    private boolean sentElsewhere;
    private final ObservableList<OutboxMessage> unknown = FXCollections.observableArrayList();
    private int waitingCount;
    private boolean countingOutbox;
    private boolean countAgain;

    /**
     * @param incident the open incident
     * @param comms the comms service
     * @param policy the comms policy
     * @param channels the configured channels now (settings may change while running)
     * @param templates the message templates (installed and read off the FX thread here)
     * @param tasks the background runner
     * @param sending where sending stands ({@link OutboxDispatcher#status()}): here, offline, or
     *     in another Conn window
     */
    public CommsViewModel(
            IncidentViewModel incident,
            CommsService comms,
            Policy.Comms policy,
            java.util.function.Supplier<List<ChannelSettings>> channels,
            MessageTemplates templates,
            TaskRunner tasks,
            java.util.function.Supplier<OutboxDispatcher.Status> sending) {
        this.incident = incident;
        this.comms = comms;
        this.policy = policy;
        this.channels = channels;
        this.tasks = tasks;
        this.sending = sending;
        incident.events().addListener((ListChangeListener<Event>) c -> {
            refresh();
            refreshOutbox(); // message events change what the outbox holds
        });
        incident.currentProperty().subscribe(s -> refresh());
        incident.nowProperty().subscribe(now -> {
            refresh();
            refreshOutbox();
        });
        tasks.run(
                () -> {
                    templates.installDefaultsIfMissing();
                    return templates.load();
                },
                this.templates::setAll,
                e -> incident.reportError("Could not load message templates: " + e.getMessage()));
        refresh();
        refreshOutbox();
    }

    /** @return the checklist of the open incident, re-evaluated each second */
    public ObservableList<ChecklistItem> checklist() {
        return checklist;
    }

    /** @return the per-audience countdowns of the open incident */
    public ObservableList<AudienceCountdown> countdowns() {
        return countdowns;
    }

    /** @return the message templates */
    public ObservableList<MessageTemplates.Template> templates() {
        return templates;
    }

    /** @return the configured channels */
    public List<ChannelSettings> channels() {
        return channels.get();
    }

    /** @return the open incident's header, if any */
    public Optional<IncidentState> incident() {
        return incident.current();
    }

    /** @return the current instant (the ticker's) */
    public Instant now() {
        Instant n = incident.nowProperty().get();
        return n != null ? n : incident.clock().instant();
    }

    /** @return the ticker's current instant, set each second */
    public javafx.beans.value.ObservableValue<Instant> nowProperty() {
        return incident.nowProperty();
    }

    /** @return "3 messages waiting (offline)", or empty when the outbox is empty */
    public ReadOnlyStringProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    /** Re-evaluates the plan from the open incident's events at the current instant. */
    public void refresh() {
        if (incident.current().isEmpty()) {
            checklist.clear();
            countdowns.clear();
            return;
        }
        CommsPlan plan = CommsPlan.evaluate(policy, List.copyOf(incident.events()), now());
        if (!plan.checklist().equals(checklist)) {
            checklist.setAll(plan.checklist());
        }
        if (!plan.countdowns().equals(countdowns)) {
            countdowns.setAll(plan.countdowns());
        }
    }

    /** Counts the outbox off the FX thread and updates {@link #waitingProperty()}. */
    public void refreshOutbox() {
        if (countingOutbox) {
            countAgain = true; // the running count may have read before the latest change
            return;
        }
        countingOutbox = true;
        countAgain = false;
        tasks.run(
                () -> new OutboxCount(comms.outbox().waiting(), comms.outbox().unknown()),
                c -> {
                    countingOutbox = false;
                    if (countAgain) {
                        refreshOutbox();
                    }
                    waitingCount = c.waiting();
                    OutboxDispatcher.Status st = sending.get();
                    sentElsewhere = st.elsewhere().isPresent();
                    waiting.set(waitingText(c.waiting(), st));
                    sender.set(senderText(st));
                    if (!c.unknown().equals(unknown)) {
                        unknown.setAll(c.unknown());
                    }
                },
                e -> {
                    countingOutbox = false;
                    incident.reportError("Could not read the outbox: " + e.getMessage());
                    if (countAgain) {
                        refreshOutbox();
                    }
                });
    }

    private record OutboxCount(int waiting, List<OutboxMessage> unknown) {}

    /**
     * @return messages whose delivery is unknown (the answer was lost, or Conn stopped mid-send),
     *     waiting for the user to resend or mark them sent
     */
    public ObservableList<OutboxMessage> unknownDeliveries() {
        return unknown;
    }

    /**
     * The user chose to send again a message whose delivery is unknown.
     *
     * @param m the row
     * @param onError told why on the FX thread
     */
    public void resend(OutboxMessage m, Consumer<String> onError) {
        tasks.run(
                () -> {
                    comms.resend(m.seq());
                    return null;
                },
                ok -> refreshOutbox(),
                e -> onError.accept(e.getMessage()));
    }

    /**
     * The user confirmed that a message whose delivery is unknown did arrive.
     *
     * @param m the row
     * @param onError told why on the FX thread
     */
    public void markSent(OutboxMessage m, Consumer<String> onError) {
        String who = incident.authorProperty().get();
        tasks.run(
                () -> {
                    comms.markSent(m.seq(), who);
                    return null;
                },
                ok -> refreshOutbox(),
                e -> onError.accept(e.getMessage()));
    }

    /** @return how many messages waited at the last count */
    public int waitingCount() {
        return waitingCount;
    }

    /**
     * @return true if messages wait and this window sends them, so closing it leaves them unsent
     *     until Conn is opened again (another window that sends them makes closing this one safe)
     */
    public boolean closingLeavesMessagesUnsent() {
        return waitingCount > 0 && !sentElsewhere;
    }

    /**
     * @return for the Comms tab: who sends this data directory's messages when it is another Conn
     *     window ("Messages are sent by the other Conn window (...)"), else empty
     */
    public ReadOnlyStringProperty senderProperty() {
        return sender.getReadOnlyProperty();
    }

    /**
     * @param n messages waiting
     * @param offline whether the server could not be reached
     * @return the status bar text
     */
    public static String waitingText(int n, boolean offline) {
        return waitingText(n, new OutboxDispatcher.Status(true, offline, Optional.empty()));
    }

    /**
     * @param n messages waiting
     * @param st where sending stands
     * @return the status bar text: "3 messages waiting (offline)", "3 messages waiting: the other
     *     Conn window sends them", "Messages are sent by the other Conn window", or empty
     */
    public static String waitingText(int n, OutboxDispatcher.Status st) {
        if (st.elsewhere().isPresent()) {
            return n == 0
                    ? OTHER_WINDOW
                    : n + (n == 1 ? " message" : " messages") + " waiting: the other Conn window sends them";
        }
        if (n == 0) {
            return "";
        }
        return n + (n == 1 ? " message" : " messages") + " waiting" + (st.offline() ? " (offline)" : "");
    }

    /** What a window that does not hold the dispatch lease says. */
    public static final String OTHER_WINDOW = "Messages are sent by the other Conn window";

    /**
     * @param st where sending stands
     * @return "Messages are sent by the other Conn window (Conn window of Ana Ops, pid 4242)." when
     *     another process holds the lease, else empty
     */
    static String senderText(OutboxDispatcher.Status st) {
        return st.elsewhere()
                .map(h -> OTHER_WINDOW + " (" + h.owner().description() + ", pid "
                        + h.owner().pid() + ").")
                .orElse("");
    }

    /**
     * @param remaining time left (negative when overdue)
     * @return "12:05" or "3:10 overdue"
     */
    public static String countdownText(Duration remaining) {
        boolean late = remaining.isNegative();
        long s = Math.abs(remaining.getSeconds());
        String t = String.format("%d:%02d", s / 60, s % 60);
        return late ? t + " overdue" : t;
    }

    /**
     * @param item an item
     * @param onError told why on the FX thread
     */
    public void done(ChecklistItem item, Consumer<String> onError) {
        incident.record(
                EventType.CHECKLIST_ITEM_DONE,
                Payload.of("itemId", item.id(), "title", item.title()),
                Optional.empty(),
                e -> {},
                onError);
    }

    /**
     * @param item an item
     * @param reason why it does not apply
     * @param onError told why on the FX thread (also when the reason is blank)
     */
    public void skip(ChecklistItem item, String reason, Consumer<String> onError) {
        if (reason == null || reason.isBlank()) {
            onError.accept("Say why the item is skipped");
            return;
        }
        incident.record(
                EventType.CHECKLIST_ITEM_SKIPPED,
                Payload.of("itemId", item.id(), "title", item.title(), "reason", reason.strip()),
                Optional.empty(),
                e -> {},
                onError);
    }

    /**
     * @param item an item
     * @param by how long to put it off
     * @param onError told why on the FX thread
     */
    public void snooze(ChecklistItem item, Duration by, Consumer<String> onError) {
        incident.record(
                EventType.CHECKLIST_ITEM_SNOOZED,
                Payload.of("itemId", item.id(), "title", item.title(), "until", now().plus(by)),
                Optional.empty(),
                e -> {},
                onError);
    }

    /**
     * Queues a message (event and outbox rows in one transaction) off the FX thread; the event
     * joins the timeline once stored.
     *
     * @param draft the message
     * @param onQueued told on the FX thread once stored
     * @param onError told why on the FX thread
     */
    public void send(CommsService.Draft draft, Runnable onQueued, Consumer<String> onError) {
        Optional<IncidentState> st = incident.current();
        if (st.isEmpty()) {
            onError.accept("Declare or open an incident first (Ctrl+N)");
            return;
        }
        String who = incident.authorProperty().get();
        tasks.run(
                () -> comms.queue(st.get().id(), draft, who),
                e -> {
                    incident.accept(List.of(e));
                    refreshOutbox();
                    onQueued.run();
                },
                e -> onError.accept(e.getMessage()));
    }
}
