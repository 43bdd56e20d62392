package dev.conn.warroom.store;

import dev.conn.incident.CommsEvent;
import dev.conn.incident.Event;
import dev.conn.incident.IncidentId;
import dev.conn.incident.StoreException;
import dev.conn.platform.db.Database;
import dev.conn.warroom.SharedMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The hand-over of a console's own outbox rows to the war room's outbox, when their {@code
 * MESSAGE_QUEUED} is shared (see {@link dev.conn.warroom.Journal#handOver}).
 */
final class JdbcHandOver {
    /** A local outbox row handed over to the war room's outbox (its lease holder sends it). */
    static final String SHARED = JdbcJournal.SHARED;

    private JdbcHandOver() {}

    /**
     * Hands the outbox rows of queued messages over to the war room: rows still {@code QUEUED} are
     * marked {@code SHARED} (so this console's own dispatcher never sends them) and returned, with
     * rows handed over before (not yet confirmed shared); committed and synced before returning.
     *
     * @param dataSource the console's H2 database
     * @param queued {@code MESSAGE_QUEUED} events about to be shared
     * @return the rows to share with them
     * @throws StoreException if the outbox cannot be read or written (nothing is handed over)
     */
    static List<SharedMessage> handOver(DataSource dataSource, List<Event> queued) {
        List<UUID> ids = new ArrayList<>();
        for (Event e : queued) {
            try {
                if (e.body() instanceof CommsEvent.MessageQueued q) {
                    ids.add(UUID.fromString(q.messageId()));
                } else if (e.body() instanceof dev.conn.incident.IntegrationEvent r
                        && r.requestId().isPresent()) {
                    ids.add(UUID.fromString(r.requestId().get())); // a ticket or a page rides the same outbox
                }
            } catch (IllegalArgumentException unreadable) {
                // an event whose payload does not fit has no rows to hand over
            }
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        List<SharedMessage> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE outbox SET state = '" + SHARED + "' WHERE message_id = ? AND state = 'QUEUED'")) {
                    for (UUID id : ids) {
                        ps.setObject(1, id);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT message_id, incident_id, channel, author,"
                        + " subject, body, extras, next_attempt_at FROM outbox WHERE message_id = ? AND state = '"
                        + SHARED + "' ORDER BY seq")) {
                    for (UUID id : ids) {
                        ps.setObject(1, id);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                out.add(new SharedMessage(
                                        rs.getObject(1, UUID.class),
                                        new IncidentId(rs.getObject(2, UUID.class)),
                                        rs.getString(3),
                                        rs.getString(4),
                                        rs.getString(5),
                                        rs.getString(6),
                                        rs.getString(7),
                                        rs.getObject(8, OffsetDateTime.class).toInstant()));
                            }
                        }
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            sync(c); // handed over for good before the war room can send it
        } catch (SQLException e) {
            throw new StoreException("Could not hand messages over to the war room: " + e.getMessage(), e);
        }
        return out;
    }

    private static void sync(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(Database.SYNC);
        }
    }
}
