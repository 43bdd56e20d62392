package dev.conn.warroom.store;

import dev.conn.warroom.WarRoomRefusedException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The war room's schema: created and upgraded with Flyway from {@code classpath:db/warroom} (apart
 * from the consoles' H2 migrations), on the connect of a role allowed to; checked on every connect,
 * so a console whose role lacks a grant reads and writes nothing and says which grant is missing.
 */
final class JdbcWarRoomSchema {
    /** The newest schema version this build ships (the highest {@code V<n>__*.sql} under db/warroom). */
    static final int VERSION = 1;

    /** Held strongly: JUL keeps loggers weakly, and a collected logger forgets its level. */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    /** What every console's role needs, table by table (the README's grants). */
    static final Map<String, List<String>> GRANTS = grants();

    private JdbcWarRoomSchema() {}

    private static Map<String, List<String>> grants() {
        Map<String, List<String>> g = new LinkedHashMap<>();
        g.put("war_room", List.of("SELECT"));
        g.put("event", List.of("SELECT", "INSERT"));
        g.put("console_presence", List.of("SELECT", "INSERT", "UPDATE"));
        g.put("dispatch_lease", List.of("SELECT", "UPDATE"));
        g.put("outbox", List.of("SELECT", "INSERT", "UPDATE"));
        g.put("flyway_schema_history", List.of("SELECT"));
        return java.util.Collections.unmodifiableMap(g);
    }

    /**
     * Brings the schema to {@link #VERSION} if the role may, then checks the role's grants.
     *
     * @param c a connection (auto-commit on)
     * @param role the role connected as
     * @param open opens more connections (Flyway's)
     * @throws WarRoomRefusedException naming what is missing: the right to create the tables, a
     *     grant, or a newer Conn
     * @throws SQLException if the server fails otherwise
     */
    static void prepare(Connection c, String role, Supplier<Connection> open) throws SQLException {
        prepare(c, role, open, true);
    }

    /**
     * Checks the schema and grants like {@link #prepare(Connection, String, Supplier)}, but only
     * says what Connect would create or upgrade (Test connection).
     *
     * @param c a connection
     * @param role the role connected as
     * @return what Connect would do to the schema, or empty if it is current
     * @throws WarRoomRefusedException as {@link #prepare(Connection, String, Supplier)}
     * @throws SQLException if the server fails otherwise
     */
    static java.util.Optional<String> check(Connection c, String role) throws SQLException {
        return prepare(c, role, null, false);
    }

    private static java.util.Optional<String> prepare(
            Connection c, String role, Supplier<Connection> open, boolean migrate) throws SQLException {
        if (exists(c, "flyway_schema_history") && !allowed(c, "flyway_schema_history", "SELECT")) {
            refuseMissing(role, missingGrants(c)); // say every missing grant at once
        }
        int installed = installedVersion(c, role);
        if (installed > VERSION) {
            throw new WarRoomRefusedException(
                    "The war room's tables were made by a newer Conn (schema version " + installed
                            + "; this Conn knows up to " + VERSION + "). Nothing was read or written. Update Conn"
                            + " on this machine.",
                    null);
        }
        if (installed < VERSION) {
            if (!mayCreate(c)) {
                throw new WarRoomRefusedException(
                        installed == 0
                                ? "The war room's database has no Conn tables yet, and role " + role
                                        + " may not create them: it needs CREATE on schema " + schema(c) + " (GRANT"
                                        + " CREATE ON SCHEMA " + schema(c) + " TO " + role + "), or connect once as"
                                        + " the database's owner. Nothing was read or written."
                                : "The war room's tables need an upgrade to this Conn's schema (version " + VERSION
                                        + "), and role " + role + " may not make it. Connect once as the role that owns"
                                        + " them. Nothing was read or written.",
                        null);
            }
            if (!migrate) {
                return java.util.Optional.of(
                        installed == 0
                                ? "Connect creates the war room's tables (role " + role + " may)."
                                : "Connect upgrades the war room's tables to this Conn's schema.");
            }
            migrate(open);
        }
        List<String> missing = missingGrants(c);
        if (!missing.isEmpty()) {
            refuseMissing(role, missing);
        }
        return java.util.Optional.empty();
    }

    private static void refuseMissing(String role, List<String> missing) {
        throw new WarRoomRefusedException(
                "Role " + role + " cannot use the war room: it needs " + String.join(", ", missing)
                        + ". Nothing was read or written. The owner grants them: " + grantStatement(missing, role)
                        + " (README, War room).",
                null);
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static boolean allowed(Connection c, String table, String privilege) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT has_table_privilege(?, ?)")) {
            ps.setString(1, table);
            ps.setString(2, privilege);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static int installedVersion(Connection c, String role) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT to_regclass('flyway_schema_history') IS NOT NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return 0;
            }
        }
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(CAST(version AS integer)), 0)"
                        + " FROM flyway_schema_history WHERE success AND version IS NOT NULL")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            if ("42501".equals(e.getSQLState())) {
                throw new WarRoomRefusedException(
                        "Role " + role + " cannot use the war room: it needs SELECT on flyway_schema_history. Nothing"
                                + " was read or written. The owner grants it: GRANT SELECT ON flyway_schema_history TO "
                                + role + " (README, War room).",
                        e);
            }
            throw e;
        }
    }

    private static boolean mayCreate(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT current_schema() IS NOT NULL"
                        + " AND has_schema_privilege(current_schema(), 'CREATE')")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static String schema(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COALESCE(current_schema(), 'public')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<String> missingGrants(Connection c) throws SQLException {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, List<String>> t : GRANTS.entrySet()) {
            for (String privilege : t.getValue()) {
                if (!allowed(c, t.getKey(), privilege)) {
                    missing.add(privilege + " on " + t.getKey());
                }
            }
        }
        return missing;
    }

    private static String grantStatement(List<String> missing, String role) {
        Map<String, List<String>> byTable = new LinkedHashMap<>();
        for (String m : missing) {
            String[] parts = m.split(" on ", 2);
            byTable.computeIfAbsent(parts[1], k -> new ArrayList<>()).add(parts[0]);
        }
        List<String> statements = new ArrayList<>();
        byTable.forEach((table, privileges) ->
                statements.add("GRANT " + String.join(", ", privileges) + " ON " + table + " TO " + role + ";"));
        return String.join(" ", statements);
    }

    private static void migrate(Supplier<Connection> open) {
        FLYWAY_LOG.setLevel(Level.WARNING);
        try {
            Flyway.configure()
                    .dataSource(new OpeningDataSource(open))
                    .locations("classpath:db/warroom")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new WarRoomRefusedException(
                    "Could not create the war room's tables: "
                            + JdbcWarRoomErrors.firstLine(String.valueOf(e.getMessage()))
                            + ". Nothing else was changed.",
                    e);
        }
    }

    /** A data source over the server's connection opener, for Flyway. */
    private static final class OpeningDataSource implements DataSource {
        private final Supplier<Connection> open;

        OpeningDataSource(Supplier<Connection> open) {
            this.open = open;
        }

        @Override
        public Connection getConnection() {
            return open.get();
        }

        @Override
        public Connection getConnection(String username, String password) {
            return open.get();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
