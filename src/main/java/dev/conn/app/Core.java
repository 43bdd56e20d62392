package dev.conn.app;

import dev.conn.incident.EventStore;
import dev.conn.incident.IncidentLog;
import dev.conn.incident.IncidentService;
import dev.conn.incident.JdbcProjection;
import dev.conn.platform.db.Database;
import dev.conn.platform.fx.TaskRunner;
import dev.conn.platform.secrets.KnownSecrets;
import dev.conn.platform.trace.StartupTrace;
import dev.conn.settings.DataDirectory;
import dev.conn.settings.KeychainSecretStore;
import dev.conn.settings.Policy;
import dev.conn.settings.PolicyFile;
import dev.conn.settings.SecretResolver;
import dev.conn.settings.Settings;
import dev.conn.settings.SettingsFile;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The core every face of Conn stands on, opened once per window: the data directory, its
 * database, the event store (with the projections that commit in each append's transaction), the
 * one writer and the incident service, the settings and policy as read at start, the secret
 * resolver, the clock, and the two runners (disk and network). Knows no feature's screen.
 *
 * @param dataDirectory the data directory (absolute)
 * @param database the H2 database
 * @param store the event log
 * @param log the one writer
 * @param incidents the incident service, writing through {@code log}
 * @param settingsFile where the settings are saved
 * @param settings the settings as read at start
 * @param policy the response policy as read at start
 * @param secrets resolves secret references; every value it resolves is scrubbed from logs and exports
 * @param clock the clock every timer and event stamp reads
 * @param disk the disk runner: the log's reads and writes, in order, off the FX thread
 * @param network the network runner: HTTP and probes, so a slow server never holds back an append
 */
record Core(
        Path dataDirectory,
        Database database,
        EventStore store,
        IncidentLog log,
        IncidentService incidents,
        SettingsFile settingsFile,
        Settings settings,
        Policy policy,
        SecretResolver secrets,
        Clock clock,
        TaskRunner disk,
        TaskRunner network) {

    /**
     * Prepares the data directory and opens everything. Blocks on disk. Every check comes before
     * any file is written: the settings and policy are read (never written), the database is
     * opened (refusing one from a newer Conn), and only then are the default settings and policy
     * written where absent. So a refusal leaves the settings and policy files as they were, and
     * creates none.
     *
     * @param dataDirectory the data directory
     * @param clock the clock
     * @param disk the disk runner
     * @param network the network runner
     * @param projections the rows that commit with each append (built on the database)
     * @param decorate wraps the event store (tests watch every store call); identity in the app
     * @return the core
     * @throws dev.conn.settings.ConfigException naming the file if the directory is unusable or
     *     the settings or policy file is bad or cannot be written
     * @throws dev.conn.platform.db.DatabaseException naming the file if the database cannot be used
     */
    static Core open(
            Path dataDirectory,
            Clock clock,
            TaskRunner disk,
            TaskRunner network,
            Function<DataSource, List<JdbcProjection>> projections,
            UnaryOperator<EventStore> decorate) {
        StartupTrace.mark("core: opening");
        Path dir = DataDirectory.prepare(dataDirectory);
        SettingsFile settingsFile = new SettingsFile(dir);
        Settings settings = settingsFile.read();
        PolicyFile policyFile = new PolicyFile(dir);
        Policy policy = policyFile.read();
        StartupTrace.mark("core: settings and policy read");
        Database db = Database.open(dir);
        StartupTrace.mark("core: database open and migrated");
        try {
            settingsFile.writeDefaultsIfMissing();
            policyFile.installDefaultIfMissing();
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        // the log folder is created only once every check has passed: a refusal creates nothing
        KnownSecrets known = new KnownSecrets(); // one per process: the log and exports scrub with it
        try {
            RollingLog.install(dir, known);
        } catch (java.io.IOException e) {
            System.err.println("conn: no log file in " + dir + ": " + e.getMessage()); // Conn still runs
        }
        Logger.getLogger(Core.class.getName()).info("Conn opened data directory " + dir);
        EventStore store = decorate.apply(EventStore.jdbc(db.dataSource(), projections.apply(db.dataSource())));
        IncidentLog log = new IncidentLog(store, clock);
        StartupTrace.mark("core: event store ready");
        return new Core(
                dir,
                db,
                store,
                log,
                new IncidentService(store, log),
                settingsFile,
                settings,
                policy,
                new SecretResolver(System.getenv(), new KeychainSecretStore(), known),
                clock,
                disk,
                network);
    }
}
