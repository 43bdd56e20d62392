package dev.conn.app;

import dev.conn.platform.fx.FxTaskRunner;
import dev.conn.platform.fx.TaskRunner;
import dev.conn.platform.theme.ThemeManager;
import dev.conn.platform.trace.StartupTrace;
import dev.conn.settings.DataDirectory;
import dev.conn.shell.MainWindow;
import dev.conn.shell.MainWindowView;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The JavaFX application. Shows a window at once, opens the data directory in the background, then
 * fills the window (or shows what is wrong with the data directory). Named parameter
 * {@code --data-dir=DIR} chooses the data directory.
 *
 * <p>With system property {@code conn.bench.startup=true} it prints
 * {@code conn.bench firstFrameMs=N readyMs=M openMs=K completeMs=C rssMb=R} and exits: the benchmark's
 * probe. N and M are milliseconds since JVM start (window shown; the active incident's newest
 * rows on screen), K and C milliseconds from building the main window to the newest rows, and to
 * the whole history, being on screen; R the resident memory then, in MiB.
 */
public final class ConnApp extends Application {
    /** Set once a start of this process failed (the window shows why); the launcher then exits 1. */
    private static volatile boolean failedAtStart;

    private AppContext context;
    private volatile boolean ready;
    private TaskRunner tasks;
    private TaskRunner network;
    private boolean testing;
    /** An incident bundle to offer for import once the window is ready (named parameter {@code open}). */
    private Optional<Path> bundle = Optional.empty();

    /**
     * The parameters {@link Launcher} hands to {@code Application.launch}.
     *
     * @param dataDirectory the data directory
     * @param bundle an incident bundle file to offer for import, if any
     * @return {@code --data-dir=DIR} and, with a bundle, {@code --open=FILE}
     */
    static String[] launchArguments(Path dataDirectory, Optional<Path> bundle) {
        return bundle.map(b -> new String[] {"--data-dir=" + dataDirectory, "--open=" + b})
                .orElseGet(() -> new String[] {"--data-dir=" + dataDirectory});
    }

    /** Keeps the FX toolkit running when the window closes (tests open several windows). */
    void keepToolkitOnClose() {
        testing = true;
    }

    /** @return true if the window of this process could not start (it said why) */
    static boolean failedAtStart() {
        return failedAtStart;
    }

    /** Runs after the toolkit is up, before {@link #start}: only now may JavaFX control classes load. */
    @Override
    public void init() {
        StartupTrace.mark("toolkit up (init)");
        // Primer before any control class loads: else Control's static initialiser loads Modena for nothing
        ThemeManager.useBase(true);
        Warmup.startFx();
    }

    @Override
    public void start(Stage stage) {
        Platform.setImplicitExit(false); // exit only after the database is closed (see shutdown)
        // an error on the FX thread before the window is ready is a failed start, said in words
        Thread fx = Thread.currentThread();
        Thread.UncaughtExceptionHandler previous = fx.getUncaughtExceptionHandler();
        fx.setUncaughtExceptionHandler((t, e) -> {
            if (ready) {
                previous.uncaughtException(t, e);
            } else {
                failStart(stage, e);
            }
        });
        try {
            Path dir = DataDirectory.resolveDefault(
                    Optional.ofNullable(getParameters().getNamed().get("data-dir"))
                            .map(Path::of));
            bundle = Optional.ofNullable(getParameters().getNamed().get("open")).map(Path::of);
            open(stage, dir, Clock.systemUTC());
        } catch (RuntimeException | LinkageError e) {
            failStart(stage, e);
        }
    }

    /**
     * A start that failed before the window was ready: says why on standard error and in the
     * window (if one can be shown), and exits when the window is closed (at once for the bench
     * probe, or if nothing can be shown), with a non-zero exit code from the launcher.
     */
    private void failStart(Stage stage, Throwable e) {
        failedAtStart = true;
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        System.err.println("conn: Conn could not start: " + why);
        java.util.logging.Logger.getLogger(ConnApp.class.getName())
                .log(java.util.logging.Level.SEVERE, "start failed", e);
        try {
            if (Boolean.getBoolean("conn.bench.startup")) {
                throw new IllegalStateException("bench probe: exit at once");
            }
            Scene scene = stage.getScene();
            StackPane view = StartupErrorView.create(why, stage::hide);
            if (scene == null) {
                stage.setScene(new Scene(view, 900, 600));
            } else {
                scene.setRoot(view);
            }
            stage.setOnHidden(h -> shutdown());
            stage.show();
        } catch (RuntimeException | LinkageError cannotShow) {
            shutdown();
        }
    }

