package dev.conn.app;

import dev.conn.cli.ConnCommand;
import dev.conn.cli.WindowLaunch;
import dev.conn.platform.secrets.KnownSecrets;
import dev.conn.platform.trace.StartupTrace;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Application;

/**
 * The plain {@code main}: with a subcommand ({@code conn incidents}, {@code conn log ...}) it runs
 * the CLI; without one it opens the window, and with a bundle file ({@code conn x.conn.json}, what
 * the desktop runs on a double-click) the window offers to import it. The plain window launch
 * ({@code conn}, {@code conn --data-dir DIR}) skips picocli ({@link WindowLaunch}) and starts
 * opening the data directory before the toolkit ({@link EarlyCore}). A plain class, because a
 * main class that extends {@code Application} fails on the class path with "JavaFX runtime
 * components are missing".
 */
public final class Launcher {
    private Launcher() {}

    /**
     * Runs the command line and exits: 0 done, 1 refused or the window could not start (the
     * message says why, in one line), 2 a usage error. Never leaves the JVM running after a failed
     * start.
     *
     * @param args command-line arguments; see {@code conn --help}
     */
    public static void main(String[] args) {
        StartupTrace.mark("main");
        // Jackson, H2 and Flyway load on a side thread while the command line is parsed and the
        // toolkit starts (a command-line run needs them too; the threads are daemons)
        Warmup.start();
        StartupTrace.mark("warm-up started");
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        // the CLI's secrets: what its exports resolve, scrubbed from its console log lines too (the
        // window makes its own in AppContext, with the log file)
        KnownSecrets known = new KnownSecrets();
        RollingLog.redactConsole(known);
        StartupTrace.mark("console log redacted");
        AtomicBoolean windowFailed = new AtomicBoolean();
        AtomicBoolean windowAsked = new AtomicBoolean();
        Optional<Path> plainWindow = WindowLaunch.dataDirectory(args);
        StartupTrace.mark("command line read");
        int code;
        try {
            if (plainWindow.isPresent()) {
                // `conn` or `conn --data-dir DIR`: the window, without picocli's parse on the way
                System.exit(openWindow(plainWindow.get(), Optional.empty(), err) ? 0 : ConnCommand.REFUSED);
            }
            code = ConnCommand.run(
                    args,
                    (dir, bundle) -> {
                        windowAsked.set(true);
                        windowFailed.set(!openWindow(dir, bundle, err));
                    },
                    Clock.systemUTC(),
                    out,
                    err,
                    known);
        } catch (RuntimeException | Error e) {
            // a command that failed is not a window that could not start
            err.println("conn: "
                    + (plainWindow.isPresent() || windowAsked.get()
                            ? Display.launchFailure(e)
                            : Display.commandFailure(e)));
            code = ConnCommand.REFUSED;
        }
        System.exit(code == 0 && windowFailed.get() ? ConnCommand.REFUSED : code);
    }

    /**
     * Opens the window and returns when it has closed.
     *
     * @param dir the data directory
     * @param bundle an incident bundle to offer for import once the window is up, if any
     * @param err where a failure to start is said
     * @return true if it opened and closed normally; false if it could not start (said on {@code err})
     */
    private static boolean openWindow(Path dir, Optional<Path> bundle, PrintWriter err) {
        Optional<String> noDisplay = Display.problem();
        if (noDisplay.isPresent()) {
            err.println("conn: " + noDisplay.get());
            return false;
        }
        // no GPU: JavaFX's software pipeline at once, without loading Mesa for the ES2 probe
        GraphicsPipeline.choose();
        // the database and settings are read while the toolkit starts
        EarlyCore.begin(dir, Clock.systemUTC());
        // the side warm-up loads no JavaFX control class: those wait for the toolkit (ConnApp.init)
        StartupTrace.mark("command line parsed: launching the toolkit");
        try {
            Application.launch(ConnApp.class, ConnApp.launchArguments(dir, bundle));
        } catch (RuntimeException | Error e) {
            err.println("conn: " + Display.launchFailure(e));
            return false;
        }
        return !ConnApp.failedAtStart();
    }
}
