package dev.conn.platform.db;

import dev.conn.platform.files.PrivateFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The embedded H2 database in the data directory ({@code conn.mv.db}), opened in mixed mode so a
 * second process (the CLI beside the GUI) can use it at the same time, and brought to the current
 * schema with Flyway migrations from {@code classpath:db/migration}.
 *
 * <p>Durability: the URL sets {@code WRITE_DELAY=0}, so every commit is written to the file
 * before it returns (H2's default 500 ms delay lost committed transactions on {@code kill -9} in
 * measurements on this machine); callers that must survive a power cut also run {@link #SYNC}
 * after a commit. {@code LOCK_TIMEOUT} is 30 s so an append waits out a large import by another
 * writer instead of failing. See https://h2database.com/html/features.html#database_url and
 * https://h2database.com/html/commands.html#checkpoint_sync.
 */
public final class Database implements AutoCloseable {
    /** SQL that forces committed data through the OS buffers onto the device. */
    public static final String SYNC = "CHECKPOINT SYNC";

    /**
     * The newest schema version this build ships: the highest {@code V<n>__*.sql} under
     * {@code db/migration} (a test keeps the two in step).
     */
    public static final String SCHEMA_VERSION = "6";

    /** File name of the database without H2's {@code .mv.db} suffix. */
    public static final String NAME = "conn";

    private static final String USER = "conn";

    /** Held strongly: JUL keeps loggers weakly, and a collected logger forgets its level. */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    private final Path file;
    private final JdbcConnectionPool pool;

    private Database(Path file, JdbcConnectionPool pool) {
        this.file = file;
        this.pool = pool;
    }

    /** How long {@link #open(Path)} waits for another Conn process that holds the database. */
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    /** How long the wait runs before the caller is told that it is waiting. */
    public static final Duration TELL_AFTER = Duration.ofSeconds(2);

    /**
     * Opens the database as {@link #open(Path, Duration, Runnable)} does, waiting up to
     * {@link #PATIENCE} without a word while another process holds it.
     *
     * @param directory an existing, writable directory
     * @return the open database
     * @throws DatabaseException as {@link #open(Path, Duration, Runnable)}
     */
    public static Database open(Path directory) {
        return open(directory, PATIENCE, () -> {});
    }

    /**
     * Opens (creating if needed) the database in {@code directory} and migrates it to the schema
     * this build knows. Refuses, without changing anything, a file that is not a Conn database
     * (empty, or not an H2 file) and a database written by a newer Conn.
     *
     * <p>While another Conn process holds the database for a moment (opening it, or closing the
     * mixed-mode server this one would connect through), this waits and tries again, up to
     * {@code patience}; {@code onWaiting} runs once if that takes longer than {@link #TELL_AFTER}.
     * On POSIX the database and lock files are made owner-only (0600).
     *
     * @param directory an existing, writable directory
     * @param patience how long to wait for another process, at most
     * @param onWaiting run once, on this thread, when the wait passes {@link #TELL_AFTER}
     * @return the open database
     * @throws DatabaseException naming the file if it cannot be opened (not a Conn database, the
     *     disk is full, still held by another process after {@code patience}, from a newer schema)
     *     or migrated
     */
    public static Database open(Path directory, Duration patience, Runnable onWaiting) {
        return open(directory, "file", patience, onWaiting);
    }

    /** As {@link #open(Path, Duration, Runnable)} through H2's file system {@code scheme} (tests). */
    static Database open(Path directory, String scheme, Duration patience, Runnable onWaiting) {
        FLYWAY_LOG.setLevel(Level.WARNING);
        Path file = directory.resolve(NAME + ".mv.db").toAbsolutePath();
        refuseIfNotADatabase(file);
        refuseSettingsInPath(file);
        String url = "jdbc:h2:" + scheme + ":" + directory.toAbsolutePath().resolve(NAME)
                + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;LOCK_TIMEOUT=30000";
        long start = System.nanoTime();
        boolean told = false;
        for (int attempt = 0; ; attempt++) {
            JdbcConnectionPool pool = JdbcConnectionPool.create(url, USER, "");
            pool.setMaxConnections(8);
            try {
                try (Connection c = pool.getConnection()) {
                    c.isValid(1);
                }
                Database db = new Database(file, pool);
                db.migrate();
                PrivateFiles.restrict(file);
                PrivateFiles.restrict(directory.resolve(NAME + ".lock.db"));
                return db;
            } catch (SQLException | RuntimeException e) {
                pool.dispose();
                Duration waited = Duration.ofNanos(System.nanoTime() - start);
                if (!DatabaseErrors.isBusy(e) || waited.compareTo(patience) >= 0) {
                    throw refusal(file, directory, e, waited);
                }
                if (!told && waited.compareTo(TELL_AFTER) >= 0) {
                    told = true;
                    onWaiting.run();
                }
                pause(attempt);
            }
        }
    }

    /**
     * Loads and initialises H2's engine (parser, MVStore, JDBC layer) with a throw-away in-memory
     * database, so that a later {@link #open} spends its time on the file rather than on class
     * loading: the CLI does this before it waits for its turn on the data directory, so the turn
     * stays short. Touches no file; failures are ignored.
     */
    public static void warmUp() {
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:h2:mem:", USER, "");
                java.sql.Statement st = c.createStatement()) {
            st.execute(
                    "CREATE TABLE warm(id UUID PRIMARY KEY, at TIMESTAMP WITH TIME ZONE, body CHARACTER LARGE OBJECT)");
            st.execute("INSERT INTO warm SELECT RANDOM_UUID(), CURRENT_TIMESTAMP, 'x' WHERE NOT EXISTS"
                    + " (SELECT 1 FROM warm WHERE id IS NULL)");
            try (java.sql.ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM warm")) {
                rs.next();
            }
        } catch (SQLException | RuntimeException e) {
            // only a head start; the real open reports real problems
        }
    }

    /**
     * Opens the database for reading only, without the mixed-mode lock file, for a data directory
     * this process cannot write (a read-only mount, a backup copy): exports read and never write.
     * Refuses a database another process has open, and one whose schema is not this build's.
     *
     * @param directory the data directory
     * @return the open, read-only database
     * @throws DatabaseException naming the file if it cannot be read
     */
    public static Database openReadOnly(Path directory) {
        Path file = directory.resolve(NAME + ".mv.db").toAbsolutePath();
        refuseIfNotADatabase(file);
        refuseSettingsInPath(file);
        String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve(NAME) + ";ACCESS_MODE_DATA=r";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, USER, "");
        try (Connection c = pool.getConnection()) {
            c.isValid(1);
        } catch (SQLException e) {
            pool.dispose();
            throw refusal(file, directory, e, Duration.ZERO);
        }
        Database db = new Database(file, pool);
        if (!SCHEMA_VERSION.equals(db.installedVersion())) {
            pool.dispose();
            throw new DatabaseException(
                    "The database " + file + " is from another version of Conn and cannot be upgraded here, because"
                            + " its folder is read-only. Nothing was changed. Open it once with this Conn where it"
                            + " can be written.",
                    null);
        }
        return db;
    }

    /**
     * Refuses a path H2 would read as settings: its URL ends the file name at the first {@code ;}
     * (https://h2database.com/html/features.html#database_url), so {@code /tmp/a;b=1} fails with
     * "Unsupported connection setting" and a crafted folder name could pass {@code INIT=...}.
     */
    private static void refuseSettingsInPath(Path file) {
        if (file.toString().indexOf(';') >= 0) {
            throw new DatabaseException(
                    "Cannot open the database " + file + ": its path contains ';', which Conn's database cannot"
                            + " have. Nothing was changed. Move the data directory to a folder without ';'.",
                    null);
        }
    }

    /**
     * Refuses a file that cannot be a Conn database before H2 sees it: H2 treats an empty file as a
     * new database (and would write one over it) and reports a foreign file as corrupted. An H2
     * MVStore file begins with its header {@code H:2,} (https://h2database.com/html/mvstore.html#fileFormat).
     */
    private static void refuseIfNotADatabase(Path file) {
        if (!Files.exists(file)) {
            return; // a new database
        }
        byte[] head = new byte[4];
        int n;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (java.io.IOException e) {
            throw new DatabaseException(
                    "Cannot read the database " + file + ": " + e.getMessage() + ". Nothing was changed.", e);
        }
        if (n == 0) {
            throw new DatabaseException(
                    "The database " + file + " is empty (0 bytes): it holds no incidents, and Conn will not start"
                            + " a new database over it. Nothing was changed. If you expected your incidents there,"
                            + " restore the file from a backup; to start afresh, move the empty file aside.",
                    null);
        }
        if (n < head.length || !new String(head, StandardCharsets.ISO_8859_1).equals("H:2,")) {
            throw new DatabaseException(
                    "The file " + file + " is not a Conn database (it does not start like an H2 database file)."
                            + " Nothing was changed. Move it aside or choose another --data-dir; if it should be"
                            + " your incidents, restore it from a backup.",
                    null);
        }
    }

    private static DatabaseException refusal(Path file, Path directory, Throwable e, Duration waited) {
        java.util.Optional<String> disk = DatabaseErrors.describeDiskProblem(e, directory);
        if (disk.isPresent()) {
            return new DatabaseException(disk.get(), e);
        }
        if (e instanceof DatabaseException d && !DatabaseErrors.isBusy(e)) {
            return d;
        }
        if (DatabaseErrors.isBusy(e)) {
            return new DatabaseException(
                    "Another Conn process kept the database " + file + " busy for " + waited.toSeconds()
                            + " s (" + firstLine(rootSqlMessage(e)) + "). Nothing was changed. Try again; if it"
                            + " persists, close the other Conn windows and commands using " + directory + ".",
                    e);
        }
        return new DatabaseException(
                "Cannot open the database " + file + ": " + firstLine(rootSqlMessage(e))
                        + ". Nothing was changed. If another program holds it, close that program; if the file "
                        + "is damaged, move it aside and restore a backup.",
                e);
    }

    private static String rootSqlMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                return t.getMessage();
            }
        }
        return e.getMessage();
    }

    /** Waits a little before the next try, more after repeated failures, with jitter so processes spread out. */
    private static void pause(int attempt) {
        long ms = Math.min(400, 25L << Math.min(attempt, 4));
        try {
            Thread.sleep(
                    ms / 2 + java.util.concurrent.ThreadLocalRandom.current().nextLong(ms / 2 + 1));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new DatabaseException("Interrupted while waiting for the database", ie);
        }
    }

    private void migrate() {
        if (SCHEMA_VERSION.equals(installedVersion())) {
            return; // already current: skip Flyway's start-up cost (about 250 ms on a 2-core machine)
        }
        Flyway flyway = Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load();
        try {
            MigrationInfoService info = flyway.info();
            MigrationInfo[] future = Arrays.stream(info.applied())
                    .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS
                            || m.getState() == MigrationState.FUTURE_FAILED)
                    .toArray(MigrationInfo[]::new);
            if (future.length > 0) {
                String newest = future[future.length - 1].getVersion().getVersion();
                String known = Arrays.stream(info.all())
                        .filter(m -> m.getState() != MigrationState.FUTURE_SUCCESS
                                && m.getState() != MigrationState.FUTURE_FAILED)
                        .reduce((a, b) -> b)
                        .map(m -> m.getVersion().getVersion())
                        .orElse("none");
                throw new DatabaseException(
                        "The database " + file + " was written by a newer version of Conn "
                                + "(schema version " + newest + "; this version understands up to " + known + "). "
                                + "Nothing was changed. Run the newer Conn, or choose another data directory.",
                        null);
            }
            if (info.pending().length > 0) {
                MigrationSpace.refuseIfShort(file);
            }
            flyway.migrate();
        } catch (FlywayException e) {
            throw new DatabaseException(
                    "Cannot prepare the database " + file + ": " + firstLine(e.getMessage()) + ". Nothing was deleted.",
                    e);
        }
    }

    /** @return the newest successfully applied schema version, or null if none or unknown */
    private String installedVersion() {
        try (Connection c = pool.getConnection();
                java.sql.Statement st = c.createStatement()) {
            try (java.sql.ResultSet t = st.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = 'flyway_schema_history'")) {
                if (!t.next() || t.getLong(1) == 0) {
                    return null; // a new database: no history yet
                }
            }
            try (java.sql.ResultSet rs = st.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\""
                    + " WHERE \"success\" AND \"version\" IS NOT NULL"
                    + " ORDER BY \"installed_rank\" DESC FETCH FIRST 1 ROWS ONLY")) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            return null; // unreadable history: let Flyway look and report
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }

    /** @return the pooled data source; connections must be closed by the caller */
    public DataSource dataSource() {
        return pool;
    }

    /** @return the database file on disk */
    public Path file() {
        return file;
    }

    /** @return true if the database file exists in {@code directory} */
    public static boolean existsIn(Path directory) {
        return Files.exists(directory.resolve(NAME + ".mv.db"));
    }

    /** Closes all pooled connections; the last close in the process shuts the database down. */
    @Override
    public void close() {
        pool.dispose();
    }
}
