package dev.conn.impact;

import static dev.conn.impact.store.JdbcSeriesCacheTest.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conn.impact.store.JdbcSeriesCache;
import dev.conn.incident.IncidentId;
import dev.conn.platform.db.Database;
import dev.conn.platform.json.Json;
import dev.conn.testing.Events;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The series cache travels in the JSON bundle and comes back as it was fetched. */
class SeriesArchiveTest {
    private static final String RAW = "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}";

    @TempDir
    Path from;

    @TempDir
    Path to;

    @Test
    void cachedSeriesRoundTripIntoAnotherDataDirectory() throws Exception {
        IncidentId incident = Events.newIncident();
        Instant fetched = Instant.parse("2025-03-14T10:02:00Z");
        List<JsonNode> exported;
        try (Database db = Database.open(from)) {
            SeriesCache cache = new JdbcSeriesCache(db.dataSource());
            cache.put(entry(incident, "q-errors", fetched, RAW));
            exported = new SeriesArchive(cache).list(incident);
        }
        assertThat(exported).singleElement().satisfies(n -> {
            assertThat(n.path("queryId").asText()).isEqualTo("q-errors");
            assertThat(n.path("raw").path("status").asText()).isEqualTo("success");
        });

        try (Database db = Database.open(to)) {
            SeriesCache cache = new JdbcSeriesCache(db.dataSource());
            new SeriesArchive(cache).restore(incident, exported);
            CachedSeries back = cache.get(incident, "q-errors").orElseThrow();
            assertThat(back.fetchedAt()).isEqualTo(fetched);
            assertThat(Json.newMapper().readTree(back.rawJson()))
                    .isEqualTo(Json.newMapper().readTree(RAW));
        }
    }

    @Test
    void aSeriesWithoutItsFetchTimeIsRefusedNamingTheField() throws Exception {
        JsonNode bad = Json.newMapper()
                .readTree("{\"queryId\":\"q\",\"sourceKind\":\"PROMETHEUS\",\"query\":\"up\","
                        + "\"from\":\"2025-03-14T08:00:00Z\",\"to\":\"2025-03-14T09:00:00Z\",\"raw\":{}}");

        assertThatThrownBy(() -> new SeriesArchive(new JdbcSeriesCache(null)).validate(List.of(bad)))
                .hasMessage("metricSeries[0].fetchedAt: missing or not a string");
    }
}
