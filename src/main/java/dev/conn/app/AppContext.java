package dev.conn.app;

import dev.conn.command.ui.PeopleFeature;
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
    private dev.conn.postmortem.PostmortemView.FileChoice postmortemFiles;
    /** Offers a bundle file for import (Conn opened with one); set when the window is built. */
    private java.util.function.Consumer<Path> bundleOffer = file -> {};

    private dev.conn.comms.OutboxDispatcher outboxDispatcher;
    /** Issue 13: sharing through a war room; while in one, this console's own dispatcher does not send. */
    private dev.conn.warroom.ui.WarRoomFeature warRoom;

    private Runnable removeCloseWarning = () -> {};
    private dev.conn.comms.CommsViewModel commsModel;
    /** Work that waits until the active incident is on screen (FX thread). */
    private final java.util.List<Runnable> afterReady = new java.util.ArrayList<>();

    private javafx.scene.control.Label ttxLabel;
    private java.util.function.BooleanSupplier closeGuard = () -> true;
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
        this.store = EventStore.jdbc(database.dataSource());
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
        this.incidentModel = incidentModel;
        this.settingsModel = settingsModel;
        this.timelineModel = timelineModel;
        warRoom = new dev.conn.warroom.ui.WarRoomFeature(
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
                () -> stage);
        postmortemContribution = postmortemContribution(incidentModel, stage);
        ViewLoader loader = new ViewLoader(type -> {
            if (type == MainWindowView.class) {
                return new MainWindowView(
                        incidentModel,
                        settingsModel,
                        timelineModel,
                        follower,
                        dataDirectory,
                        clock,
                        contributions(people, incidentModel, settingsModel, stage));
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
        mainWindow.setCloseGuard(closeGuard);
        if (commsModel != null) {
            // the hand-off brief can go to the responders' channels, not only be read aloud
            dev.conn.comms.CommsViewModel comms = commsModel;
            people.sendBriefsWith((subject, body) -> incidentModel.current().ifPresent(st -> {
                dev.conn.comms.ComposeMessageDialog d = new dev.conn.comms.ComposeMessageDialog(stage, comms, st);
                d.prefill(dev.conn.incident.Audience.RESPONDERS, subject, body);
                d.show();
            }));
        }
        if (ttxLabel != null) {
            mainWindow.addHeaderItem(ttxLabel);
        }
        // the probe runs on the network runner, never ahead of the incident's first read
        mainWindow.useConnectivity(connectivity, network);
        if (commsModel != null) {
            dev.conn.shell.AlertRouting.comms(commsModel, incidentModel.events(), alerts);
        }
        mainWindow.addSettingsSection(() -> new dev.conn.shell.EditorSettingsSection(
                "Monitoring sources",
                () -> dev.conn.shell.EditorSettingsSection.configured(
                        settingsModel.settings().impactSettings().sources().stream()
                                .map(dev.conn.settings.MonitoringSource::name)
                                .toList()),
                "Edit monitoring sources…",
                () -> mainWindow.fireMenuAction("Manage monitoring sources…")));
        mainWindow.addSettingsSection(() -> new dev.conn.shell.EditorSettingsSection(
                "Message channels",
                () -> dev.conn.shell.EditorSettingsSection.configured(
                        settingsModel.settings().channelsOrEmpty().stream()
                                .map(c -> c.id() + " (" + c.type() + ")")
                                .toList()),
                "Edit message channels…",
                () -> mainWindow.fireMenuAction("Message channels…")));
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
            PeopleFeature people, IncidentViewModel incidentModel, SettingsViewModel settingsModel, Stage stage) {
        java.util.List<dev.conn.platform.fx.ShellContribution> list = new java.util.ArrayList<>();
        // people first: its menu follows Timeline, its banners and panel frame the incident
        list.add(people.contribution());
        // comms first: the checklist and its countdowns are what the IC watches during the outage
        list.add(commsContribution(incidentModel, settingsModel, stage));
        list.add(impactContribution());
        if (postmortemContribution != null) {
            list.add(postmortemContribution);
        }
        list.add(warRoom.contribution());
        return list;
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

    /** The postmortem tab, the incident history tab, the Export menu and the TTx status item. */
    private dev.conn.platform.fx.ShellContribution postmortemContribution(
            IncidentViewModel incidentModel, Stage stage) {
        dev.conn.postmortem.MetricSeriesArchive archive =
                new dev.conn.impact.SeriesArchive(new dev.conn.impact.store.JdbcSeriesCache(database.dataSource()));
        // exports run off the FX thread: they read the settings held here, not the view model's property
        java.util.concurrent.atomic.AtomicReference<Settings> exportSettings =
                new java.util.concurrent.atomic.AtomicReference<>(initialSettings);
        settingsModel.settingsProperty().subscribe(exportSettings::set);
        dev.conn.postmortem.PostmortemViewModel model = new dev.conn.postmortem.PostmortemViewModel(
                incidentModel,
                new dev.conn.postmortem.PostmortemService(incidents),
                new dev.conn.postmortem.PostmortemExports(incidents, archive, clock, () -> {
                    secrets.rememberConfigured(exportSettings.get()); // values not used yet in this run
                    return secrets.known();
                }),
                new dev.conn.postmortem.BundleImporter(incidents, archive),
                tasks,
                clock);
        dev.conn.postmortem.PostmortemView.FileChoice files = postmortemFiles != null
                ? postmortemFiles
                : dev.conn.postmortem.PostmortemView.FileChoice.dialogs(() -> stage);
        javafx.scene.control.Label ttx = new javafx.scene.control.Label();
        ttx.setId("ttx-status");
        ttx.textProperty().bind(model.ttxProperty());
        ttx.getStyleClass().add("milestone-badge");
        ttxLabel = ttx; // shown in the header, beside the milestones
        bundleOffer = file ->
                model.offerImport(file, (preview, f) -> dev.conn.postmortem.ImportBundleDialog.ask(stage, preview, f));
        return new dev.conn.platform.fx.ShellContribution(
                java.util.List.of(
                        new dev.conn.platform.fx.ShellContribution.WorkspacePanel(
                                "postmortem",
                                "Postmortem",
                                javafx.scene.input.KeyCombination.keyCombination("Shortcut+Shift+E"),
                                new dev.conn.postmortem.PostmortemView(model)::build),
                        new dev.conn.platform.fx.ShellContribution.WorkspacePanel(
                                "history",
                                "History",
                                javafx.scene.input.KeyCombination.keyCombination("Shortcut+Shift+Y"),
                                new dev.conn.postmortem.HistoryView(new dev.conn.postmortem.HistoryViewModel(
                                        incidents, incidentModel, tasks))::build)),
                java.util.List.of(dev.conn.postmortem.PostmortemView.exportMenu(model, files)),
                java.util.List.of());
    }

    /**
     * Replaces the Export menu's file dialogs (tests choose files without a native dialog).
     *
     * @param files the file choice
     */
    void usePostmortemFiles(dev.conn.postmortem.PostmortemView.FileChoice files) {
        this.postmortemFiles = files;
    }

    /**
     * The Comms tab (Shortcut+Shift+C), the Comms menu (Compose message, Shortcut+M) and the
     * outbox status item; starts the outbox dispatcher off the FX thread (after marking sends a
     * crash interrupted as delivery unknown).
     */
    private dev.conn.platform.fx.ShellContribution commsContribution(
            IncidentViewModel incidentModel, SettingsViewModel settingsModel, Stage stage) {
        dev.conn.comms.JdbcOutbox outbox = new dev.conn.comms.JdbcOutbox(database.dataSource(), store);
        dev.conn.comms.CommsService comms = new dev.conn.comms.CommsService(incidents, outbox, policy.comms(), clock);
        // channels saved in the editor take effect at once: the dispatcher reads the current map
        java.util.concurrent.atomic.AtomicReference<java.util.Map<String, dev.conn.comms.Channel>> clients =
                new java.util.concurrent.atomic.AtomicReference<>(java.util.Map.of());
        settingsModel
                .settingsProperty()
                .subscribe(s -> clients.set(dev.conn.comms.ChannelClient.all(s.channelsOrEmpty(), secrets, clock)));
        // one dispatcher per data directory: the lease decides which Conn process sends (ADR 0009)
        outboxDispatcher = new dev.conn.comms.OutboxDispatcher(
                outbox,
                dev.conn.warroom.GatedLease.soloOnly(
                        new dev.conn.comms.JdbcDispatchLease(
                                database.dataSource(),
                                clock,
                                dev.conn.comms.DispatchLease.Owner.thisProcess("Conn window of "
                                        + initialSettings.author().orElse(System.getProperty("user.name"))),
                                dev.conn.comms.JdbcDispatchLease.configuredTtl()),
                        warRoom.inWarRoom()),
                id -> java.util.Optional.ofNullable(clients.get().get(id)),
                clock,
                dev.conn.comms.Sleeper.REAL,
                dev.conn.comms.Backoff.standard(new SecureRandom()),
                secrets.known());
        dev.conn.comms.OutboxDispatcher dispatcher = outboxDispatcher;
        dev.conn.comms.CommsViewModel model = commsModel = new dev.conn.comms.CommsViewModel(
                incidentModel,
                comms,
                policy.comms(),
                () -> settingsModel.settingsProperty().get().channelsOrEmpty(),
                new dev.conn.comms.MessageTemplates(dataDirectory),
                tasks,
                dispatcher::status);
        // after the incident is on screen: the outbox's recovery reads the database on the same
        // background thread, and the IC's first look comes first
        afterReady.add(() -> tasks.run(
                () -> {
                    dispatcher.recover();
                    dispatcher.start();
                    return null;
                },
                ok -> model.refreshOutbox(),
                e -> incidentModel.reportError("Could not start sending messages: " + e.getMessage())));
        Runnable compose = () -> incidentModel
                .current()
                .ifPresentOrElse(
                        st -> new dev.conn.comms.ComposeMessageDialog(stage, model, st).show(),
                        () -> incidentModel.reportError("Declare or open an incident first (Ctrl+N)"));
        dev.conn.comms.CommsView[] view = new dev.conn.comms.CommsView[1];
        javafx.scene.control.MenuItem composeItem = new javafx.scene.control.MenuItem("Compose message…");
        composeItem.setId("composeMenuItem");
        composeItem.setAccelerator(javafx.scene.input.KeyCombination.keyCombination("Shortcut+M"));
        composeItem.setOnAction(e -> compose.run());
        javafx.scene.control.Menu menu = new javafx.scene.control.Menu("Comms");
        menu.setId("commsMenu");
        javafx.scene.control.MenuItem channelsItem = new javafx.scene.control.MenuItem("Message channels…");
        channelsItem.setId("channelsMenuItem");
        channelsItem.setAccelerator(javafx.scene.input.KeyCombination.keyCombination("Shortcut+Alt+C"));
        channelsItem.setOnAction(e -> new dev.conn.comms.ChannelsDialog(
                        stage, new dev.conn.comms.ChannelsViewModel(settingsModel, secrets, tasks, clock))
                .show());
        menu.getItems().addAll(composeItem, channelsItem);
        java.util.function.BooleanSupplier mayClose = () -> {
            if (model.closingLeavesMessagesUnsent()) {
                javafx.scene.control.ButtonType closeAnyway = new javafx.scene.control.ButtonType(
                        "Close Conn", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
                javafx.scene.control.ButtonType keepOpen = new javafx.scene.control.ButtonType(
                        "Keep Conn open", javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
                javafx.scene.control.Alert warn = new javafx.scene.control.Alert(
                        javafx.scene.control.Alert.AlertType.WARNING,
                        dev.conn.comms.CommsViewModel.waitingText(model.waitingCount(), dispatcher.offline())
                                + ". They stay in the outbox and go out when Conn is opened again.",
                        closeAnyway,
                        keepOpen);
                warn.initOwner(stage);
                warn.setHeaderText("Messages have not been sent yet");
                return warn.showAndWait().orElse(keepOpen) == closeAnyway;
            }
            return true;
        };
        closeGuard = mayClose; // Incident > Quit asks the same
        javafx.event.EventHandler<javafx.stage.WindowEvent> warnOnClose = e -> {
            if (!mayClose.getAsBoolean()) {
                e.consume();
            }
        };
        stage.addEventFilter(javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST, warnOnClose);
        removeCloseWarning = () -> stage.removeEventFilter(javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST, warnOnClose);
        javafx.scene.control.Label waiting = new javafx.scene.control.Label();
        waiting.setId("outboxStatus");
        waiting.textProperty().bind(model.waitingProperty());
        return new dev.conn.platform.fx.ShellContribution(
                java.util.List.of(new dev.conn.platform.fx.ShellContribution.WorkspacePanel(
                        "comms", "Comms", javafx.scene.input.KeyCombination.keyCombination("Shortcut+Shift+C"), () -> {
                            if (view[0] == null) {
                                view[0] = new dev.conn.comms.CommsView(model, compose);
                            }
                            return view[0];
                        })),
                java.util.List.of(menu),
                java.util.List.of(waiting));
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
                    if (mainWindow != null) {
                        mainWindow.closeContributions(); // the war room signs off, stops sharing and sending
                    }
                    closeNetwork(); // off the FX thread: waits up to 5 s for a fetch in flight
                    if (outboxDispatcher != null) {
                        outboxDispatcher.close();
                    }
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
        if (mainWindow != null) {
            mainWindow.closeContributions();
        }
        if (outboxDispatcher != null) {
            outboxDispatcher.close();
        }
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
