package dev.conn.comms.store;

import dev.conn.incident.Event;
import dev.conn.incident.EventCodec;
import dev.conn.incident.EventType;
import dev.conn.incident.IntegrationEvent;
import dev.conn.incident.JdbcProjection;
import dev.conn.incident.Origin;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The outbox rows of the integrations (issue 16; ADR 0005 as for messages): for each {@code
 * TICKET_REQUESTED} and {@code PAGE_REQUESTED} decided on this console, one {@code QUEUED} row on
 * the request's channel, inserted in the same transaction as the event. The row's {@code subject}
 * is a line for the Comms tab; its {@code body} is the request event's own payload ({@link
 * EventCodec#encode}), the snapshot the channel sends ({@code comms.net.IntegrationChannels}), so
 * a war room's sending console sends the same request from the handed-over row. Events of other
 * origins are history, never sent again.
 */
public final class JdbcIntegrationOutboxProjection implements JdbcProjection {
    private static final String INSERT = "INSERT INTO outbox (message_id, incident_id, channel, author, subject,"
            + " body, extras, state, attempts, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, '{}', 'QUEUED', 0, ?)";

    @Override
    public Set<EventType> types() {
        return Set.of(EventType.TICKET_REQUESTED, EventType.PAGE_REQUESTED);
    }

    /**
     * {@inheritDoc}
     *
     * @throws SQLException if a row cannot be inserted: the event is not stored either
     * @throws IllegalStateException if a decided request's id is not a UUID (Conn mints UUIDs)
     */
    @Override
    public void apply(Connection connection, List<Event> events, Origin origin) throws SQLException {
        if (origin != Origin.DECIDED) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
            for (Event e : events) {
                if (!(e.body() instanceof IntegrationEvent r) || r.requestId().isEmpty()) {
                    continue;
                }
                String channel;
                String subject;
                if (r instanceof IntegrationEvent.TicketRequested t) {
                    channel = t.channel();
                    subject = "Ticket: " + t.text();
                } else if (r instanceof IntegrationEvent.PageRequested p) {
                    channel = p.channel();
                    subject = (p.resolves() ? "Resolve page of " : "Page ") + p.targetName();
                } else {
                    continue;
                }
                ps.setObject(1, uuid(r.requestId().get()));
                ps.setObject(2, e.incidentId().value());
                ps.setString(3, channel);
                ps.setString(4, e.author());
                ps.setString(
                        5, subject.length() > 900 ? subject.substring(0, 897) + "..." : subject); // column of 1,000
                ps.setString(6, EventCodec.encode(r));
                ps.setObject(7, JdbcOutbox.utc(e.recordedAt()));
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new SQLException("the outbox rows cannot be written: " + e.getMessage(), "OUTBX", e);
        }
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notUuid) {
            throw new IllegalStateException("request id " + id + " is not a UUID", notUuid);
        }
    }
}
