package dev.conn.warroom.store;

import dev.conn.comms.DispatchLease;
import dev.conn.comms.Outbox;
import dev.conn.comms.OutboxMessage;
import dev.conn.incident.Event;
import dev.conn.incident.IncidentId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The war room's outbox ({@link Outbox}): rows in the war room's PostgreSQL (migration V1), handed
 * over by the console that queued each message when it shares the {@code MESSAGE_QUEUED} event (see
 * {@link dev.conn.warroom.Journal#handOver}), and sent by whichever console holds the war room's
 * {@link JdbcWarRoomLease}. Every state change is a compare-and-set on the state it expects and on
 * the lease's fencing token, exactly as in a console's own outbox; a change that comes with an event
 * ({@code MESSAGE_SENT}, {@code MESSAGE_FAILED}, {@code MESSAGE_DELIVERY_UNKNOWN}) inserts it into
 * the war room's log in the same transaction, so the row and the event commit together and reach
 * every console's journal by the next pull.
 *
 * <p>Queueing stays local: {@link #queue} is the console's own outbox's (its journal acknowledges the
 * message, online or not); the hand-over to this outbox happens when the event is shared.
 */
public final class JdbcWarRoomOutbox implements Outbox {
    private static final String COLUMNS = "o.seq, o.message_id, o.incident_id, o.channel, o.author, o.subject,"
            + " o.body, o.extras, o.state, o.attempts, o.failures, o.next_attempt_at, o.last_error,"
            + " (SELECT x.external_id FROM outbox x WHERE x.incident_id = o.incident_id AND x.channel = o.channel"
            + " AND x.external_id IS NOT NULL ORDER BY x.seq DESC LIMIT 1)";

    /** The fencing check: the war room's dispatch lease still has the token bound at this placeholder. */
    private static final String LEASE_HELD =
            "EXISTS (SELECT 1 FROM dispatch_lease l WHERE l.name = '" + DispatchLease.OUTBOX + "' AND l.token = ?)";

    private final JdbcWarRoomConnections connections;
    private final Outbox local;

    /**
     * @param connections connections to the war room
     * @param local this console's own outbox, where messages are queued
     */
    JdbcWarRoomOutbox(JdbcWarRoomConnections connections, Outbox local) {
        this.connections = connections;
        this.local = local;
    }

    @Override
    public boolean queue(Event queued, List<OutboxMessage> rows) {
        return local.queue(queued, rows);
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
        return connections.with("count the outbox", c -> {
            try (PreparedStatement ps =
                            c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE state IN ('QUEUED', 'IN_FLIGHT')");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    @Override
    public boolean markInFlight(long seq, long token) {
        return update(
                "UPDATE outbox SET state = 'IN_FLIGHT', lease_token = ?, attempts = attempts + 1"
                        + " WHERE seq = ? AND state = 'QUEUED' AND " + LEASE_HELD,
                null,
                token,
                seq,
                token);
    }

    @Override
    public boolean reschedule(long seq, long token, Instant nextAttemptAt, String error, boolean attemptCounted) {
        return update(
                "UPDATE outbox SET state = 'QUEUED', next_attempt_at = ?, last_error = ?, failures = failures + 1,"
                        + " attempts = attempts - ? WHERE seq = ? AND state = 'IN_FLIGHT' AND lease_token = ?",
                null,
                utc(nextAttemptAt),
                clip(error),
                attemptCounted ? 0 : 1,
                seq,
                token);
    }

    @Override
    public boolean markSent(long seq, long token, Instant sentAt, Optional<String> externalId, Event sentEvent) {
        return update(
                "UPDATE outbox SET state = 'SENT', sent_at = ?, external_id = COALESCE(?, external_id)"
                        + " WHERE seq = ? AND state = 'IN_FLIGHT' AND lease_token = ?",
                sentEvent,
                utc(sentAt),
                externalId.orElse(null),
                seq,
                token);
    }

    @Override
    public boolean markFailed(long seq, long token, String reason, Event failedEvent) {
        return update(
                "UPDATE outbox SET state = 'FAILED', last_error = ? WHERE seq = ? AND ("
                        + "(state = 'IN_FLIGHT' AND lease_token = ?) OR (state = 'QUEUED' AND " + LEASE_HELD + "))",
                failedEvent,
                clip(reason),
                seq,
                token,
                token);
    }

    @Override
    public boolean markUnknown(long seq, long token, String reason, Event unknownEvent) {
        return update(
                "UPDATE outbox SET state = 'UNKNOWN', last_error = ? WHERE seq = ? AND state = 'IN_FLIGHT'"
                        + " AND lease_token = ?",
                unknownEvent,
                clip(reason),
                seq,
                token);
    }

    @Override
    public boolean recoverUnknown(long seq, long token, Event unknownEvent) {
        return update(
                "UPDATE outbox SET state = 'UNKNOWN', last_error = ? WHERE seq = ? AND state = 'IN_FLIGHT'"
                        + " AND (lease_token IS NULL OR lease_token < ?) AND " + LEASE_HELD,
                unknownEvent,
                "the console that was sending it stopped (the war room's lease passed to another console)",
                seq,
                token,
                token);
    }

    @Override
    public boolean resend(long seq, Instant at) {
        return update(
                "UPDATE outbox SET state = 'QUEUED', next_attempt_at = ?, failures = 0 WHERE seq = ? AND state = 'UNKNOWN'",
                null,
                utc(at),
                seq);
    }

    @Override
    public boolean confirmSent(long seq, Event sentEvent) {
        return update(
                "UPDATE outbox SET state = 'SENT', sent_at = ? WHERE seq = ? AND state = 'UNKNOWN'",
                sentEvent,
                utc(sentEvent.recordedAt()),
                seq);
    }

    /**
     * Runs one compare-and-set and, if it matched exactly one row, inserts the event into the war
     * room's log in the same transaction.
     *
     * @return false if the expectation no longer held (nothing written)
     */
    private boolean update(String sql, Event event, Object... params) {
        return connections.with("update the outbox", c -> {
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
                if (event != null) {
                    insert(c, event);
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

    @SuppressWarnings("deprecation") // OutboxMessage still carries the untyped extras
    private List<OutboxMessage> select(String where, Long param) {
        return connections.with("read the outbox", c -> {
            List<OutboxMessage> out = new ArrayList<>();
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT " + COLUMNS + " FROM outbox o WHERE " + where + " ORDER BY o.seq")) {
                if (param != null) {
                    ps.setLong(1, param);
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
                                dev.conn.incident.Payload.parse(rs.getString(8)),
                                OutboxMessage.State.valueOf(rs.getString(9)),
                                rs.getInt(10),
                                rs.getInt(11),
                                rs.getObject(12, OffsetDateTime.class).toInstant(),
                                Optional.ofNullable(rs.getString(13)),
                                Optional.ofNullable(rs.getString(14))));
                    }
                }
            }
            return out;
        });
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static String clip(String s) {
        return s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
