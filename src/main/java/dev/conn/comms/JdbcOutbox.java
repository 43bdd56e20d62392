package dev.conn.comms;

import dev.conn.incident.Event;
import dev.conn.incident.EventStore;
import dev.conn.incident.IncidentId;
import dev.conn.incident.Payload;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The H2 outbox (table {@code outbox}, migrations V4 and V5). Writes that go with an event use
 * {@link EventStore#append(Event, dev.conn.incident.JdbcTransactionStep)}, so event and row commit
 * together under the append lock and are synced; other state changes are synced too. Every change
 * is a compare-and-set ({@code UPDATE ... WHERE state = ? AND lease_token = ?}, see {@link Outbox}),
 * fenced by the token in {@code dispatch_lease}.
 */
public final class JdbcOutbox implements Outbox {
    private static final String COLUMNS = "o.seq, o.message_id, o.incident_id, o.channel, o.author, o.subject,"
            + " o.body, o.extras, o.state, o.attempts, o.failures, o.next_attempt_at, o.last_error,"
            + " (SELECT x.external_id FROM outbox x WHERE x.incident_id = o.incident_id AND x.channel = o.channel"
            + " AND x.external_id IS NOT NULL ORDER BY x.seq DESC FETCH FIRST 1 ROW ONLY)";

    /** The fencing check: the dispatch lease still has the token bound at this placeholder. */
    private static final String LEASE_HELD =
            "EXISTS (SELECT 1 FROM dispatch_lease l WHERE l.name = '" + DispatchLease.OUTBOX + "' AND l.token = ?)";

    private final DataSource dataSource;
    private final EventStore store;

    /**
     * @param dataSource the migrated database
     * @param store the event store on the same database
     */
    public JdbcOutbox(DataSource dataSource, EventStore store) {
        this.dataSource = dataSource;
        this.store = store;
    }

    @Override
    public boolean queue(Event queued, List<OutboxMessage> rows) {
        return store.append(queued, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox (message_id, incident_id, channel,"
                    + " author, subject, body, extras, state, attempts, next_attempt_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?)")) {
                for (OutboxMessage m : rows) {
                    ps.setObject(1, m.messageId());
                    ps.setObject(2, m.incidentId().value());
                    ps.setString(3, m.channel());
                    ps.setString(4, m.author());
                    ps.setString(5, m.subject());
                    ps.setString(6, m.body());
                    ps.setString(7, m.extras().json());
                    ps.setObject(8, utc(m.nextAttemptAt()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
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
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM outbox WHERE state IN ('QUEUED', 'IN_FLIGHT')")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new StoreException("Could not count the outbox: " + e.getMessage(), e);
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
    public boolean markSent(long seq, long token, Instant sentAt, Optional<String> externalId, Event sentEvent) {
        return withEvent(
                sentEvent,
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
    public boolean markFailed(long seq, long token, String reason, Event failedEvent) {
        return withEvent(
                failedEvent,
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
    public boolean markUnknown(long seq, long token, String reason, Event unknownEvent) {
        return withEvent(
                unknownEvent,
                "UPDATE outbox SET state = 'UNKNOWN', last_error = ?"
                        + " WHERE seq = ? AND state = 'IN_FLIGHT' AND lease_token = ?",
                ps -> {
                    ps.setString(1, clip(reason));
                    ps.setLong(2, seq);
                    ps.setLong(3, token);
                });
    }

    @Override
    public boolean recoverUnknown(long seq, long token, Event unknownEvent) {
        return withEvent(
                unknownEvent,
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
    public boolean confirmSent(long seq, Event sentEvent) {
        return withEvent(
                sentEvent, "UPDATE outbox SET state = 'SENT', sent_at = ? WHERE seq = ? AND state = 'UNKNOWN'", ps -> {
                    ps.setObject(1, utc(sentEvent.recordedAt()));
                    ps.setLong(2, seq);
                });
    }

    /**
     * Appends the event and runs the compare-and-set in its transaction; if the update matches no
     * row, the whole append rolls back.
     *
     * @return false if the compare-and-set failed (nothing was written)
     */
    private boolean withEvent(Event e, String sql, Binder binder) {
        try {
            store.append(e, c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    binder.bind(ps);
                    if (ps.executeUpdate() != 1) {
                        throw new ExpectationFailed();
                    }
                }
            });
            return true;
        } catch (ExpectationFailed x) {
            return false;
        }
    }

    /** The compare-and-set matched no row: rolls the event's append back. */
    private static final class ExpectationFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ExpectationFailed() {
            super("the outbox row moved meanwhile", null, false, false);
        }
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
        List<OutboxMessage> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT " + COLUMNS + " FROM outbox o WHERE " + where + " ORDER BY o.seq")) {
            if (param != null) {
                ps.setLong(1, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new OutboxMessage(
                            rs.getLong(1),
                            rs.getObject(2, UUID.class),
                            new IncidentId(rs.getObject(3, UUID.class)),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            Payload.parse(rs.getString(8)),
                            OutboxMessage.State.valueOf(rs.getString(9)),
                            rs.getInt(10),
                            rs.getInt(11),
                            rs.getObject(12, OffsetDateTime.class).toInstant(),
                            Optional.ofNullable(rs.getString(13)),
                            Optional.ofNullable(rs.getString(14))));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read the outbox: " + e.getMessage(), e);
        }
        return out;
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static String clip(String s) {
        return s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
