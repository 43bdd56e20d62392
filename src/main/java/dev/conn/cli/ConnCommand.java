package dev.conn.cli;

import dev.conn.incident.EventStore;
import dev.conn.incident.IncidentService;
import dev.conn.platform.db.Database;
import dev.conn.platform.db.DatabaseException;
import dev.conn.settings.ConfigException;
import dev.conn.settings.DataDirectory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code conn} command (picocli, https://picocli.info). With no subcommand it opens the
 * window; with one it works on the same data directory as the window, even while the window is
 * open (H2 mixed mode). Exit codes: 0 done, 1 refused (the message says why), 2 usage error.
 */
@Command(
        name = "conn",
        mixinStandardHelpOptions = true,
        versionProvider = ConnCommand.Version.class,
        description = "Conn: the incident commander's console. Without a command, opens the window.",
        subcommands = {
            IncidentsCommand.class,
            DeclareCommand.class,
            LogCommand.class,
            ExportCommand.class,
            ImportCommand.class,
            StatsCommand.class
        })
public final class ConnCommand implements Callable<Integer> {
    /** Exit code for a request Conn refused or could not carry out. */
    public static final int REFUSED = 1;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            scope = CommandLine.ScopeType.INHERIT,
            description = "Data directory (default: $CONN_HOME, else ~/.conn).")
    Path dataDir;

    private final Consumer<Path> openWindow;
    private final Clock clock;

    /**
     * @param openWindow opens the GUI on the given data directory (called when no subcommand is given)
     * @param clock the clock events are stamped with
     */
    public ConnCommand(Consumer<Path> openWindow, Clock clock) {
        this.openWindow = openWindow;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        openWindow.accept(DataDirectory.resolveDefault(Optional.ofNullable(dataDir)));
        return 0;
    }

    /** @return the data directory this invocation uses, created if needed */
    Path dataDirectory() {
        return DataDirectory.prepare(DataDirectory.resolveDefault(Optional.ofNullable(dataDir)));
    }

    /**
     * Opens the database and the incident service for a subcommand that reads or adds to
     * existing incidents. A directory without a Conn database is refused, not created: a mistyped
     * {@code --data-dir} must not quietly start an empty console.
     *
     * @throws IllegalStateException naming the directory if it holds no Conn database
     */
    Session open() {
        Path dir = DataDirectory.resolveDefault(Optional.ofNullable(dataDir));
        if (!Database.existsIn(dir)) {
            throw new IllegalStateException("No Conn database in " + dir + " (no " + Database.NAME
                    + ".mv.db). Check --data-dir or " + DataDirectory.ENV
                    + "; `conn declare` or the window create one.");
        }
        return openOrCreate();
    }

    /** Opens the database and the incident service, creating the data directory on first use. */
    Session openOrCreate() {
        Path dir = dataDirectory();
        Database db = Database.open(dir);
        return new Session(dir, db, new IncidentService(EventStore.jdbc(db.dataSource()), clock));
    }

    /** @return the clock */
    Clock clock() {
        return clock;
    }

    /**
     * The name to record as author: {@code --author} if given, else the name in settings, else
     * the OS user. A damaged settings file only earns a warning here, so a deploy script's entry
     * is never lost to it.
     */
    String author(String given, Session s, java.io.PrintWriter err) {
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        try {
            Optional<String> fromSettings =
                    new dev.conn.settings.SettingsFile(s.dataDirectory()).read().author();
            if (fromSettings.isPresent()) {
                return fromSettings.get();
            }
        } catch (ConfigException e) {
            err.println("conn: warning: " + e.getMessage() + "; recording as the OS user");
        }
        return System.getProperty("user.name", "cli");
    }

    /** An open database and service, closed when the subcommand ends. */
    record Session(Path dataDirectory, Database database, IncidentService incidents) implements AutoCloseable {
        /** @return the impact series cache as the JSON bundle carries it */
        dev.conn.postmortem.MetricSeriesArchive seriesArchive() {
            return new dev.conn.impact.SeriesArchive(new dev.conn.impact.store.JdbcSeriesCache(database.dataSource()));
        }

        @Override
        public void close() {
            database.close();
        }
    }

    /**
     * Runs the command line.
     *
     * @param args the arguments
     * @param openWindow opens the GUI when no subcommand is given
     * @param clock the clock
     * @param out standard output
     * @param err standard error
     * @return the exit code
     */
    public static int run(String[] args, Consumer<Path> openWindow, Clock clock, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new ConnCommand(openWindow, clock));
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            if (ex instanceof IllegalArgumentException
                    || ex instanceof IllegalStateException
                    || ex instanceof ConfigException
                    || ex instanceof DatabaseException
                    || ex instanceof dev.conn.incident.StoreException) {
                line.getErr().println("conn: " + ex.getMessage());
                return REFUSED;
            }
            throw ex;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Prints the version from the jar manifest, or "development build". */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ConnCommand.class.getPackage().getImplementationVersion();
            return new String[] {"conn " + (v == null ? "development build" : v)};
        }
    }
}
