package dev.conn.app;

import dev.conn.command.CommandBannerView;
import dev.conn.command.CommandService;
import dev.conn.command.PeopleView;
import dev.conn.command.PeopleViewModel;
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
    private dev.conn.platform.fx.AlertCentre alerts;
    private dev.conn.shell.ConnectivityProbe connectivity = dev.conn.shell.ConnectivityProbe.networkInterfaces();

    private AppContext(
            Path dataDirectory,
            Database database,
            SettingsFile settingsFile,
            Settings settings,
            Policy policy,
            Clock clock,
            TaskRunner tasks) {
        this.dataDirectory = dataDirectory;
        this.database = database;
        this.store = EventStore.jdbc(database.dataSource());
        this.incidents = new IncidentService(store, clock);
        this.settingsFile = settingsFile;
        this.initialSettings = settings;
        this.policy = policy;
        this.clock = clock;
        this.tasks = tasks;
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
        try {
            RollingLog.install(dir);
        } catch (java.io.IOException e) {
            System.err.println("conn: no log file in " + dir + ": " + e.getMessage()); // Conn still runs
        }
        java.util.logging.Logger.getLogger(AppContext.class.getName()).info("Conn opened data directory " + dir);
        return new AppContext(dir, db, settingsFile, settings, policy, clock, tasks);
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
        CommandService commands = new CommandService(incidents, policy.handoff(), new SecureRandom());
        PeopleViewModel peopleModel =
                new PeopleViewModel(incidentModel, incidents, commands, tasks, policy, ZoneId.systemDefault());
        PeopleView peopleView = new PeopleView(peopleModel);
        ViewLoader[] loaderRef = new ViewLoader[1];
        ViewLoader loader = new ViewLoader(type -> {
            if (type == PeopleView.class) {
                return peopleView;
            }
            if (type == CommandBannerView.class) {
                return new CommandBannerView(peopleModel, peopleView);
            }
            if (type == MainWindowView.class) {
                return new MainWindowView(
                        incidentModel,
                        settingsModel,
                        timelineModel,
                        follower,
                        dataDirectory,
                        clock,
                        peopleView,
                        () -> loaderRef[0].load(PeopleView.class),
                        contributions());
            }
            if (type == IncidentHeaderView.class) {
                return new IncidentHeaderView(incidentModel);
            }
            if (type == TimelineView.class) {
                return new TimelineView(timelineModel);
            }
            throw new IllegalArgumentException("no controller for " + type);
        });
        loaderRef[0] = loader;
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
        mainWindow.useConnectivity(connectivity, tasks);
        dev.conn.shell.AlertRouting.people(peopleModel, alerts);
        dev.conn.shell.DesktopNotifier.install(
                alerts, stage, () -> settingsModel.settings().desktop().sound(), tasks);
        dev.conn.platform.fx.DialogStyler.install(scene);
        mainWindow.start(onReady);
        return mainWindow;
    }

    /**
     * The features' additions to the main window (workspace panels, menus, status items), in the
     * order they appear. Each feature builds its own contribution from the services here.
     */
    private java.util.List<dev.conn.platform.fx.ShellContribution> contributions() {
        java.util.List<dev.conn.platform.fx.ShellContribution> list = new java.util.ArrayList<>();
        return list;
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
        tasks.run(
                () -> {
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
            if (javafx.application.Platform.isFxApplicationThread()) {
                mainWindow.stop();
            } else {
                javafx.application.Platform.runLater(mainWindow::stop);
            }
        }
        tasks.close();
        database.close();
    }
}
