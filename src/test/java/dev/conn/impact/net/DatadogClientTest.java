package dev.conn.impact.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conn.impact.Series;
import dev.conn.impact.SeriesResult;
import dev.conn.settings.MonitoringSource;
import dev.conn.settings.SecretRef;
import dev.conn.settings.SecretResolver;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Datadog client on a local MockWebServer. Bodies are shaped as the example responses of
 * https://docs.datadoghq.com/api/latest/metrics/#query-timeseries-points (v1 {@code GET
 * /api/v1/query}) and https://docs.datadoghq.com/api/latest/authentication/#validate-api-key.
 */
class DatadogClientTest {
    static final Instant FROM = Instant.parse("2025-03-14T09:00:00Z");
    static final Instant TO = Instant.parse("2025-03-14T10:00:00Z");

    static final String BODY =
            """
            {
              "status": "ok",
              "res_type": "time_series",
              "resp_version": 1,
              "query": "sum:trace.http.request.errors{service:checkout} by {env}",
              "from_date": 1741942800000,
              "to_date": 1741946400000,
              "group_by": ["env"],
              "series": [
                {
                  "unit": [{"family": "general", "name": "error", "plural": "errors", "scale_factor": 1.0, "short_name": null}, null],
                  "query_index": 0,
                  "aggr": "sum",
                  "metric": "trace.http.request.errors",
                  "tag_set": ["env:prod"],
                  "expression": "sum:trace.http.request.errors{env:prod,service:checkout}",
                  "scope": "env:prod,service:checkout",
                  "interval": 20,
                  "length": 3,
                  "start": 1741942800000,
                  "end": 1741942859000,
                  "pointlist": [[1741942800000.0, 3.0], [1741942820000.0, null], [1741942840000.0, 142.5]],
                  "display_name": "trace.http.request.errors",
                  "attributes": {}
                }
              ],
              "values": [],
              "times": [],
              "message": "",
              "error": null
            }
            """;

    MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start(java.net.InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    DatadogClient client() {
        return new DatadogClient(
                MonitoringSource.datadog(
                        "dd",
                        "Datadog EU",
                        server.url("/").toString(),
                        SecretRef.env("DD_API"),
                        SecretRef.env("DD_APP")),
                new SecretResolver(
                        Map.of("DD_API", "api-123", "DD_APP", "app-456"), SecretResolver.SecretStore.unavailable()),
                new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(2)).build(),
                1 << 20);
    }

    @Test
    void pointlistMillisecondsAndNullPointsAreRead() throws Exception {
        server.enqueue(
                new MockResponse().setHeader("Content-Type", "application/json").setBody(BODY));
        SeriesResult r = client().queryRange(
                        "sum:trace.http.request.errors{service:checkout} by {env}", FROM, TO, Duration.ofSeconds(20));

        Series s = r.series().get(0);
        assertThat(s.labels()).isEqualTo(Map.of("__name__", "trace.http.request.errors", "env", "prod"));
        assertThat(s.times()).containsExactly(1741942800000L, 1741942820000L, 1741942840000L);
        assertThat(s.values()).containsExactly(3.0, Double.NaN, 142.5);
        RecordedRequest req = server.takeRequest();
        assertThat(req.getRequestUrl().encodedPath()).isEqualTo("/api/v1/query");
        assertThat(req.getRequestUrl().queryParameter("from")).isEqualTo("1741942800");
        assertThat(req.getRequestUrl().queryParameter("to")).isEqualTo("1741946400");
        assertThat(req.getHeader("DD-API-KEY")).isEqualTo("api-123");
        assertThat(req.getHeader("DD-APPLICATION-KEY")).isEqualTo("app-456");
    }

    @Test
    void forbiddenKeysSay403() {
        server.enqueue(new MockResponse().setResponseCode(403).setBody("{\"errors\":[\"Forbidden\"]}"));
        assertThatThrownBy(() -> client().queryRange("avg:x{*}", FROM, TO, Duration.ofSeconds(20)))
                .hasMessageStartingWith("403: the API or application key is not allowed");
    }

    @Test
    void badQueryShowsDatadogErrors() {
        server.enqueue(
                new MockResponse()
                        .setResponseCode(400)
                        .setBody(
                                "{\"errors\":[\"Error parsing query: unable to parse avg:x{: Rule 'scope_expr' didn't match\"]}"));
        assertThatThrownBy(() -> client().queryRange("avg:x{", FROM, TO, Duration.ofSeconds(20)))
                .hasMessage("Datadog refused the query (HTTP 400): Error parsing query: unable to parse avg:x{: Rule"
                        + " 'scope_expr' didn't match");
    }

    /*
     * Test connection, with the answers of Datadog's API reference: GET /api/v1/validate answers
     * 200 {"valid": true} or 403 {"errors": ["Forbidden"]}
     * (https://docs.datadoghq.com/api/latest/authentication/#validate-api-key); GET /api/v1/query
     * needs the timeseries_query permission and answers 403 {"errors": ["Forbidden"]} without it
     * (https://docs.datadoghq.com/api/latest/metrics/#query-timeseries-points).
     */

    @Test
    void testConnectionRunsAOnePointQueryWithBothKeys() throws Exception {
        server.enqueue(new MockResponse().setBody("{\"valid\": true}"));
        server.enqueue(
                new MockResponse().setHeader("Content-Type", "application/json").setBody(BODY));

        assertThat(client().testConnection())
                .isEqualTo("Datadog at " + server.getHostName()
                        + " accepted both keys and a one-point query (timeseries_query)");

        RecordedRequest validate = server.takeRequest();
        assertThat(validate.getPath()).isEqualTo("/api/v1/validate");
        assertThat(validate.getHeader("DD-API-KEY")).isEqualTo("api-123");
        RecordedRequest query = server.takeRequest();
        assertThat(query.getRequestUrl().encodedPath()).isEqualTo("/api/v1/query");
        assertThat(query.getRequestUrl().queryParameter("query")).isEqualTo(DatadogClient.TEST_QUERY);
        assertThat(query.getHeader("DD-API-KEY")).isEqualTo("api-123");
        assertThat(query.getHeader("DD-APPLICATION-KEY")).isEqualTo("app-456");
    }

    @Test
    void aRefusedApiKeyIsNamed() {
        server.enqueue(new MockResponse().setResponseCode(403).setBody("{\"errors\": [\"Forbidden\"]}"));

        assertThatThrownBy(() -> client().testConnection())
                .hasMessage("403: Datadog refused the API key (apiKey env:DD_API); check that it is an API key of"
                        + " this site (" + server.getHostName() + ")");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aWrongApplicationKeyOrMissingPermissionIsNamedBeforeAChartFails() {
        server.enqueue(new MockResponse().setBody("{\"valid\": true}"));
        server.enqueue(new MockResponse().setResponseCode(403).setBody("{\"errors\": [\"Forbidden\"]}"));

        assertThatThrownBy(() -> client().testConnection())
                .hasMessage("403: the API key is valid, but Datadog refused the application key (applicationKey"
                        + " env:DD_APP): it is wrong, or lacks the timeseries_query permission that reading metrics"
                        + " needs");
    }
}
