package dev.conn.impact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conn.incident.IncidentId;
import dev.conn.platform.json.Json;
import dev.conn.postmortem.MetricSeriesArchive;
import dev.conn.settings.MonitoringSource;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The impact feature's series cache as the postmortem JSON bundle carries it ({@code
 * metricSeries}): one object per cached impact query answer, so an exported incident shows its
 * last graphs offline after import.
 *
 * <p>Shape of each series: {@code queryId}, {@code sourceKind} ({@code PROMETHEUS} or {@code
 * DATADOG}), {@code query}, {@code from}, {@code to}, {@code fetchedAt} (ISO-8601 UTC instants),
 * and {@code raw}: the source's answer exactly as fetched (JSON). No source URL and no secret is
 * carried: a query names its source only by the id in the {@code IMPACT_QUERY_SET} event.
 *
 * <p>Blocks on the database: call off the JavaFX thread.
 */
public final class SeriesArchive implements MetricSeriesArchive {
    private static final JsonMapper MAPPER = Json.newMapper();
    private final SeriesCache cache;

    /** @param cache the series cache */
    public SeriesArchive(SeriesCache cache) {
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    @Override
    public List<JsonNode> list(IncidentId incident) {
        List<JsonNode> out = new ArrayList<>();
        for (CachedSeries c : cache.all(incident)) { // ordered by query id: reproducible exports
            ObjectNode n = MAPPER.createObjectNode();
            n.put("queryId", c.queryId());
            n.put("sourceKind", c.sourceKind().name());
            n.put("query", c.query());
            n.put("from", c.from().toString());
            n.put("to", c.to().toString());
            n.put("fetchedAt", c.fetchedAt().toString());
            try {
                n.set("raw", MAPPER.readTree(c.rawJson()));
            } catch (JsonProcessingException e) {
                n.put("raw", c.rawJson()); // kept as fetched, even if the source sent bad JSON
            }
            out.add(n);
        }
        return out;
    }

    @Override
    public void validate(List<JsonNode> series) {
        for (int i = 0; i < series.size(); i++) {
            parse(series.get(i), i, new IncidentId(new java.util.UUID(0, 0)));
        }
    }

    @Override
    public void restore(IncidentId incident, List<JsonNode> series) {
        for (int i = 0; i < series.size(); i++) {
            CachedSeries s = parse(series.get(i), i, incident);
            if (cache.get(incident, s.queryId()).isEmpty()) { // never replaces fresher data
                cache.put(s);
            }
        }
    }

    private static CachedSeries parse(JsonNode n, int index, IncidentId incident) {
        String where = "metricSeries[" + index + "]";
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException(where + ": must be an object");
        }
        String kind = text(n, "sourceKind", where).toUpperCase(Locale.ROOT);
        MonitoringSource.Kind sourceKind;
        try {
            sourceKind = MonitoringSource.Kind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    where + ".sourceKind: must be PROMETHEUS or DATADOG, not '" + kind + "'");
        }
        JsonNode raw = n.get("raw");
        if (raw == null || raw.isNull()) {
            throw new IllegalArgumentException(where + ".raw: missing");
        }
        return new CachedSeries(
                incident,
                text(n, "queryId", where),
                sourceKind,
                text(n, "query", where),
                instant(n, "from", where),
                instant(n, "to", where),
                instant(n, "fetchedAt", where),
                raw.isTextual() ? raw.asText() : raw.toString());
    }

    private static String text(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(where + "." + field + ": missing or not a string");
        }
        return v.asText();
    }

    private static Instant instant(JsonNode n, String field, String where) {
        String t = text(n, field, where);
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + "." + field + ": not an ISO-8601 UTC instant: '" + t + "'");
        }
    }
}
