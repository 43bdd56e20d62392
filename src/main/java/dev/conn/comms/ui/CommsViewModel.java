package dev.conn.comms.ui;

import dev.conn.comms.AudienceCountdown;
import dev.conn.comms.ChecklistItem;
import dev.conn.comms.CommsCommand;
import dev.conn.comms.CommsFold;
import dev.conn.comms.CommsPlan;
import dev.conn.comms.CommsService;
import dev.conn.comms.MessageTemplates;
import dev.conn.comms.OutboxMessage;
import dev.conn.comms.OutboxWatch;
import dev.conn.comms.SettleUnknown;
import dev.conn.incident.Event;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentState;
import dev.conn.incident.ui.IncidentViewModel;
import dev.conn.platform.fx.TaskRunner;
import dev.conn.settings.ChannelSettings;
import dev.conn.settings.Policy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Presentation state of the Comms tab: the checklist and per-audience countdowns of the open
 * incident, the outbox as the status bar and the tab show it, and the commands (tick, skip, snooze,
 * queue, resend, mark sent), sent to {@link CommsService} on the {@link TaskRunner}.
 *
 * <p>The plan is folded incrementally from the events that arrive ({@link CommsPlanFeed}); the
 * 1-second tick only says where each deadline stands at the new instant, from the schedule already
 * worked out, and reads nothing. The outbox is never counted on a timer: the {@link OutboxWatch}
 * announces each change, and the dispatcher's recorded events join the timeline at once. Touch
 * only on the FX thread.
 */
public final class CommsViewModel {
    private final IncidentViewModel incident;
    private final CommsService comms;
    private final Supplier<List<ChannelSettings>> channels;
    private final TaskRunner tasks;
    private final CommsPlanFeed feed;
    private final ObservableList<ChecklistItem> checklist = FXCollections.observableArrayList();
    private final ObservableList<AudienceCountdown> countdowns = FXCollections.observableArrayList();
    private final ObservableList<CommsFold.Failure> failures = FXCollections.observableArrayList();
    private final ObservableList<MessageTemplates.Template> templates = FXCollections.observableArrayList();
    private final ObservableList<OutboxMessage> unknown = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper waiting = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sender = new ReadOnlyStringWrapper("");
    private final List<OutboxWatch.Subscription> subscriptions;
    private OutboxWatch.Snapshot outbox = OutboxWatch.Snapshot.EMPTY;

    /**
     * @param incident the open incident, the author, the tick, and where errors go
     * @param comms the comms commands; its watch announces the outbox
     * @param policy the comms policy
     * @param channels the configured channels now (settings may change while running)
     * @param templates the message templates (installed and read off the FX thread here)
     * @param tasks the background runner
     * @param fxThread runs the outbox's announcements, which come from background threads, on the
     *     FX thread ({@code Platform::runLater} in the app)
     */
    public CommsViewModel(
            IncidentViewModel incident,
            CommsService comms,
            Policy.Comms policy,
            Supplier<List<ChannelSettings>> channels,
            MessageTemplates templates,
            TaskRunner tasks,
            Executor fxThread) {
        this.incident = incident;
        this.comms = comms;
        this.channels = channels;
        this.tasks = tasks;
        this.feed = new CommsPlanFeed(incident, policy, tasks, this::render);
        OutboxWatch watch = comms.watch();
        subscriptions = List.of(
                watch.onChange(s -> fxThread.execute(() -> show(s))),
                watch.onRecorded(events -> fxThread.execute(() -> incident.accept(events))));
        incident.nowProperty().subscribe(now -> renderPlan());
        tasks.run(
                () -> {
                    templates.installDefaultsIfMissing();
                    return templates.load();
                },
                this.templates::setAll,
                e -> incident.reportError("Could not load message templates: " + e.getMessage()));
        show(watch.current());
        feed.start();
    }

    /** Stops listening to the outbox (Conn closes). */
    public void dispose() {
        subscriptions.forEach(OutboxWatch.Subscription::cancel);
    }

    /**
     * @param a an audience
     * @return the subject last queued to it in the open incident (the status page's public
     *     headline is offered again for the next update), if any; FX thread
     */
    public Optional<String> lastSubject(dev.conn.incident.Audience a) {
        return feed.lastSubject(a);
    }

    /** @return the open incident's state as it changes (null when none is open); FX thread */
    public javafx.beans.value.ObservableValue<IncidentState> incidentProperty() {
        return incident.currentProperty();
    }

    /** @return the checklist of the open incident, as it stands at the ticker's instant */
    public ObservableList<ChecklistItem> checklist() {
        return checklist;
    }

    /** @return the per-audience countdowns of the open incident */
    public ObservableList<AudienceCountdown> countdowns() {
        return countdowns;
    }

