package dev.conn.incident;

import dev.conn.platform.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.api.ErrorCode;

/**
 * The H2 implementation of {@link EventStore}: table {@code event} (migration V1). Each append
 * commits and then runs {@code CHECKPOINT SYNC}, so an acknowledged event survives a process kill
 * and a power cut.
 */
final class JdbcEventStore implements EventStore {
    /** Inserts unless the id is already stored: re-appending and re-importing are no-ops. */
    private static final String INSERT =
            "INSERT INTO event (id, incident_id, occurred_at, recorded_at, author, type, payload)"
                    + " SELECT CAST(?1 AS UUID), CAST(?2 AS UUID), CAST(?3 AS TIMESTAMP(9) WITH TIME ZONE),"
                    + " CAST(?4 AS TIMESTAMP(9) WITH TIME ZONE), CAST(?5 AS VARCHAR(200)), CAST(?6 AS VARCHAR(64)),"
                    + " CAST(?7 AS CHARACTER LARGE OBJECT) FROM DUAL"
                    + " WHERE NOT EXISTS (SELECT 1 FROM event WHERE id = CAST(?1 AS UUID))";

    /** {@link #INSERT} for events pulled from a war room (migration V6's {@code replicated}). */
    private static final String INSERT_REPLICATED = INSERT.replace("payload)", "payload, replicated)")
            .replace("AS CHARACTER LARGE OBJECT) FROM DUAL", "AS CHARACTER LARGE OBJECT), TRUE FROM DUAL");

    private static final String ACTIVE_INCIDENT = "active_incident";

    private final DataSource dataSource;
    private final List<JdbcProjection> projections;
    private final LogPublisher publisher = new LogPublisher();
    private final JdbcEventReads reads;

    JdbcEventStore(DataSource dataSource) {
        this(dataSource, List.of());
    }

    JdbcEventStore(DataSource dataSource, List<JdbcProjection> projections) {
        this.dataSource = dataSource;
        this.projections = List.copyOf(projections);
        this.reads = new JdbcEventReads(dataSource);
    }

    @Override
    public List<Event> append(Append append) {
        if (append.events().isEmpty()) {
            return List.of();
        }
        List<Event> stored;
        try {
            stored = appendOnce(append);
        } catch (DuplicateIdRace e) {
            try {
                stored = appendOnce(append); // another process stored one of these ids a moment ago
            } catch (DuplicateIdRace again) {
                throw new StoreException("Could not save: another Conn process keeps storing the same entries", again);
            }
        }
        publisher.publish(stored);
        return stored;
    }

    /** A concurrent insert of the same id by another process: the append is tried once more. */
    private static final class DuplicateIdRace extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private List<Event> appendOnce(Append append) {
        List<Event> events = append.events();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            List<Event> stored = new ArrayList<>();
            try {
                takeTurn(c);
                if (append.guard().isPresent()) {
                    checkUnchanged(c, events.get(0).incidentId(), append.guard().get(), events);
                }
                // an id stored for another incident, or a second declaration, is refused by name
                JdbcLogIntegrity.check(c, events);
                try (PreparedStatement ps =
                        c.prepareStatement(append.origin() == Origin.REPLICATED ? INSERT_REPLICATED : INSERT)) {
                    for (int from = 0; from < events.size(); from += 1000) {
                        List<Event> chunk = events.subList(from, Math.min(events.size(), from + 1000));
                        for (Event e : chunk) {
                            bindForBatch(ps, e);
                            ps.addBatch();
                        }
                        int[] counts = ps.executeBatch();
                        for (int i = 0; i < counts.length; i++) {
                            if (counts[i] > 0) {
                                stored.add(chunk.get(i));
                            }
                        }
                    }
                }
                if (append.step().isPresent() && !stored.isEmpty()) {
                    append.step().get().run(c, stored);
                }
                for (JdbcProjection p : projections) {
                    List<Event> mine = stored.stream()
                            .filter(e -> p.types().contains(e.type()))
                            .toList();
                    if (!mine.isEmpty()) {
                        p.apply(c, mine, append.origin());
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException | Error e) {
                // roll back before anything else: setAutoCommit(true) below would commit it
                c.rollback();
                if (e instanceof java.sql.BatchUpdateException || e instanceof SQLException) {
                    SQLException sql = (SQLException) e;
                    // only a duplicate event id is a race with another writer; a projection's or a
                    // step's own unique key is that step failing, and rolls the append back as such
                    if (sql.getErrorCode() == ErrorCode.DUPLICATE_KEY_1
                            && String.valueOf(sql.getMessage())
                                    .toUpperCase(Locale.ROOT)
                                    .contains("EVENT_ID_UNIQUE")) {
                        throw new DuplicateIdRace();
                    }
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            if (!stored.isEmpty()) {
                sync(c);
            }
            return stored;
        } catch (SQLException e) {
            throw new StoreException(
                    "Could not save "
                            + (events.size() == 1
                                    ? "the " + events.get(0).type().label().toLowerCase(Locale.ROOT) + " entry"
                                    : events.size() + " entries (none was saved)")
                            + ": " + e.getMessage(),
                    e);
        }
    }

    private static void checkUnchanged(Connection c, IncidentId incident, Append.Guard guard, List<Event> own)
            throws SQLException {
        if (guard.watched().isEmpty()) {
            return;
        }
        java.util.Set<UUID> ignored = new java.util.HashSet<>(guard.ignored());
        own.forEach(e -> ignored.add(e.id()));
        // what another console shared is settled by the war room's order, not by deciding again here
        String sql = "SELECT id, type, author FROM event WHERE incident_id = ? AND seq > ? AND NOT replicated"
                + " AND type IN ("
                + String.join(
                        ", ", java.util.Collections.nCopies(guard.watched().size(), "?")) + ")";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setObject(i++, incident.value());
            ps.setLong(i++, guard.position());
            for (EventType t : guard.watched()) {
                ps.setString(i++, t.name());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!ignored.contains(rs.getObject(1, UUID.class))) {
                        throw new ConcurrentChangeException(EventType.valueOf(rs.getString(2)), rs.getString(3));
                    }
                }
            }
        }
    }

