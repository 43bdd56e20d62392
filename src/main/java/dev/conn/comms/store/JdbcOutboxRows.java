package dev.conn.comms.store;

import dev.conn.comms.OutboxMessage;
import dev.conn.incident.IncidentId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * How an outbox row is read, the same for every engine that keeps one: the console's H2 outbox
 * ({@link JdbcOutbox}) and a war room's PostgreSQL outbox (issue 13) share the row's columns and
 * this mapping ({@link #select}).
 */
public final class JdbcOutboxRows {
    /**
     * The columns {@link #read} expects, in order, from {@code outbox o}: the row's own, then the
     * newest external reference of its incident and channel (standard SQL: H2 and PostgreSQL).
     */
    public static final String COLUMNS = "o.seq, o.message_id, o.incident_id, o.channel, o.author, o.subject,"
            + " o.body, o.extras, o.state, o.attempts, o.failures, o.next_attempt_at, o.last_error,"
            + " (SELECT x.external_id FROM outbox x WHERE x.incident_id = o.incident_id AND x.channel = o.channel"
            + " AND x.external_id IS NOT NULL ORDER BY x.seq DESC FETCH FIRST 1 ROW ONLY)";

    private JdbcOutboxRows() {}

    /**
     * @param c a connection to a database with Conn's {@code outbox} table
     * @param where the condition on {@code o}, with at most one {@code ?}
     * @param param the value bound to that {@code ?}, or null if there is none
     * @return the rows that match, oldest first
     * @throws SQLException if the query fails
     */
    public static List<OutboxMessage> select(Connection c, String where, Long param) throws SQLException {
        List<OutboxMessage> out = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT " + COLUMNS + " FROM outbox o WHERE " + where + " ORDER BY o.seq")) {
            if (param != null) {
                ps.setLong(1, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
        }
        return out;
    }

    /**
     * @param rs positioned on a row selected with {@link #COLUMNS}
     * @return the row
     * @throws SQLException if a column cannot be read
     * @throws IllegalArgumentException if the row's state or extras are not Conn's
     */
    public static OutboxMessage read(ResultSet rs) throws SQLException {
        return new OutboxMessage(
                rs.getLong(1),
                rs.getObject(2, UUID.class),
                new IncidentId(rs.getObject(3, UUID.class)),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                ExtrasJson.read(rs.getString(8)),
                OutboxMessage.State.valueOf(rs.getString(9)),
                rs.getInt(10),
                rs.getInt(11),
                rs.getObject(12, OffsetDateTime.class).toInstant(),
                Optional.ofNullable(rs.getString(13)),
                Optional.ofNullable(rs.getString(14)));
    }
}
