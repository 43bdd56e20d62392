package dev.conn.comms.store;

import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentId;
import dev.conn.incident.JdbcProjection;
import dev.conn.incident.Origin;
import dev.conn.integrations.AnnotationOp;
import dev.conn.integrations.AnnotationOps;
import dev.conn.integrations.AnnotationPlanner;
import dev.conn.integrations.GrafanaSettings;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Grafana annotations through the outbox (issue 16 §3): in the transaction of each append of an
 * annotatable event decided on this console (or a correction, retraction or milestone edit), folds
 * the incident's stored events through {@link AnnotationPlanner} and queues one row per planned
 * change on channel {@code grafana}, its body {@link AnnotationOps#write}. Imported and replicated
 * events are history and never annotate again. Nothing happens while Grafana is not configured.
 * Reading the incident's annotatable events costs one query per such append.
 */
public final class JdbcAnnotationProjection implements JdbcProjection {
    /** The outbox channel of the annotations. */
    public static final String CHANNEL = "grafana";

    private static final Set<EventType> TYPES;

    static {
        Set<EventType> t = EnumSet.copyOf(GrafanaSettings.ANNOTATABLE);
        t.add(EventType.EVENT_CORRECTED);
        t.add(EventType.EVENT_RETRACTED);
        t.add(EventType.MILESTONE_SET);
        TYPES = java.util.Collections.unmodifiableSet(t);
    }

    private static final String INSERT = "INSERT INTO outbox (message_id, incident_id, channel, author, subject,"
            + " body, extras, state, attempts, next_attempt_at) VALUES (?, ?, '" + CHANNEL
            + "', ?, ?, ?, '{}', 'QUEUED', 0, ?)";

    private final Supplier<Optional<GrafanaSettings>> settings;

    /** @param settings Grafana as configured at the time of each append, if it is */
    public JdbcAnnotationProjection(Supplier<Optional<GrafanaSettings>> settings) {
        this.settings = settings;
    }

    @Override
    public Set<EventType> types() {
        return TYPES;
    }

    @Override
    public void apply(Connection connection, List<Event> events, Origin origin) throws SQLException {
        Optional<GrafanaSettings> grafana = origin == Origin.DECIDED ? settings.get() : Optional.empty();
        if (grafana.isEmpty()) {
            return;
        }
        Map<IncidentId, Set<UUID>> fresh = new LinkedHashMap<>();
        for (Event e : events) {
            fresh.computeIfAbsent(e.incidentId(), k -> new java.util.HashSet<>())
                    .add(e.id());
        }
        try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
            for (Map.Entry<IncidentId, Set<UUID>> incident : fresh.entrySet()) {
                AnnotationPlanner planner = new AnnotationPlanner(grafana.get());
                for (Event e : stored(connection, incident.getKey())) {
                    List<AnnotationOp> ops;
                    try {
                        ops = planner.next(e);
                    } catch (IllegalArgumentException unreadable) {
                        continue; // an event whose payload does not fit is not annotated
                    }
                    if (incident.getValue().contains(e.id())) {
                        for (AnnotationOp op : ops) {
                            queue(ps, e, op);
                        }
                    }
                }
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new SQLException("the outbox rows cannot be written: " + e.getMessage(), "OUTBX", e);
        }
    }

    private static void queue(PreparedStatement ps, Event cause, AnnotationOp op) throws SQLException {
        String kind = AnnotationOps.kind(op);
        UUID id = UUID.nameUUIDFromBytes(
                ("conn-annotation:" + kind + ":" + op.eventId() + ":" + cause.id()).getBytes(StandardCharsets.UTF_8));
        ps.setObject(1, id);
        ps.setObject(2, cause.incidentId().value());
        ps.setString(3, cause.author());
        ps.setString(
                4,
                "Grafana annotation: " + kind + " for " + cause.type().label().toLowerCase(java.util.Locale.ROOT));
        ps.setString(5, AnnotationOps.write(op));
        ps.setObject(6, JdbcOutbox.utc(cause.recordedAt()));
        ps.addBatch();
    }

    /** The incident's events of the types the planner reads, in log order, the new ones included. */
    private static List<Event> stored(Connection c, IncidentId incident) throws SQLException {
        String types = TYPES.stream().map(t -> "'" + t.name() + "'").collect(Collectors.joining(", "));
        List<Event> out = new java.util.ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT id, incident_id, occurred_at, recorded_at, author, type, payload FROM event"
                        + " WHERE incident_id = ? AND type IN (" + types + ") ORDER BY server_seq NULLS LAST, seq")) {
            ps.setObject(1, incident.value());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(Event.stored(
                            rs.getObject(1, UUID.class),
                            new IncidentId(rs.getObject(2, UUID.class)),
                            rs.getObject(3, OffsetDateTime.class).toInstant(),
                            rs.getObject(4, OffsetDateTime.class).toInstant(),
                            rs.getString(5),
                            EventType.valueOf(rs.getString(6)),
                            rs.getString(7)));
                }
            }
        }
        return out;
    }
}
