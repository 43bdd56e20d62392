package dev.conn.app;

import dev.conn.command.ui.PeopleFeature;
import dev.conn.comms.ui.CommsFeature;
import dev.conn.incident.EventStore;
import dev.conn.incident.IncidentService;
import dev.conn.incident.Severity;
import dev.conn.incident.ui.IncidentViewModel;
import dev.conn.platform.db.Database;
import dev.conn.platform.fx.AlertCentre;
import dev.conn.platform.fx.ShellContribution;
import dev.conn.platform.fx.TaskRunner;
import dev.conn.postmortem.ui.FileChoice;
import dev.conn.postmortem.ui.PostmortemFeature;
import dev.conn.settings.Policy;
import dev.conn.settings.SecretResolver;
import dev.conn.settings.Settings;
import dev.conn.settings.ui.SettingsViewModel;
import dev.conn.shell.ConnectivityProbe;
import dev.conn.shell.MainWindow;
import dev.conn.shell.MainWindowView;
import dev.conn.timeline.ui.TimelineViewModel;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The one composition root. {@link #open} opens the core ({@link Core}: the database, the event
 * store with its projections, the one writer, the services, the settings and policy, the two
 * runners) and builds the view models the window and the features share; {@link #showIn} lists
 * the features, each of which installs itself through its {@link ShellContribution}, and hands
 * them to the {@link MainWindow}. It builds no menu or dialog of its own. No singletons, no
 * service locator; every dependency is a constructor argument.
 *
 * <p>{@link #open} blocks on disk and must run off the FX thread; {@link #showIn} runs on it.
 */
public final class AppContext implements AutoCloseable {
    // the core's parts, by the names the features' contributions use
    private final Path dataDirectory;
    private final Database database;
    private final EventStore store;
    private final IncidentService incidents;
    private final Settings initialSettings;
    private final Policy policy;
    private final Clock clock;
    private final TaskRunner tasks;
    private final TaskRunner network;
    private final SecretResolver secrets;
    // the view models the window and the features share
    private final SettingsViewModel settingsModel;
    private final IncidentViewModel incidentModel;
    private final TimelineViewModel timelineModel;
    private final AlertCentre alerts;
    /** The running window, once {@link #showIn} built it: features reach their panels through it. */
    private final AtomicReference<MainWindow> window = new AtomicReference<>();
    /** Offers a bundle file for import (Conn opened with one); the postmortem feature answers. */
    private final AtomicReference<Consumer<Path>> bundleOffer = new AtomicReference<>(file -> {});

    private ConnectivityProbe connectivity = ConnectivityProbe.networkInterfaces();
    private FileChoice postmortemFiles;

    /** @param opened the core (opened here or early, {@link EarlyCore}); its projections follow the settings */
    AppContext(OpenedCore opened) {
        Core core = opened.core();
        this.dataDirectory = core.dataDirectory();
        this.database = core.database();
        this.store = core.store();
        this.incidents = core.incidents();
        this.initialSettings = core.settings();
        this.policy = core.policy();
        this.clock = core.clock();
        this.tasks = core.disk();
        this.network = core.network();
        this.secrets = core.secrets();
        this.settingsModel = new SettingsViewModel(initialSettings, core.settingsFile(), policy, tasks);
        this.alerts = new AlertCentre(clock);
        Map<Severity, String> definitions = new EnumMap<>(Severity.class);
        policy.severities().forEach(d -> definitions.put(d.level(), d.name() + ": " + d.definition()));
        this.incidentModel = new IncidentViewModel(incidents, tasks, clock, definitions);
        // until the name is given (asked at first launch), entries are signed with the OS user, so a
        // note is never refused for want of a name
        String osUser = System.getProperty("user.name", "unknown");
        incidentModel.authorProperty().bind(settingsModel.settingsProperty().map(s -> s.author()
                .orElse(osUser)));
        this.timelineModel = new TimelineViewModel(incidentModel, settingsModel, clock, tasks);
        incidentModel.showUtcProperty().bind(timelineModel.showUtcProperty());
        settingsModel.settingsProperty().subscribe(opened.settings()::set);
    }

    /**
     * Prepares the data directory and opens everything (see {@link Core#open}). Blocks on disk.
     * The context takes over both runners and closes them when it closes.
     *
     * @param dataDirectory the data directory
     * @param clock the clock every timer and event stamp reads
     * @param disk the disk runner: every read and write of the log, in order, off the FX thread
     * @param network the network runner: HTTP and connectivity checks, so a slow server never
     *     holds back an append
     * @return the context
     * @throws dev.conn.settings.ConfigException naming the file if the directory is unusable or
     *     the settings or policy file is bad or cannot be written
     * @throws dev.conn.platform.db.DatabaseException naming the file if the database cannot be used
     */
    public static AppContext open(Path dataDirectory, Clock clock, TaskRunner disk, TaskRunner network) {
        return open(dataDirectory, clock, disk, network, UnaryOperator.identity());
    }

    /**
     * Like {@link #open(Path, Clock, TaskRunner, TaskRunner)}, with the event store wrapped, so
     * tests can watch every store call (for example, to prove none runs on the FX thread).
     *
     * @param dataDirectory the data directory
     * @param clock the clock
     * @param disk the disk runner
     * @param network the network runner
     * @param decorate returns the store to use in place of the given one
     * @return the context
     */
    static AppContext open(
            Path dataDirectory, Clock clock, TaskRunner disk, TaskRunner network, UnaryOperator<EventStore> decorate) {
        return new AppContext(OpenedCore.open(dataDirectory, clock, disk, network, decorate));
    }

    /**
     * Builds the main window into a stage and starts it: loads the incidents and the active one,
     * and starts the heartbeat. Runs on the FX thread.
     *
     * @param stage the stage; its scene's root is replaced, or a scene is created
     * @return the main window's controller
     */
    public MainWindowView showIn(Stage stage) {
        return showIn(stage, () -> {});
    }

    /**
     * Like {@link #showIn(Stage)}, and tells when the active incident is on screen.
     *
     * @param stage the stage
     * @param onReady run on the FX thread once the incidents are loaded and shown
     * @return the main window's controller
     */
    public MainWindowView showIn(Stage stage, Runnable onReady) {
        incidentModel.preload(); // the incidents are read while the features and the window are built
        MainWindow shown = MainWindow.show(
                stage,
                new MainWindow.Parts(
                        incidentModel,
                        settingsModel,
                        timelineModel,
                        alerts,
                        store,
                        dataDirectory,
                        clock,
                        tasks,
                        network,
                        connectivity),
                features(stage),
                onReady);
        window.set(shown);
        return shown.view();
    }

    /**
     * The features, in the order their menus, tabs and items appear. Each builds its own
     * contribution from the core and the shared view models.
     */
    private List<ShellContribution> features(Stage stage) {
        // people first: its menu follows Timeline, its banners and panel frame the incident
        PeopleFeature people = new PeopleFeature(
                incidentModel,
                incidents,
                tasks,
                policy,
                new SecureRandom(),
                new dev.conn.comms.CommsDeadlines(policy.comms()),
                ZoneId.systemDefault(),
                alerts,
                () -> stage);
        // issue 13: sharing through a war room; while in one, this console's own dispatcher does not send
        var own = new dev.conn.comms.store.JdbcOutbox(database.dataSource());
        var shown = new dev.conn.warroom.OutboxWithWarRoom(own); // the Comms tab lists the war room's rows too
        dev.conn.warroom.ui.WarRoomFeature warRoom = new dev.conn.warroom.ui.WarRoomFeature(
                dev.conn.warroom.store.WarRooms.connector(
                        database.dataSource(), store, incidents.log(), secrets, clock),
                incidentModel,
                incidents,
                settingsModel,
                timelineModel,
                secrets,
                tasks,
                alerts,
                policy,
                clock,
                () -> stage,
                shown);
        // one dispatcher per data directory: the lease decides which Conn process sends (ADR 0009)
        String me = settingsModel.settings().author().orElse(System.getProperty("user.name", "unknown"));
        CommsFeature comms = new CommsFeature(
                incidentModel,
                incidents,
                own,
                shown,
                // while in a war room, the war room's sending console sends, not this data directory's
                dev.conn.warroom.GatedLease.soloOnly(
                        new dev.conn.comms.store.JdbcDispatchLease(
                                database.dataSource(),
                                clock,
                                dev.conn.comms.DispatchLease.Owner.thisProcess("Conn window of " + me),
                                dev.conn.comms.store.JdbcDispatchLease.configuredTtl()),
                        warRoom.inWarRoom()),
                settingsModel,
                secrets,
                policy.comms(),
                dataDirectory,
                tasks,
                alerts,
                () -> stage);
        shown.onChange(comms::recountOutbox);
        // the hand-off brief can go to the responders' channels, not only be read aloud
        people.sendBriefsWith(comms::composeForResponders);
        IntegrationDesk.wire(people, settingsModel, secrets, clock, network); // issue 16: paging
        return List.of(
                people.contribution(),
                // comms next: the checklist and its countdowns are what the IC watches during the outage
                comms.contribution(),
                impactContribution(),
                postmortemContribution(stage),
                warRoom.contribution());
    }

    /** @return the running window's controller, once shown */
    private Optional<MainWindowView> window() {
        return Optional.ofNullable(window.get()).map(MainWindow::view);
    }

    /** The impact graphs: the Impact tab (Shortcut+Shift+I), the Impact menu, the monitoring sources. */
    private ShellContribution impactContribution() {
        return new dev.conn.impact.ui.ImpactFeature(
                        incidentModel,
                        settingsModel,
                        timelineModel,
                        dev.conn.impact.net.MetricClients.service(
                                new dev.conn.impact.store.JdbcSeriesCache(database.dataSource()), secrets, clock),
                        incidents.log(),
                        tasks,
                        network::deliver, // each source's results reach the FX thread as they arrive
                        id -> window().ifPresent(w -> w.showPanel(id)),
                        clock)
                .contribution();
    }

    /** The postmortem feature: the Postmortem and History tabs, the Export menu, the TTx header item. */
    private ShellContribution postmortemContribution(Stage stage) {
        // exports run off the FX thread: they read the settings held here, not the view model's property
        AtomicReference<Settings> exportSettings = new AtomicReference<>(initialSettings);
        settingsModel.settingsProperty().subscribe(exportSettings::set);
        PostmortemFeature postmortem = new PostmortemFeature(
                incidentModel,
                incidents,
                new dev.conn.impact.SeriesArchive(new dev.conn.impact.store.JdbcSeriesCache(database.dataSource())),
                () -> {
                    secrets.rememberConfigured(exportSettings.get()); // values not used yet in this run
                    return secrets.known();
                },
                tasks,
                clock,
                () -> stage,
                postmortemFiles);
        bundleOffer.set(postmortem::offerImport);
        IntegrationDesk.wire(postmortem, settingsModel, secrets, clock, network); // issue 16: tickets
        return postmortem.contribution();
    }

    /**
     * Replaces the Export menu's file dialogs (tests choose files without a native dialog); call
     * before {@link #showIn}.
     *
     * @param files the file choice
     */
    void usePostmortemFiles(FileChoice files) {
        this.postmortemFiles = files;
    }

    /** @param probe replaces the online/offline check (tests); call before showIn */
    void useConnectivityProbe(ConnectivityProbe probe) {
        connectivity = probe;
    }

    /** @return the running window, once shown, else null (tests) */
    MainWindow windowForTests() {
        return window.get();
    }

    /** @return the database (tests and the benchmark open a second store on it: another process) */
    Database databaseForTests() {
        return database;
    }

    /** @return the main window's controller once shown, else null (tests) */
    MainWindowView mainWindowForTests() {
        return window().orElse(null);
    }

    /**
     * @return the alert centre: features post overdue comms and delivery failures here
     */
    public AlertCentre alerts() {
        return alerts;
    }

    /**
     * Offers an incident bundle for import, as when the desktop opens Conn with an
     * {@code *.conn.json} file: the window asks "Import incident X from FILE?" and, on yes,
     * imports it through Export &gt; Import bundle's path. Call on the FX thread once the window
     * is shown.
     *
     * @param file the bundle file
     */
    public void offerImport(Path file) {
        bundleOffer.get().accept(file);
    }

    /** @return the data directory in use */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** @return the incident service (for tests and the CLI face) */
    public IncidentService incidents() {
        return incidents;
    }

    /**
     * Closes without blocking the FX thread: stops the heartbeat, then on the disk runner lets the
     * features stop their background work and closes the database (queued writes finish first),
     * then runs {@code then} on the FX thread.
     *
     * @param then run once everything is closed (e.g. {@code Platform::exit})
     */
    public void closeInBackground(Runnable then) {
        MainWindow shown = window.get();
        if (shown != null) {
            shown.stop();
        }
        tasks.run(
                () -> {
                    closeFeatures(); // off the FX thread: may wait up to 5 s for work in flight
                    network.close();
                    database.close();
                    return null;
                },
                ok -> {
                    tasks.close();
                    then.run();
                },
                e -> {
                    tasks.close();
                    then.run();
                });
    }

    /** Stops the heartbeat, the features' background work, both runners and the database; blocks (tests, CLI). */
    @Override
    public void close() {
        MainWindow shown = window.get();
        if (shown != null) {
            // an animation stopped off the FX thread races JavaFX's pulse loop (seen as an NPE in
            // PulseReceiver.timePulse in a window test)
            if (Platform.isFxApplicationThread()) {
                shown.stop();
            } else {
                Platform.runLater(shown::stop);
            }
        }
        closeFeatures();
        network.close();
        tasks.close();
        database.close();
    }

    private void closeFeatures() {
        MainWindow shown = window.get();
        if (shown != null) {
            shown.closeFeatures();
        }
    }
}
