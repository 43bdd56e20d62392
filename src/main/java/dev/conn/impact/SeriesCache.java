package dev.conn.impact;

import dev.conn.incident.IncidentId;
import java.util.List;
import java.util.Optional;

/**
 * The last fetched series per (incident, impact query), kept in the database so charts show when
 * the network is gone. Blocking (disk): call through the {@code TaskRunner}. Failures throw {@link
 * dev.conn.incident.StoreException} naming what could not be read or written.
 *
 * <p>{@link #all} is the read API for exports: the postmortem JSON bundle includes every cached
 * series of the incident with its fetch time. What is cached is bounded ({@link CachedAnswer}).
 */
public interface SeriesCache {
    /**
     * Stores or replaces the entry of {@code (incidentId, queryId)}.
     *
     * @param entry the answer just fetched
     */
    void put(CachedSeries entry);

    /** @return the cached answer of this query of this incident, if any */
    Optional<CachedSeries> get(IncidentId incidentId, String queryId);

    /** @return every cached answer of the incident, ordered by query id */
    List<CachedSeries> all(IncidentId incidentId);
}
