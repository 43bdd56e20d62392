package dev.conn.postmortem;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conn.incident.IncidentId;
import java.util.List;

/**
 * The cached metric series of incidents, as the JSON bundle carries them: each series is one raw
 * JSON value whose shape the impact feature owns. The postmortem feature only lists them for an
 * export and hands them back on import. Implementations block on I/O.
 */
public interface MetricSeriesArchive {

    /**
     * @param incident an incident
     * @return its cached series, in a stable order (the export must be reproducible), each as raw
     *     JSON; empty if none
     */
    List<JsonNode> list(IncidentId incident);

    /**
     * Stores series read from a bundle; series already cached are left as they are.
     *
     * @param incident the incident they belong to
     * @param series the series, as raw JSON
     * @throws IllegalArgumentException if a series is not in a shape the archive understands (the
     *     message names the series by index and the problem)
     */
    void restore(IncidentId incident, List<JsonNode> series);

    /**
     * Checks series before anything is written, so an import with a bad series writes nothing.
     * The default accepts anything.
     *
     * @param series the series of a bundle
     * @throws IllegalArgumentException naming the series by index and the problem
     */
    default void validate(List<JsonNode> series) {}

    /** @return an archive that holds nothing and ignores what it is given (until the impact feature wires its cache) */
    static MetricSeriesArchive none() {
        return new MetricSeriesArchive() {
            @Override
            public List<JsonNode> list(IncidentId incident) {
                return List.of();
            }

            @Override
            public void restore(IncidentId incident, List<JsonNode> series) {
                // nothing cached, nothing to restore into
            }
        };
    }
}
