package dev.conn.app;

import dev.conn.cli.ConnCommand;
import dev.conn.platform.secrets.KnownSecrets;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import javafx.application.Application;

/**
 * The plain {@code main}: with a subcommand ({@code conn incidents}, {@code conn log ...}) it runs
 * the CLI; without one it opens the window, and with a bundle file ({@code conn x.conn.json}, what
 * the desktop runs on a double-click) the window offers to import it. A plain class, because a
 * main class that extends {@code Application} fails on the class path with "JavaFX runtime
 * components are missing".
 */
public final class Launcher {
    private Launcher() {}

    /**
     * @param args command-line arguments; see {@code conn --help}
     */
    public static void main(String[] args) {
        if (args.length == 0 || args[0].startsWith("--data-dir")) {
            Warmup.start();
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        // the CLI's secrets: what its exports resolve, scrubbed from its console log lines too (the
        // window makes its own in AppContext, with the log file)
        KnownSecrets known = new KnownSecrets();
        RollingLog.redactConsole(known);
        int code = ConnCommand.run(
                args,
                (dir, bundle) -> Application.launch(ConnApp.class, ConnApp.launchArguments(dir, bundle)),
                Clock.systemUTC(),
                out,
                err,
                known);
        System.exit(code);
    }
}
