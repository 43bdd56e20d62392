package dev.conn.postmortem;

import dev.conn.incident.IncidentService;
import dev.conn.incident.Severity;
import dev.conn.incident.ui.IncidentViewModel;
import dev.conn.platform.fx.TaskRunner;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Presentation state of the incident history tab: every incident (read off the FX thread), the
 * filters (severity, service, declared since), the filtered rows and their summary. Touch only on
 * the FX thread.
 */
public final class HistoryViewModel {
    private final IncidentService incidents;
    private final IncidentViewModel incident;
    private final TaskRunner tasks;
    private List<IncidentHistory.Row> all = List.of();
    private final ObservableList<IncidentHistory.Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Severity> severity = new SimpleObjectProperty<>();
    private final StringProperty service = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> since = new SimpleObjectProperty<>();
    private final StringProperty summary = new SimpleStringProperty("");

    /**
     * @param incidents the incident service (read in the background)
     * @param incident the console, to open an incident from the history
     * @param tasks the one background runner
     */
    public HistoryViewModel(IncidentService incidents, IncidentViewModel incident, TaskRunner tasks) {
        this.incidents = incidents;
        this.incident = incident;
        this.tasks = tasks;
        severity.subscribe(s -> apply());
        service.subscribe(s -> apply());
        since.subscribe(s -> apply());
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

    /** Re-reads every incident in the background, then re-applies the filters. */
    public void reload() {
        tasks.run(
                () -> IncidentHistory.load(incidents),
                loaded -> {
                    all = loaded;
                    apply();
                },
                e -> summary.set("Could not read the incidents: " + e.getMessage()));
    }

    /**
     * Opens an incident in the console.
     *
     * @param row a history row
     */
    public void open(IncidentHistory.Row row) {
        incident.open(row.state().id());
    }

    private void apply() {
        String svc = service.get() == null ? "" : service.get().strip();
        IncidentHistory.Filter f = new IncidentHistory.Filter(
                Optional.ofNullable(severity.get()),
                svc.isEmpty() ? Optional.empty() : Optional.of(svc),
                Optional.ofNullable(since.get())
                        .map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant()),
                Optional.empty());
        List<IncidentHistory.Row> filtered = all.stream().filter(f::test).toList();
        rows.setAll(filtered);
        summary.set(String.join("\n", IncidentHistory.describe(IncidentHistory.summarise(filtered))));
    }
}