    /**
     * Shows the window on a stage and opens the data directory in the background.
     *
     * @param stage the stage
     * @param dir the data directory
     * @param clock the clock for every timer and event stamp
     */
    void open(Stage stage, Path dir, Clock clock) {
        boolean bench = Boolean.getBoolean("conn.bench.startup");
        // Start reading the data directory first, so disk and class loading overlap the window's set-up.
        // the launcher may have started opening it before the toolkit (EarlyCore)
        Optional<EarlyCore> early = EarlyCore.take(dir, clock);
        tasks = early.map(EarlyCore::disk).orElseGet(() -> new FxTaskRunner("conn-io"));
        network = early.map(EarlyCore::network).orElseGet(() -> new FxTaskRunner("conn-net"));
        Label opening = new Label("Opening " + dir + " …");
        Scene scene = new Scene(new StackPane(opening), 960, 600); // resized to the screen below
        long[] firstFrame = {0};
        tasks.run(
                () -> early.isPresent() ? early.get().context() : AppContext.open(dir, clock, tasks, network),
                ctx -> {
                    StartupTrace.mark("core open, on the FX thread");
                    context = ctx;
                    long buildingWindow = ManagementFactory.getRuntimeMXBean().getUptime();
                    MainWindowView[] window = {null};
                    window[0] = ctx.showIn(stage, () -> {
                        long ready = ManagementFactory.getRuntimeMXBean().getUptime();
                        StartupTrace.mark("ready: the active incident on screen");
                        StartupTrace.threadCpu();
                        bundle.ifPresent(ctx::offerImport); // opened with a *.conn.json file
                        if (bench) {
                            window[0].whenHistoryComplete(() -> {
                                long complete =
                                        ManagementFactory.getRuntimeMXBean().getUptime();
                                System.out.println("conn.bench firstFrameMs=" + firstFrame[0] + " readyMs=" + ready
                                        + " openMs=" + (ready - buildingWindow) + " completeMs="
                                        + (complete - buildingWindow) + " rssMb=" + residentMb());
                                stage.hide();
                            });
                        }
                    });
                    StartupTrace.mark("main window built");
                    ready = true; // later errors on the FX thread are no longer a failed start
                },
                error -> {
                    failedAtStart = true;
                    scene.setRoot(StartupErrorView.create(error.getMessage(), stage::hide));
                    System.err.println("conn: " + error.getMessage());
                    if (bench) {
                        stage.hide();
                    }
                });
        StartupTrace.mark("start: core opening on conn-io");
        ThemeManager.apply(scene, true);
        StartupTrace.mark("splash: themed");
        stage.setScene(scene);
        stage.setTitle("Conn");
        // the icons are decoded off the FX thread: the window shows without waiting for three PNGs
        Thread decoding = new Thread(
                () -> {
                    java.util.List<Image> icons = icons();
                    Platform.runLater(() -> stage.getIcons().setAll(icons));
                },
                "conn-icons");
        decoding.setDaemon(true);
        decoding.start();
        MainWindow.fitToScreen(stage); // the remembered layout, once read, wins
        stage.setOnHidden(e -> shutdown());
        if (StartupTrace.enabled()) {
            stage.sceneProperty().subscribe(s -> {
                if (s != null) {
                    s.addPreLayoutPulseListener(() -> StartupTrace.mark("pulse: layout"));
                    s.addPostLayoutPulseListener(() -> StartupTrace.mark("pulse: laid out"));
                }
            });
        }
        stage.show();
        firstFrame[0] = ManagementFactory.getRuntimeMXBean().getUptime();
        Warmup.startListed();
        StartupTrace.mark("stage shown");
    }

    /** @return the window icons, 32, 64 and 256 px; decoding blocks, so call off the FX thread */
    private static java.util.List<Image> icons() {
        return java.util.stream.Stream.of("32", "64", "256")
                .map(size -> new Image(
                        ConnApp.class.getResource("conn-icon-" + size + ".png").toExternalForm()))
                .toList();
    }

    /**
     * @return this process's resident set size in MiB (Linux {@code /proc/self/status} VmRSS), or
     *     -1 where that file does not exist
     */
    static long residentMb() {
        try {
            for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** Closes the database and the background runner. */
    void shutdown() {
        Runnable exit = () -> {
            if (!testing) {
                Platform.exit();
            }
        };
        if (context != null) {
            AppContext closing = context;
            context = null;
            closing.closeInBackground(exit); // the FX thread never waits on the disk
        } else {
            if (tasks != null) {
                tasks.close();
            }
            if (network != null) {
                network.close();
            }
            exit.run();
        }
    }
}
