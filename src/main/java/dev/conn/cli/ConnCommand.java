package dev.conn.cli;

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
        // -h/--help and -V/--version on every command: `conn declare --help` prints its usage
        scope = CommandLine.ScopeType.INHERIT,
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

    /** @return opens this invocation's data directory for a subcommand */
    private Sessions sessions() {
        return new Sessions(
                DataDirectory.resolveDefault(Optional.ofNullable(dataDir)), clock, this::err, warRoom, known);
    }

    /** See {@link Sessions#open()}. */
    Session open() {
        return sessions().open();
    }

    /** See {@link Sessions#openForReading()}. */
    Session openForReading() {
        return sessions().openForReading();
    }

    /** See {@link Sessions#openOrCreate()}. */
    Session openOrCreate() {
        return sessions().openOrCreate();
    }

    /** See {@link Attempts#repeatable}. */
    <T> T repeatable(java.util.function.Supplier<Session> opener, java.util.function.Function<Session, T> work) {
        return Attempts.repeatable(opener, work);
    }

    /** See {@link Attempts#once}. */
    <T> T once(java.util.function.Supplier<Session> opener, java.util.function.Function<Session, T> work, String what) {
        return Attempts.once(opener, work, what);
    }

    private PrintWriter err() {
        return spec == null
                ? new PrintWriter(System.err, true)
                : spec.commandLine().getErr();
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
            // reported by the commands that need the settings; what the file configures is still
            // scrubbed: its references are read from its text, not its (failed) structure
            try {
                Path file = new dev.conn.settings.SettingsFile(s.dataDirectory()).path();
                new SecretResolver(System.getenv(), new KeychainSecretStore(), known)
                        .rememberReferencedIn(Files.readString(file));
            } catch (java.io.IOException | RuntimeException cannotRead) {
                // no text to read: the patterns still apply
            }
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
            Optional<String> refusal = refusal(
                    ex, DataDirectory.resolveDefault(Optional.ofNullable(cl.<ConnCommand>getCommand().dataDir)));
            if (refusal.isPresent()) {
                line.getErr().println("conn: " + refusal.get());
                return REFUSED;
            }
            throw ex;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The one line a failed command prints after {@code conn: }, or empty for a failure that is a
     * defect (its stack trace is printed). A file the user named that cannot be written (an
     * export) is named as such, before the data directory's disk is considered: a full disk under
     * {@code -o FILE} is that file's disk, not Conn's database's.
     *
     * @param ex the failure
     * @param dataDirectory the data directory the command worked on
     * @return the message, control characters made visible
     */
    static Optional<String> refusal(Throwable ex, Path dataDirectory) {
        if (ex instanceof dev.conn.platform.files.FileWriteException) {
            return Optional.of(ControlChars.oneLine(ex.getMessage()));
        }
        Optional<String> disk = dev.conn.platform.db.DatabaseErrors.describeDiskProblem(ex, dataDirectory);
        if (disk.isPresent()) {
            return disk;
        }
        if (ex instanceof IllegalArgumentException
                || ex instanceof IllegalStateException
                || ex instanceof ConfigException
                || ex instanceof DatabaseException
                || ex instanceof dev.conn.incident.StoreException) {
            return Optional.of(ControlChars.oneLine(ex.getMessage()));
        }
        return Optional.empty();
    }

    /** Prints {@code conn VERSION}, the version Help > About and the packages show ({@link ProductInfo}). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"conn " + ProductInfo.version()};
        }
    }
}
