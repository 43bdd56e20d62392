package dev.conn.incident.ui;

import dev.conn.incident.Declaration;
import dev.conn.incident.EntryCommand;
import dev.conn.incident.Event;
import dev.conn.incident.HeaderCommand;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.incident.IncidentState;
import dev.conn.incident.Severity;
import dev.conn.platform.fx.TaskRunner;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The open incident and the list of incidents, for the views: the hub events flow through. What
 * this process appends reaches it through the store's publication ({@link
 * IncidentService#subscribe}, delivered on the FX thread); what other processes append comes from
 * the shell's live log follower; both call {@link #accept}. It keeps folded state: the open
 * incident's events and header, and every incident's header in memory ({@link IncidentList}), each
 * updated per event, never by re-reading the log. Commands go to the services off the FX thread
 * ({@link TaskRunner}). Touch only on the FX thread.
 */
public final class IncidentViewModel {
    /** Rows shown first when opening a long incident; the rest follows in the background. */
    public static final int FIRST_SCREEN = IncidentReads.FIRST_SCREEN;

    private final IncidentService service;
    private final IncidentReads reads;
    private final TaskRunner tasks;
    private final Clock clock;
    private final Map<Severity, String> severityDefinitions;

    private final OpenIncident open;

    private final ObjectProperty<Instant> now;
    private final StringProperty lastError = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Instant> lastSavedAt = new ReadOnlyObjectWrapper<>();
    private final StringProperty author = new SimpleStringProperty("");
    private final BooleanProperty showUtc = new SimpleBooleanProperty(false);

    /**
     * Subscribes to this process's appends at once.
     *
     * @param service the incident domain API
     * @param tasks runs store calls off the FX thread and delivers published events on it
     * @param clock the clock the ticker reads
     * @param severityDefinitions one line per severity, from the policy, shown wherever a
     *     severity is chosen
     */
    public IncidentViewModel(
            IncidentService service, TaskRunner tasks, Clock clock, Map<Severity, String> severityDefinitions) {
        this.severityDefinitions = Map.copyOf(severityDefinitions);
        this.service = service;
        this.reads = new IncidentReads(service);
        this.tasks = tasks;
        this.clock = clock;
        this.now = new SimpleObjectProperty<>(clock.instant());
        this.open = new OpenIncident(reads, tasks, this::fail);
        try {
            service.subscribe(batch -> tasks.deliver(() -> accept(batch)));
        } catch (UnsupportedOperationException storeWithoutPublication) {
            // a test double: what this view model saves through its bridge still shows
        }
    }

    /** @return the name of the person at the keyboard, recorded as author; empty until given */
    public StringProperty authorProperty() {
        return author;
    }

    /** @return true while times are shown in UTC first, false for local time */
    public BooleanProperty showUtcProperty() {
        return showUtc;
    }

    /**
     * @param severity a severity
     * @return its one-line definition from the policy, or empty
     */
    public String severityDefinition(Severity severity) {
        return severityDefinitions.getOrDefault(severity, "");
    }

    /** @return the policy's one-line definitions by severity */
    public Map<Severity, String> severityDefinitions() {
        return severityDefinitions;
    }

    /** @return the clock the console reads */
    public Clock clock() {
        return clock;
    }

    /** @return every incident, open first, kept up to date in memory */
    public ObservableList<IncidentState> incidents() {
        return open.list.items();
    }

    /** @return the open incident's header state, or null when none is open */
    public ReadOnlyObjectProperty<IncidentState> currentProperty() {
        return open.current.getReadOnlyProperty();
    }

    /** @return the open incident, if any */
    public Optional<IncidentState> current() {
        return Optional.ofNullable(open.current.get());
    }

    /** @return the open incident's events in arrival order (replaced wholesale on switching) */
    public ObservableList<Event> events() {
        return open.eventsView;
    }

    /** @return the instant of the last 1-second tick, for elapsed-time displays */
    public ObjectProperty<Instant> nowProperty() {
        return now;
    }

    /**
     * Re-reads the clock; called by the one UI ticker every second. Reads nothing else: views
     * re-render their countdowns from folded state.
     */
    public void tick() {
        now.set(clock.instant());
    }

    /** @return the last error to show, or empty */
    public StringProperty lastErrorProperty() {
        return lastError;
    }

    /** @return when this console last saved something (UTC), or null */
    public ReadOnlyObjectProperty<Instant> lastSavedAtProperty() {
        return lastSavedAt.getReadOnlyProperty();
    }

    /**
     * Starts reading the incident list and the active incident in the background, so the read
     * overlaps building the window; {@link #loadInitial} then shows the result.
     */
    public void preload() {
        open.begin();
    }

    /**
     * Loads the incident list and opens the active incident (the last one opened anywhere). The
     * log is read and folded in the background; only the hand-over runs on the FX thread.
     *
     * @param done called on the FX thread with null when the incident (or the empty state) is on
     *     screen, or with the error that stopped the load
     */
    public void loadInitial(Consumer<Throwable> done) {
        open.await(done);
    }

    /**
     * @return a counter that goes up each time the open incident's event list is replaced as a
     *     whole (another incident opened); views rebuild from {@link #events()} then, and ignore
     *     the list changes the replacement itself fires
     */
    public ReadOnlyIntegerProperty resetsProperty() {
        return open.resets.getReadOnlyProperty();
    }

    /** @return true while the event list is being replaced as a whole */
    public boolean isResetting() {
        return open.isResetting();
    }

    /**
     * Reads the open incident again in full, off the FX thread, and shows it as on opening: for
     * when the log's order changed under what is shown (a war room's pull placed another console's
     * decision before one this console had folded), so every view folds again in the new order.
     */
    public void reload() {
        open.reload();
    }

