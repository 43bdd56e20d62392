package dev.conn.warroom.store;

import dev.conn.incident.CommandFold;
import dev.conn.incident.CommsEvent;
import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentLog;
import dev.conn.incident.Origin;
import dev.conn.incident.StoreException;
import dev.conn.platform.db.Database;
import dev.conn.warroom.Journal;
import dev.conn.warroom.Position;
import dev.conn.warroom.ServerEvent;
import dev.conn.warroom.SharedMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The console's H2 journal as the war room sees it (migration V6: {@code event.server_seq} and
 * {@code event.server_role}; the cursor, the war room's id and this console's id in {@code
 * console_state}). Replicated events are stored through the one writer ({@link IncidentLog#store}
 * with {@link Origin#REPLICATED}), their positions and the cursor in the same transaction; this class
 * only reads events and writes sync metadata (positions, cursor) and the outbox's hand-over mark.
 */
public final class JdbcJournal implements Journal {
    static final String WAR_ROOM_ID = "warroom.id";
    static final String CURSOR = "warroom.cursor";
    static final String CONSOLE_ID = "warroom.console";

    /** A local outbox row handed over to the war room's outbox (its lease holder sends it). */
    public static final String SHARED = dev.conn.comms.OutboxMessage.State.SHARED.name();

    private static final String COLUMNS = "id, incident_id, occurred_at, recorded_at, author, type, payload";

    private final DataSource dataSource;
    private final IncidentLog log;

    /**
     * @param dataSource the console's migrated H2 database
     * @param log the one writer on the same database
     */
    public JdbcJournal(DataSource dataSource, IncidentLog log) {
        this.dataSource = dataSource;
        this.log = log;
    }

    @Override
    public Optional<UUID> warRoomId() {
        return state(WAR_ROOM_ID).map(UUID::fromString);
    }

    @Override
    public void bindWarRoom(UUID id) {
        setState(WAR_ROOM_ID, id.toString());
    }

    @Override
    public UUID consoleId() {
        Optional<String> id = state(CONSOLE_ID);
        if (id.isPresent()) {
            return UUID.fromString(id.get());
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO console_state (name, val)"
                        + " SELECT ?, ? FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM console_state WHERE name = ?)")) {
            ps.setString(1, CONSOLE_ID);
            ps.setString(2, UUID.randomUUID().toString());
            ps.setString(3, CONSOLE_ID);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Could not name this console: " + e.getMessage(), e);
        }
        return UUID.fromString(state(CONSOLE_ID).orElseThrow());
    }

    @Override
    public long cursor() {
        return state(CURSOR).map(Long::parseLong).orElse(0L);
    }

    @Override
    public List<Event> unshared(int limit) {
        List<Event> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                        + " FROM event WHERE server_seq IS NULL ORDER BY seq FETCH FIRST ? ROWS ONLY")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read the events to share: " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public int unsharedCount() {
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM event WHERE server_seq IS NULL")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new StoreException("Could not count the events to share: " + e.getMessage(), e);
        }
    }

    @Override
    public List<SharedMessage> handOver(List<Event> queued) {
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

    @Override
    public void markShared(List<Position> positions) {
        if (positions.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                setPositions(c, positions);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("Could not record what was shared: " + e.getMessage(), e);
        }
    }

    @Override
    public Stored storeReplicated(List<ServerEvent> events) {
        if (events.isEmpty()) {
            return new Stored(List.of(), Set.of());
        }
        List<Position> positions = events.stream().map(ServerEvent::position).toList();
        long cursor = events.get(events.size() - 1).serverSeq();
        Set<UUID> held = held(events.stream().map(e -> e.event().id()).toList());
        List<ServerEvent> fresh =
                events.stream().filter(e -> !held.contains(e.event().id())).toList();
        Set<IncidentId> reordered = new HashSet<>();
        List<Event> stored = List.of();
        if (!fresh.isEmpty()) {
            stored = log.store(fresh.stream().map(ServerEvent::event).toList(), Origin.REPLICATED, Optional.of(c -> {
                setPositions(c, positions);
                setCursor(c, cursor, false);
                reordered.addAll(reordered(c, fresh));
            }));
        }
        if (stored.isEmpty()) {
            // nothing new (this console's own events coming back): positions and cursor only
            reordered.clear();
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    setPositions(c, positions);
                    setCursor(c, cursor, false);
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw new StoreException("Could not record the war room's positions: " + e.getMessage(), e);
            }
        }
        return new Stored(stored, reordered);
    }

    /**
     * Incidents where a fresh event lands before events this journal already held, in the log's
     * order (server position, unshared last), when both sides hold events a one-winner decision
     * reads ({@link CommandFold#TYPES}): only there can the winner change.
     */
    private static Set<IncidentId> reordered(Connection c, List<ServerEvent> fresh) throws SQLException {
        Map<IncidentId, Long> firstPosition = new HashMap<>();
        Set<UUID> freshIds = new HashSet<>();
        for (ServerEvent e : fresh) {
            freshIds.add(e.event().id());
            if (CommandFold.TYPES.contains(e.event().type())) {
                firstPosition.merge(e.event().incidentId(), e.serverSeq(), Math::min);
            }
        }
        if (firstPosition.isEmpty()) {
            return Set.of();
        }
        String types = CommandFold.TYPES.stream().map(t -> "'" + t.name() + "'").collect(Collectors.joining(", "));
        Set<IncidentId> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM event WHERE incident_id = ? AND type IN ("
                + types + ") AND (server_seq IS NULL OR server_seq > ?)")) {
            for (Map.Entry<IncidentId, Long> en : firstPosition.entrySet()) {
                ps.setObject(1, en.getKey().value());
                ps.setLong(2, en.getValue());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (!freshIds.contains(rs.getObject(1, UUID.class))) {
                            out.add(en.getKey());
                            break;
                        }
                    }
                }
            }
        }
        return out;
    }

    @Override
    public int rewindTo(long position) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int n;
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE event SET server_seq = NULL, server_role = NULL WHERE server_seq > ?")) {
                    ps.setLong(1, position);
                    n = ps.executeUpdate();
                }
                setCursor(c, position, true);
                c.commit();
                return n;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("Could not rewind the journal's war room positions: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<UUID> eventAt(long serverSeq) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id FROM event WHERE server_seq = ?")) {
            ps.setLong(1, serverSeq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read the journal: " + e.getMessage(), e);
        }
    }

    @Override
    public long highestPositionAtMost(long atMost) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT COALESCE(MAX(server_seq), 0) FROM event WHERE server_seq <= ?")) {
            ps.setLong(1, atMost);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read the journal: " + e.getMessage(), e);
        }
    }

    /**
     * @param incident an incident
     * @return the database role the war room recorded for each of its shared events
     * @throws StoreException if the journal cannot be read
     */
    public Map<UUID, String> roles(IncidentId incident) {
        Map<UUID, String> out = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT id, server_role FROM event WHERE incident_id = ? AND server_role IS NOT NULL")) {
            ps.setObject(1, incident.value());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getObject(1, UUID.class), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read the journal: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * @param incident an incident
     * @return where each of its events stands in the war room, in storage order
     * @throws StoreException if the journal cannot be read
     */
    public List<dev.conn.warroom.EventShare> shares(IncidentId incident) {
        List<dev.conn.warroom.EventShare> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id, author, server_role, server_seq FROM event"
                        + " WHERE incident_id = ? ORDER BY seq")) {
            ps.setObject(1, incident.value());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String role = rs.getString(3);
                    boolean shared = rs.getObject(4) != null;
                    out.add(new dev.conn.warroom.EventShare(
                            rs.getObject(1, UUID.class),
                            rs.getString(2),
                            shared ? Optional.of(role == null ? "" : role) : Optional.empty()));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read the journal: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * @param incident an incident
     * @return the ids of its events not yet shared
     * @throws StoreException if the journal cannot be read
     */
    public Set<UUID> unsharedIds(IncidentId incident) {
        Set<UUID> out = new HashSet<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT id FROM event WHERE incident_id = ? AND server_seq IS NULL")) {
            ps.setObject(1, incident.value());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read the journal: " + e.getMessage(), e);
        }
        return Collections.unmodifiableSet(out);
    }

    private Set<UUID> held(List<UUID> ids) {
        Set<UUID> out = new HashSet<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id FROM event WHERE id = ?")) {
            for (UUID id : ids) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        out.add(id);
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read the journal: " + e.getMessage(), e);
        }
        return out;
    }

    private static void setPositions(Connection c, List<Position> positions) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE event SET server_seq = ?, server_role = ?"
                + " WHERE id = ? AND (server_seq IS NULL OR server_seq <> ?)")) {
            for (Position p : positions) {
                ps.setLong(1, p.serverSeq());
                ps.setString(2, clip(p.role()));
                ps.setObject(3, p.eventId());
                ps.setLong(4, p.serverSeq());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Moves the cursor forward (never back, unless {@code exactly}: another process may have gone further). */
    private static void setCursor(Connection c, long cursor, boolean exactly) throws SQLException {
        String sql = exactly
                ? "MERGE INTO console_state (name, val) KEY (name) VALUES (?, ?)"
                : "MERGE INTO console_state (name, val) KEY (name) SELECT ?, CAST(GREATEST(CAST(? AS BIGINT),"
                        + " COALESCE((SELECT CAST(val AS BIGINT) FROM console_state WHERE name = '" + CURSOR
                        + "'), 0)) AS VARCHAR) FROM DUAL";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, CURSOR);
            ps.setString(2, Long.toString(cursor));
            ps.executeUpdate();
        }
    }

    private Optional<String> state(String name) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT val FROM console_state WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read the journal's war room state: " + e.getMessage(), e);
        }
    }

    private void setState(String name, String value) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("MERGE INTO console_state (name, val) KEY (name) VALUES (?, ?)")) {
            ps.setString(1, name);
            ps.setString(2, value);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Could not write the journal's war room state: " + e.getMessage(), e);
        }
    }

    private static void sync(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(Database.SYNC);
        }
    }

    private static String clip(String s) {
        return s.length() <= 128 ? s : s.substring(0, 128);
    }

    private static Event read(ResultSet rs) throws SQLException {
        String typeName = rs.getString(6);
        EventType type;
        try {
            type = EventType.valueOf(typeName);
        } catch (IllegalArgumentException e) {
            throw new SQLException("event " + rs.getObject(1) + " has unknown type " + typeName, e);
        }
        return Event.stored(
                rs.getObject(1, UUID.class),
                new IncidentId(rs.getObject(2, UUID.class)),
                rs.getObject(3, OffsetDateTime.class).toInstant(),
                rs.getObject(4, OffsetDateTime.class).toInstant(),
                rs.getString(5),
                type,
                rs.getString(7));
    }
}
