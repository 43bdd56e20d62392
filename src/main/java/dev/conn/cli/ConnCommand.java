package dev.conn.cli;

import dev.conn.incident.EventStore;
import dev.conn.incident.IncidentService;
import dev.conn.platform.db.Database;
import dev.conn.platform.db.DatabaseException;
import dev.conn.platform.product.ProductInfo;
import dev.conn.platform.secrets.KnownSecrets;
import dev.conn.platform.text.ControlChars;
import dev.conn.postmortem.IncidentBundle;
import dev.conn.settings.ConfigException;
import dev.conn.settings.DataDirectory;
import dev.conn.settings.KeychainSecretStore;
import dev.conn.settings.SecretResolver;
import dev.conn.settings.Settings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code conn} command (picocli, https://picocli.info). With no subcommand it opens the
 * window; with one it works on the same data directory as the window, even while the window is
 * open (H2 mixed mode). Exit codes: 0 done, 1 refused (the message says why), 2 usage error.
 */
@Command(
        name = "conn",
        mixinStandardHelpOptions = true,
        versionProvider = ConnCommand.Version.class,
        description = "Conn: the incident commander's console. Without a command, opens the window; with an"
                + " incident bundle file instead, opens the window and asks before importing it.",
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

    @Option(
            names = "--war-room",
            paramLabel = "MODE",
            scope = CommandLine.ScopeType.INHERIT,
            description = "War room (issue 13): 'settings' (default) shares through the war room in settings.json"
                    + " before reading and after writing; 'off' works on this data directory alone; a"
                    + " jdbc:postgresql:// address uses that war room with the role, password and name of the"
                    + " settings.")
    String warRoom;

    @Parameters(
            arity = "0..1",
            paramLabel = "BUNDLE",
            description = "An incident bundle (*." + IncidentBundle.FILE_EXTENSION
                    + ", from `conn export --format json`) to open: the window asks before importing it."
                    + " This is what the desktop's file association runs.")
    Path bundle;

    @Spec
    CommandSpec spec;

    private final Window window;
    private final Clock clock;
    private final KnownSecrets known;

    /** Opens the GUI; what {@code conn} without a subcommand does. */
    @FunctionalInterface
    public interface Window {
        /**
         * @param dataDirectory the data directory (absolute; not created yet)
         * @param bundle an incident bundle file to offer for import once the window is up
         *     (absolute, an existing regular file), or empty
         */
        void open(Path dataDirectory, Optional<Path> bundle);
    }

    /**
     * @param window opens the GUI (called when no subcommand is given)
     * @param clock the clock events are stamped with
     * @param known the process's known secret values (the one the log formatter scrubs with)
     */
    public ConnCommand(Window window, Clock clock, KnownSecrets known) {
        this.window = window;
        this.clock = clock;
        this.known = known;
    }

    /**
     * Opens the window, with the bundle given on the command line if any.
     *
     * @throws CommandLine.ParameterException (a usage error, exit 2) if the argument is neither a
     *     command nor an existing file, so a mistyped command never opens the window
     */
    @Override
    public Integer call() {
        if (bundle != null && !Files.isRegularFile(bundle)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "'" + bundle + "' is neither a command ("
                            + String.join(", ", spec.subcommands().keySet()) + ") nor an incident bundle file to open");
        }
        window.open(
                DataDirectory.resolveDefault(Optional.ofNullable(dataDir)),
                Optional.ofNullable(bundle).map(p -> p.toAbsolutePath().normalize()));
        return 0;
    }

    /** @return the data directory this invocation uses, created if needed */
    Path dataDirectory() {
        return DataDirectory.prepare(DataDirectory.resolveDefault(Optional.ofNullable(dataDir)));
    }

    /**
     * Opens the database and the incident service for a subcommand that reads or adds to
     * existing incidents. A directory without a Conn database is refused, not created: a mistyped
     * {@code --data-dir} must not quietly start an empty console. A bad {@code policy.json} is
     * reported with the window's message, as a warning: these commands do not use the policy, and
     * a deploy script's entry must not be lost to it.
     *
     * @throws IllegalStateException naming the directory if it holds no Conn database
     */
    Session open() {
        Path dir = DataDirectory.resolveDefault(Optional.ofNullable(dataDir));
        refuseIfNoDatabase(dir);
        warnIfPolicyBad(dir);
        return openOrCreateChecked();
    }

    /**
     * Opens the database for a subcommand that only reads ({@code export}): like {@link #open()},
     * but a data directory this process cannot write (a read-only mount, a copied backup) is opened
     * read-only instead of refused.
     */
    Session openForReading() {
        Path dir = DataDirectory.resolveDefault(Optional.ofNullable(dataDir));
        refuseIfNoDatabase(dir);
        warnIfPolicyBad(dir);
        if (!java.nio.file.Files.isWritable(dir)) {
            Database db = Database.openReadOnly(dir); // no turn: nothing can be written there
            return new Session(dir, db, new IncidentService(EventStore.jdbc(db.dataSource()), clock), () -> {});
        }
        return openOrCreateChecked();
    }

    /**
     * Opens the database and the incident service, creating the data directory on first use. A
     * bad {@code policy.json} is refused with the window's message, as the window refuses to start.
     *
     * @throws ConfigException naming the policy file and the bad field
     */
    Session openOrCreate() {
        Path dir = DataDirectory.resolveDefault(Optional.ofNullable(dataDir));
        if (java.nio.file.Files.isDirectory(dir)) {
            new dev.conn.settings.PolicyFile(dir).read();
        }
        return openOrCreateChecked();
    }

    private Session openOrCreateChecked() {
        Path dir = dataDirectory();
        java.util.concurrent.atomic.AtomicBoolean said = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable waiting = () -> {
            if (!said.getAndSet(true)) {
                err().println("conn: waiting for another Conn process to release the database in " + dir + " (up to "
                        + Database.PATIENCE.toSeconds() + " s) …");
            }
        };
        warmUp(); // class loading happens before the turn, so the turn stays short
        CliTurn turn = CliTurn.take(dir, Database.PATIENCE, Database.TELL_AFTER, waiting);
        try {
            Database db = Database.open(dir, Database.PATIENCE, waiting);
            EventStore store = EventStore.jdbc(db.dataSource());
            IncidentService incidents = new IncidentService(store, clock);
            Runnable share = warRoomSharing(dir, db, store, incidents);
            share.run(); // what the other consoles shared, before this command reads
            return new Session(dir, db, incidents, turn, share::run);
        } catch (RuntimeException e) {
            turn.close();
            throw e;
        }
    }

    /** Loads H2 and Jackson before waiting for a turn: other commands wait while this one holds it. */
    private static void warmUp() {
        Database.warmUp();
        try {
            dev.conn.platform.json.Json.newMapper()
                    .readTree("{\"text\":\"warm\",\"at\":\"2026-01-01T00:00:00Z\",\"n\":[1,2]}");
        } catch (java.io.IOException | RuntimeException e) {
            // only a head start
        }
    }

    private void refuseIfNoDatabase(Path dir) {
        if (!Database.existsIn(dir)) {
            throw new IllegalStateException("No Conn database in " + dir + " (no " + Database.NAME
                    + ".mv.db). Check --data-dir or " + DataDirectory.ENV
                    + "; `conn declare` or the window create one.");
        }
    }

    private void warnIfPolicyBad(Path dir) {
        try {
            new dev.conn.settings.PolicyFile(dir).read();
        } catch (ConfigException e) {
            err().println("conn: warning: " + e.getMessage()
                    + " (the window refuses to start until it is fixed; this command does not use it)");
        }
    }

    private PrintWriter err() {
        return spec == null
                ? new PrintWriter(System.err, true)
                : spec.commandLine().getErr();
    }

    /**
     * Runs work on an open session, and runs it again on a fresh one if the connection to the
     * database was lost meanwhile (the Conn process whose mixed-mode server this one used exited
     * mid-work). Only for work that is safe to repeat: reads, and appends keyed by an event id
     * minted before the first try (the store skips an id it already holds, so an append whose
     * outcome was unknown is stored once). Gives up after {@link Database#PATIENCE}.
     *
     * @param opener opens the session ({@link #open()}, {@link #openForReading()}, ...)
     * @param work the work; it must be safe to repeat
     * @param <T> its result
     * @return the work's result
     */
    <T> T repeatable(java.util.function.Supplier<Session> opener, java.util.function.Function<Session, T> work) {
        long start = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            try (Session s = opener.get()) {
                return work.apply(s);
            } catch (RuntimeException e) {
                boolean lost = dev.conn.platform.db.DatabaseErrors.connectionLost(e)
                        || dev.conn.platform.db.DatabaseErrors.isBusy(e);
                if (!lost
                        || java.time.Duration.ofNanos(System.nanoTime() - start).compareTo(Database.PATIENCE) >= 0) {
                    throw e;
                }
                try {
                    Thread.sleep(Math.min(500, 20L * attempt));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /**
     * Runs work that must not be repeated blindly (declaring an incident mints new ids): if the
     * connection to the database is lost mid-work, says that the outcome is unknown instead.
     *
     * @param opener opens the session
     * @param work the work
     * @param what what the work does, for the message ("declaring the incident")
     * @param <T> its result
     * @return the work's result
     * @throws IllegalStateException if the connection was lost and the outcome is unknown
     */
    <T> T once(java.util.function.Supplier<Session> opener, java.util.function.Function<Session, T> work, String what) {
        try (Session s = opener.get()) {
            return work.apply(s);
        } catch (RuntimeException e) {
            if (dev.conn.platform.db.DatabaseErrors.connectionLost(e)) {
                throw new IllegalStateException(
                        "The database connection was lost while " + what + " (the other"
                                + " Conn process sharing it exited), so Conn cannot tell whether it was recorded. Run `conn"
                                + " incidents` to check before trying again.",
                        e);
            }
            throw e;
        }
    }

    /** @return the clock */
    Clock clock() {
        return clock;
    }

    /**
     * The process's known secret values, after resolving every secret reference in the session's
     * settings (environment and OS keychain), so an export is scrubbed of them by value. A damaged
     * or unreadable settings file only means fewer values: the patterns still apply.
     */
    KnownSecrets knownSecrets(Session s) {
        try {
            Settings settings = new dev.conn.settings.SettingsFile(s.dataDirectory()).read();
            new SecretResolver(System.getenv(), new KeychainSecretStore(), known).rememberConfigured(settings);
        } catch (ConfigException unreadable) {
            // reported by the commands that need the settings; an export still scrubs by pattern
        }
        return known;
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
            err.println("conn: warning: " + ControlChars.oneLine(e.getMessage()) + "; recording as the OS user");
        }
        return System.getProperty("user.name", "cli");
    }

    /**
     * An open database and service, closed when the subcommand ends; then this command's turn on
     * the data directory ends ({@link CliTurn}).
     */
    /**
     * Sharing through the war room for one session (issue 13): nothing unless {@code --war-room} or
     * the settings name one; otherwise one push and pull, with a warning (once per command) when the
     * war room cannot be reached or refuses: what this command wrote stays in the data directory and
     * is shared by the next Conn that connects.
     */
    private Runnable warRoomSharing(Path dir, Database db, EventStore store, IncidentService incidents) {
        if ("off".equalsIgnoreCase(warRoom == null ? "" : warRoom.strip())) {
            return () -> {};
        }
        Optional<dev.conn.settings.WarRoomSettings> configured;
        try {
            configured = new dev.conn.settings.SettingsFile(dir).read().warRoomSettings();
        } catch (ConfigException e) {
            configured = Optional.empty();
        }
        if (warRoom != null && !warRoom.isBlank() && !"settings".equalsIgnoreCase(warRoom.strip())) {
            String url = warRoom.strip();
            configured = Optional.of(configured
                    .map(w -> new dev.conn.settings.WarRoomSettings(
                            url, w.user(), w.password(), w.personId(), w.personName(), null))
                    .orElseGet(() -> new dev.conn.settings.WarRoomSettings(
                            url,
                            System.getProperty("user.name"),
                            null,
                            "cli-" + System.getProperty("user.name"),
                            System.getProperty("user.name"),
                            null)));
        } else {
            configured = configured.filter(dev.conn.settings.WarRoomSettings::active);
        }
        if (configured.isEmpty()) {
            return () -> {};
        }
        dev.conn.settings.WarRoomSettings w = configured.get();
        java.util.concurrent.atomic.AtomicBoolean warned = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            try {
                w.problem().ifPresent(p -> {
                    throw new dev.conn.warroom.WarRoomRefusedException(p, null);
                });
                dev.conn.warroom.store.WarRooms.shareOnce(
                        db.dataSource(),
                        store,
                        incidents.log(),
                        w,
                        new SecretResolver(System.getenv(), new KeychainSecretStore(), known),
                        clock);
            } catch (RuntimeException e) {
                if (!warned.getAndSet(true)) {
                    err().println("conn: war room: " + ControlChars.oneLine(String.valueOf(e.getMessage()))
                            + " What this command records stays in " + dir + " and is shared by the next Conn that"
                            + " connects.");
                }
            }
        };
    }

    record Session(
            Path dataDirectory, Database database, IncidentService incidents, AutoCloseable turn, AutoCloseable share)
            implements AutoCloseable {
        /** A session without a war room. */
        Session(Path dataDirectory, Database database, IncidentService incidents, AutoCloseable turn) {
            this(dataDirectory, database, incidents, turn, () -> {});
        }

        /** @return the impact series cache as the JSON bundle carries it */
        dev.conn.postmortem.MetricSeriesArchive seriesArchive() {
            return new dev.conn.impact.SeriesArchive(new dev.conn.impact.store.JdbcSeriesCache(database.dataSource()));
        }

        @Override
        public void close() {
            try {
                share.close(); // what this command wrote, to the war room (if any)
            } catch (Exception e) {
                // said by the sharing itself; the data is safe in the data directory
            }
            try {
                database.close();
            } finally {
                try {
                    turn.close();
                } catch (Exception e) {
                    // the OS releases the lock when the process ends anyway
                }
            }
        }
    }

    /**
     * Runs the command line with a fresh {@link KnownSecrets} (tests); a bundle file given instead of
     * a command opens the window without it.
     *
     * @param args the arguments
     * @param openWindow opens the GUI on a data directory when no subcommand is given
     * @param clock the clock
     * @param out standard output
     * @param err standard error
     * @return the exit code
     */
    public static int run(String[] args, Consumer<Path> openWindow, Clock clock, PrintWriter out, PrintWriter err) {
        return run(args, (dir, bundle) -> openWindow.accept(dir), clock, out, err, new KnownSecrets());
    }

    /**
     * Runs the command line with a fresh {@link KnownSecrets} (tests).
     *
     * @param args the arguments
     * @param window opens the GUI when no subcommand is given
     * @param clock the clock
     * @param out standard output
     * @param err standard error
     * @return the exit code
     */
    public static int run(String[] args, Window window, Clock clock, PrintWriter out, PrintWriter err) {
        return run(args, window, clock, out, err, new KnownSecrets());
    }

    /**
     * Runs the command line. Messages that carry user text (titles, bundle field names) are
     * printed with their control characters made visible ({@link ControlChars}), so a title
     * cannot drive the terminal. A bundle file given instead of a command reaches {@code window}.
     *
     * @param args the arguments
     * @param window opens the GUI when no subcommand is given
     * @param clock the clock
     * @param out standard output
     * @param err standard error
     * @param known the process's known secret values, also used by its log formatter
     * @return the exit code
     */
    public static int run(
            String[] args, Window window, Clock clock, PrintWriter out, PrintWriter err, KnownSecrets known) {
        CommandLine cl = new CommandLine(new ConnCommand(window, clock, known));
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            Optional<String> disk = dev.conn.platform.db.DatabaseErrors.describeDiskProblem(
                    ex, DataDirectory.resolveDefault(Optional.ofNullable(cl.<ConnCommand>getCommand().dataDir)));
            if (disk.isPresent()) {
                line.getErr().println("conn: " + disk.get());
                return REFUSED;
            }
            if (ex instanceof IllegalArgumentException
                    || ex instanceof IllegalStateException
                    || ex instanceof ConfigException
                    || ex instanceof DatabaseException
                    || ex instanceof dev.conn.incident.StoreException) {
                line.getErr().println("conn: " + ControlChars.oneLine(ex.getMessage()));
                return REFUSED;
            }
            throw ex;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Prints {@code conn VERSION}, the version Help > About and the packages show ({@link ProductInfo}). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"conn " + ProductInfo.version()};
        }
    }
}
