package dev.conn.incident;

import dev.conn.platform.fx.TaskRunner;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The open incident and the list of incidents, for the views. It is the hub events flow through:
 * what this console records and what other processes (the CLI) append reach the screen through
 * {@link #accept}. All I/O goes through the {@link TaskRunner}; touch only on the FX thread.
 */
public final class IncidentViewModel {
    private final IncidentService service;
    private final TaskRunner tasks;
    private final Clock clock;

    private final ObservableList<IncidentState> incidents = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<IncidentState> current = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Event> events = FXCollections.observableArrayList();
    private final ObservableList<Event> eventsView = FXCollections.unmodifiableObservableList(events);
    private final Set<UUID> known = new HashSet<>();
    private final List<Event> headerEvents = new ArrayList<>();
    private final javafx.beans.property.ReadOnlyIntegerWrapper resets =
            new javafx.beans.property.ReadOnlyIntegerWrapper();
    private boolean resetting;
    private Loaded preloaded;
    private Throwable preloadError;
    private Consumer<Throwable> preloadWaiter;
    private boolean preloading;
    private final javafx.beans.property.ReadOnlyBooleanWrapper complete =
            new javafx.beans.property.ReadOnlyBooleanWrapper(true);

    /** Rows shown first when opening a long incident; the rest follows in the background. */
    static final int FIRST_SCREEN = 2_000;

    private final ObjectProperty<Instant> now;
    private final StringProperty lastError = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Instant> lastSavedAt = new ReadOnlyObjectWrapper<>();
    private final StringProperty author = new SimpleStringProperty("");
    private final javafx.beans.property.BooleanProperty showUtc =
            new javafx.beans.property.SimpleBooleanProperty(false);
    private final java.util.Map<Severity, String> severityDefinitions;

    /**
     * @param service the incident domain API
     * @param tasks runs store calls off the FX thread
     * @param clock the clock the ticker reads
     * @param severityDefinitions one line per severity, from the policy, shown wherever a
     *     severity is chosen
     */
    public IncidentViewModel(
            IncidentService service,
            TaskRunner tasks,
            Clock clock,
            java.util.Map<Severity, String> severityDefinitions) {
        this.severityDefinitions = java.util.Map.copyOf(severityDefinitions);
        this.service = service;
        this.tasks = tasks;
        this.clock = clock;
        this.now = new SimpleObjectProperty<>(clock.instant());
    }

    /** @return the name of the person at the keyboard, recorded as author; empty until given */
    public StringProperty authorProperty() {
        return author;
    }

    /** @return true while times are shown in UTC first, false for local time */
    public javafx.beans.property.BooleanProperty showUtcProperty() {
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
    public java.util.Map<Severity, String> severityDefinitions() {
        return severityDefinitions;
    }

    /** @return the clock the console reads */
    public Clock clock() {
        return clock;
    }

    /** @return every incident, open first */
    public ObservableList<IncidentState> incidents() {
        return incidents;
    }

    /** @return the open incident's header state, or null when none is open */
    public ReadOnlyObjectProperty<IncidentState> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** @return the open incident, if any */
    public Optional<IncidentState> current() {
        return Optional.ofNullable(current.get());
    }

    /** @return the open incident's events in arrival order (replaced wholesale on switching) */
    public ObservableList<Event> events() {
        return eventsView;
    }

    /** @return the instant of the last 1-second tick, for elapsed-time displays */
    public ObjectProperty<Instant> nowProperty() {
        return now;
    }

    /** Re-reads the clock; called by the one UI ticker every second. */
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
        if (preloading) {
            return;
        }
        preloading = true;
        tasks.run(
                () -> {
                    List<IncidentState> all = service.incidents();
                    Optional<IncidentId> active = service.activeIncident(all);
                    return new Loaded(all, active.map(this::readFirstScreen));
                },
                loaded -> {
                    preloaded = loaded;
                    deliverPreload();
                },
                e -> {
                    preloadError = e;
                    deliverPreload();
                });
    }

    private void deliverPreload() {
        Consumer<Throwable> waiter = preloadWaiter;
        if (waiter == null) {
            return;
        }
        preloadWaiter = null;
        if (preloadError != null) {
            fail(preloadError);
            waiter.accept(preloadError);
            return;
        }
        incidents.setAll(preloaded.all());
        show(preloaded.incident());
        preloaded = null;
        waiter.accept(null);
    }

    /**
     * Loads the incident list and opens the active incident (the last one opened anywhere). The
     * log is read and folded in the background; only the hand-over runs on the FX thread.
     *
     * @param done called on the FX thread with null when the incident (or the empty state) is on
     *     screen, or with the error that stopped the load
     */
    public void loadInitial(Consumer<Throwable> done) {
        preloadWaiter = done;
        if (!preloading) {
            preload();
        } else if (preloaded != null || preloadError != null) {
            deliverPreload();
        }
    }

    /**
     * @return a counter that goes up each time the open incident's event list is replaced as a
     *     whole (another incident opened); views rebuild from {@link #events()} then, and ignore
     *     the list changes the replacement itself fires
     */
    public javafx.beans.property.ReadOnlyIntegerProperty resetsProperty() {
        return resets.getReadOnlyProperty();
    }

    /** @return true while the event list is being replaced as a whole */
    public boolean isResetting() {
        return resetting;
    }

    private record Loaded(List<IncidentState> all, Optional<Opened> incident) {}

    /**
     * An incident read and folded off the FX thread.
     *
     * @param state the header, folded over every header event
     * @param log the events to show: all of them, or the newest {@link #FIRST_SCREEN}
     * @param header every header event
     * @param complete true if {@code log} is the whole log
     * @param position the end of the log before it was read: events stored after it are caught up
     */
    private record Opened(IncidentState state, List<Event> log, List<Event> header, boolean complete, long position) {}

    /** The header and the newest entries: enough to work with at once, even for a long incident. */
    private Opened readFirstScreen(IncidentId id) {
        long position = service.logPosition();
        List<Event> header = service.headerEvents(id);
        List<Event> tail = service.timelineTail(id, FIRST_SCREEN);
        return new Opened(IncidentState.fold(header), tail, header, tail.size() < FIRST_SCREEN, position);
    }

    private Opened readAll(IncidentId id) {
        long position = service.logPosition();
        List<Event> log = service.timeline(id);
        List<Event> header = log.stream()
                .filter(e -> IncidentState.HEADER_TYPES.contains(e.type()))
                .toList();
        return new Opened(IncidentState.fold(header), log, header, true, position);
    }

    /**
     * Switches the console to another incident and remembers it as the one to open at the next
     * launch.
     *
     * @param id the incident to open
     */
    public void open(IncidentId id) {
        if (current.get() != null && current.get().id().equals(id)) {
            return;
        }
        tasks.run(
                () -> {
                    service.activate(id);
                    return readFirstScreen(id);
                },
                opened -> show(Optional.of(opened)),
                this::fail);
    }

    private void show(Optional<Opened> opened) {
        known.clear();
        headerEvents.clear();
        if (opened.isEmpty()) {
            resetting = true;
            try {
                events.clear();
            } finally {
                resetting = false;
            }
            current.set(null);
            complete.set(true);
            resets.set(resets.get() + 1);
            return;
        }
        opened.get().log().forEach(e -> known.add(e.id()));
        headerEvents.addAll(opened.get().header());
        current.set(opened.get().state());
        resetting = true;
        try {
            events.setAll(opened.get().log());
        } finally {
            resetting = false;
        }
        resets.set(resets.get() + 1);
        Opened o = opened.get();
        complete.set(o.complete());
        IncidentId id = o.state().id();
        if (o.position() >= 0) {
            // events another process stored while this incident was being read
            tasks.run(() -> service.eventsAfter(o.position()), this::accept, this::fail);
        }
        if (!o.complete()) {
            tasks.run(
                    () -> readAll(id),
                    all -> {
                        if (current.get() != null && current.get().id().equals(id)) {
                            show(Optional.of(all));
                        }
                    },
                    this::fail);
        }
    }

    /**
     * Reads the open incident again in full, off the FX thread, and shows it as on opening: for
     * when the log's order changed under what is shown (a war room's pull placed another console's
     * decision before one this console had folded), so every view folds again in the new order.
     */
    public void reload() {
        IncidentState st = current.get();
        if (st == null) {
            return;
        }
        IncidentId id = st.id();
        tasks.run(
                () -> readAll(id),
                all -> {
                    if (current.get() != null && current.get().id().equals(id)) {
                        show(Optional.of(all));
                    }
                },
                this::fail);
    }

    /** @return false while the older entries of a long incident are still being loaded */
    public javafx.beans.property.ReadOnlyBooleanProperty completeProperty() {
        return complete.getReadOnlyProperty();
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
                    show(Optional.of(new Opened(IncidentState.fold(List.of(e)), List.of(e), List.of(e), true, -1)));
                    refreshList();
                },
                ex -> onError.accept(message(ex)));
    }

    /**
     * Records an entry on the open incident's timeline. The entry appears only once the store has
     * acknowledged it, so what is on screen is always saved.
     *
     * @param type the event type
     * @param payload its fields
     * @param occurredAt the back-dated time, if any
     * @param onSaved told on the FX thread once the entry is durable
     * @param onError told why, on the FX thread, if it was refused or could not be saved
     */
    public void record(
            EventType type,
            Payload payload,
            Optional<Instant> occurredAt,
            Consumer<Event> onSaved,
            Consumer<String> onError) {
        record(Event.newId(), type, payload, occurredAt, onSaved, onError);
    }

    /**
     * Records an entry with an id minted once for what the user typed, so a retry after a failure
     * cannot store it twice.
     *
     * @param eventId the entry's id
     * @param type the event type
     * @param payload its fields
     * @param occurredAt the back-dated time, if any
     * @param onSaved told on the FX thread once the entry is durable
     * @param onError told why, on the FX thread, if it was refused or could not be saved
     */
    public void record(
            UUID eventId,
            EventType type,
            Payload payload,
            Optional<Instant> occurredAt,
            Consumer<Event> onSaved,
            Consumer<String> onError) {
        record(eventId, type, payload, occurredAt, onSaved, onError, onError);
    }

    /**
     * Like {@link #record(UUID, EventType, Payload, Optional, Consumer, Consumer)}, telling a
     * refusal (the entry can never be saved as it is: too long, in the future, contradicting the
     * incident) from a failure worth retrying (the disk, the database).
     *
     * @param eventId the entry's id
     * @param type the event type
     * @param payload its fields
     * @param occurredAt the back-dated time, if any
     * @param onSaved told on the FX thread once the entry is durable
     * @param onError told why, on the FX thread, if it could not be saved this time
     * @param onRefused told why, on the FX thread, if it was refused
     */
    public void record(
            UUID eventId,
            EventType type,
            Payload payload,
            Optional<Instant> occurredAt,
            Consumer<Event> onSaved,
            Consumer<String> onError,
            Consumer<String> onRefused) {
        String who = author.get();
        IncidentState st = current.get();
        if (st == null) {
            onError.accept("Declare or open an incident first (Ctrl+N)");
            return;
        }
        tasks.run(
                () -> service.record(eventId, st.id(), type, payload, occurredAt, who),
                e -> {
                    markSaved();
                    accept(List.of(e));
                    onSaved.accept(e);
                },
                ex -> (isRefusal(ex) ? onRefused : onError).accept(message(ex)));
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
        tasks.run(
                () -> service.correct(original, text, who),
                e -> {
                    markSaved();
                    accept(List.of(e));
                },
                ex -> onError.accept(message(ex)));
    }

    /**
     * Takes in events from this console or from the live follower, ignoring ones already seen.
     * Events of the open incident join its timeline; changes to any incident's header refresh the
     * incident list.
     *
     * @param incoming events in storage order
     */
    public void accept(List<Event> incoming) {
        List<Event> mine = new ArrayList<>();
        boolean headerChanged = false;
        IncidentState st = current.get();
        for (Event e : incoming) {
            if (IncidentState.HEADER_TYPES.contains(e.type())) {
                headerChanged = true;
            }
            if (st != null && st.id().equals(e.incidentId()) && known.add(e.id())) {
                mine.add(e);
            }
        }
        if (!mine.isEmpty()) {
            events.addAll(mine);
            List<Event> header = mine.stream()
                    .filter(e -> IncidentState.HEADER_TYPES.contains(e.type()))
                    .toList();
            if (!header.isEmpty()) {
                headerEvents.addAll(header); // the header folds over these few, not the whole log
                current.set(IncidentState.fold(headerEvents));
            }
        }
        if (headerChanged) {
            refreshList();
        }
    }

    private void refreshList() {
        tasks.run(service::incidents, incidents::setAll, this::fail);
    }

    private void markSaved() {
        lastSavedAt.set(clock.instant());
        lastError.set("");
    }

    private void fail(Throwable e) {
        lastError.set(message(e));
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

    /** @return the message of an error as the user should read it */
    static String message(Throwable e) {
        java.util.Optional<String> disk = dev.conn.platform.db.DatabaseErrors.describeDiskProblem(e);
        if (disk.isPresent()) {
            return disk.get(); // a full disk in words, not H2's "The database has been closed"
        }
        Throwable t = e;
        while ((t.getMessage() == null || t instanceof java.util.concurrent.CompletionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /**
     * @param ex what a save threw
     * @return true if it is a refusal in the user's words (the entry breaks a rule), not a failure
     *     of the disk or the database that a retry could fix
     */
    static boolean isRefusal(Throwable ex) {
        return (ex instanceof IllegalArgumentException || ex instanceof IllegalStateException)
                && !(ex instanceof dev.conn.incident.ConcurrentChangeException);
    }
}
