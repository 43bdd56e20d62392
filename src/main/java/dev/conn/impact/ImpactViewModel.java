package dev.conn.impact;

import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentState;
import dev.conn.incident.IncidentViewModel;
import dev.conn.incident.Payload;
import dev.conn.platform.fx.TaskRunner;
import dev.conn.settings.ImpactSettings;
import dev.conn.settings.MonitoringSource;
import dev.conn.settings.SettingsViewModel;
import dev.conn.timeline.TimelineViewModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * State and commands of the impact panel: the incident's impact queries (folded from its log),
 * each chart's data, the timeline markers, auto-refresh while the panel is showing and the
 * incident open, snapshots and notes. Touches its properties only on the FX thread; every fetch
 * runs on the network runner, every write through {@link IncidentViewModel#record}.
 */
public final class ImpactViewModel {
    /** Largest raw answer kept in a {@code METRIC_SNAPSHOT} payload: 4 MiB (else {@code rawOmitted}). */
    public static final int MAX_SNAPSHOT_RAW_CHARS = 4 * 1024 * 1024;

    /** Largest PNG kept in a snapshot: 1.5 MiB before base64 (2 MiB encoded). */
    public static final int MAX_SNAPSHOT_PNG_BYTES = 1536 * 1024;

    private final IncidentViewModel incident;
    private final SettingsViewModel settings;
    private final ImpactService service;
    private final TaskRunner network;
    private final Clock clock;
    private final Consumer<java.util.UUID> selectInTimeline;
    private final Function<MonitoringSource, MetricSource> clients;

    private final ObservableList<ImpactQuery> queries = FXCollections.observableArrayList();
    private final ObservableList<Event> markers = FXCollections.observableArrayList();
    private final Map<String, ObjectProperty<ChartData>> data = new HashMap<>();
    private final Set<String> inFlight = new HashSet<>();
    private final BooleanProperty showing = new SimpleBooleanProperty(false);
    private final IntegerProperty plotWidth = new SimpleIntegerProperty(800);
    private final StringProperty message = new SimpleStringProperty("");
    private Instant lastRefresh = Instant.MIN;
    private int fetchedWidth = 800;
    private Object shownIncident;

    /**
     * @param incident the open incident (events, record, the 1-second tick)
     * @param settings where the monitoring sources and the refresh interval are
     * @param timeline asked to select an event when a marker is clicked
     * @param service fetches and caches series
     * @param clients builds a client for "Test connection"
     * @param network runs fetches off the FX thread (a runner of its own, so a slow source never
     *     delays an append to the log)
     * @param clock the clock of the refresh interval
     */
    public ImpactViewModel(
            IncidentViewModel incident,
            SettingsViewModel settings,
            TimelineViewModel timeline,
            ImpactService service,
            Function<MonitoringSource, MetricSource> clients,
            TaskRunner network,
            Clock clock) {
        this(incident, settings, timeline::requestSelection, service, clients, network, clock);
    }

    ImpactViewModel(
            IncidentViewModel incident,
            SettingsViewModel settings,
            Consumer<java.util.UUID> selectInTimeline,
            ImpactService service,
            Function<MonitoringSource, MetricSource> clients,
            TaskRunner network,
            Clock clock) {
        this.incident = incident;
        this.settings = settings;
        this.selectInTimeline = selectInTimeline;
        this.service = service;
        this.clients = clients;
        this.network = network;
        this.clock = clock;
        incident.events().addListener((ListChangeListener<Event>) c -> onEventsChanged());
        incident.currentProperty().subscribe(s -> onEventsChanged());
        incident.nowProperty().subscribe(now -> onTick());
        plotWidth.subscribe(w -> {
            // a much wider or narrower chart needs another step: fetch again rather than stretch
            if (showing.get() && Math.abs(w.intValue() - fetchedWidth) > fetchedWidth / 4) {
                refresh();
            }
        });
        showing.subscribe(v -> {
            if (v) {
                refresh();
            }
        });
        onEventsChanged();
    }

    /** @return the impact queries of the open incident, in the order they were added */
    public ObservableList<ImpactQuery> queries() {
        return queries;
    }

    /** @return the timeline events drawn as markers, in time order */
    public ObservableList<Event> markers() {
        return markers;
    }

    /** @return the data of a chart (null until the first fetch answers) */
    public ObjectProperty<ChartData> data(String queryId) {
        return data.computeIfAbsent(queryId, k -> new SimpleObjectProperty<>());
    }

    /** @return true while the panel is on screen; auto-refresh runs only then */
    public BooleanProperty showingProperty() {
        return showing;
    }

    /** @return the plot width in pixels the charts have (sets the step and the LTTB threshold) */
    public IntegerProperty plotWidthProperty() {
        return plotWidth;
    }

    /** @return the panel's last message (saved, refused...), or empty */
    public StringProperty messageProperty() {
        return message;
    }

    /** @return the configured monitoring sources */
    public List<MonitoringSource> sources() {
        return settings.settings().impactSettings().sources();
    }

    /** @return the window the charts show, if an incident is open */
    public Optional<ImpactWindow> window() {
        IncidentState st = incident.current().orElse(null);
        return st == null ? Optional.empty() : Optional.of(ImpactWindow.of(st, clock.instant()));
    }

    private void onEventsChanged() {
        IncidentState st = incident.current().orElse(null);
        if (st == null) {
            queries.clear();
            markers.clear();
            shownIncident = null;
            return;
        }
        List<ImpactQuery> now = ImpactQuery.fold(incident.events());
        boolean added = !queries.equals(now) && !queries.containsAll(now);
        if (!queries.equals(now)) {
            queries.setAll(now);
        }
        markers.setAll(ImpactWindow.of(st, clock.instant()).markers(incident.events()));
        if (!st.id().equals(shownIncident)) {
            shownIncident = st.id();
            data.values().forEach(p -> p.set(null));
            if (showing.get()) {
                refresh();
            }
        } else if (added && showing.get()) {
            refresh();
        }
    }

    private void onTick() {
        IncidentState st = incident.current().orElse(null);
        if (!showing.get() || st == null || !st.isOpen()) {
            return;
        }
        int every = settings.settings().impactSettings().refreshSeconds();
        if (!clock.instant().isBefore(lastRefresh.plusSeconds(every))) {
            refresh();
        }
    }

    /** Fetches every chart now (each in the background; a chart already fetching is skipped). */
    public void refresh() {
        IncidentState st = incident.current().orElse(null);
        if (st == null) {
            return;
        }
        lastRefresh = clock.instant();
        ImpactSettings config = settings.settings().impactSettings();
        ImpactWindow window = ImpactWindow.of(st, lastRefresh);
        markers.setAll(window.markers(incident.events()));
        int width = plotWidth.get();
        fetchedWidth = width;
        for (ImpactQuery q : List.copyOf(queries)) {
            if (!inFlight.add(q.queryId())) {
                continue;
            }
            network.run(
                    () -> service.refresh(st.id(), q, config, window, width),
                    d -> {
                        inFlight.remove(q.queryId());
                        if (incident.current().map(c -> c.id().equals(st.id())).orElse(false)) {
                            data(q.queryId()).set(d);
                        }
                    },
                    e -> {
                        inFlight.remove(q.queryId());
                        message.set("Could not refresh \"" + q.name() + "\": " + e.getMessage());
                    });
        }
    }

    /**
     * Adds or edits an impact query: records {@code IMPACT_QUERY_SET} in the incident's log.
     *
     * @param q the query
     * @param onError told why on the FX thread if it could not be recorded
     */
    public void saveQuery(ImpactQuery q, Consumer<String> onError) {
        incident.record(EventType.IMPACT_QUERY_SET, q.toPayload(), Optional.empty(), e -> {}, onError);
    }

    /**
     * Removes an impact query from the panel: records {@code IMPACT_QUERY_REMOVED}.
     *
     * @param queryId the query
     * @param onError told why on the FX thread if it could not be recorded
     */
    public void removeQuery(String queryId, Consumer<String> onError) {
        incident.record(
                EventType.IMPACT_QUERY_REMOVED, Payload.of("queryId", queryId), Optional.empty(), e -> {}, onError);
    }

    /**
     * Records a {@code METRIC_SNAPSHOT} of a chart: the raw answer as returned and the PNG.
     *
     * @param queryId the chart
     * @param png the chart as PNG bytes
     * @param onSaved told on the FX thread once durable
     * @param onError told why on the FX thread
     */
    public void snapshot(String queryId, byte[] png, Consumer<Event> onSaved, Consumer<String> onError) {
        ChartData d = data(queryId).get();
        if (d == null || !d.hasData()) {
            onError.accept("Nothing to snapshot yet: the chart has no data");
            return;
        }
        boolean rawFits = d.rawJson().length() <= MAX_SNAPSHOT_RAW_CHARS;
        boolean pngFits = png.length <= MAX_SNAPSHOT_PNG_BYTES;
        Payload p = Payload.of(
                "queryId", d.query().queryId(),
                "name", d.query().name(),
                "sourceId", d.query().sourceId(),
                "query", d.query().query(),
                "unit", d.query().unit().isEmpty() ? null : d.query().unit(),
                "from", d.from().toString(),
                "to", d.to().toString(),
                "fetchedAt", d.fetchedAt().get().toString(),
                "offline", d.offline(),
                "raw", rawFits ? d.rawJson() : null,
                "rawOmitted", rawFits ? null : Boolean.TRUE,
                "png", pngFits ? Base64.getEncoder().encodeToString(png) : null,
                "pngOmitted", pngFits ? null : Boolean.TRUE);
        incident.record(EventType.METRIC_SNAPSHOT, p, Optional.empty(), onSaved, onError);
    }

    /**
     * Adds a timeline note at a chart time ("error ratio peaked at 14.2 %").
     *
     * @param at the instant clicked (UTC); a time in the future is recorded now
     * @param text the note
     * @param onError told why on the FX thread
     */
    public void addNote(Instant at, String text, Consumer<String> onError) {
        Instant now = clock.instant();
        incident.record(
                EventType.NOTE,
                Payload.of("text", text),
                Optional.of(at.isAfter(now) ? now : at),
                e -> message.set("Note added at " + e.occurredAt()),
                onError);
    }

    /** @param marker the marker clicked: its entry is selected in the timeline */
    public void selectInTimeline(Event marker) {
        selectInTimeline.accept(marker.id());
    }

    /**
     * Replaces the monitoring sources in settings.
     *
     * @param list the sources
     * @param onError told why on the FX thread if the settings could not be saved
     */
    public void saveSources(List<MonitoringSource> list, Consumer<String> onError) {
        settings.update(s -> s.withImpact(s.impactSettings().withSources(list)), onError);
    }

    /**
     * Tests a source in the background.
     *
     * @param source the source as edited (not yet saved)
     * @param onOk the confirmation, on the FX thread
     * @param onError what is wrong in words, on the FX thread
     */
    public void testConnection(MonitoringSource source, Consumer<String> onOk, Consumer<String> onError) {
        network.run(() -> clients.apply(source).testConnection(), onOk, e -> onError.accept(e.getMessage()));
    }

    /** @return the refresh interval */
    public Duration refreshInterval() {
        return Duration.ofSeconds(settings.settings().impactSettings().refreshSeconds());
    }
}
