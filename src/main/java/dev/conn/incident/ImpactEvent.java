package dev.conn.incident;

import static dev.conn.incident.EventBody.opt;
import static dev.conn.incident.EventBody.required;

import java.time.Instant;
import java.util.Optional;

/** The impact panel's queries and the snapshots the IC took of its charts. */
public sealed interface ImpactEvent extends EventBody {

    /**
     * An impact query added or edited; the latest event per {@code queryId} wins.
     *
     * @param queryId stable, minted when added
     * @param name what the chart is called
     * @param sourceId a monitoring source id from settings
     * @param query PromQL or a Datadog query
     * @param unit e.g. "%", "ms", "req/s", if given
     * @param threshold the SLO line, if given
     */
    record ImpactQuerySet(
            String queryId,
            String name,
            String sourceId,
            String query,
            Optional<String> unit,
            Optional<Double> threshold)
            implements ImpactEvent {
        /** @throws IllegalArgumentException naming a missing required field */
        public ImpactQuerySet {
            required(queryId, "queryId");
            required(name, "name");
            required(sourceId, "sourceId");
            required(query, "query");
            unit = opt(unit);
            threshold = opt(threshold);
        }

        @Override
        public EventType type() {
            return EventType.IMPACT_QUERY_SET;
        }
    }

    /** @param queryId the query removed from the incident's panel */
    record ImpactQueryRemoved(String queryId) implements ImpactEvent {
        /** @throws IllegalArgumentException naming a missing required field */
        public ImpactQueryRemoved {
            required(queryId, "queryId");
        }

        @Override
        public EventType type() {
            return EventType.IMPACT_QUERY_REMOVED;
        }
    }

    /**
     * A chart as the IC saw it. Only the name is required: snapshots of early versions and of the
     * sample incident carry little more than a name and a PNG.
     *
     * @param queryId the query charted
     * @param name its name
     * @param sourceId the monitoring source
     * @param query the query text
     * @param unit its unit, if any
     * @param from start of the charted window (UTC)
     * @param to end of the charted window (UTC)
     * @param fetchedAt when the data was fetched (UTC)
     * @param offline true if the data came from the cache while the source was unreachable
     * @param raw the source's response body exactly as returned, unless too large
     * @param rawOmitted true when the raw answer was left out for size (over 4 MiB)
     * @param png base64 PNG of the chart, unless too large
     * @param pngOmitted true when the PNG was left out for size (over 2 MiB encoded)
     */
    record MetricSnapshot(
            Optional<String> queryId,
            String name,
            Optional<String> sourceId,
            Optional<String> query,
            Optional<String> unit,
            Optional<Instant> from,
            Optional<Instant> to,
            Optional<Instant> fetchedAt,
            Optional<Boolean> offline,
            Optional<String> raw,
            Optional<Boolean> rawOmitted,
            Optional<String> png,
            Optional<Boolean> pngOmitted)
            implements ImpactEvent {
        /** @throws IllegalArgumentException naming a missing required field */
        public MetricSnapshot {
            queryId = opt(queryId);
            required(name, "name");
            sourceId = opt(sourceId);
            query = opt(query);
            unit = opt(unit);
            from = opt(from);
            to = opt(to);
            fetchedAt = opt(fetchedAt);
            offline = opt(offline);
            raw = opt(raw);
            rawOmitted = opt(rawOmitted);
            png = opt(png);
            pngOmitted = opt(pngOmitted);
        }

        @Override
        public EventType type() {
            return EventType.METRIC_SNAPSHOT;
        }
    }
}
