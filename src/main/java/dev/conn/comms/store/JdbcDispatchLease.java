package dev.conn.comms.store;

import dev.conn.comms.DispatchLease;
import dev.conn.incident.StoreException;
import dev.conn.platform.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.h2.api.ErrorCode;

/**
 * The dispatch lease of one data directory, in its H2 database (table {@code dispatch_lease},
 * migration V5), read against an injected {@link Clock}: the processes that share the directory run
 * on one machine, so they share its clock.
 *
 * <p>Every change is a compare-and-set on the token read just before ({@code UPDATE ... WHERE token
 * = ?}), so two processes claiming at once cannot both win: the loser's update matches no row and it
 * reads the winner. A take-over is synced to disk ({@link Database#SYNC}) before the new token is
 * used, so the token never goes back after a power cut; heartbeats are not synced (a lost heartbeat
 * only shortens the lease).
 *
 * <p>A holder that has exited is not waited for: when the holder ran on this machine (same host
 * name) and its process is gone (closed by a signal, {@code kill -9}, a crash), the next claim takes
 * the lease over at once, with a new token, instead of after the lease time; a second window opened
 * after the first was killed sends within a poll, not 15 s later. A pid reused by another process
 * reads as alive, and then the lease time applies as before. A holder judged gone while it still ran
 * (another PID namespace with the same host name) is fenced out by the new token: its rows in flight
 * become delivery-unknown and it can move no row, so nothing is sent twice.
 */
public final class JdbcDispatchLease implements DispatchLease {
    /** Default lease time without a heartbeat: 15 s. The holder renews every third of it. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(15);

    /** System property that overrides {@link #DEFAULT_TTL}, in milliseconds (tests). */
    public static final String TTL_PROPERTY = "conn.outbox.leaseTtlMs";

    private final DataSource dataSource;
    private final Clock clock;
    private final Owner me;
    private final Duration ttl;
    private final String name;

