package dev.conn.warroom.store;

import dev.conn.incident.IncidentId;
import dev.conn.incident.StoreException;
import dev.conn.warroom.EventShare;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Read-only queries of the console's H2 journal about the war room (migration V6's {@code
 * event.server_seq} and {@code event.server_role}): where each event stands, which role the server
 * recorded, and which event sits at a position. Writes nothing.
 */
public final class JdbcJournalReads {
    private final DataSource dataSource;

    /** @param dataSource the console's migrated H2 database */
    JdbcJournalReads(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @param serverSeq a war room position
     * @return the id of the event this journal holds there
     * @throws StoreException if the journal cannot be read
     */
    Optional<UUID> eventAt(long serverSeq) {
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

    /**
     * @param atMost a war room position
     * @return the highest position at or below it this journal holds, or 0
     * @throws StoreException if the journal cannot be read
     */
    long highestPositionAtMost(long atMost) {
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
    public List<EventShare> shares(IncidentId incident) {
        List<EventShare> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id, author, server_role, server_seq FROM event"
                        + " WHERE incident_id = ? ORDER BY seq")) {
            ps.setObject(1, incident.value());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String role = rs.getString(3);
                    boolean shared = rs.getObject(4) != null;
                    out.add(new EventShare(
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

    /**
     * @param ids event ids
     * @return those this journal holds
     * @throws StoreException if the journal cannot be read
     */
    Set<UUID> held(List<UUID> ids) {
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
}