    @Override
    public Slice read(IncidentId incidentId, Set<EventType> types) {
        return reads.read(incidentId, types);
    }

    @Override
    public List<Event> readIncident(IncidentId incidentId) {
        return reads.readIncident(incidentId);
    }

    @Override
    public List<Event> readIncidentTail(IncidentId incidentId, int limit) {
        return reads.readIncidentTail(incidentId, limit);
    }

    @Override
    public Batch readAfter(long afterSequence, int limit) {
        return reads.readAfter(afterSequence, limit);
    }

    @Override
    public List<Event> readByType(Set<EventType> types) {
        return reads.readByType(types);
    }

    @Override
    public List<Event> readIncident(IncidentId incidentId, Set<EventType> types) {
        return reads.readIncident(incidentId, types);
    }

    @Override
    public long lastSequence() {
        return reads.lastSequence();
    }

    @Override
    public Subscription subscribe(java.util.function.Consumer<List<Event>> subscriber) {
        return publisher.subscribe(subscriber);
    }

    @Override
    public boolean appendedHere(UUID id) {
        return publisher.published(id);
    }

    /**
     * Locks the append_lock row until this transaction ends (migration V2), so seq numbers are
     * assigned and committed in the same order by every writer, in every process.
     */
    private static void takeTurn(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT id FROM append_lock WHERE id = 1 FOR UPDATE")) {
            rs.next();
        }
    }

    private static void sync(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(Database.SYNC);
        }
    }

    /** Binds like {@link #bind}; an event that cannot be stored is named (by id) in the failure. */
    private static void bindForBatch(PreparedStatement ps, Event e) throws SQLException {
        try {
            bind(ps, e);
        } catch (java.time.DateTimeException ex) {
            throw new SQLException("event " + e.id() + " cannot be stored: " + ex.getMessage(), ex);
        }
    }

    private static void bind(PreparedStatement ps, Event e) throws SQLException {
        ps.setObject(1, e.id());
        ps.setObject(2, e.incidentId().value());
        ps.setObject(3, OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC));
        ps.setObject(4, OffsetDateTime.ofInstant(e.recordedAt(), ZoneOffset.UTC));
        ps.setString(5, e.author());
        ps.setString(6, e.type().name());
        ps.setString(7, e.payloadJson());
    }

    @Override
    public Optional<IncidentId> activeIncident() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT val FROM console_state WHERE name = ?")) {
            ps.setString(1, ACTIVE_INCIDENT);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(IncidentId.parse(rs.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read the active incident: " + e.getMessage(), e);
        }
    }

    @Override
    public void setActiveIncident(IncidentId incidentId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("MERGE INTO console_state (name, val) KEY (name) VALUES (?, ?)")) {
            ps.setString(1, ACTIVE_INCIDENT);
            ps.setString(2, incidentId.toString());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Could not remember the active incident: " + e.getMessage(), e);
        }
    }
}
