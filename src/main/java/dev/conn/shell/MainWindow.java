package dev.conn.shell;

import dev.conn.incident.EventStore;
import dev.conn.incident.ui.IncidentHeaderView;
import dev.conn.incident.ui.IncidentViewModel;
import dev.conn.platform.fx.AlertCentre;
import dev.conn.platform.fx.DialogStyler;
import dev.conn.platform.fx.ShellContribution;
import dev.conn.platform.fx.TaskRunner;
import dev.conn.platform.fx.ViewLoader;
import dev.conn.platform.trace.StartupTrace;
import dev.conn.settings.ui.SettingsViewModel;
import dev.conn.timeline.ui.TimelineView;
import dev.conn.timeline.ui.TimelineViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javafx.event.EventHandler;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Builds the main window into a stage and runs it: the view and its view model, the heartbeat
 * (clocks each second, other processes' appends followed each second, connectivity every 10 s),
 * the remembered layout, the close guard the features answer, desktop notifications. The
 * composition root hands it the view models, the two runners and the features' contributions.
 */
public final class MainWindow {
    private final MainWindowView view;
    private final Heartbeat heartbeat;
    private final Stage stage;
    private final EventHandler<WindowEvent> closeGuard;

    /**
     * What the window shows and works with.
     *
     * @param incident the open incident and the incident list
     * @param settings console settings
     * @param timeline the timeline
     * @param alerts the alert centre
     * @param store the event log, followed for other processes' appends
     * @param dataDirectory shown in the status bar
     * @param clock the clock every timer reads
     * @param disk the disk runner (the log)
     * @param network the network runner (connectivity, the log folder)
     * @param probe the online check
     */
    public record Parts(
            IncidentViewModel incident,
            SettingsViewModel settings,
            TimelineViewModel timeline,
            AlertCentre alerts,
            EventStore store,
            Path dataDirectory,
            Clock clock,
            TaskRunner disk,
            TaskRunner network,
            ConnectivityProbe probe) {}

    private MainWindow(MainWindowView view, Heartbeat heartbeat, Stage stage) {
        this.view = view;
        this.heartbeat = heartbeat;
        this.stage = stage;
        this.closeGuard = e -> {
            if (!view.mayClose()) {
                e.consume();
            }
        };
    }

    /**
     * Builds the window into the stage (its scene's root is replaced, or a scene is created),
     * starts reading the incidents at once (the read overlaps building the window), and starts the
     * window. FX thread.
     *
     * @param stage the stage
     * @param parts what the window shows
     * @param features the features' contributions, in order
     * @param onReady run on the FX thread once the active incident is on screen
     * @return the running window
     */
    public static MainWindow show(Stage stage, Parts parts, List<ShellContribution> features, Runnable onReady) {
        MainWindowViewModel model = new MainWindowViewModel(
                parts.incident(), parts.settings(), parts.timeline(), parts.dataDirectory(), parts.clock());
        Heartbeat heartbeat = new Heartbeat();
        LiveLogFollower follower = new LiveLogFollower(
                parts.store(), parts.disk(), parts.incident()::accept, parts.incident()::reportError);
        heartbeat.onTick(model::render);
        heartbeat.every(1, follower::poll);
        heartbeat.every(10, () -> model.checkOnline(parts.probe(), parts.network()));
        ViewLoader loader = new ViewLoader(type -> {
            if (type == MainWindowView.class) {
                return new MainWindowView(
                        model,
                        parts.incident(),
                        parts.settings(),
                        parts.timeline(),
                        parts.alerts(),
                        features,
                        parts.network());
            }
            if (type == IncidentHeaderView.class) {
                return new IncidentHeaderView(parts.incident());
            }
            if (type == TimelineView.class) {
                return new TimelineView(parts.timeline());
            }
            throw new IllegalArgumentException("no controller for " + type);
        });
        follower.start(); // from before the first read: nothing another process stores is missed
        parts.incident().preload(); // the disk read overlaps building the window
        StartupTrace.mark("window: loading the view");
        Parent root = loader.load(MainWindowView.class);
        StartupTrace.mark("window: view loaded");
        MainWindowView view = (MainWindowView) loader.lastController();
        Scene scene = stage.getScene();
        if (scene == null) {
            // sized now: a scene sized by its content would ask for its whole preferred size
            javafx.geometry.Rectangle2D first =
                    WindowLayout.firstBounds(javafx.stage.Screen.getPrimary().getVisualBounds());
            scene = new Scene(root, first.getWidth(), first.getHeight());
            stage.setScene(scene);
            WindowLayout.fitFirst(stage); // the remembered layout, if any, wins below
        } else {
            scene.setRoot(root);
        }
        stage.setTitle("Conn");
        view.applyLook(scene);
        view.rememberLayout(stage);
        MainWindow window = new MainWindow(view, heartbeat, stage);
        stage.addEventFilter(WindowEvent.WINDOW_CLOSE_REQUEST, window.closeGuard);
        DesktopNotifier.install(
                parts.alerts(),
                stage,
                () -> parts.settings().settings().desktop().sound(),
                parts.disk());
        DialogStyler.install(scene);
        model.checkOnline(parts.probe(), parts.network()); // never ahead of the incident's first read
        StartupTrace.mark("window: scene styled");
        view.start(onReady);
        heartbeat.start();
        return window;
    }

    /**
     * Sizes a main window that has no remembered layout to the primary screen: 1600×1000 where
     * there is room, else the screen's visual bounds (1366×768, 1280×720), with a 960×600 minimum
     * (smaller where the screen is). FX thread, before the stage shows.
     *
     * @param stage the main window's stage
     */
    public static void fitToScreen(Stage stage) {
        WindowLayout.fitFirst(stage);
    }

    /** @return the window's controller */
    public MainWindowView view() {
        return view;
    }

    /** @return the heartbeat (tests and the benchmark stop it and beat by hand) */
    public Heartbeat heartbeat() {
        return heartbeat;
    }

    /** Stops the heartbeat and the close guard (the window is closing). FX thread. */
    public void stop() {
        heartbeat.stop();
        stage.removeEventFilter(WindowEvent.WINDOW_CLOSE_REQUEST, closeGuard);
    }

    /** Runs the features' close hooks; blocks briefly, so call off the FX thread. */
    public void closeFeatures() {
        view.closeFeatures();
    }
}
