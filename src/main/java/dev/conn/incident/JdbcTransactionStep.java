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

    /**
     * True for a step kept in another database that must commit there <em>before</em> the local
     * append, so that no network call happens while the local append lock is held (a war room's
     * outbox, issue 13, ADR 0021). The one writer then calls {@link #commitFirst} with the stamped
     * events, and stores them locally only if it returns; the step itself never runs in the local
     * transaction.
     *
     * @return false by default: the step runs inside the local append
     */
    default boolean commitsFirst() {
        return false;
    }

    /**
     * For a step that {@link #commitsFirst()}: commits it in its own database together with the
     * events about to be appended locally (their ids are final). If it throws, nothing is stored
     * locally; if it returns, the one writer stores the same events (a copy that reaches the
     * journal another way first, such as a war room's pull, is kept once: events keep their id).
     *
     * @param events the events the append will store, stamped, in order (never empty)
     * @throws RuntimeException to refuse (nothing is stored locally)
     */
    default void commitFirst(List<Event> events) {
        throw new UnsupportedOperationException("this step runs inside the local append");
    }
}
