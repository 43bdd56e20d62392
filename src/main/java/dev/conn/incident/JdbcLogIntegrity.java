package dev.conn.incident;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The log's two rules for a batch of events made elsewhere (an import), checked inside the
 * batch's transaction under the append lock, so no other writer can slip in between the check and
 * the insert: an event id belongs to one incident, and an incident is declared once.
 */
final class JdbcLogIntegrity {
    /** How many ids one look-up asks for. */
    private static final int CHUNK = 500;

    private JdbcLogIntegrity() {}

    /**
     * @param c a connection inside the batch's transaction, holding the append lock
     * @param events the batch
     * @throws EventConflictException naming the first conflicting event of the batch
     * @throws SQLException if the database cannot be read
     */
    static void check(Connection c, Collection<Event> events) throws SQLException {
        Map<UUID, Event> byId = new LinkedHashMap<>();
        Map<IncidentId, Event> declarations = new HashMap<>();
        for (Event e : events) {
            byId.putIfAbsent(e.id(), e);
            if (e.type() == EventType.INCIDENT_DECLARED) {
                declarations.putIfAbsent(e.incidentId(), e);
            }
        }
        Map<UUID, IncidentId> storedFor = new HashMap<>();
        List<UUID> ids = new ArrayList<>(byId.keySet());
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT id, incident_id FROM event WHERE id IN (" + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setObject(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UUID id = rs.getObject(1, UUID.class);
                        IncidentId stored = new IncidentId(rs.getObject(2, UUID.class));
                        if (!stored.equals(byId.get(id).incidentId())) {
                            storedFor.put(id, stored);
                        }
                    }
                }
            }
        }
        if (!storedFor.isEmpty()) {
            UUID first = ids.stream().filter(storedFor::containsKey).findFirst().orElseThrow();
            throw new EventConflictException(
                    EventConflictException.Kind.ID_OF_ANOTHER_INCIDENT,
                    first,
                    storedFor.get(first),
                    first,
                    storedFor.size() - 1);
        }
        for (Event declared : declarations.values()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM event WHERE incident_id = ? AND type = ? AND id <> ? ORDER BY seq FETCH FIRST 1 ROWS ONLY")) {
                ps.setObject(1, declared.incidentId().value());
                ps.setString(2, EventType.INCIDENT_DECLARED.name());
                ps.setObject(3, declared.id());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        throw new EventConflictException(
                                EventConflictException.Kind.SECOND_DECLARATION,
                                declared.id(),
                                declared.incidentId(),
                                rs.getObject(1, UUID.class),
                                0);
                    }
                }
            }
        }
    }
}
