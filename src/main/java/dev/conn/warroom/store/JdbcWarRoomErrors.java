package dev.conn.warroom.store;

import dev.conn.settings.WarRoomSettings;
import dev.conn.warroom.WarRoomRefusedException;
import dev.conn.warroom.WarRoomUnreachableException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * Sorts the war room's JDBC failures into "offline, try again" and "refused, and here is why".
 * SQLSTATE codes from PostgreSQL's Appendix A (https://www.postgresql.org/docs/current/errcodes-appendix.html)
 * and pgjdbc's own ({@code 08001} could not connect, {@code 08004} rejected, {@code 08006} failure).
 */
final class JdbcWarRoomErrors {
    private JdbcWarRoomErrors() {}

    /**
     * @param e a failure of connecting to or using the war room
     * @param s the settings in use (for the role and the address in the message; neither is a secret)
     * @return the exception to throw
     */
    static RuntimeException translate(SQLException e, WarRoomSettings s) {
        String state = Optional.ofNullable(e.getSQLState()).orElse("");
        String msg = Optional.ofNullable(e.getMessage()).orElse("").strip();
        String lower = msg.toLowerCase(Locale.ROOT);
        String where = address(s.jdbcUrl());
        if (lower.contains("does not support ssl")) {
            return new WarRoomRefusedException(
                    "The war room's address asks for TLS (sslmode in warRoom.jdbcUrl), but the server at " + where
                            + " does not offer it. Nothing was read or written. Turn TLS on at the server"
                            + " (ssl = on), or ask its administrator.",
                    e);
        }
        if (hasTlsCause(e) || lower.contains("could not be verified") || lower.contains("ssl error")) {
            return new WarRoomRefusedException(
                    "The war room's server at " + where + " could not be verified over TLS ("
                            + firstLine(rootMessage(e)) + "). Nothing was read or written. With sslmode=verify-full,"
                            + " the server's certificate must be signed by the CA in sslrootcert (default"
                            + " ~/.postgresql/root.crt) and name the host in the address.",
                    e);
        }
        if (lower.contains("no password was provided") || lower.contains("password authentication is required")) {
            return new WarRoomRefusedException(
                    "The war room at " + where + " asks role " + s.user() + " for a password, and warRoom.password"
                            + " is not set. Nothing was read or written. Give it as env:NAME or keyring:NAME.",
                    e);
        }
        switch (state) {
            case "28P01":
                return new WarRoomRefusedException(
                        "The war room at " + where + " refused the password of role " + s.user()
                                + ". Nothing was read or written. Check the secret behind "
                                + s.passwordRef().map(Object::toString).orElse("warRoom.password")
                                + ".",
                        e);
            case "28000":
                return new WarRoomRefusedException(
                        "The war room at " + where + " does not let role " + s.user() + " in from this machine ("
                                + firstLine(msg) + "). Nothing was read or written. Its administrator allows it in"
                                + " pg_hba.conf"
                                + (lower.contains("no encryption")
                                        ? ", or the address needs" + " sslmode=verify-full"
                                        : "")
                                + ".",
                        e);
            case "3D000":
                return new WarRoomRefusedException(
                        "There is no such database at " + where + " (" + firstLine(msg)
                                + "). Create it first (see the README, War room), or correct warRoom.jdbcUrl.",
                        e);
            case "42501":
                return new WarRoomRefusedException(
                        "Role " + s.user() + " is not allowed to use the war room (" + firstLine(msg)
                                + "). Nothing more was read or written. See the README, War room, for the grants.",
                        e);
            default:
                return new WarRoomUnreachableException(
                        "Cannot reach the war room at " + where + ": " + firstLine(msg), e);
        }
    }

    /** @return host:port/database of a JDBC URL, without its parameters */
    static String address(String jdbcUrl) {
        String rest = jdbcUrl.substring("jdbc:postgresql://".length());
        int q = rest.indexOf('?');
        return q < 0 ? rest : rest.substring(0, q);
    }

    private static boolean hasTlsCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof javax.net.ssl.SSLException || t instanceof java.security.cert.CertificateException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return Optional.ofNullable(t.getMessage()).orElse(t.getClass().getSimpleName());
    }

    static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
