package dev.conn.impact;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Starting points for impact queries, offered as editable examples (the metric names follow the
 * Prometheus naming conventions, https://prometheus.io/docs/practices/naming/, and the RED method:
 * rate, errors, duration). The user replaces {@code job="api"} and the metric names with theirs.
 * Rate windows are written {@code $__rate_interval} ({@link QueryTemplate}), so they follow the
 * step and never miss samples between steps.
 */
public final class ImpactPresets {
    private ImpactPresets() {}

    /**
     * A preset.
     *
     * @param name the chart title
     * @param query the PromQL text
     * @param unit the unit
     * @param threshold a typical SLO line, or empty
     */
    public record Preset(String name, String query, String unit, OptionalDouble threshold) {
        /** @return an impact query for this preset on {@code sourceId}, with a new id */
        public ImpactQuery toQuery(String sourceId) {
            return ImpactQuery.create(name, sourceId, query, unit, threshold);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * @return error ratio in % (5xx over all requests; 1 % SLO line), p99 latency in ms through
     *     {@code histogram_quantile} (https://prometheus.io/docs/practices/histograms/; 500 ms line),
     *     and request rate in requests/s
     */
    public static List<Preset> prometheus() {
        return List.of(
                new Preset(
                        "Error ratio",
                        "100 * sum(rate(http_requests_total{job=\"api\",code=~\"5..\"}[$__rate_interval]))"
                                + " / sum(rate(http_requests_total{job=\"api\"}[$__rate_interval]))",
                        "%",
                        OptionalDouble.of(1.0)),
                new Preset(
                        "p99 latency",
                        "1000 * histogram_quantile(0.99,"
                                + " sum by (le) (rate(http_request_duration_seconds_bucket{job=\"api\"}[$__rate_interval])))",
                        "ms",
                        OptionalDouble.of(500)),
                new Preset(
                        "Request rate",
                        "sum by (code) (rate(http_requests_total{job=\"api\"}[$__rate_interval]))",
                        "req/s",
                        OptionalDouble.empty()));
    }
}
