package dev.conn.impact;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Links that open a chart's query in the source's own UI, for the same range. Pure.
 *
 * <ul>
 *   <li>Prometheus: {@code <base>/graph?g0.expr=&g0.tab=0&g0.range_input=&g0.end_input=&g0.step_input=},
 *       the parameters of the Prometheus expression browser (web/ui, {@code /graph}).
 *   <li>Grafana Explore: {@code <grafana>/explore?left=<JSON>} with {@code datasource} (the source's
 *       name, as it is usually named in Grafana too), {@code queries: [{refId: "A", expr}]} and
 *       {@code range: {from, to}} in ms since the epoch
 *       (https://grafana.com/docs/grafana/latest/explore/#share-explore-urls).
 * </ul>
 */
public final class SourceLinks {
    private static final DateTimeFormatter END =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private SourceLinks() {}

    /**
     * @param baseUrl the Prometheus root URL
     * @param query the query as written (variables expanded by Prometheus' UI are not: pass it expanded)
     * @param from start of the range (UTC)
     * @param to end of the range (UTC)
     * @param step the step
     * @return the expression browser URL
     */
    public static String prometheus(String baseUrl, String query, Instant from, Instant to, Duration step) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + "/graph?g0.expr=" + enc(query) + "&g0.tab=0&g0.range_input="
                + enc(QueryTemplate.promDuration(Duration.between(from, to).withNanos(0))) + "&g0.end_input="
                + enc(END.format(to)) + "&g0.step_input=" + step.toSeconds();
    }

    /**
     * @param grafanaUrl Grafana's root URL, if one is set for the source
     * @param datasource the Grafana data source name
     * @param query the query
     * @param from start of the range (UTC)
     * @param to end of the range (UTC)
     * @return the Explore URL, or empty without a Grafana URL
     */
    public static Optional<String> grafana(
            Optional<String> grafanaUrl, String datasource, String query, Instant from, Instant to) {
        if (grafanaUrl.isEmpty() || grafanaUrl.get().isBlank()) {
            return Optional.empty();
        }
        String base = grafanaUrl.get().strip();
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        ObjectNode left = JsonNodeFactory.instance.objectNode();
        left.put("datasource", datasource);
        left.putArray("queries").addObject().put("refId", "A").put("expr", query);
        ObjectNode range = left.putObject("range");
        range.put("from", Long.toString(from.toEpochMilli()));
        range.put("to", Long.toString(to.toEpochMilli()));
        return Optional.of(base + "/explore?left=" + enc(left.toString()));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
