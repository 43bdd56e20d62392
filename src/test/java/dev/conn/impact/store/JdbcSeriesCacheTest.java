package dev.conn.impact.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.impact.CachedSeries;
import dev.conn.impact.SeriesCache;
import dev.conn.incident.IncidentId;
import dev.conn.platform.db.Database;
import dev.conn.settings.MonitoringSource;
import dev.conn.testing.Events;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class JdbcSeriesCacheTest {
    @TempDir
    Path dir;

    /** @return a cache entry of a Prometheus source for the query */
    public static CachedSeries entry(IncidentId id, String queryId, Instant fetchedAt, String raw) {
        return new CachedSeries(
                id,
                queryId,
                MonitoringSource.Kind.PROMETHEUS,
                "sum(errors)",
                Instant.parse("2025-03-14T08:40:00Z"),
                Instant.parse("2025-03-14T10:30:00Z"),
                fetchedAt,
                raw);
    }

    @Test
    void lastFetchReplacesTheEarlierAndSurvivesReopening() {
        IncidentId incident = Events.newIncident();
        IncidentId other = Events.newIncident();
        Instant first = Instant.parse("2025-03-14T10:00:00.123Z");
        Instant second = Instant.parse("2025-03-14T10:02:00Z");
        try (Database db = Database.open(dir)) {
            SeriesCache cache = new JdbcSeriesCache(db.dataSource());
            cache.put(entry(incident, "q-errors", first, "{\"status\":\"success\",\"v\":1}"));
            cache.put(entry(incident, "q-errors", second, "{\"status\":\"success\",\"v\":2}"));
            cache.put(entry(incident, "q-latency", first, "{}"));
            cache.put(entry(other, "q-errors", first, "{}"));
        }
        try (Database db = Database.open(dir)) {
            SeriesCache cache = new JdbcSeriesCache(db.dataSource());
            assertThat(cache.get(incident, "q-errors"))
                    .contains(entry(incident, "q-errors", second, "{\"status\":\"success\",\"v\":2}"));
            assertThat(cache.all(incident)).extracting(CachedSeries::queryId).containsExactly("q-errors", "q-latency");
            assertThat(cache.all(incident).get(1).fetchedAt()).isEqualTo(first);
            assertThat(cache.get(incident, "nope")).isEmpty();
        }
    }
}