    /**
     * @param dataSource the migrated database
     * @param clock what "now" is for heartbeats and expiry
     * @param me this process
     * @param ttl how long the lease lasts without a heartbeat, positive
     */
    public JdbcDispatchLease(DataSource dataSource, Clock clock, Owner me, Duration ttl) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.me = Objects.requireNonNull(me, "me");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("lease ttl must be positive: " + ttl);
        }
        this.ttl = ttl;
        this.name = OUTBOX;
    }

    /**
     * @return {@link #DEFAULT_TTL}, or the milliseconds in the system property {@value
     *     #TTL_PROPERTY} if set
     */
    public static Duration configuredTtl() {
        String v = System.getProperty(TTL_PROPERTY);
        if (v == null || v.isBlank()) {
            return DEFAULT_TTL;
        }
        try {
            long ms = Long.parseLong(v.strip());
            return ms > 0 ? Duration.ofMillis(ms) : DEFAULT_TTL;
        } catch (NumberFormatException e) {
            return DEFAULT_TTL;
        }
    }

    /** @return this process as the lease sees it */
    public Owner owner() {
        return me;
    }

    @Override
    public Duration ttl() {
        return ttl;
    }

    @Override
    public Claim claim() {
        try (Connection c = dataSource.getConnection()) {
            for (int round = 0; round < 5; round++) {
                Optional<Holder> current = read(c);
                Instant now = clock.instant();
                if (current.isEmpty()) {
                    if (insert(c, now)) {
                        sync(c);
                        return new Claim.Held(1, true);
                    }
                    continue; // another process inserted first: read it
                }
                Holder h = current.get();
                if (h.owner().id().equals(me.id())) {
                    if (heartbeat(c, h.token(), now)) {
                        return new Claim.Held(h.token(), false);
                    }
                    continue;
                }
                if (h.expiresAt().isAfter(now) && !exited(h.owner())) {
                    return new Claim.Elsewhere(h);
                }
                if (takeOver(c, h.token(), now)) {
                    sync(c);
                    return new Claim.Held(h.token() + 1, true);
                }
                // someone else took it over between our read and our write: read again
            }
            return read(c).<Claim>map(Claim.Elsewhere::new)
                    .orElseThrow(
                            () -> new StoreException("Could not claim the dispatch lease: it keeps changing", null));
        } catch (SQLException e) {
            throw new StoreException("Could not claim the dispatch lease: " + e.getMessage(), e);
        }
    }

    /**
     * @param holder the lease's holder
     * @return true if it ran on this machine and its process is gone
     */
    private boolean exited(Owner holder) {
        return holder.pid() > 0 && holder.host().equals(me.host()) && !running(holder.pid());
    }

    private static boolean running(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Override
    public boolean renew(long token) {
        try (Connection c = dataSource.getConnection()) {
            return heartbeat(c, token, clock.instant());
        } catch (SQLException e) {
            throw new StoreException("Could not renew the dispatch lease: " + e.getMessage(), e);
        }
    }

    @Override
    public void release(long token) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE dispatch_lease SET expires_at = ?"
                        + " WHERE name = ? AND token = ? AND owner_id = ?")) {
            ps.setObject(1, utc(clock.instant()));
            ps.setString(2, name);
            ps.setLong(3, token);
            ps.setString(4, me.id());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Could not release the dispatch lease: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Holder> holder() {
        try (Connection c = dataSource.getConnection()) {
            return read(c);
        } catch (SQLException e) {
            throw new StoreException("Could not read the dispatch lease: " + e.getMessage(), e);
        }
    }

    private Optional<Holder> read(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT owner_id, owner_host, owner_pid, owner_description,"
                + " token, heartbeat_at, expires_at FROM dispatch_lease WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Holder(
                        new Owner(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)),
                        rs.getLong(5),
                        rs.getObject(6, OffsetDateTime.class).toInstant(),
                        rs.getObject(7, OffsetDateTime.class).toInstant()));
            }
        }
    }

    private boolean insert(Connection c, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO dispatch_lease (name, token, owner_id, owner_host,"
                + " owner_pid, owner_description, acquired_at, heartbeat_at, expires_at)"
                + " VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, name);
            bindOwner(ps, 2);
            ps.setObject(6, utc(now));
            ps.setObject(7, utc(now));
            ps.setObject(8, utc(now.plus(ttl)));
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.DUPLICATE_KEY_1) {
                return false;
            }
            throw e;
        }
    }

    private boolean takeOver(Connection c, long seenToken, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE dispatch_lease SET token = token + 1, owner_id = ?,"
                + " owner_host = ?, owner_pid = ?, owner_description = ?, acquired_at = ?, heartbeat_at = ?,"
                + " expires_at = ? WHERE name = ? AND token = ?")) {
            bindOwner(ps, 1);
            ps.setObject(5, utc(now));
            ps.setObject(6, utc(now));
            ps.setObject(7, utc(now.plus(ttl)));
            ps.setString(8, name);
            ps.setLong(9, seenToken);
            return ps.executeUpdate() == 1;
        }
    }

    private boolean heartbeat(Connection c, long token, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE dispatch_lease SET heartbeat_at = ?, expires_at = ?"
                + " WHERE name = ? AND token = ? AND owner_id = ?")) {
            ps.setObject(1, utc(now));
            ps.setObject(2, utc(now.plus(ttl)));
            ps.setString(3, name);
            ps.setLong(4, token);
            ps.setString(5, me.id());
            return ps.executeUpdate() == 1;
        }
    }

    private void bindOwner(PreparedStatement ps, int from) throws SQLException {
        ps.setString(from, me.id());
        ps.setString(from + 1, clip(me.host(), 255));
        ps.setLong(from + 2, me.pid());
        ps.setString(from + 3, clip(me.description(), 500));
    }

    private static void sync(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(Database.SYNC);
        }
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
