package dev.conn.warroom.store;

import dev.conn.comms.DispatchLease;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The war room's dispatch lease ({@link DispatchLease}): one row of {@code dispatch_lease} in the
 * war room's PostgreSQL (migration V1), so exactly one console of the war room sends the outbox.
 * Every comparison uses the <em>server's</em> clock ({@code clock_timestamp()}), so consoles on
 * machines whose clocks differ never compare their own: a lease expires when the server says so.
 * Each claim, renewal and release is one atomic {@code UPDATE}; concurrent claims are serialised
 * by the row lock, and only one of them can raise the fencing token. The token only grows (Kleppmann,
 * "How to do distributed locking", 2016).
 */
public final class JdbcWarRoomLease implements DispatchLease {
    private static final String RETURNING =
            " RETURNING token, owner_id, owner_host, owner_pid, owner_description," + " heartbeat_at, expires_at";

    private final JdbcWarRoomConnections connections;
    private final Owner me;
    private final Duration ttl;

    /**
     * @param connections connections to the war room
     * @param me this console's process
     * @param ttl how long the lease lasts without a heartbeat (server time)
     */
    JdbcWarRoomLease(JdbcWarRoomConnections connections, Owner me, Duration ttl) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.me = Objects.requireNonNull(me, "me");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
    }

    @Override
    public Claim claim() {
        return connections.with("claim the dispatch lease", c -> {
            // still mine (same owner id, hence the same token): renew
            try (PreparedStatement ps = c.prepareStatement("UPDATE dispatch_lease SET heartbeat_at = clock_timestamp(),"
                    + " expires_at = clock_timestamp() + ? * interval '1 millisecond'"
                    + " WHERE name = ? AND owner_id = ?" + RETURNING)) {
                ps.setLong(1, ttl.toMillis());
                ps.setString(2, OUTBOX);
                ps.setString(3, me.id());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return new Claim.Held(rs.getLong(1), false);
                    }
                }
            }
            // free or expired by the server's clock: take it over with a larger token
            try (PreparedStatement ps = c.prepareStatement("UPDATE dispatch_lease SET token = token + 1,"
                    + " owner_id = ?, owner_host = ?, owner_pid = ?, owner_description = ?, acquired_at ="
                    + " clock_timestamp(), heartbeat_at = clock_timestamp(), expires_at = clock_timestamp() + ? *"
                    + " interval '1 millisecond' WHERE name = ? AND expires_at <= clock_timestamp()" + RETURNING)) {
                ps.setString(1, me.id());
                ps.setString(2, clip(me.host(), 255));
                ps.setLong(3, me.pid());
                ps.setString(4, clip(me.description(), 500));
                ps.setLong(5, ttl.toMillis());
                ps.setString(6, OUTBOX);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return new Claim.Held(rs.getLong(1), true);
                    }
                }
            }
            return read(c).<Claim>map(Claim.Elsewhere::new)
                    .orElseThrow(() -> new SQLException("the war room has no dispatch lease row"));
        });
    }

    @Override
    public boolean renew(long token) {
        return connections.with("renew the dispatch lease", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE dispatch_lease SET heartbeat_at = clock_timestamp(),"
                    + " expires_at = clock_timestamp() + ? * interval '1 millisecond'"
                    + " WHERE name = ? AND token = ? AND owner_id = ?")) {
                ps.setLong(1, ttl.toMillis());
                ps.setString(2, OUTBOX);
                ps.setLong(3, token);
                ps.setString(4, me.id());
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void release(long token) {
        connections.with("release the dispatch lease", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE dispatch_lease SET expires_at = clock_timestamp()"
                    + " WHERE name = ? AND token = ? AND owner_id = ?")) {
                ps.setString(1, OUTBOX);
                ps.setLong(2, token);
                ps.setString(3, me.id());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Duration ttl() {
        return ttl;
    }

    @Override
    public Optional<Holder> holder() {
        return connections.with("read the dispatch lease", JdbcWarRoomLease::read);
    }

    /** @return this console's process as the lease sees it */
    public Owner owner() {
        return me;
    }

    private static Optional<Holder> read(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT token, owner_id, owner_host, owner_pid,"
                + " owner_description, heartbeat_at, expires_at FROM dispatch_lease WHERE name = ?")) {
            ps.setString(1, OUTBOX);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Holder(
                        new Owner(rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5)),
                        rs.getLong(1),
                        instant(rs, 6),
                        instant(rs, 7)));
            }
        }
    }

    private static java.time.Instant instant(ResultSet rs, int column) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        // '-infinity' (never held) reads as the earliest instant
        return t == null || t.getTime() < -62_000_000_000_000L ? java.time.Instant.EPOCH : t.toInstant();
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
