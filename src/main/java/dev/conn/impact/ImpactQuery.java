package dev.conn.impact;

import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.Payload;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.UUID;

/**
 * One chart of an incident's impact panel. Stored in the incident's own log as {@link
 * EventType#IMPACT_QUERY_SET} / {@link EventType#IMPACT_QUERY_REMOVED}, so the panel travels with
 * the incident in exports and imports.
 *
 * @param queryId stable id, minted when the query is added
 * @param name what the chart is titled ("Checkout error ratio")
 * @param sourceId the monitoring source id from settings
 * @param query PromQL or Datadog query text
 * @param unit the unit shown on the axis ("%", "ms", "req/s"), may be empty
 * @param threshold the SLO line, if any, in the query's unit
 */
public record ImpactQuery(
        String queryId, String name, String sourceId, String query, String unit, OptionalDouble threshold) {
    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException naming the empty field
     */
    public ImpactQuery {
        Objects.requireNonNull(queryId, "queryId");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("An impact query needs a name");
        }
        if (sourceId == null || sourceId.isBlank()) {
            throw new IllegalArgumentException("Choose the monitoring source of the query");
        }
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("Type the query (PromQL or Datadog)");
        }
        name = name.strip();
        query = query.strip();
        unit = unit == null ? "" : unit.strip();
        threshold = threshold == null ? OptionalDouble.empty() : threshold;
        if (threshold.isPresent() && !Double.isFinite(threshold.getAsDouble())) {
            throw new IllegalArgumentException("The threshold must be a finite number");
        }
    }

    /** @return a new query with a freshly minted id */
    public static ImpactQuery create(
            String name, String sourceId, String query, String unit, OptionalDouble threshold) {
        return new ImpactQuery(UUID.randomUUID().toString(), name, sourceId, query, unit, threshold);
    }

    /** @return the {@code IMPACT_QUERY_SET} payload */
    public Payload toPayload() {
        return Payload.of(
                "queryId", queryId,
                "name", name,
                "sourceId", sourceId,
                "query", query,
                "unit", unit.isEmpty() ? null : unit,
                "threshold", threshold.isPresent() ? threshold.getAsDouble() : null);
    }

    /**
     * @param p an {@code IMPACT_QUERY_SET} payload
     * @return the query
     * @throws IllegalArgumentException if a required field is missing
     */
    public static ImpactQuery fromPayload(Payload p) {
        var node = p.toNode().get("threshold");
        OptionalDouble threshold =
                node == null || !node.isNumber() ? OptionalDouble.empty() : OptionalDouble.of(node.asDouble());
        return new ImpactQuery(
                p.text("queryId").orElseThrow(() -> new IllegalArgumentException("impact query without queryId")),
                p.textOrEmpty("name"),
                p.textOrEmpty("sourceId"),
                p.textOrEmpty("query"),
                p.textOrEmpty("unit"),
                threshold);
    }

    /**
     * Folds an incident's events into its current impact queries: the latest {@code
     * IMPACT_QUERY_SET} per id, minus those removed later; in the order they were first added.
     *
     * @param events the incident's events in log order (other types are ignored)
     * @return the queries
     */
    public static List<ImpactQuery> fold(Collection<Event> events) {
        Map<String, ImpactQuery> byId = new LinkedHashMap<>();
        for (Event e : events) {
            if (e.type() == EventType.IMPACT_QUERY_SET) {
                try {
                    ImpactQuery q = fromPayload(e.payload());
                    byId.put(q.queryId(), q);
                } catch (IllegalArgumentException malformed) {
                    // an imported event from a newer Conn: skip it rather than lose the panel
                }
            } else if (e.type() == EventType.IMPACT_QUERY_REMOVED) {
                e.payload().text("queryId").ifPresent(byId::remove);
            }
        }
        return new ArrayList<>(byId.values());
    }
}
