package dev.conn.incident.ui;

import dev.conn.incident.Event;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentState;
import dev.conn.platform.fx.TaskRunner;
import dev.conn.platform.trace.StartupTrace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The folded state behind {@link IncidentViewModel}: the incident list, the open incident's header
 * and events, and the reads that open an incident and catch up with what was stored meanwhile.
 * Events are applied one batch at a time ({@link #accept}); the log is read only to open an
 * incident. Touch only on the FX thread.
 */
final class OpenIncident {
    private final IncidentReads reads;
    private final TaskRunner tasks;
    private final Consumer<Throwable> fail;

    final IncidentList list = new IncidentList();
    final ReadOnlyObjectWrapper<IncidentState> current = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Event> events = FXCollections.observableArrayList();
    final ObservableList<Event> eventsView = FXCollections.unmodifiableObservableList(events);
    private final Set<UUID> known = new HashSet<>();
    final ReadOnlyIntegerWrapper resets = new ReadOnlyIntegerWrapper();
    final ReadOnlyBooleanWrapper complete = new ReadOnlyBooleanWrapper(true);
    private boolean resetting;
    private boolean started;
    private IncidentReads.Start result;
    private Throwable error;
    private Consumer<Throwable> waiter;

    /**
     * @param reads the reads, run through {@code tasks}
     * @param tasks runs reads off the FX thread
     * @param fail shows a failed read
     */
    OpenIncident(IncidentReads reads, TaskRunner tasks, Consumer<Throwable> fail) {
        this.reads = reads;
        this.tasks = tasks;
        this.fail = fail;
    }

    /** @return true while the event list is being replaced as a whole */
    boolean isResetting() {
        return resetting;
    }

    /** Starts the first read (the list and the active incident), once. */
    void begin() {
        if (started) {
            return;
        }
        started = true;
        tasks.run(
                reads::start,
                r -> {
                    result = r;
                    hand();
                },
                e -> {
                    error = e;
                    hand();
                });
    }

    /**
     * @param done told on the FX thread, with null or the error, once the first read is shown
     */
    void await(Consumer<Throwable> done) {
        waiter = done;
        if (!started) {
            begin();
        } else if (result != null || error != null) {
            hand();
        }
    }

    private void hand() {
        Consumer<Throwable> w = waiter;
        if (w == null) {
            return;
        }
        waiter = null;
        if (error != null) {
            fail.accept(error);
            w.accept(error);
            return;
        }
        StartupTrace.mark("first read handed to the window");
        list.load(result.list());
        long position = result.position(); // catch up from before the list was read
        show(result.incident()
                .map(o -> new IncidentReads.Opened(o.state(), o.log(), o.header(), o.complete(), position)));
        if (result.incident().isEmpty()) {
            tasks.run(() -> reads.after(position), this::accept, fail);
        }
        result = null;
        StartupTrace.mark("first read shown (folded into the views)");
        w.accept(null);
    }

    /**
     * Switches to another incident and remembers it as the active one.
     *
     * @param id the incident
     */
    void open(IncidentId id) {
        if (current.get() != null && current.get().id().equals(id)) {
            return;
        }
        tasks.run(() -> reads.activate(id), opened -> show(Optional.of(opened)), fail);
    }

    /**
     * Reads the open incident again in full and shows it as on opening: for when the log's order
     * changed under what is shown (a war room's pull placed another console's decision before one
     * this console had folded), so every view folds again in the new order.
     */
    void reload() {
        IncidentState st = current.get();
        if (st == null) {
            return;
        }
        IncidentId id = st.id();
        tasks.run(
                () -> reads.all(id),
                all -> {
                    if (current.get() != null && current.get().id().equals(id)) {
                        show(Optional.of(all));
                    }
                },
                fail);
    }

    /**
     * Shows an incident read off the FX thread (or none), then catches up with what was stored
     * while it was read, and reads the rest of a long incident.
     *
     * @param opened the incident, or empty for none
     */
    void show(Optional<IncidentReads.Opened> opened) {
        known.clear();
        resetting = true;
        try {
            if (opened.isEmpty()) {
                events.clear();
                current.set(null);
            } else {
                IncidentReads.Opened o = opened.get();
                o.log().forEach(e -> known.add(e.id()));
                list.apply(o.header()); // a just-declared incident joins the list at once
                current.set(o.state());
                events.setAll(o.log());
            }
        } finally {
            resetting = false;
        }
        resets.set(resets.get() + 1);
        complete.set(opened.map(IncidentReads.Opened::complete).orElse(true));
        opened.ifPresent(this::catchUp);
    }

    /** Reads what was stored while the incident was read, and the rest of a long incident. */
    private void catchUp(IncidentReads.Opened o) {
        if (o.position() >= 0) {
            tasks.run(() -> reads.after(o.position()), this::accept, fail);
        }
        if (!o.complete()) {
            IncidentId id = o.state().id();
            tasks.run(
                    () -> reads.all(id),
                    all -> {
                        if (current.get() != null && current.get().id().equals(id)) {
                            show(Optional.of(all));
                        }
                    },
                    fail);
        }
    }

    /**
     * Applies events (see {@link IncidentViewModel#accept}).
     *
     * @param incoming events in storage order
     */
    void accept(List<Event> incoming) {
        Set<IncidentId> changed = list.apply(incoming);
        IncidentState st = current.get();
        if (st == null) {
            return;
        }
        List<Event> mine = new ArrayList<>();
        for (Event e : incoming) {
            if (st.id().equals(e.incidentId()) && known.add(e.id())) {
                mine.add(e);
            }
        }
        if (!mine.isEmpty()) {
            events.addAll(mine);
        }
        if (changed.contains(st.id())) {
            list.items().stream()
                    .filter(s -> s.id().equals(st.id()))
                    .findFirst()
                    .ifPresent(current::set);
        }
    }
}
