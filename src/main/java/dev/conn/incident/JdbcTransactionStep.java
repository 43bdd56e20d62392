package dev.conn.incident;

import java.sql.Connection;
import java.sql.SQLException;

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
}
