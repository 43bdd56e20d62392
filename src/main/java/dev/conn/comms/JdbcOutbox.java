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
 * The H2 outbox (table {@code outbox}, migration V4). Writes that go with an event use {@link
 * EventStore#append(Event, dev.conn.incident.JdbcTransactionStep)}, so event and row commit
 * together under the append lock and are synced; other state changes are synced too.
 */
public final class JdbcOutbox implements Outbox {
    private static final String COLUMNS = "o.seq, o.message_id, o.incident_id, o.channel, o.author, o.subject,"
            + " o.body, o.extras, o.state, o.attempts, o.next_attempt_at, o.last_error,"
            + " (SELECT x.external_id FROM outbox x WHERE x.incident_id = o.incident_id AND x.channel = o.channel"
            + " AND x.external_id IS NOT NULL ORDER BY x.seq DESC FETCH FIRST 1 ROW ONLY)";

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
    public List<OutboxMessage> inFlight() {
        return select("o.state = 'IN_FLIGHT'", null);
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
    public void markInFlight(long seq) {
        update(
                "UPDATE outbox SET state = 'IN_FLIGHT', attempts = attempts + 1 WHERE seq = ?",
                ps -> ps.setLong(1, seq));
    }

    @Override
    public void reschedule(long seq, Instant nextAttemptAt, Optional<String> error) {
        update("UPDATE outbox SET state = 'QUEUED', next_attempt_at = ?, last_error = ? WHERE seq = ?", ps -> {
            ps.setObject(1, utc(nextAttemptAt));
            ps.setString(2, error.map(JdbcOutbox::clip).orElse(null));
            ps.setLong(3, seq);
        });
    }

    @Override
    public void markSent(long seq, Instant sentAt, Optional<String> externalId, Event sentEvent) {
        withEvent(sentEvent, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE outbox SET state = 'SENT', sent_at = ?, external_id = COALESCE(?, external_id) WHERE seq = ?")) {
                ps.setObject(1, utc(sentAt));
                ps.setString(2, externalId.orElse(null));
                ps.setLong(3, seq);
                ps.executeUpdate();
            }
        });
    }

    @Override
    public void markFailed(long seq, String reason, Event failedEvent) {
        withEvent(failedEvent, c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE outbox SET state = 'FAILED', last_error = ? WHERE seq = ?")) {
                ps.setString(1, clip(reason));
                ps.setLong(2, seq);
                ps.executeUpdate();
            }
        });
    }

    @Override
    public void markUnknown(long seq, Event unknownEvent) {
        withEvent(unknownEvent, c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE outbox SET state = 'UNKNOWN' WHERE seq = ? AND state = 'IN_FLIGHT'")) {
                ps.setLong(1, seq);
                ps.executeUpdate();
            }
        });
    }

    /**
     * Puts an UNKNOWN row back in the queue: the user chose to resend.
     *
     * @param seq the row
     * @param at not before this instant
     */
    public void resend(long seq, Instant at) {
        update("UPDATE outbox SET state = 'QUEUED', next_attempt_at = ? WHERE seq = ? AND state = 'UNKNOWN'", ps -> {
            ps.setObject(1, utc(at));
            ps.setLong(2, seq);
        });
    }

    private void withEvent(Event e, dev.conn.incident.JdbcTransactionStep step) {
        store.append(e, step);
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private void update(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                ps.executeUpdate();
            }
            try (Statement st = c.createStatement()) {
                st.execute(Database.SYNC);
            }
        } catch (SQLException e) {
            throw new StoreException("Could not update the outbox: " + e.getMessage(), e);
        }
    }

    private List<OutboxMessage> select(String where, Long seq) {
        List<OutboxMessage> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT " + COLUMNS + " FROM outbox o WHERE " + where + " ORDER BY o.seq")) {
            if (seq != null) {
                ps.setLong(1, seq);
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
                            rs.getObject(11, OffsetDateTime.class).toInstant(),
                            Optional.ofNullable(rs.getString(12)),
                            Optional.ofNullable(rs.getString(13))));
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