    /** @return false while the older entries of a long incident are still being loaded */
    public ReadOnlyBooleanProperty completeProperty() {
        return open.complete.getReadOnlyProperty();
    }

    /**
     * Switches the console to another incident and remembers it as the one to open at the next
     * launch.
     *
     * @param id the incident to open
     */
    public void open(IncidentId id) {
        open.open(id);
    }

    /**
     * Declares an incident and opens it.
     *
     * @param declaration what the declarer said
     * @param author the person at the keyboard
     * @param onError told why, on the FX thread, if it was refused
     */
    public void declare(Declaration declaration, String author, Consumer<String> onError) {
        tasks.run(
                () -> service.declare(declaration, author),
                e -> {
                    markSaved();
                    open.show(Optional.of(IncidentReads.Opened.declared(e)));
                },
                ex -> onError.accept(ErrorText.of(ex)));
    }

    /**
     * Adds a note, decision or action to the open incident. It appears once the store has
     * acknowledged it (through the store's publication), so what is on screen is always saved.
     *
     * @param command the entry, with its event id minted once for what the user typed
     * @param onSaved told on the FX thread once the entry is durable
     * @param onError told why, on the FX thread, if it could not be saved this time
     * @param onRefused told why, on the FX thread, if it was refused (it can never be saved as it is)
     */
    public void addEntry(
            EntryCommand.Add command, Consumer<Event> onSaved, Consumer<String> onError, Consumer<String> onRefused) {
        send(
                (id, who) -> service.add(id, command, who),
                e -> {
                    // a retry of an entry an earlier try stored without an answer appends nothing,
                    // so nothing is published: show the stored event the service hands back
                    accept(List.of(e));
                    onSaved.accept(e);
                },
                onError,
                onRefused);
    }

    /**
     * Changes the open incident's severity or status, or marks it mitigated or resolved.
     *
     * @param command the change
     * @param onSaved told on the FX thread once it is durable
     * @param onError told why, on the FX thread, if it could not be saved this time
     * @param onRefused told why, on the FX thread, if it was refused (the status is already set, ...)
     */
    public void changeHeader(
            HeaderCommand command, Consumer<Event> onSaved, Consumer<String> onError, Consumer<String> onRefused) {
        send((id, who) -> service.change(id, command, who), onSaved, onError, onRefused);
    }

    /**
     * Corrects a note, decision or action; the original stays in the log.
     *
     * @param original the entry
     * @param text the new text
     * @param onError told why, on the FX thread, if refused
     */
    public void correct(Event original, String text, Consumer<String> onError) {
        String who = author.get();
        IncidentId id = original.incidentId();
        tasks.run(
                () -> service.correct(id, new EntryCommand.Correct(original.id(), text), who),
                e -> markSaved(),
                ex -> onError.accept(ErrorText.of(ex)));
    }

    /**
     * Stars an entry as a key event of the postmortem, or takes its star away ({@code
     * ENTRY_STARRED}), off the FX thread.
     *
     * @param entry the entry's event
     * @param starred true to star it
     * @param onError told why, on the FX thread, if it could not be saved
     */
    public void star(Event entry, boolean starred, Consumer<String> onError) {
        String who = author.get();
        IncidentId id = entry.incidentId();
        tasks.run(
                () -> service.star(id, new EntryCommand.Star(entry.id(), starred), who),
                e -> markSaved(),
                ex -> onError.accept(ErrorText.of(ex)));
    }

    /**
     * A write for the open incident, on behalf of the person at the keyboard: a feature's command
     * sent through its service (which decides it through the one writer).
     *
     * @param <T> what the write returns
     */
    @FunctionalInterface
    public interface Write<T> {
        /**
         * @param incident the open incident
         * @param author the person at the keyboard
         * @return what the service returned
         * @throws Exception as the service throws (a refusal, a store failure)
         */
        T write(IncidentId incident, String author) throws Exception;
    }

    /**
     * Sends a write for the open incident off the FX thread. What it stores reaches {@link
     * #events()} through the store's publication before {@code onSaved} runs.
     *
     * @param write the write
     * @param onSaved told on the FX thread with its result once it is durable
     * @param onError told why, on the FX thread, if it could not be saved this time
     * @param onRefused told why, on the FX thread, if it was refused
     * @param <T> the write's result
     */
    public <T> void send(
            Write<T> write, Consumer<? super T> onSaved, Consumer<String> onError, Consumer<String> onRefused) {
        String who = author.get();
        IncidentState st = open.current.get();
        if (st == null) {
            onError.accept("Declare or open an incident first (Ctrl+N)");
            return;
        }
        tasks.run(
                () -> write.write(st.id(), who),
                result -> {
                    markSaved();
                    onSaved.accept(result);
                },
                ex -> (ErrorText.isRefusal(ex) ? onRefused : onError).accept(ErrorText.of(ex)));
    }

    /**
     * Takes in events: this process's (published after commit) and other processes' (from the live
     * follower), ignoring ones already seen. Events of the open incident join its timeline; header
     * events update the incident list and the open incident's header in memory.
     *
     * @param incoming events in storage order
     */
    public void accept(List<Event> incoming) {
        open.accept(incoming);
    }

    private void markSaved() {
        lastSavedAt.set(clock.instant());
        lastError.set("");
    }

    private void fail(Throwable e) {
        lastError.set(ErrorText.of(e));
    }

    /**
     * Shows a problem in the status bar until the next successful save; the one channel every
     * view reports errors through.
     *
     * @param message what went wrong and what to do
     */
    public void reportError(String message) {
        lastError.set(message);
    }
}
