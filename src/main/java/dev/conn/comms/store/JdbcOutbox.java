package dev.conn.comms.store;

import dev.conn.comms.DispatchLease;
import dev.conn.comms.Outbox;
import dev.conn.comms.OutboxMessage;
import dev.conn.comms.OutboxRowMovedException;
import dev.conn.incident.JdbcTransactionStep;
import dev.conn.incident.StoreException;
import dev.conn.platform.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The H2 outbox (table {@code outbox}, migrations V4 and V5). Its rows are inserted by {@link
 * JdbcOutboxProjection} in the transaction of their {@code MESSAGE_QUEUED}; the moves that go with
 * an event are steps run in that event's append transaction ({@code IncidentLog.execute(...,
 * step)}), so event and row commit together under the append lock and are synced; other state
 * changes are synced too. Every change is a compare-and-set ({@code UPDATE ... WHERE state = ? AND
 * lease_token = ?}, see {@link Outbox}), fenced by the token in {@code dispatch_lease}.
 */
public final class JdbcOutbox implements Outbox {
    /** The fencing check: the dispatch lease still has the token bound at this placeholder. */
    private static final String LEASE_HELD =
            "EXISTS (SELECT 1 FROM dispatch_lease l WHERE l.name = '" + DispatchLease.OUTBOX + "' AND l.token = ?)";

    private final DataSource dataSource;

    /** @param dataSource the migrated database the event store also writes */
    public JdbcOutbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<OutboxMessage> queued() {
        return select("o.state = 'QUEUED'", null);
    }

    @Override
    public List<OutboxMessage> unknown() {
        return select("o.state = 'UNKNOWN'", null);
    }

    @Override
    public Optional<OutboxMessage> row(long seq) {
        return select("o.seq = ?", seq).stream().findFirst();
    }

    @Override
    public int waiting() {
        try (Connection c = dataSource.getConnection()) {
            return waiting(c);
        } catch (SQLException e) {
            throw new StoreException("Could not count the outbox: " + e.getMessage(), e);
        }
    }

    @Override
    public Summary summary() {
        try (Connection c = dataSource.getConnection()) {
            return new Summary(waiting(c), JdbcOutboxRows.select(c, "o.state = 'UNKNOWN'", null));
        } catch (SQLException e) {
            throw new StoreException("Could not read the outbox: " + e.getMessage(), e);
        }
    }

