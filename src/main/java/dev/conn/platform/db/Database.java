package dev.conn.platform.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
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
    public static final String SCHEMA_VERSION = "5";

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

    /**
     * Opens (creating if needed) the database in {@code directory} and migrates it to the schema
     * this build knows. Refuses, without changing anything, a database written by a newer Conn.
     *
     * @param directory an existing, writable directory
     * @return the open database
     * @throws DatabaseException naming the file if it cannot be opened (locked in a way mixed mode
     *     cannot share, not an H2 file, from a newer schema) or migrated
     */
    public static Database open(Path directory) {
        FLYWAY_LOG.setLevel(Level.WARNING);
        Path file = directory.resolve(NAME + ".mv.db").toAbsolutePath();
        String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve(NAME)
                + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;LOCK_TIMEOUT=30000";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, USER, "");
        pool.setMaxConnections(8);
        try (Connection c = pool.getConnection()) {
            c.isValid(1);
        } catch (SQLException e) {
            pool.dispose();
            throw new DatabaseException(
                    "Cannot open the database " + file + ": " + firstLine(e.getMessage())
                            + ". Nothing was changed. If another program holds it, close that program; if the file "
                            + "is damaged, move it aside and restore a backup.",
                    e);
        }
        Database db = new Database(file, pool);
        try {
            db.migrate();
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
        return db;
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
