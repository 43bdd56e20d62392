package dev.conn.impact.ui;

import dev.conn.impact.ChartData;
import dev.conn.impact.FetchToken;
import dev.conn.impact.ImpactDecider;
import dev.conn.impact.ImpactLog;
import dev.conn.impact.ImpactMarker;
import dev.conn.impact.ImpactPanelState;
import dev.conn.impact.ImpactQuery;
import dev.conn.impact.ImpactService;
import dev.conn.impact.ImpactWindow;
import dev.conn.impact.MetricSource;
import dev.conn.impact.SourceLanes;
import dev.conn.incident.Event;
import dev.conn.incident.IncidentState;
import dev.conn.incident.ui.IncidentViewModel;
import dev.conn.platform.fx.TaskRunner;
import dev.conn.settings.ImpactSettings;
import dev.conn.settings.MonitoringSource;
import dev.conn.settings.ui.SettingsViewModel;
import dev.conn.timeline.ui.TimelineViewModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
 * State and commands of the impact panel. Folds the open incident's log incrementally ({@link
 * ImpactPanelState}: appended events cost only themselves), fetches each chart on its source's
 * lane ({@link SourceLanes}: one hung source delays only its own charts), cancels fetches when the
 * window, a query or the incident changes, refetches a zoomed chart at the finer step, and sends
 * the panel's typed commands ({@link ImpactCommands}: queries, snapshots, notes) to the one writer.
 * Touches its properties only on the FX thread.
 */
public final class ImpactViewModel {
    /** Largest raw answer kept in a snapshot: 4 Mi characters (else {@code rawOmitted}). */
    public static final int MAX_SNAPSHOT_RAW_CHARS = ImpactDecider.MAX_RAW_CHARS;

    /** Largest PNG kept in a snapshot: 1.5 MiB before base64 (2 MiB encoded). */
    public static final int MAX_SNAPSHOT_PNG_BYTES = ImpactDecider.MAX_PNG_BYTES;

    private final IncidentViewModel incident;
    private final SettingsViewModel settings;
    private final ImpactService service;
    private final SourceLanes lanes;
    private final Clock clock;
    private final Consumer<UUID> selectInTimeline;
    private final Function<MonitoringSource, MetricSource> clients;
    private final ImpactCommands commands;
    private final ChartLinks links;

    private final ImpactPanelState state = new ImpactPanelState();
    private final ObservableList<ImpactQuery> queries = FXCollections.observableArrayList();
    private final ObservableList<ImpactMarker> markers = FXCollections.observableArrayList();
    private final Map<String, ObjectProperty<ChartData>> data = new HashMap<>();
    private final Map<String, FetchToken> inFlight = new HashMap<>();
    private final Map<String, Instant[]> zoom = new HashMap<>();
    private final BooleanProperty showing = new SimpleBooleanProperty(false);
    private final IntegerProperty plotWidth = new SimpleIntegerProperty(800);
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");
    private Instant lastRefresh = Instant.MIN;
    private int fetchedWidth = 800;
    private Object shownIncident;
    private ImpactWindow fetchedWindow;

    /**
     * @param incident the open incident (events, record, the 1-second tick)
     * @param settings where the monitoring sources and the refresh interval are
     * @param timeline asked to select an event when a marker is clicked
     * @param service fetches and caches series
     * @param clients builds a client for "Test connection"
     * @param lanes runs fetches: a lane per source, and one for connection tests
     * @param writes the panel's writes through the one writer (queries, snapshots, notes)
     * @param tasks runs the writes off the FX thread
     * @param clock the clock of the refresh interval
     */
    public ImpactViewModel(
            IncidentViewModel incident,
            SettingsViewModel settings,
            TimelineViewModel timeline,
            ImpactService service,
            Function<MonitoringSource, MetricSource> clients,
            SourceLanes lanes,
            ImpactLog writes,
            TaskRunner tasks,
            Clock clock) {
        this(incident, settings, timeline::requestSelection, service, clients, lanes, writes, tasks, clock);
    }

    ImpactViewModel(
            IncidentViewModel incident,
            SettingsViewModel settings,
            Consumer<UUID> selectInTimeline,
            ImpactService service,
            Function<MonitoringSource, MetricSource> clients,
            SourceLanes lanes,
            ImpactLog writes,
            TaskRunner tasks,
            Clock clock) {
        this.incident = incident;
        this.settings = settings;
        this.selectInTimeline = selectInTimeline;
        this.service = service;
        this.clients = clients;
        this.lanes = lanes;
        this.clock = clock;
        this.commands = new ImpactCommands(incident, writes, tasks, notice);
        this.links = new ChartLinks(settings, lanes, message);
        incident.events().addListener(this::onEventsChanged);
        incident.currentProperty().subscribe(s -> onIncident());
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
        onIncident();
    }

    /** @return the impact queries of the open incident, in the order they were added */
    public ObservableList<ImpactQuery> queries() {
        return queries;
    }

