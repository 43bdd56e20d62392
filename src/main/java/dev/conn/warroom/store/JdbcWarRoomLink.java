package dev.conn.warroom.store;

import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentId;
import dev.conn.warroom.Person;
import dev.conn.warroom.PersonSeen;
import dev.conn.warroom.Position;
import dev.conn.warroom.ServerEvent;
import dev.conn.warroom.SharedMessage;
import dev.conn.warroom.WarRoomLink;
import dev.conn.warroom.WarRoomRefusedException;
import dev.conn.warroom.WarRoomUnreachableException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * One console's open link to the war room's PostgreSQL: a connection for pushes, pulls and
 * presence, and a second one that only {@code LISTEN}s on {@value #CHANNEL} (woken by the trigger
 * of every insert into {@code event}) on a daemon thread. If either connection breaks, the next call
 * throws {@link WarRoomUnreachableException}.
 */
final class JdbcWarRoomLink implements WarRoomLink {
    /** The notification channel of migration V1's trigger. */
    static final String CHANNEL = "conn_war_room";

    private static final String EVENT_COLUMNS =
            "server_seq, id, incident_id, occurred_at, recorded_at, author, type, payload, recorded_by, arrived_at";

    private final Connection c;
    private final UUID warRoomId;
    private final String role;
    private final Thread listener;
    private final Connection listening;
    private volatile boolean closed;
    private volatile SQLException listenerFailure;

