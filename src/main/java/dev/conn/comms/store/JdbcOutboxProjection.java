package dev.conn.comms.store;

import dev.conn.incident.CommsEvent;
import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.JdbcProjection;
import dev.conn.incident.Origin;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The transactional outbox's write side (ADR 0005): for each {@code MESSAGE_QUEUED} decided on
 * this console, one {@code QUEUED} row per channel, inserted in the same transaction as the event,
 * so a message the user was told is queued is never lost and never half-written. Events of other
 * origins are history, never sent again: an imported bundle's messages went out when they were
 * queued, and a war room's were sent by the console that decided them. The composition root
 * registers it with the event store ({@code EventStore.jdbc(dataSource, projections)}).
 */
public final class JdbcOutboxProjection implements JdbcProjection {
    private static final String INSERT = "INSERT INTO outbox (message_id, incident_id, channel, author, subject,"
            + " body, extras, state, attempts, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?)";

    @Override
    public Set<EventType> types() {
        return Set.of(EventType.MESSAGE_QUEUED);
    }

    /**
     * {@inheritDoc}
     *
     * @throws SQLException if a row cannot be inserted (a channel twice for one message breaks the
     *     row key): the event is not stored either
     * @throws IllegalStateException if a decided message's id is not a UUID (Conn mints UUIDs)
     */
    @Override
    public void apply(Connection connection, List<Event> events, Origin origin) throws SQLException {
        if (origin != Origin.DECIDED) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
            for (Event e : events) {
                if (!(e.body() instanceof CommsEvent.MessageQueued q)) {
                    continue;
                }
                UUID messageId;
                try {
                    messageId = UUID.fromString(q.messageId());
                } catch (IllegalArgumentException notUuid) {
                    throw new IllegalStateException("message id " + q.messageId() + " is not a UUID", notUuid);
                }
                String extras = ExtrasJson.write(q.extras().orElse(CommsEvent.MessageExtras.NONE));
                for (String channel : q.channelIds()) {
                    ps.setObject(1, messageId);
                    ps.setObject(2, e.incidentId().value());
                    ps.setString(3, channel);
                    ps.setString(4, e.author());
                    ps.setString(5, q.subject());
                    ps.setString(6, q.body());
                    ps.setString(7, extras);
                    ps.setObject(8, JdbcOutbox.utc(e.recordedAt()));
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        } catch (SQLException e) {
            // said as the outbox's failure, never as a key clash (which the store takes for a race
            // on the events' ids and tries again)
            throw new SQLException("the outbox rows cannot be written: " + e.getMessage(), "OUTBX", e);
        }
    }
}
