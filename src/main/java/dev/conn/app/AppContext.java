package dev.conn.app;

import dev.conn.command.ui.PeopleFeature;
import dev.conn.comms.ui.CommsFeature;
import dev.conn.incident.EventStore;
import dev.conn.incident.IncidentHeaderView;
import dev.conn.incident.IncidentService;
import dev.conn.incident.IncidentViewModel;
import dev.conn.platform.db.Database;
import dev.conn.platform.fx.TaskRunner;
import dev.conn.platform.fx.ViewLoader;
import dev.conn.settings.DataDirectory;
import dev.conn.settings.Policy;
import dev.conn.settings.PolicyFile;
import dev.conn.settings.Settings;
import dev.conn.settings.SettingsFile;
import dev.conn.settings.SettingsViewModel;
import dev.conn.shell.LiveLogFollower;
import dev.conn.shell.MainWindowView;
import dev.conn.timeline.TimelineView;
import dev.conn.timeline.TimelineViewModel;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The one composition root: opens the data directory and builds every service, view model and
 * view with plain constructor injection. No singletons, no service locator.
 *
 * <p>{@link #open} blocks on disk and must run off the FX thread; {@link #showIn} runs on it.
 */
public final class AppContext implements AutoCloseable {
    private final Path dataDirectory;
    private final Database database;
    private EventStore store;
    private IncidentService incidents;
    private final SettingsFile settingsFile;
    private final Settings initialSettings;
    private final Policy policy;
    private final Clock clock;
    private final TaskRunner tasks;
    private MainWindowView mainWindow;
    // impact graphs: fetches run on a runner of their own, so a slow source never delays an append
    private final TaskRunner network;
    private dev.conn.impact.SourceLanes impactLanes;
    private IncidentViewModel incidentModel;
    private SettingsViewModel settingsModel;
    private TimelineViewModel timelineModel;
    private dev.conn.platform.fx.ShellContribution postmortemContribution;
    private dev.conn.postmortem.ui.FileChoice postmortemFiles;
    /** Offers a bundle file for import (Conn opened with one); set when the window is built. */
    private java.util.function.Consumer<Path> bundleOffer = file -> {};

    private Runnable removeCloseWarning = () -> {};
    /** The features' contributions, once the window is built: their hooks run at ready and close. */
    private java.util.List<dev.conn.platform.fx.ShellContribution> features = java.util.List.of();
    /** Work that waits until the active incident is on screen (FX thread). */
    private final java.util.List<Runnable> afterReady = new java.util.ArrayList<>();

    /** Secrets of sources and channels: environment variables and the OS keychain. */
    private final dev.conn.settings.SecretResolver secrets;

    private dev.conn.platform.fx.AlertCentre alerts;
    private dev.conn.shell.ConnectivityProbe connectivity = dev.conn.shell.ConnectivityProbe.networkInterfaces();

    private AppContext(
            Path dataDirectory,
            Database database,
            SettingsFile settingsFile,
            Settings settings,
            Policy policy,
            Clock clock,
            TaskRunner tasks,
            dev.conn.platform.secrets.KnownSecrets known) {
        // one KnownSecrets per process: what the resolver hands out, the log and exports scrub
        this.secrets = new dev.conn.settings.SecretResolver(
                System.getenv(), new dev.conn.settings.KeychainSecretStore(), known);
        this.dataDirectory = dataDirectory;
        this.database = database;
        // the outbox's rows commit with their MESSAGE_QUEUED (ADR 0005)
        this.store = EventStore.jdbc(
                database.dataSource(), java.util.List.of(new dev.conn.comms.store.JdbcOutboxProjection()));
        this.incidents = new IncidentService(store, clock);
        this.settingsFile = settingsFile;
        this.initialSettings = settings;
        this.policy = policy;
        this.clock = clock;
        this.tasks = tasks;
        this.network =
                tasks instanceof dev.conn.platform.fx.FxTaskRunner ? new dev.conn.platform.fx.FxTaskRunner() : tasks;
    }

    /**
     * Prepares the data directory and opens everything. Blocks on disk. Every check comes before
     * any file is written: the settings and policy are read (never written), the database is
     * opened (refusing one from a newer Conn), and only then are the default settings and policy
     * written where absent. So a refusal leaves the settings and policy files as they were, and
     * creates none.
     *
     * @param dataDirectory the data directory
     * @param clock the clock every timer and event stamp reads
     * @param tasks the one background runner
     * @return the context
     * @throws dev.conn.settings.ConfigException naming the file if the directory is unusable or
     *     the settings or policy file is bad or cannot be written
     * @throws dev.conn.platform.db.DatabaseException naming the file if the database cannot be used
     */
    public static AppContext open(Path dataDirectory, Clock clock, TaskRunner tasks) {
        Path dir = DataDirectory.prepare(dataDirectory);
        SettingsFile settingsFile = new SettingsFile(dir);
        Settings settings = settingsFile.read();
        PolicyFile policyFile = new PolicyFile(dir);
        Policy policy = policyFile.read();
        Database db = Database.open(dir);
        try {
            settingsFile.writeDefaultsIfMissing();
            policyFile.installDefaultIfMissing();
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        // the log folder is created only once every check has passed: a refusal creates nothing
        dev.conn.platform.secrets.KnownSecrets known = new dev.conn.platform.secrets.KnownSecrets();
        try {
            RollingLog.install(dir, known);
        } catch (java.io.IOException e) {
            System.err.println("conn: no log file in " + dir + ": " + e.getMessage()); // Conn still runs
        }
        java.util.logging.Logger.getLogger(AppContext.class.getName()).info("Conn opened data directory " + dir);
        return new AppContext(dir, db, settingsFile, settings, policy, clock, tasks, known);
    }

    /**
     * Builds the main window into a stage and starts it: loads incidents and the active one, and
     * starts the 1-second ticker. Runs on the FX thread.
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
        SettingsViewModel settingsModel = new SettingsViewModel(initialSettings, settingsFile, policy, tasks);
        alerts = new dev.conn.platform.fx.AlertCentre(clock);
        java.util.Map<dev.conn.incident.Severity, String> definitions =
                new java.util.EnumMap<>(dev.conn.incident.Severity.class);
        policy.severities().forEach(d -> definitions.put(d.level(), d.name() + ": " + d.definition()));
        IncidentViewModel incidentModel = new IncidentViewModel(incidents, tasks, clock, definitions);
        // until the name is given (asked at first launch), entries are signed with the OS user, so a
        // note is never refused for want of a name
        String osUser = System.getProperty("user.name", "unknown");
        incidentModel.authorProperty().bind(settingsModel.settingsProperty().map(s -> s.author()
                .orElse(osUser)));
        TimelineViewModel timelineModel = new TimelineViewModel(incidentModel, settingsModel, clock, tasks);
        incidentModel.showUtcProperty().bind(timelineModel.showUtcProperty());
        LiveLogFollower follower =
                new LiveLogFollower(store, tasks, incidentModel, incidentModel.lastErrorProperty()::set);
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
        CommsFeature comms = new CommsFeature(
                incidentModel,
                incidents,
                database.dataSource(),
                settingsModel,
                secrets,
                policy.comms(),
                dataDirectory,
                tasks,
                alerts,
                () -> stage);
        this.incidentModel = incidentModel;
        this.settingsModel = settingsModel;
        this.timelineModel = timelineModel;
        postmortemContribution = postmortemFeature(stage);
        ViewLoader loader = new ViewLoader(type -> {
            if (type == MainWindowView.class) {
                return new MainWindowView(
                        incidentModel,
                        settingsModel,
                        timelineModel,
                        follower,
                        dataDirectory,
                        clock,
                        contributions(people, comms));
            }
            if (type == IncidentHeaderView.class) {
                return new IncidentHeaderView(incidentModel);
            }
            if (type == TimelineView.class) {
                return new TimelineView(timelineModel);
            }
            throw new IllegalArgumentException("no controller for " + type);
        });
        incidentModel.preload(); // the disk read overlaps building the window
        Parent root = loader.load(MainWindowView.class);
        Scene scene = stage.getScene();
        if (scene == null) {
            scene = new Scene(root, 1280, 800);
            stage.setScene(scene);
        } else {
            scene.setRoot(root);
        }
        stage.setTitle("Conn");
        mainWindow = (MainWindowView) loader.lastController();
        mainWindow.applyLook(scene);
        mainWindow.rememberLayout(stage);
        mainWindow.useAlerts(alerts);
        installHooks(stage);
        // the hand-off brief can go to the responders' channels, not only be read aloud
        people.sendBriefsWith(comms::composeForResponders);
        // the probe runs on the network runner, never ahead of the incident's first read
        mainWindow.useConnectivity(connectivity, network);
        mainWindow.addSettingsSection(() -> new dev.conn.shell.EditorSettingsSection(
                "Monitoring sources",
                () -> dev.conn.shell.EditorSettingsSection.configured(
                        settingsModel.settings().impactSettings().sources().stream()
                                .map(dev.conn.settings.MonitoringSource::name)
                                .toList()),
                "Edit monitoring sources…",
                () -> mainWindow.fireMenuAction("Manage monitoring sources…")));
        features.forEach(c -> c.settingsSections().forEach(mainWindow::addSettingsSection));
        dev.conn.shell.DesktopNotifier.install(
                alerts, stage, () -> settingsModel.settings().desktop().sound(), tasks);
        dev.conn.platform.fx.DialogStyler.install(scene);
        mainWindow.start(() -> {
            onReady.run();
            afterReady.forEach(Runnable::run);
            afterReady.clear();
        });
        return mainWindow;
    }

    /**
     * The features' additions to the main window (workspace panels, menus, status items), in the
     * order they appear. Each feature builds its own contribution from the services here.
     */
    private java.util.List<dev.conn.platform.fx.ShellContribution> contributions(
            PeopleFeature people, CommsFeature comms) {
        java.util.List<dev.conn.platform.fx.ShellContribution> list = new java.util.ArrayList<>();
        // people first: its menu follows Timeline, its banners and panel frame the incident
        list.add(people.contribution());
        // comms first: the checklist and its countdowns are what the IC watches during the outage
        list.add(comms.contribution());
        list.add(impactContribution());
        if (postmortemContribution != null) {
            list.add(postmortemContribution);
        }
        features = java.util.List.copyOf(list);
        return list;
    }

    /**
     * Runs the features' hooks (the window installs their header items): each one's start once the incident is on screen,
     * the close guard (asked by the window's close button and by Quit), and each one's stop.
     */
    private void installHooks(Stage stage) {
        features.forEach(c -> afterReady.add(c.onReady()));
        java.util.function.BooleanSupplier mayClose =
                () -> features.stream().allMatch(c -> c.mayClose().getAsBoolean());
        mainWindow.setCloseGuard(mayClose);
        javafx.event.EventHandler<javafx.stage.WindowEvent> warnOnClose = e -> {
            if (!mayClose.getAsBoolean()) {
                e.consume();
            }
        };
        stage.addEventFilter(javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST, warnOnClose);
        removeCloseWarning = () -> stage.removeEventFilter(javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST, warnOnClose);
    }

    private void closeFeatures() {
        for (dev.conn.platform.fx.ShellContribution c : features) {
            try {
                c.onClose().run();
            } catch (RuntimeException e) {
                java.util.logging.Logger.getLogger(AppContext.class.getName())
                        .log(java.util.logging.Level.WARNING, "a feature failed to stop", e);
            }
        }
    }

    /** The impact graphs: the "impact" workspace tab (Shortcut+Shift+I) and the Impact menu. */
    private dev.conn.platform.fx.ShellContribution impactContribution() {
        var clients = dev.conn.impact.net.MetricClients.real(secrets);
        var service = new dev.conn.impact.ImpactService(
                new dev.conn.impact.store.JdbcSeriesCache(database.dataSource()),
                clients,
                dev.conn.impact.net.MetricClients.parsers(),
                clock);
        // each monitoring source fetches on a lane of its own; nothing shares the shell's network runner
        impactLanes = tasks instanceof dev.conn.platform.fx.FxTaskRunner
                ? new dev.conn.impact.SourceLanes(javafx.application.Platform::runLater)
                : dev.conn.impact.SourceLanes.direct();
        var model = new dev.conn.impact.ui.ImpactViewModel(
                incidentModel, settingsModel, timelineModel, service, clients, impactLanes, clock);
        dev.conn.impact.ui.ImpactView[] view = new dev.conn.impact.ui.ImpactView[1];
        java.util.function.Supplier<dev.conn.impact.ui.ImpactView> shown = () -> {
            if (view[0] == null) {
                view[0] = new dev.conn.impact.ui.ImpactView(model);
            }
            if (mainWindow != null) {
                mainWindow.showPanel("impact");
            }
            return view[0];
        };
        javafx.scene.control.Menu menu = new javafx.scene.control.Menu("Impact");
        menu.setId("impact-menu");
        javafx.scene.control.MenuItem add = new javafx.scene.control.MenuItem("Add impact query…");
        add.setAccelerator(javafx.scene.input.KeyCombination.valueOf("Shortcut+Alt+I"));
        add.setOnAction(e -> shown.get().onAddQuery());
        javafx.scene.control.MenuItem refresh = new javafx.scene.control.MenuItem("Refresh impact graphs");
        refresh.setAccelerator(javafx.scene.input.KeyCombination.valueOf("F5"));
        refresh.setOnAction(e -> {
            shown.get();
            model.refresh();
        });
        javafx.scene.control.MenuItem snapshot = new javafx.scene.control.MenuItem("Snapshot all impact graphs");
        snapshot.setAccelerator(javafx.scene.input.KeyCombination.valueOf("Shortcut+Alt+S"));
        snapshot.setOnAction(e -> shown.get().onSnapshotAll());
        javafx.scene.control.MenuItem sources = new javafx.scene.control.MenuItem("Manage monitoring sources…");
        sources.setAccelerator(javafx.scene.input.KeyCombination.valueOf("Shortcut+Alt+M"));
        sources.setOnAction(e -> shown.get().onManageSources());
        menu.getItems().addAll(add, refresh, snapshot, sources);
        return new dev.conn.platform.fx.ShellContribution(
                java.util.List.of(new dev.conn.platform.fx.ShellContribution.WorkspacePanel(
                        "impact", "Impact", javafx.scene.input.KeyCombination.valueOf("Shortcut+Shift+I"), () -> {
                            if (view[0] == null) {
                                view[0] = new dev.conn.impact.ui.ImpactView(model);
                            }
                            return view[0];
                        })),
                java.util.List.of(menu),
                java.util.List.of());
    }

    /** The postmortem feature: the Postmortem and History tabs, the Export menu, the TTx header item. */
    private dev.conn.platform.fx.ShellContribution postmortemFeature(Stage stage) {
        // exports run off the FX thread: they read the settings held here, not the view model's property
        java.util.concurrent.atomic.AtomicReference<Settings> exportSettings =
                new java.util.concurrent.atomic.AtomicReference<>(initialSettings);
        settingsModel.settingsProperty().subscribe(exportSettings::set);
        dev.conn.postmortem.ui.PostmortemFeature postmortem = new dev.conn.postmortem.ui.PostmortemFeature(
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
        bundleOffer = postmortem::offerImport;
        return postmortem.contribution();
    }

    /**
     * Replaces the Export menu's file dialogs (tests choose files without a native dialog).
     *
     * @param files the file choice
     */
    void usePostmortemFiles(dev.conn.postmortem.ui.FileChoice files) {
        this.postmortemFiles = files;
    }

    /**
     * Wraps the event store before the window is built, so tests can watch every store call (for
     * example, to prove none runs on the FX thread).
     *
     * @param decorate returns the store to use in place of the given one
     */
    void decorateStore(java.util.function.UnaryOperator<EventStore> decorate) {
        if (mainWindow != null) {
            throw new IllegalStateException("decorate the store before showIn");
        }
        store = decorate.apply(store);
        incidents = new IncidentService(store, clock);
    }

    /** @param probe replaces the online/offline check (tests); call before showIn */
    void useConnectivityProbe(dev.conn.shell.ConnectivityProbe probe) {
        connectivity = probe;
    }

    /** @return the main window's controller once shown, else null (tests) */
    MainWindowView mainWindowForTests() {
        return mainWindow;
    }

    /**
     * @return the alert centre, once the window is built: features post overdue comms and
     *     delivery failures here
     */
    public dev.conn.platform.fx.AlertCentre alerts() {
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
        bundleOffer.accept(file);
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
     * Closes without blocking the FX thread: stops the ticker, lets queued writes finish and closes
     * the database on the background thread, then runs {@code then} on the FX thread.
     *
     * @param then run once everything is closed (e.g. {@code Platform::exit})
     */
    public void closeInBackground(Runnable then) {
        if (mainWindow != null) {
            mainWindow.stop();
        }
        removeCloseWarning.run();
        tasks.run(
                () -> {
                    closeNetwork(); // off the FX thread: waits up to 5 s for a fetch in flight
                    closeFeatures();
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

    /** Stops the ticker, finishes queued writes, and closes the database; blocks (tests, CLI). */
    @Override
    public void close() {
        if (mainWindow != null) {
            // an animation stopped off the FX thread races JavaFX's pulse loop (seen as an NPE in
            // PulseReceiver.timePulse in a window test)
            MainWindowView window = mainWindow;
            Runnable stop = () -> {
                window.stop();
                removeCloseWarning.run();
            };
            if (javafx.application.Platform.isFxApplicationThread()) {
                stop.run();
            } else {
                javafx.application.Platform.runLater(stop);
            }
        }
        closeFeatures();
        closeNetwork();
        tasks.close();
        database.close();
    }

    private void closeNetwork() {
        if (impactLanes != null) {
            impactLanes.close();
        }
        if (network != tasks) {
            network.close();
        }
    }
}