    /** @return the open incident's deliveries refused for good ({@code MESSAGE_FAILED}) */
    public ObservableList<CommsFold.Failure> failures() {
        return failures;
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
    public ObservableValue<Instant> nowProperty() {
        return incident.nowProperty();
    }

    /** @return "3 messages waiting (offline)", or empty when the outbox is empty */
    public ReadOnlyStringProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    /**
     * @return for the Comms tab: who sends this data directory's messages when it is another Conn
     *     window ("Messages are sent by the other Conn window (...)"), else empty
     */
    public ReadOnlyStringProperty senderProperty() {
        return sender.getReadOnlyProperty();
    }

    /**
     * @return messages whose delivery is unknown (the answer was lost, or Conn stopped mid-send),
     *     waiting for the user to resend or mark them sent
     */
    public ObservableList<OutboxMessage> unknownDeliveries() {
        return unknown;
    }

    /** @return how many messages waited at the last announcement */
    public int waitingCount() {
        return outbox.waiting();
    }

    /** @return true if this window's last attempt could not reach its server */
    public boolean offline() {
        return outbox.sending().offline();
    }

    /**
     * @return true if messages wait and this window sends them, so closing it leaves them unsent
     *     until Conn is opened again (another window that sends them makes closing this one safe)
     */
    public boolean closingLeavesMessagesUnsent() {
        return outbox.waiting() > 0 && outbox.sending().elsewhere().isEmpty();
    }

    /**
     * @param item an item
     * @param onError told why on the FX thread
     */
    public void done(ChecklistItem item, Consumer<String> onError) {
        send(new CommsCommand.TickItem(item.id(), item.title()), () -> {}, onError);
    }

    /**
     * @param item an item
     * @param reason why it does not apply
     * @param onError told why on the FX thread (also when the reason is blank)
     */
    public void skip(ChecklistItem item, String reason, Consumer<String> onError) {
        if (reason == null || reason.isBlank()) {
            onError.accept("Say why the item is skipped"); // as the decider says, without a round trip
            return;
        }
        send(new CommsCommand.SkipItem(item.id(), item.title(), reason), () -> {}, onError);
    }

    /**
     * @param item an item
     * @param by how long to put it off
     * @param onError told why on the FX thread
     */
    public void snooze(ChecklistItem item, Duration by, Consumer<String> onError) {
        send(new CommsCommand.SnoozeItem(item.id(), item.title(), by), () -> {}, onError);
    }

    /**
     * Queues a message (event and outbox rows in one transaction) off the FX thread; the event
     * joins the timeline once stored.
     *
     * @param message the message
     * @param onQueued told on the FX thread once stored
     * @param onError told why on the FX thread
     */
    public void send(CommsCommand.QueueMessage message, Runnable onQueued, Consumer<String> onError) {
        send((CommsCommand) message, onQueued, onError);
    }

    /**
     * The user chose to send again a message whose delivery is unknown.
     *
     * @param m the row
     * @param onError told why on the FX thread
     */
    public void resend(OutboxMessage m, Consumer<String> onError) {
        String who = incident.authorProperty().get();
        run(() -> comms.settle(SettleUnknown.resend(m), who), () -> {}, onError);
    }

    /**
     * The user confirmed that a message whose delivery is unknown did arrive.
     *
     * @param m the row
     * @param onError told why on the FX thread
     */
    public void markSent(OutboxMessage m, Consumer<String> onError) {
        String who = incident.authorProperty().get();
        run(() -> comms.settle(SettleUnknown.markSent(m), who), () -> {}, onError);
    }

    private void send(CommsCommand command, Runnable onDone, Consumer<String> onError) {
        Optional<IncidentId> id = incident.current().map(IncidentState::id);
        if (id.isEmpty()) {
            onError.accept("Declare or open an incident first (Ctrl+N)");
            return;
        }
        String who = incident.authorProperty().get();
        run(() -> comms.execute(id.get(), command, who), onDone, onError);
    }

    private void run(Callable<List<Event>> work, Runnable onDone, Consumer<String> onError) {
        tasks.run(
                work,
                appended -> {
                    incident.accept(appended);
                    onDone.run();
                },
                e -> onError.accept(message(e)));
    }

    private void show(OutboxWatch.Snapshot s) {
        outbox = s;
        waiting.set(CommsText.waitingText(s.waiting(), s.sending()));
        sender.set(CommsText.senderText(s.sending()));
        if (!s.unknown().equals(unknown)) {
            unknown.setAll(s.unknown());
        }
    }

    private void render() {
        List<CommsFold.Failure> f = feed.failures();
        if (!f.equals(failures)) {
            failures.setAll(f);
        }
        renderPlan();
    }

    /** Where each deadline stands at the ticker's instant: no read, no fold. */
    private void renderPlan() {
        if (incident.current().isEmpty()) {
            checklist.clear();
            countdowns.clear();
            return;
        }
        CommsPlan plan = feed.schedule().at(now());
        if (!plan.checklist().equals(checklist)) {
            checklist.setAll(plan.checklist());
        }
        if (!plan.countdowns().equals(countdowns)) {
            countdowns.setAll(plan.countdowns());
        }
    }

    /** @return the message of an error as the user should read it */
    private static String message(Throwable e) {
        Throwable t = e;
        while ((t.getMessage() == null || t instanceof java.util.concurrent.CompletionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