    /**
     * @param c a connection on a prepared schema (auto-commit on)
     * @param open opens the listening connection
     * @param onServerChange told of every notification
     * @throws SQLException if the war room's id or the role cannot be read
     */
    JdbcWarRoomLink(Connection c, Supplier<Connection> open, Runnable onServerChange) throws SQLException {
        this.c = c;
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT (SELECT id FROM war_room LIMIT 1), current_user")) {
            rs.next();
            this.warRoomId = rs.getObject(1, UUID.class);
            this.role = rs.getString(2);
        }
        this.listening = open.get();
        try (Statement st = listening.createStatement()) {
            st.execute("LISTEN " + CHANNEL);
        } catch (SQLException e) {
            closeQuietly(listening);
            throw e;
        }
        this.listener = new Thread(() -> listen(onServerChange), "conn-war-room-listen");
        listener.setDaemon(true);
        listener.start();
    }

    private void listen(Runnable onServerChange) {
        PGConnection pg;
        try {
            pg = listening.unwrap(PGConnection.class);
        } catch (SQLException e) {
            listenerFailure = e;
            onServerChange.run();
            return;
        }
        while (!closed) {
            try {
                PGNotification[] got = pg.getNotifications(500);
                if (got != null && got.length > 0) {
                    onServerChange.run();
                }
            } catch (SQLException e) {
                if (!closed) {
                    listenerFailure = e;
                    onServerChange.run(); // the replicator's next call notices the broken link
                }
                return;
            }
        }
    }

    @Override
    public UUID warRoomId() {
        return warRoomId;
    }

    @Override
    public String role() {
        return role;
    }

    @Override
    public List<Position> push(List<Event> events, List<SharedMessage> messages) {
        checkListener();
        try {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO event (id, incident_id, occurred_at,"
                                + " recorded_at, author, type, payload) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
                    for (Event e : events) {
                        ps.setObject(1, e.id());
                        ps.setObject(2, e.incidentId().value());
                        ps.setString(3, e.occurredAt().toString());
                        ps.setString(4, e.recordedAt().toString());
                        ps.setString(5, e.author());
                        ps.setString(6, e.type().name());
                        ps.setString(7, e.payloadJson());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                if (!messages.isEmpty()) {
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO outbox (message_id, incident_id,"
                                    + " channel, author, subject, body, extras, state, next_attempt_at)"
                                    + " VALUES (?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?) ON CONFLICT (message_id, channel) DO NOTHING")) {
                        for (SharedMessage m : messages) {
                            ps.setObject(1, m.messageId());
                            ps.setObject(2, m.incidentId().value());
                            ps.setString(3, m.channel());
                            ps.setString(4, m.author());
                            ps.setString(5, m.subject());
                            ps.setString(6, m.body());
                            ps.setString(7, m.extrasJson());
                            ps.setObject(8, OffsetDateTime.ofInstant(m.nextAttemptAt(), ZoneOffset.UTC));
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                }
                Map<UUID, Position> found = new HashMap<>();
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT id, server_seq, recorded_by, incident_id FROM event WHERE id = ANY(?)")) {
                    Array ids = c.createArrayOf(
                            "uuid", events.stream().map(Event::id).toArray());
                    ps.setArray(1, ids);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            UUID id = rs.getObject(1, UUID.class);
                            found.put(id, new Position(id, rs.getLong(2), rs.getString(3)));
                        }
                    }
                }
                c.commit();
                List<Position> out = new ArrayList<>(events.size());
                for (Event e : events) {
                    Position p = found.get(e.id());
                    if (p == null) {
                        throw new IllegalStateException("the war room did not keep event " + e.id());
                    }
                    out.add(p);
                }
                return out;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly();
                throw e;
            } finally {
                autoCommitQuietly();
            }
        } catch (SQLException e) {
            throw failure("share " + events.size() + " events", e);
        }
    }

    @Override
    public List<ServerEvent> pull(long after, int limit) {
        checkListener();
        List<ServerEvent> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + EVENT_COLUMNS + " FROM event WHERE server_seq > ? ORDER BY server_seq LIMIT ?")) {
            ps.setLong(1, after);
            ps.setInt(2, limit);
            ps.setFetchSize(500);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
        } catch (SQLException e) {
            throw failure("read what the war room shared", e);
        }
        return out;
    }

    private static ServerEvent read(ResultSet rs) throws SQLException {
        long seq = rs.getLong(1);
        String typeName = rs.getString(7);
        EventType type;
        try {
            type = EventType.valueOf(typeName);
        } catch (IllegalArgumentException e) {
            throw new WarRoomRefusedException(
                    "The war room holds an event of a type this Conn does not know (" + typeName + ", at position "
                            + seq + "): another console runs a newer Conn. Update Conn on this machine; until then"
                            + " this console works alone.",
                    e);
        }
        Event event;
        try {
            event = Event.stored(
                    rs.getObject(2, UUID.class),
                    new IncidentId(rs.getObject(3, UUID.class)),
                    Instant.parse(rs.getString(4)),
                    Instant.parse(rs.getString(5)),
                    rs.getString(6),
                    type,
                    rs.getString(8));
        } catch (java.time.format.DateTimeParseException e) {
            throw new WarRoomRefusedException(
                    "The war room holds an event this Conn cannot read (position " + seq + ": " + e.getMessage()
                            + "). Until it is fixed this console works alone.",
                    e);
        }
        Timestamp arrived = rs.getTimestamp(10);
        return new ServerEvent(event, seq, rs.getString(9), arrived.toInstant());
    }

    @Override
    public Optional<UUID> eventAt(long serverSeq) {
        checkListener();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM event WHERE server_seq = ?")) {
            ps.setLong(1, serverSeq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read the war room", e);
        }
    }

    @Override
    public void heartbeat(Person person, UUID consoleId) {
        checkListener();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO console_presence (person_id, display_name,"
                + " console_id) VALUES (?, ?, ?) ON CONFLICT (person_id) DO UPDATE SET display_name ="
                + " excluded.display_name, console_id = excluded.console_id, signed_off = false, connected_at ="
                + " CASE WHEN console_presence.signed_off OR console_presence.last_seen < clock_timestamp()"
                + " - interval '15 seconds' THEN clock_timestamp() ELSE console_presence.connected_at END")) {
            ps.setString(1, person.id());
            ps.setString(2, person.name());
            ps.setObject(3, consoleId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("say this console is connected", e);
        }
    }

    @Override
    public void signOff(Person person) {
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE console_presence SET signed_off = true WHERE person_id = ?")) {
            ps.setString(1, person.id());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("sign off", e);
        }
    }

    @Override
    public List<PersonSeen> people() {
        checkListener();
        List<PersonSeen> out = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT person_id, display_name, recorded_by, last_seen, signed_off,"
                        + " clock_timestamp() FROM console_presence ORDER BY display_name, person_id")) {
            while (rs.next()) {
                out.add(new PersonSeen(
                        new Person(rs.getString(1), rs.getString(2)),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getBoolean(5),
                        rs.getTimestamp(6).toInstant()));
            }
        } catch (SQLException e) {
            throw failure("read who is in the war room", e);
        }
        return out;
    }

    private void checkListener() {
        SQLException f = listenerFailure;
        if (f != null) {
            throw new WarRoomUnreachableException("Lost the war room's notifications: " + f.getMessage(), f);
        }
    }

    /** A failure of a call on an open link: refused for a missing grant, else the link broke. */
    private RuntimeException failure(String what, SQLException e) {
        if ("42501".equals(e.getSQLState())) {
            return new WarRoomRefusedException(
                    "Role " + role + " may not " + what + " (" + JdbcWarRoomErrors.firstLine(e.getMessage())
                            + "). See the README, War room, for the grants.",
                    e);
        }
        return new WarRoomUnreachableException(
                "Lost the war room while trying to " + what + ": "
                        + JdbcWarRoomErrors.firstLine(String.valueOf(e.getMessage())),
                e);
    }

    private void rollbackQuietly() {
        try {
            c.rollback();
        } catch (SQLException e) {
            // the connection is gone; the transaction with it
        }
    }

    private void autoCommitQuietly() {
        try {
            c.setAutoCommit(true);
        } catch (SQLException e) {
            // the connection is gone
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(listening);
        closeQuietly(c);
        try {
            listener.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Connection x) {
        try {
            x.close();
        } catch (SQLException e) {
            // already broken
        }
    }
}
