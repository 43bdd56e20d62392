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
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.h2.api.ErrorCode;

/**
 * The H2 implementation of {@link EventStore}: table {@code event} (migration V1). Each append
 * commits and then runs {@code CHECKPOINT SYNC}, so an acknowledged event survives a process kill
 * and a power cut.
 */
final class JdbcEventStore implements EventStore {
    private static final String COLUMNS = "seq, id, incident_id, occurred_at, recorded_at, author, type, payload";
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

    /**
     * The log's one order, for every read that feeds a fold: events shared in a war room in the
     * order its server gave them (migration V6), then this console's events not yet shared, in the
     * order they were stored here. Without a war room every server_seq is null: storage order.
     */
    private static final String LOG_ORDER = " ORDER BY server_seq NULLS LAST, seq";

    private final DataSource dataSource;
    private final List<JdbcProjection> projections;
    private final LogPublisher publisher = new LogPublisher();

    JdbcEventStore(DataSource dataSource) {
        this(dataSource, List.of());
    }

    JdbcEventStore(DataSource dataSource, List<JdbcProjection> projections) {
        this.dataSource = dataSource;
        this.projections = List.copyOf(projections);
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
                                    : events.size() + " entries")
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
        if (types.isEmpty()) {
            return new Slice(List.of(), lastSequence());
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
            return new Slice(events, position);
        } catch (SQLException e) {
            throw new StoreException("Could not read incident " + incidentId.shortForm() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Subscription subscribe(java.util.function.Consumer<List<Event>> subscriber) {
        return publisher.subscribe(subscriber);
    }

    @Override
    public boolean appendedHere(UUID id) {
        return publisher.published(id);
    }

    @Override
    public boolean append(Event event) {
        return append(event, c -> {});
    }

    @Override
    public boolean append(Event event, JdbcTransactionStep sameTransaction) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            int inserted;
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                takeTurn(c);
                bind(ps, event);
                inserted = ps.executeUpdate();
                if (inserted > 0) {
                    try {
                        sameTransaction.run(c, List.of(event));
                    } catch (SQLException e) {
                        // not a duplicate event: the extra step failed, and with it the append
                        c.rollback();
                        throw new StoreException(
                                "Could not save the " + event.type().label().toLowerCase(Locale.ROOT) + " entry: "
                                        + e.getMessage(),
                                e);
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                // roll back before anything else: setAutoCommit(true) below would commit it
                c.rollback();
                if (e instanceof SQLException sql && sql.getErrorCode() == ErrorCode.DUPLICATE_KEY_1) {
                    return false; // another process stored the same id a moment ago
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            if (inserted > 0) {
                sync(c);
            }
            return inserted > 0;
        } catch (SQLException e) {
            throw new StoreException(
                    "Could not save the " + event.type().label().toLowerCase(Locale.ROOT) + " entry: " + e.getMessage(),
                    e);
        }
    }

    @Override
    public boolean appendUnlessChanged(Event event, long readPosition, Set<EventType> watched, Set<UUID> ignored) {
        if (watched.isEmpty()) {
            return append(event);
        }
        String sql =
                "SELECT id, type, author FROM event WHERE incident_id = ? AND seq > ? AND id <> ? AND NOT replicated"
                        + " AND type IN ("
                        + String.join(", ", java.util.Collections.nCopies(watched.size(), "?")) + ")";
        return append(event, c -> {
            // runs under the append lock: nobody can slip in between this check and the commit
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                ps.setObject(i++, event.incidentId().value());
                ps.setLong(i++, readPosition);
                ps.setObject(i++, event.id());
                for (EventType t : watched) {
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
        });
    }

    @Override
    public int appendAll(Collection<Event> events) {
        if (events.isEmpty()) {
            return 0;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            int stored = 0;
            try {
                int pending = 0;
                takeTurn(c);
                JdbcLogIntegrity.check(c, events);
                try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                    for (Event e : events) {
                        bindForBatch(ps, e);
                        ps.addBatch();
                        if (++pending == 1000) {
                            stored += sum(ps.executeBatch());
                            pending = 0;
                        }
                    }
                    stored += sum(ps.executeBatch());
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                // any failure, not only SQL: setAutoCommit(true) below would commit the batches so far
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            sync(c);
            return stored;
        } catch (SQLException e) {
            throw new StoreException(
                    "Could not save " + events.size() + " events (none was saved): " + e.getMessage(), e);
        }
    }

    private static int sum(int[] counts) {
        int n = 0;
        for (int k : counts) {
            n += Math.max(k, 0);
        }
        return n;
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
    public List<Event> readIncident(IncidentId incidentId) {
        return query(
                "SELECT " + COLUMNS + " FROM event WHERE incident_id = ?" + LOG_ORDER,
                ps -> ps.setObject(1, incidentId.value()),
                "the timeline of incident " + incidentId.shortForm());
    }

    @Override
    public List<Event> readIncidentTail(IncidentId incidentId, int limit) {
        List<Event> newestFirst = query(
                "SELECT " + COLUMNS + " FROM event WHERE incident_id = ? ORDER BY seq DESC"
                        + " FETCH FIRST ? ROWS ONLY",
                ps -> {
                    ps.setObject(1, incidentId.value());
                    ps.setInt(2, limit);
                },
                "the latest entries of incident " + incidentId.shortForm());
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    @Override
    public Batch readAfter(long afterSequence, int limit) {
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
        return new Batch(events, last[0]);
    }

    @Override
    public List<Event> readByType(Set<EventType> types) {
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

    @Override
    public List<Event> readIncident(IncidentId incidentId, Set<EventType> types) {
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

    @Override
    public long lastSequence() {
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM event")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("Could not read the event log: " + e.getMessage(), e);
        }
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
