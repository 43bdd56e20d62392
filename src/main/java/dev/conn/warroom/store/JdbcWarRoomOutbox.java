package dev.conn.warroom.store;

import dev.conn.comms.DispatchLease;
import dev.conn.comms.Outbox;
import dev.conn.comms.OutboxMessage;
import dev.conn.comms.OutboxRowMovedException;
import dev.conn.comms.store.JdbcOutboxRows;
import dev.conn.incident.Event;
import dev.conn.incident.JdbcTransactionStep;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The war room's outbox ({@link Outbox}): rows in the war room's PostgreSQL (migration V1), handed
 * over by the console that queued each message when it shares the {@code MESSAGE_QUEUED} event (see
 * {@link dev.conn.warroom.Journal#handOver}), and sent by whichever console holds the war room's
 * {@link JdbcWarRoomLease}. Every state change is a compare-and-set on the state it expects and on
 * the lease's fencing token, exactly as in a console's own outbox.
 *
 * <p>A change that comes with an event ({@code MESSAGE_SENT}, {@code MESSAGE_FAILED}, {@code
 * MESSAGE_DELIVERY_UNKNOWN}) is a {@link JdbcTransactionStep} that {@linkplain
 * JdbcTransactionStep#commitsFirst() commits first} (through the one writer, {@code
 * IncidentLog.execute(..., step)}): once the writer has decided and stamped the event, and before it
 * takes the local append lock, the step runs the compare-and-set in PostgreSQL and inserts the event
 * into the war room's log in the same PostgreSQL transaction, and commits that; only then is the
 * event appended locally. If the compare-and-set matches no row, it throws {@link
 * OutboxRowMovedException} and nothing is recorded anywhere. If the console dies (or the local
 * append fails) after PostgreSQL committed, the event is in the war room's log and comes with the
 * next pull (events keep their id, and a journal stores an id once). So the row and its event
 * always commit together in the war room, every console's journal records the outcome once, and a
 * hung server never holds this console's local append lock: its other entries go on
 * (ADR 0021). {@link #STEP_TIMEOUT_MS} bounds how long the dispatcher itself waits.
 *
 * <p>Queueing stays local: the {@code MESSAGE_QUEUED} event's projection writes the console's own
 * outbox rows (its journal acknowledges the message, online or not); the hand-over to this outbox
 * happens when the event is shared.
 */
public final class JdbcWarRoomOutbox implements Outbox {
    /** The fencing check: the war room's dispatch lease still has the token bound at this placeholder. */
    private static final String LEASE_HELD =
            "EXISTS (SELECT 1 FROM dispatch_lease l WHERE l.name = '" + DispatchLease.OUTBOX + "' AND l.token = ?)";

    /**
     * The longest an outcome's compare-and-set waits for the war room (ms), before the local append
     * (no local lock is held meanwhile).
     */
    static final int STEP_TIMEOUT_MS = 10_000;

    private final JdbcWarRoomConnections connections;

    /** @param connections connections to the war room */
    JdbcWarRoomOutbox(JdbcWarRoomConnections connections) {
        this.connections = connections;
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
    public List<OutboxMessage> inFlightBefore(long token) {
        return select("o.state = 'IN_FLIGHT' AND (o.lease_token IS NULL OR o.lease_token < ?)", token);
    }

    @Override
    public int waiting() {
        return connections.with("count the outbox", JdbcWarRoomOutbox::waiting);
    }

    @Override
    public Summary summary() {
        return connections.with(
                "read the outbox", c -> new Summary(waiting(c), JdbcOutboxRows.select(c, "o.state = 'UNKNOWN'", null)));
    }

    private static int waiting(Connection c) throws SQLException {
        try (PreparedStatement ps =
                        c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE state IN ('QUEUED', 'IN_FLIGHT')");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Override
    public boolean markInFlight(long seq, long token) {
        return update(
                "UPDATE outbox SET state = 'IN_FLIGHT', lease_token = ?, attempts = attempts + 1"
                        + " WHERE seq = ? AND state = 'QUEUED' AND " + LEASE_HELD,
                List.of(),
                token,
                seq,
                token);
    }

    @Override
    public boolean reschedule(long seq, long token, Instant nextAttemptAt, String error, boolean attemptCounted) {
        return update(
                "UPDATE outbox SET state = 'QUEUED', next_attempt_at = ?, last_error = ?, failures = failures + 1,"
                        + " attempts = attempts - ? WHERE seq = ? AND state = 'IN_FLIGHT' AND lease_token = ?",
                List.of(),
                utc(nextAttemptAt),
                clip(error),
                attemptCounted ? 0 : 1,
                seq,
                token);
    }

    @Override
    public JdbcTransactionStep markSent(long seq, long token, Instant sentAt, Optional<String> externalId) {
        return new SharedStep(
                seq,
                "UPDATE outbox SET state = 'SENT', sent_at = ?, external_id = COALESCE(?, external_id)"
                        + " WHERE seq = ? AND state = 'IN_FLIGHT' AND lease_token = ?",
                utc(sentAt),
                externalId.orElse(null),
                seq,
                token);
    }

    @Override
    public JdbcTransactionStep markFailed(long seq, long token, String reason) {
        return new SharedStep(
                seq,
                "UPDATE outbox SET state = 'FAILED', last_error = ? WHERE seq = ? AND ("
                        + "(state = 'IN_FLIGHT' AND lease_token = ?) OR (state = 'QUEUED' AND " + LEASE_HELD + "))",
                clip(reason),
                seq,
                token,
                token);
    }

    @Override
    public JdbcTransactionStep markUnknown(long seq, long token, String reason) {
        return new SharedStep(
                seq,
                "UPDATE outbox SET state = 'UNKNOWN', last_error = ? WHERE seq = ? AND state = 'IN_FLIGHT'"
                        + " AND lease_token = ?",
                clip(reason),
                seq,
                token);
    }

    @Override
    public JdbcTransactionStep recoverUnknown(long seq, long token) {
        return new SharedStep(
                seq,
                "UPDATE outbox SET state = 'UNKNOWN', last_error = ? WHERE seq = ? AND state = 'IN_FLIGHT'"
                        + " AND (lease_token IS NULL OR lease_token < ?) AND " + LEASE_HELD,
                "the console that was sending it stopped (the war room's lease passed to another console)",
                seq,
                token,
                token);
    }

    @Override
    public boolean resend(long seq, Instant at) {
        return update(
                "UPDATE outbox SET state = 'QUEUED', next_attempt_at = ?, failures = 0 WHERE seq = ? AND state = 'UNKNOWN'",
                List.of(),
                utc(at),
                seq);
    }

    @Override
    public JdbcTransactionStep confirmSent(long seq, Instant sentAt) {
        return new SharedStep(
                seq,
                "UPDATE outbox SET state = 'SENT', sent_at = ? WHERE seq = ? AND state = 'UNKNOWN'",
                utc(sentAt),
                seq);
    }

    /**
     * A compare-and-set in the war room, committed before the local append of its events: it writes
     * the events to the war room's log in the same PostgreSQL transaction, and throws {@link
     * OutboxRowMovedException} (nothing is appended locally) if the row had moved on.
     */
    private final class SharedStep implements JdbcTransactionStep {
        private final long seq;
        private final String sql;
        private final Object[] params;

        SharedStep(long seq, String sql, Object... params) {
            this.seq = seq;
            this.sql = sql;
            this.params = params;
        }

        @Override
        public void run(Connection local) throws SQLException {
            // never inside the local append: the war room commits first (no network under the append lock)
            throw new SQLException("the war room's outbox commits before the local append, never inside it");
        }

        @Override
        public boolean commitsFirst() {
            return true;
        }

        @Override
        public void commitFirst(List<Event> events) {
            if (!update(sql, events, params)) {
                throw new OutboxRowMovedException(seq);
            }
        }
    }

    /**
     * Runs one compare-and-set and, if it matched exactly one row, inserts the events into the war
     * room's log in the same transaction. With events (an outcome, before its local append), the
     * connection's network timeout is {@link #STEP_TIMEOUT_MS} meanwhile.
     *
     * @return false if the expectation no longer held (nothing written)
     * @throws dev.conn.incident.StoreException if the war room cannot be reached or the commit's
     *     answer is lost (the events, if committed, come back with the next pull)
     */
    private boolean update(String sql, List<Event> events, Object... params) {
        return connections.with("update the outbox", c -> {
            int timeout = c.getNetworkTimeout();
            if (!events.isEmpty()) {
                c.setNetworkTimeout(Runnable::run, STEP_TIMEOUT_MS);
            }
            c.setAutoCommit(false);
            try {
                int n;
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = 0; i < params.length; i++) {
                        ps.setObject(i + 1, params[i]);
                    }
                    n = ps.executeUpdate();
                }
                if (n != 1) {
                    c.rollback();
                    return false;
                }
                for (Event e : events) {
                    insert(c, e);
                }
                c.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException ignored) {
                    // the connection broke: the transaction is gone with it
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
                if (!events.isEmpty()) {
                    c.setNetworkTimeout(Runnable::run, timeout);
                }
            }
        });
    }

    private static void insert(Connection c, Event e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO event (id, incident_id, occurred_at, recorded_at,"
                + " author, type, payload) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
            ps.setObject(1, e.id());
            ps.setObject(2, e.incidentId().value());
            ps.setString(3, e.occurredAt().toString());
            ps.setString(4, e.recordedAt().toString());
            ps.setString(5, e.author());
            ps.setString(6, e.type().name());
            ps.setString(7, e.payloadJson());
            ps.executeUpdate();
        }
    }

    private List<OutboxMessage> select(String where, Long param) {
        return connections.with("read the outbox", c -> JdbcOutboxRows.select(c, where, param));
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static String clip(String s) {
        return s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
