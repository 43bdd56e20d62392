package dev.conn.impact.store;

import dev.conn.impact.CachedSeries;
import dev.conn.impact.SeriesCache;
import dev.conn.incident.IncidentId;
import dev.conn.incident.StoreException;
import dev.conn.settings.MonitoringSource;
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
import javax.sql.DataSource;

/** {@link SeriesCache} in the H2 table {@code impact_series_cache} (migration V3). */
public final class JdbcSeriesCache implements SeriesCache {
    private static final String COLUMNS =
            "incident_id, query_id, source_kind, query_text, range_from, range_to, fetched_at, raw_json";

    private final DataSource dataSource;

    /** @param dataSource the Conn database */
    public JdbcSeriesCache(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void put(CachedSeries e) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("MERGE INTO impact_series_cache (" + COLUMNS
                        + ") KEY (incident_id, query_id)" + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setObject(1, e.incidentId().value());
            st.setString(2, e.queryId());
            st.setString(3, e.sourceKind().name());
            st.setString(4, e.query());
            st.setObject(5, utc(e.from()));
            st.setObject(6, utc(e.to()));
            st.setObject(7, utc(e.fetchedAt()));
            st.setString(8, e.rawJson());
            st.executeUpdate();
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException ex) {
            throw new StoreException("Could not cache the series of impact query " + e.queryId(), ex);
        }
    }

    @Override
    public Optional<CachedSeries> get(IncidentId incidentId, String queryId) {
        List<CachedSeries> found = select("WHERE incident_id = ? AND query_id = ?", incidentId, queryId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<CachedSeries> all(IncidentId incidentId) {
        return select("WHERE incident_id = ? ORDER BY query_id", incidentId, null);
    }

    private List<CachedSeries> select(String where, IncidentId incidentId, String queryId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM impact_series_cache " + where)) {
            st.setObject(1, incidentId.value());
            if (queryId != null) {
                st.setString(2, queryId);
            }
            List<CachedSeries> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new CachedSeries(
                            incidentId,
                            rs.getString(2),
                            MonitoringSource.Kind.valueOf(rs.getString(3)),
                            rs.getString(4),
                            rs.getObject(5, OffsetDateTime.class).toInstant(),
                            rs.getObject(6, OffsetDateTime.class).toInstant(),
                            rs.getObject(7, OffsetDateTime.class).toInstant(),
                            rs.getString(8)));
                }
            }
            return out;
        } catch (SQLException ex) {
            throw new StoreException("Could not read the cached impact series", ex);
        }
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