    /** @return the markers (milestones and entries) inside the window, in time order */
    public ObservableList<ImpactMarker> markers() {
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

    /** @return the plot width in pixels the charts have (sets the step and the reductions) */
    public IntegerProperty plotWidthProperty() {
        return plotWidth;
    }

    /** @return what went right, in words ("Note added to the timeline at …"), or empty; never an error */
    public StringProperty noticeProperty() {
        return notice;
    }

    /** @return the panel's last message (saved, refused...), or empty */
    public StringProperty messageProperty() {
        return message;
    }

    /** @return the snapshot, note and query commands */
    public ImpactCommands commands() {
        return commands;
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

    /** @return the current instant of the panel's clock */
    public Instant now() {
        return clock.instant();
    }

    private void onIncident() {
        IncidentState st = incident.current().orElse(null);
        if (st == null) {
            cancelAll();
            state.reset(List.of());
            queries.clear();
            markers.clear();
            shownIncident = null;
            return;
        }
        if (!st.id().equals(shownIncident)) {
            shownIncident = st.id();
            cancelAll();
            zoom.clear();
            state.reset(incident.events());
            data.values().forEach(p -> p.set(null));
            queries.setAll(state.queries());
            updateMarkers();
            if (showing.get()) {
                refresh();
            }
        }
    }

    private void onEventsChanged(ListChangeListener.Change<? extends Event> c) {
        IncidentState st = incident.current().orElse(null);
        if (st == null || !st.id().equals(shownIncident)) {
            onIncident();
            return;
        }
        boolean appendOnly = true;
        List<Event> added = new java.util.ArrayList<>();
        while (c.next()) {
            if (c.wasRemoved() || c.wasPermutated() || c.wasReplaced() || !c.wasAdded()) {
                appendOnly = false;
            } else {
                added.addAll(c.getAddedSubList());
            }
        }
        ImpactPanelState.Change change;
        if (appendOnly) {
            change = state.apply(added);
        } else {
            state.reset(incident.events());
            change = new ImpactPanelState.Change(true, true);
        }
        if (change.markers()) {
            updateMarkers();
        }
        if (change.queries()) {
            List<ImpactQuery> now = state.queries();
            boolean refetch = now.stream().anyMatch(q -> !queries.contains(q));
            queries.setAll(now);
            if (refetch && showing.get()) {
                refresh(); // a new or edited query: fetch it (a fetch in flight for an old text is cancelled)
            }
        }
    }

    private void updateMarkers() {
        window().ifPresent(w -> markers.setAll(state.markers(w)));
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

    /**
     * Fetches every chart now, each on its source's lane. A chart whose fetch for the same window is
     * still in flight is left to finish; one for another window or query text is cancelled first.
     */
    public void refresh() {
        IncidentState st = incident.current().orElse(null);
        if (st == null) {
            return;
        }
        lastRefresh = clock.instant();
        ImpactWindow window = ImpactWindow.of(st, lastRefresh);
        fetchedWindow = window;
        updateMarkers();
        fetchedWidth = plotWidth.get();
        for (ImpactQuery q : List.copyOf(queries)) {
            Instant[] z = zoom.get(q.queryId());
            fetch(st, q, z == null ? window.from() : z[0], z == null ? window.to() : z[1], z == null);
        }
    }

    private void fetch(IncidentState st, ImpactQuery q, Instant from, Instant to, boolean cacheIt) {
        FetchToken previous = inFlight.remove(q.queryId());
        if (previous != null) {
            previous.cancel();
        }
        ImpactSettings config = settings.settings().impactSettings();
        int width = plotWidth.get();
        String lane = q.sourceId();
        FetchToken[] token = new FetchToken[1];
        token[0] = lanes.fetch(
                lane,
                t -> service.refresh(st.id(), q, config, from, to, width, cacheIt, t),
                d -> {
                    inFlight.remove(q.queryId(), token[0]);
                    if (incident.current().map(c -> c.id().equals(st.id())).orElse(false) && queries.contains(q)) {
                        data(q.queryId()).set(d);
                    }
                },
                e -> {
                    inFlight.remove(q.queryId(), token[0]);
                    message.set("Could not refresh \"" + q.name() + "\": " + e.getMessage());
                });
        if (!token[0].isCancelled()) {
            inFlight.put(q.queryId(), token[0]);
        }
    }

    /**
     * Shows a chart for a zoomed range: fetched again for that range at the finer step it allows.
     *
     * @param queryId the chart
     * @param from start of the visible range, or null to go back to the incident window
     * @param to end of the visible range, or null
     */
    public void zoom(String queryId, Instant from, Instant to) {
        IncidentState st = incident.current().orElse(null);
        ImpactQuery q = queries.stream()
                .filter(x -> x.queryId().equals(queryId))
                .findFirst()
                .orElse(null);
        if (st == null || q == null) {
            return;
        }
        if (from == null || to == null) {
            if (zoom.remove(queryId) != null) {
                ImpactWindow w = fetchedWindow != null ? fetchedWindow : ImpactWindow.of(st, clock.instant());
                fetch(st, q, w.from(), w.to(), true);
            }
            return;
        }
        zoom.put(queryId, new Instant[] {from, to});
        fetch(st, q, from, to, false);
    }

    private void cancelAll() {
        inFlight.values().forEach(FetchToken::cancel);
        inFlight.clear();
    }

    /** @return the number of fetches in flight (tests) */
    int inFlightCount() {
        return inFlight.size();
    }

    /** @param id the entry of the marker clicked: selected in the timeline */
    public void selectInTimeline(UUID id) {
        selectInTimeline.accept(id);
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
     * Tests a source on the test lane: never behind chart fetches.
     *
     * @param source the source as edited (not yet saved)
     * @param onOk the confirmation, on the FX thread
     * @param onError what is wrong in words, on the FX thread
     */
    public void testConnection(MonitoringSource source, Consumer<String> onOk, Consumer<String> onError) {
        lanes.probe(() -> clients.apply(source).testConnection(), onOk, e -> onError.accept(e.getMessage()));
    }

    /** @return the refresh interval */
    public Duration refreshInterval() {
        return Duration.ofSeconds(settings.settings().impactSettings().refreshSeconds());
    }

    /** @return "Open in Prometheus" / "Open in Grafana" for each chart */
    public ChartLinks links() {
        return links;
    }
}
