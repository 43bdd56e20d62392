package dev.conn.incident;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Extra SQL run inside the transaction of an event append (for example the outbox rows of a
 * {@code MESSAGE_QUEUED} event), so the event and the rows commit together or not at all. It runs
 * after the event row is inserted, holding the append lock, and must not commit or roll back.
 */
@FunctionalInterface
public interface JdbcTransactionStep {
    /**
     * @param connection the append's connection, auto-commit off
     * @throws SQLException to roll the whole append back
     */
    void run(Connection connection) throws SQLException;

    /**
     * What the event store calls: the step with the events the append newly stored, for a step
     * that must carry them elsewhere in its own transaction (the war room's outbox writes the
     * delivery event to the war room's log with the row's compare-and-set, issue 13). By default
     * it runs {@link #run(Connection)}.
     *
     * @param connection the append's connection, auto-commit off
     * @param stored the events this append newly stored, in order (never empty)
     * @throws SQLException to roll the whole append back
     */
    default void run(Connection connection, List<Event> stored) throws SQLException {
        run(connection);
    }
}
