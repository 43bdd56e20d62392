package dev.conn.warroom.store;

import dev.conn.settings.SecretResolver;
import dev.conn.settings.WarRoomSettings;
import dev.conn.warroom.WarRoomLink;
import dev.conn.warroom.WarRoomRefusedException;
import dev.conn.warroom.WarRoomServer;
import dev.conn.warroom.WarRoomUnreachableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * Connects to the war room's PostgreSQL with pgjdbc (https://jdbc.postgresql.org/documentation/use/):
 * the URL, role and password reference of the console's {@link WarRoomSettings}; the password is
 * resolved only here, at connect time, and never written anywhere. TLS is whatever the URL asks for
 * ({@code sslmode=verify-full} checks the server's certificate and name against {@code
 * sslrootcert}, by default {@code ~/.postgresql/root.crt}).
 *
 * <p>Every connection is bounded: 5 s to connect, 30 s for any read, TCP keep-alive on. A failure is
 * sorted into {@link WarRoomUnreachableException} (offline: try again later) or {@link
 * WarRoomRefusedException} (a wrong password, TLS demanded but absent or unverifiable, no such
 * database, a missing grant: the message says which and what to do) by {@link JdbcWarRoomErrors}.
 */
public final class JdbcWarRoomServer implements WarRoomServer {
    /** Seconds to wait for the server to accept a connection. */
    static final int CONNECT_TIMEOUT_S = 5;

    /** Seconds a read may wait (a cut network is noticed within this). */
    static final int SOCKET_TIMEOUT_S = 30;

    private final WarRoomSettings settings;
    private final Supplier<Optional<String>> password;

    /**
     * @param settings the war room settings (checked: {@link WarRoomSettings#problem()} is empty)
     * @param secrets resolves the password reference at each connect
     * @throws IllegalArgumentException if the settings are incomplete
     */
    public JdbcWarRoomServer(WarRoomSettings settings, SecretResolver secrets) {
        this(settings, () -> settings.passwordRef().map(ref -> {
            try {
                return secrets.resolve(ref);
            } catch (SecretResolver.SecretUnavailableException e) {
                throw new WarRoomRefusedException(
                        "warRoom.password: " + e.getMessage() + ". Set it, then Connect again.", null);
            }
        }));
    }

    /**
     * @param settings the war room settings
     * @param password supplies the password at each connect (empty for none)
     * @throws IllegalArgumentException if the settings are incomplete
     */
    JdbcWarRoomServer(WarRoomSettings settings, Supplier<Optional<String>> password) {
        this.settings = Objects.requireNonNull(settings, "settings");
        settings.problem().ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        this.password = password;
    }

    @Override
    public WarRoomLink connect(Runnable onServerChange) {
        Connection c = open();
        try {
            JdbcWarRoomSchema.prepare(c, settings.user(), this::open);
            return new JdbcWarRoomLink(c, this::open, onServerChange);
        } catch (SQLException e) {
            close(c);
            throw JdbcWarRoomErrors.translate(e, settings);
        } catch (RuntimeException e) {
            close(c);
            throw e;
        }
    }

    /**
     * Connects once and checks the role, grants and schema, creating nothing.
     *
     * @return what was found, in words
     * @throws WarRoomUnreachableException if the server cannot be reached
     * @throws WarRoomRefusedException if it refused
     */
    String test() {
        try (Connection c = open()) {
            Optional<String> note = JdbcWarRoomSchema.check(c, settings.user());
            String tls;
            String version;
            try (java.sql.Statement st = c.createStatement();
                    java.sql.ResultSet rs = st.executeQuery("SELECT COALESCE((SELECT ssl FROM pg_stat_ssl WHERE pid ="
                            + " pg_backend_pid()), false), current_user, current_setting('server_version')")) {
                rs.next();
                tls = rs.getBoolean(1) ? "over TLS" : "without TLS (add sslmode=verify-full to the address)";
                version = "PostgreSQL " + rs.getString(3) + ", role " + rs.getString(2);
            }
            return "Connected to " + JdbcWarRoomErrors.address(settings.jdbcUrl()) + " (" + version + ") " + tls + ". "
                    + note.orElse("The war room's tables are ready and the role has every grant it needs.");
        } catch (SQLException e) {
            throw JdbcWarRoomErrors.translate(e, settings);
        }
    }

    /**
     * Opens one connection, auto-commit on.
     *
     * @return the connection
     * @throws WarRoomUnreachableException if the server cannot be reached
     * @throws WarRoomRefusedException if it refused
     */
    Connection open() {
        Properties p = new Properties();
        p.setProperty("user", settings.user());
        password.get().ifPresent(pw -> p.setProperty("password", pw));
        p.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_S));
        p.setProperty("loginTimeout", Integer.toString(CONNECT_TIMEOUT_S * 2));
        p.setProperty("socketTimeout", Integer.toString(SOCKET_TIMEOUT_S));
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("ApplicationName", "Conn war room");
        try {
            return new org.postgresql.Driver().connect(settings.jdbcUrl(), p);
        } catch (SQLException e) {
            throw JdbcWarRoomErrors.translate(e, settings);
        }
    }

    private static void close(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // closing a broken connection
        }
    }
}
