package dev.conn.impact;

import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.ImpactEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;

/**
 * One chart of an incident's impact panel. Stored in the incident's own log as {@link
 * ImpactEvent.ImpactQuerySet} / {@link ImpactEvent.ImpactQueryRemoved} (decided by {@link
 * ImpactDecider}), so the panel travels with the incident in exports and imports.
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

    /** @return the event that adds or edits this query on the panel */
    public ImpactEvent.ImpactQuerySet toEvent() {
        return new ImpactEvent.ImpactQuerySet(
                queryId,
                name,
                sourceId,
                query,
                unit.isEmpty() ? Optional.empty() : Optional.of(unit),
                threshold.isPresent() ? Optional.of(threshold.getAsDouble()) : Optional.empty());
    }

    /**
     * @param e an {@code IMPACT_QUERY_SET} event's body
     * @return the query
     * @throws IllegalArgumentException if a field is blank or the threshold is not finite (an event
     *     of another Conn that this one cannot chart)
     */
    public static ImpactQuery of(ImpactEvent.ImpactQuerySet e) {
        return new ImpactQuery(
                e.queryId(),
                e.name(),
                e.sourceId(),
                e.query(),
                e.unit().orElse(""),
                e.threshold().map(OptionalDouble::of).orElse(OptionalDouble.empty()));
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
            apply(byId, e);
        }
        return new ArrayList<>(byId.values());
    }

    /**
     * Applies one event to the queries by id (the fold's step, shared with the decider and the
     * panel's incremental fold).
     *
     * @param byId the queries by id, in first-added order; changed in place
     * @param e an event; other types than the impact query ones change nothing
     * @return true if the queries changed
     */
    public static boolean apply(Map<String, ImpactQuery> byId, Event e) {
        // the type first: the panel folds every event on the FX thread, and decoding each payload
        // of a 100,000-event log to find the few impact queries cost seconds there
        if (e.type() != EventType.IMPACT_QUERY_SET && e.type() != EventType.IMPACT_QUERY_REMOVED) {
            return false;
        }
        if (e.body() instanceof ImpactEvent.ImpactQuerySet set) {
            try {
                ImpactQuery q = of(set);
                return !q.equals(byId.put(q.queryId(), q));
            } catch (IllegalArgumentException malformed) {
                return false; // an imported event from a newer Conn: skip it rather than lose the panel
            }
        }
        if (e.body() instanceof ImpactEvent.ImpactQueryRemoved removed) {
            return byId.remove(removed.queryId()) != null;
        }
        return false;
    }
}
