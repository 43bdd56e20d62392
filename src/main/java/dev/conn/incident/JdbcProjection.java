package dev.conn.incident;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * Rows kept in the same database as the log and written in the same transaction as the events
 * they follow (the transactional outbox: a {@code MESSAGE_QUEUED} event and its outbox rows commit
 * together or not at all). Registered with the JDBC event store by the composition root.
 */
public interface JdbcProjection {
    /** @return the event types it acts on */
    Set<EventType> types();

    /**
     * Runs inside the append's transaction, holding the append lock, after the events are inserted;
     * must not commit or roll back.
     *
     * @param connection the append's connection, auto-commit off
     * @param events the newly stored events of {@link #types()}, in order (never empty)
     * @param origin where they come from; a projection may act on some origins only
     * @throws SQLException to roll the whole append back
     */
    void apply(Connection connection, List<Event> events, Origin origin) throws SQLException;
}
