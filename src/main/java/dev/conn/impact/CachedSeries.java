package dev.conn.impact;

import dev.conn.incident.IncidentId;
import dev.conn.settings.MonitoringSource;
import java.time.Instant;
import java.util.Objects;

/**
 * The last answer fetched for one impact query of one incident.
 *
 * @param incidentId the incident
 * @param queryId the impact query's id
 * @param sourceKind which API produced {@code rawJson} (to parse it again)
 * @param query the query text that was run
 * @param from start of the fetched range (UTC)
 * @param to end of the fetched range (UTC)
 * @param fetchedAt when the answer arrived (UTC), shown as "data as of"
 * @param rawJson the response body exactly as returned
 */
public record CachedSeries(
        IncidentId incidentId,
        String queryId,
        MonitoringSource.Kind sourceKind,
        String query,
        Instant from,
        Instant to,
        Instant fetchedAt,
        String rawJson) {
    /** Checks that nothing is missing. */
    public CachedSeries {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(queryId, "queryId");
        Objects.requireNonNull(sourceKind, "sourceKind");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        Objects.requireNonNull(rawJson, "rawJson");
    }
}