    private static int waiting(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM outbox WHERE state IN ('QUEUED', 'IN_FLIGHT')")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Override
    public List<OutboxMessage> inFlightBefore(long token) {
        return select("o.state = 'IN_FLIGHT' AND (o.lease_token IS NULL OR o.lease_token < ?)", token);
    }

    @Override
    public boolean markInFlight(long seq, long token) {
        return update(
                        "UPDATE outbox SET state = 'IN_FLIGHT', lease_token = ?, attempts = attempts + 1"
                                + " WHERE seq = ? AND state = 'QUEUED' AND " + LEASE_HELD,
                        ps -> {
                            ps.setLong(1, token);
                            ps.setLong(2, seq);
                            ps.setLong(3, token);
                        })
                == 1;
    }

    @Override
    public boolean reschedule(long seq, long token, Instant nextAttemptAt, String error, boolean attemptCounted) {
        return update(
                        "UPDATE outbox SET state = 'QUEUED', next_attempt_at = ?, last_error = ?,"
                                + " failures = failures + 1, attempts = attempts - ?"
                                + " WHERE seq = ? AND state = 'IN_FLIGHT' AND lease_token = ?",
                        ps -> {
                            ps.setObject(1, utc(nextAttemptAt));
                            ps.setString(2, clip(error));
                            ps.setInt(3, attemptCounted ? 0 : 1);
                            ps.setLong(4, seq);
                            ps.setLong(5, token);
                        })
                == 1;
    }

    @Override
    public JdbcTransactionStep markSent(long seq, long token, Instant sentAt, Optional<String> externalId) {
        return step(
                seq,
                "UPDATE outbox SET state = 'SENT', sent_at = ?, external_id = COALESCE(?, external_id)"
                        + " WHERE seq = ? AND state = 'IN_FLIGHT' AND lease_token = ?",
                ps -> {
                    ps.setObject(1, utc(sentAt));
                    ps.setString(2, externalId.orElse(null));
                    ps.setLong(3, seq);
                    ps.setLong(4, token);
                });
    }

    @Override
    public JdbcTransactionStep markFailed(long seq, long token, String reason) {
        return step(
                seq,
                "UPDATE outbox SET state = 'FAILED', last_error = ? WHERE seq = ? AND ("
                        + "(state = 'IN_FLIGHT' AND lease_token = ?) OR (state = 'QUEUED' AND " + LEASE_HELD + "))",
                ps -> {
                    ps.setString(1, clip(reason));
                    ps.setLong(2, seq);
                    ps.setLong(3, token);
                    ps.setLong(4, token);
                });
    }

    @Override
    public JdbcTransactionStep markUnknown(long seq, long token, String reason) {
        return step(
                seq,
                "UPDATE outbox SET state = 'UNKNOWN', last_error = ?"
                        + " WHERE seq = ? AND state = 'IN_FLIGHT' AND lease_token = ?",
                ps -> {
                    ps.setString(1, clip(reason));
                    ps.setLong(2, seq);
                    ps.setLong(3, token);
                });
    }

    @Override
    public JdbcTransactionStep recoverUnknown(long seq, long token) {
        return step(
                seq,
                "UPDATE outbox SET state = 'UNKNOWN', last_error = ? WHERE seq = ? AND state = 'IN_FLIGHT'"
                        + " AND (lease_token IS NULL OR lease_token < ?) AND " + LEASE_HELD,
                ps -> {
                    ps.setString(1, "Conn stopped while sending (the sending process ended)");
                    ps.setLong(2, seq);
                    ps.setLong(3, token);
                    ps.setLong(4, token);
                });
    }

    @Override
    public boolean resend(long seq, Instant at) {
        return update(
                        "UPDATE outbox SET state = 'QUEUED', next_attempt_at = ?, failures = 0"
                                + " WHERE seq = ? AND state = 'UNKNOWN'",
                        ps -> {
                            ps.setObject(1, utc(at));
                            ps.setLong(2, seq);
                        })
                == 1;
    }

    @Override
    public JdbcTransactionStep confirmSent(long seq, Instant sentAt) {
        return step(seq, "UPDATE outbox SET state = 'SENT', sent_at = ? WHERE seq = ? AND state = 'UNKNOWN'", ps -> {
            ps.setObject(1, utc(sentAt));
            ps.setLong(2, seq);
        });
    }

    /**
     * A compare-and-set run in an event's append transaction: if it matches no row, it throws
     * {@link OutboxRowMovedException} and the whole append rolls back.
     */
    private static JdbcTransactionStep step(long seq, String sql, Binder binder) {
        return c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                if (ps.executeUpdate() != 1) {
                    throw new OutboxRowMovedException(seq);
                }
            }
        };
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private int update(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection()) {
            int n;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                n = ps.executeUpdate();
            }
            if (n > 0) {
                try (Statement st = c.createStatement()) {
                    st.execute(Database.SYNC);
                }
            }
            return n;
        } catch (SQLException e) {
            throw new StoreException("Could not update the outbox: " + e.getMessage(), e);
        }
    }

    private List<OutboxMessage> select(String where, Long param) {
        try (Connection c = dataSource.getConnection()) {
            return JdbcOutboxRows.select(c, where, param);
        } catch (SQLException e) {
            throw new StoreException("Could not read the outbox: " + e.getMessage(), e);
        }
    }

    static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static String clip(String s) {
        return s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
