package dev.conn.incident;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/** The reads of {@link JdbcEventStore}: every query of table {@code event}, each on its own connection. */
final class JdbcEventReads {
    /**
     * The log's one order, for every read that feeds a fold: events shared in a war room in the
     * order its server gave them (migration V6), then this console's events not yet shared, in the
     * order they were stored here. Without a war room every server_seq is null: storage order.
     */
    private static final String LOG_ORDER = " ORDER BY server_seq NULLS LAST, seq";

    private static final String COLUMNS = "seq, id, incident_id, occurred_at, recorded_at, author, type, payload";

    private final DataSource dataSource;

    JdbcEventReads(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    EventStore.Slice read(IncidentId incidentId, Set<EventType> types) {
        if (types.isEmpty()) {
            return new EventStore.Slice(List.of(), lastSequence());
        }
        String marks = types.stream().map(t -> "?").collect(Collectors.joining(", "));
        List<EventType> list = List.copyOf(types);
        try (Connection c = dataSource.getConnection()) {
            long position;
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM event")) {
                rs.next();
                position = rs.getLong(1);
            }
            List<Event> events = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM event WHERE incident_id = ? AND seq <= ? AND type IN (" + marks + ")" + LOG_ORDER)) {
                ps.setObject(1, incidentId.value());
                ps.setLong(2, position);
                for (int i = 0; i < list.size(); i++) {
                    ps.setString(i + 3, list.get(i).name());
                }
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        events.add(read(rs));
                    }
                }
            }
            return new EventStore.Slice(events, position);
        } catch (SQLException e) {
            throw new StoreException("Could not read incident " + incidentId.shortForm() + ": " + e.getMessage(), e);
        }
    }

    List<Event> readIncident(IncidentId incidentId) {
        return query(
                "SELECT " + COLUMNS + " FROM event WHERE incident_id = ?" + LOG_ORDER,
                ps -> ps.setObject(1, incidentId.value()),
                "the timeline of incident " + incidentId.shortForm());
    }

    List<Event> readIncidentTail(IncidentId incidentId, int limit) {
        // Two steps, so a long incident opens at once: H2 does not walk event_by_incident backwards
        // for ORDER BY seq DESC, and sorting every full row (payloads included) of a 100,000-event
        // incident to keep 2,000 took 270-970 ms here. The seqs alone come from the index; then
        // only the rows between the first and last of them are read, in seq order.
        String what = "the latest entries of incident " + incidentId.shortForm();
        try (Connection c = dataSource.getConnection()) {
            long first;
            long last;
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(seq), MAX(seq) FROM (SELECT seq FROM event"
                    + " WHERE incident_id = ? ORDER BY seq DESC FETCH FIRST ? ROWS ONLY) newest")) {
                ps.setObject(1, incidentId.value());
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    first = rs.getLong(1);
                    if (rs.wasNull()) {
                        return new ArrayList<>(); // no event of this incident
                    }
                    last = rs.getLong(2);
                }
            }
            List<Event> events = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM event WHERE incident_id = ? AND seq BETWEEN ? AND ? ORDER BY seq")) {
                ps.setObject(1, incidentId.value());
                ps.setLong(2, first);
                ps.setLong(3, last);
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        events.add(read(rs));
                    }
                }
            }
            return events;
        } catch (SQLException e) {
            throw new StoreException("Could not read " + what + ": " + e.getMessage(), e);
        }
    }

    EventStore.Batch readAfter(long afterSequence, int limit) {
        long[] last = {afterSequence};
        List<Event> events = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT " + COLUMNS + " FROM event WHERE seq > ? ORDER BY seq FETCH FIRST ? ROWS ONLY")) {
            ps.setLong(1, afterSequence);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    last[0] = rs.getLong(1);
                    events.add(read(rs));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read new events: " + e.getMessage(), e);
        }
        return new EventStore.Batch(events, last[0]);
    }

    List<Event> readByType(Set<EventType> types) {
        if (types.isEmpty()) {
            return List.of();
        }
        String marks = types.stream().map(t -> "?").collect(Collectors.joining(", "));
        List<EventType> list = List.copyOf(types);
        return query(
                "SELECT " + COLUMNS + " FROM event WHERE type IN (" + marks + ")" + LOG_ORDER,
                ps -> {
                    for (int i = 0; i < list.size(); i++) {
                        ps.setString(i + 1, list.get(i).name());
                    }
                },
                "the incident list");
    }

    List<Event> readIncident(IncidentId incidentId, Set<EventType> types) {
        if (types.isEmpty()) {
            return List.of();
        }
        String marks = types.stream().map(t -> "?").collect(Collectors.joining(", "));
        List<EventType> list = List.copyOf(types);
        return query(
                "SELECT " + COLUMNS + " FROM event WHERE incident_id = ? AND type IN (" + marks + ")" + LOG_ORDER,
                ps -> {
                    ps.setObject(1, incidentId.value());
                    for (int i = 0; i < list.size(); i++) {
                        ps.setString(i + 2, list.get(i).name());
                    }
                },
                "incident " + incidentId.shortForm());
    }

    long lastSequence() {
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM event")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("Could not read the event log: " + e.getMessage(), e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<Event> query(String sql, Binder binder, String what) {
        List<Event> events = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(read(rs));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read " + what + ": " + e.getMessage(), e);
        }
        return events;
    }

    private static Event read(ResultSet rs) throws SQLException {
        EventType type;
        String typeName = rs.getString(7);
        try {
            type = EventType.valueOf(typeName);
        } catch (IllegalArgumentException e) {
            throw new SQLException(
                    "event " + rs.getObject(2) + " has unknown type " + typeName + " (written by a newer Conn?)", e);
        }
        return Event.stored(
                rs.getObject(2, UUID.class),
                new IncidentId(rs.getObject(3, UUID.class)),
                rs.getObject(4, OffsetDateTime.class).toInstant(),
                rs.getObject(5, OffsetDateTime.class).toInstant(),
                rs.getString(6),
                type,
                rs.getString(8));
    }
}
