package dev.conn.postmortem.ui;

import dev.conn.incident.Event;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.incident.IncidentState;
import dev.conn.incident.Severity;
import dev.conn.incident.ui.IncidentViewModel;
import dev.conn.platform.fx.TaskRunner;
import dev.conn.postmortem.IncidentHistory;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * Presentation state of the incident history tab: every incident with its milestones and tags,
 * the filters (severity, service, declared since), the filtered rows and their summary.
 *
 * <p>It keeps each incident's history events ({@link IncidentHistory#TYPES}: header, milestones,
 * tags, retractions) and folds its row from those few, so it follows the incidents without reading
 * the log again: the open incident's events are applied as they arrive (this console's commands,
 * and what other processes append, through {@link IncidentViewModel#events()}); an incident whose
 * header changed elsewhere (the incident list shows a header the row does not) is read again on
 * its own, off the FX thread. The first read happens when the tab is built ({@link #reload}), and
 * "Refresh" reads everything again. Touch only on the FX thread.
 */
public final class HistoryViewModel {
    private final IncidentService incidents;
    private final IncidentViewModel incident;
    private final TaskRunner tasks;
    private final Map<IncidentId, Map<UUID, Event>> events = new HashMap<>();
    private final Map<IncidentId, IncidentHistory.Row> all = new LinkedHashMap<>();
    private boolean loaded;
    private final ObservableList<IncidentHistory.Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Severity> severity = new SimpleObjectProperty<>();
    private final StringProperty service = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> since = new SimpleObjectProperty<>();
    private final StringProperty summary = new SimpleStringProperty("");

    /**
     * @param incidents the incident service (read in the background)
     * @param incident the console: the open incident's events, the incident list, and opening an
     *     incident from the history
     * @param tasks the one background runner
     */
    public HistoryViewModel(IncidentService incidents, IncidentViewModel incident, TaskRunner tasks) {
        this.incidents = incidents;
        this.incident = incident;
        this.tasks = tasks;
        severity.subscribe(s -> apply());
        service.subscribe(s -> apply());
        since.subscribe(s -> apply());
        incident.events().addListener((ListChangeListener<Event>) this::onEvents);
        incident.incidents().addListener((ListChangeListener<IncidentState>) c -> onIncidents());
    }

    /** @return the filtered incidents, newest first */
    public ObservableList<IncidentHistory.Row> rows() {
        return rows;
    }

    /** @return the severity filter; null for all */
    public ObjectProperty<Severity> severityProperty() {
        return severity;
    }

    /** @return the service filter; blank for all */
    public StringProperty serviceProperty() {
        return service;
    }

    /** @return the "declared on or after" filter (UTC date); null for all */
    public ObjectProperty<LocalDate> sinceProperty() {
        return since;
    }

    /** @return the summary of the filtered incidents, as {@code conn stats} prints it */
    public StringProperty summaryProperty() {
        return summary;
    }

    /** Reads every incident's history events in the background, then shows them. */
    public void reload() {
        tasks.run(
                () -> {
                    Map<IncidentId, List<Event>> read = new LinkedHashMap<>();
                    for (IncidentState st : incidents.incidents()) {
                        read.put(st.id(), incidents.events(st.id(), IncidentHistory.TYPES));
                    }
                    return read;
                },
                read -> {
                    loaded = true;
                    read.forEach(this::merge);
                    apply();
                },
                e -> summary.set("Could not read the incidents: " + PostmortemSender.message(e)));
    }

    /**
     * Opens an incident in the console.
     *
     * @param row a history row
     */
    public void open(IncidentHistory.Row row) {
        incident.open(row.state().id());
    }

    private void onEvents(ListChangeListener.Change<? extends Event> c) {
        if (!loaded) {
            return; // the first read brings them
        }
        Map<IncidentId, List<Event>> arrived = new LinkedHashMap<>();
        while (c.next()) {
            for (Event e : c.getAddedSubList()) {
                if (IncidentHistory.TYPES.contains(e.type())) {
                    arrived.computeIfAbsent(e.incidentId(), k -> new ArrayList<>())
                            .add(e);
                }
            }
        }
        if (!arrived.isEmpty()) {
            arrived.forEach(this::merge);
            apply();
        }
    }

    /** An incident whose header the list shows differently is read again, on its own. */
    private void onIncidents() {
        if (!loaded) {
            return;
        }
        for (IncidentState st : List.copyOf(incident.incidents())) {
            IncidentHistory.Row row = all.get(st.id());
            if (row == null || !row.state().equals(st)) {
                IncidentId id = st.id();
                tasks.run(
                        () -> incidents.events(id, IncidentHistory.TYPES),
                        read -> {
                            merge(id, read);
                            apply();
                        },
                        e -> summary.set("Could not read the incidents: " + PostmortemSender.message(e)));
            }
        }
    }

    /** Adds events of one incident (ids seen before are ignored) and folds its row again. */
    private void merge(IncidentId id, List<Event> arrived) {
        Map<UUID, Event> known = events.computeIfAbsent(id, k -> new LinkedHashMap<>());
        boolean added = false;
        for (Event e : arrived) {
            added |= known.putIfAbsent(e.id(), e) == null;
        }
        if (added || !all.containsKey(id)) {
            try {
                all.put(id, IncidentHistory.row(new ArrayList<>(known.values())));
            } catch (IllegalArgumentException notDeclaredYet) {
                // its declaration has not arrived: no row yet
            }
        }
    }

    private void apply() {
        String svc = service.get() == null ? "" : service.get().strip();
        IncidentHistory.Filter f = new IncidentHistory.Filter(
                Optional.ofNullable(severity.get()),
                svc.isEmpty() ? Optional.empty() : Optional.of(svc),
                Optional.ofNullable(since.get())
                        .map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant()),
                Optional.empty());
        List<IncidentHistory.Row> filtered = all.values().stream()
                .filter(f::test)
                .sorted(Comparator.comparing(
                                (IncidentHistory.Row r) -> r.state().declaredAt())
                        .reversed())
                .toList();
        if (!filtered.equals(rows)) {
            rows.setAll(filtered);
        }
        summary.set(String.join("\n", IncidentHistory.describe(IncidentHistory.summarise(filtered))));
    }
}
