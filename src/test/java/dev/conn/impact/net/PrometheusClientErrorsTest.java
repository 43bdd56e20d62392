package dev.conn.impact.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conn.impact.MetricSourceException;
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
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the user reads when a Prometheus source answers badly, each case on a local MockWebServer. */
class PrometheusClientErrorsTest {
    static final Instant START = Instant.parse("2025-03-14T09:00:00Z");
    static final Instant END = START.plusSeconds(600);

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

    PrometheusClient client(MonitoringSource source, long cap) {
        return new PrometheusClient(
                source,
                new SecretResolver(
                        Map.of("PROM_TOKEN", "s3cr3t-token", "PROM_PASS", "pw"),
                        SecretResolver.SecretStore.unavailable()),
                new OkHttpClient.Builder()
                        .connectTimeout(Duration.ofSeconds(2))
                        .readTimeout(Duration.ofMillis(400))
                        .callTimeout(Duration.ofMillis(800))
                        .build(),
                cap);
    }

    PrometheusClient client() {
        return client(MonitoringSource.prometheus("p", "prod", server.url("/").toString()), 1 << 20);
    }

    String query() throws Exception {
        return client().queryRange("up", START, END, Duration.ofSeconds(60)).toString();
    }

    static MockResponse json(int code, String body) {
        return new MockResponse()
                .setResponseCode(code)
                .setHeader("Content-Type", "application/json")
                .setBody(body);
    }

    @Test
    void badDataShowsPrometheusReason() {
        server.enqueue(
                json(400, "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error at char 3\"}"));
        assertThatThrownBy(this::query)
                .hasMessage("Prometheus refused the query (bad_data): parse error at char 3")
                .extracting(e -> ((MetricSourceException) e).kind())
                .isEqualTo(MetricSourceException.Kind.QUERY);
    }

    @Test
    void unprocessableQueryShowsExecutionError() {
        server.enqueue(json(
                422,
                "{\"status\":\"error\",\"errorType\":\"execution\",\"error\":\"many-to-many matching not allowed\"}"));
        assertThatThrownBy(this::query)
                .hasMessage("Prometheus refused the query (execution): many-to-many matching not allowed");
    }

    @Test
    void serverTimeoutSaysTheQueryTimedOutAndIsNotOffline() {
        server.enqueue(
                json(
                        503,
                        "{\"status\":\"error\",\"errorType\":\"timeout\",\"error\":\"query timed out in expression evaluation\"}"));
        assertThatThrownBy(this::query)
                .hasMessage("the query timed out on the source (query timed out in expression evaluation); narrow"
                        + " the range or simplify the query")
                .matches(e -> ((MetricSourceException) e).kind() == MetricSourceException.Kind.QUERY_TIMEOUT)
                .matches(e -> !((MetricSourceException) e).isOffline());
    }

    @Test
    void htmlLoginPageIsNotAPrometheusApi() {
        server.enqueue(new MockResponse()
                .setHeader("Content-Type", "text/html; charset=utf-8")
                .setBody("<!DOCTYPE html><html><body>Sign in</body></html>"));
        assertThatThrownBy(this::query)
                .hasMessageStartingWith("not a Prometheus API: the server answered with an HTML page");
    }

    @Test
    void nonJsonBodyIsNamed() {
        server.enqueue(
                new MockResponse().setHeader("Content-Type", "text/plain").setBody("404 page not found"));
        assertThatThrownBy(this::query)
                .hasMessage("not a Prometheus API: the answer is not JSON (starts with \"404 page not found\")");
    }

    @Test
    void truncatedJsonIsReportedAsCutOff() {
        server.enqueue(
                json(
                        200,
                        "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},\"values\":[[1741942800,\"1\"],"));
        assertThatThrownBy(this::query).hasMessageContaining("was cut off (incomplete JSON");
    }

    @Test
    void bodyOverTheCapIsRefusedWithoutReadingItAll() {
        server.enqueue(json(
                200,
                "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]},\"pad\":\""
                        + "x".repeat(4096) + "\"}"));
        PrometheusClient small =
                client(MonitoringSource.prometheus("p", "prod", server.url("/").toString()), 1024);
        assertThatThrownBy(() -> small.queryRange("up", START, END, Duration.ofSeconds(60)))
                .hasMessageContaining("the response is larger than 1024 bytes");
    }

    @Test
    void serverThatNeverAnswersTimesOutWithinTheBound() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        long t0 = System.nanoTime();
        assertThatThrownBy(this::query)
                .hasMessageContaining("did not answer")
                .hasMessageEndingWith("(timeout)")
                .extracting(e -> ((MetricSourceException) e).kind())
                .isEqualTo(MetricSourceException.Kind.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void unknownHostIsADnsFailure() {
        PrometheusClient c =
                client(MonitoringSource.prometheus("p", "prod", "http://prometheus.conn-test.invalid:9090"), 1024);
        assertThatThrownBy(() -> c.queryRange("up", START, END, Duration.ofSeconds(60)))
                .hasMessageStartingWith("cannot reach host prometheus.conn-test.invalid (DNS")
                .matches(e -> ((MetricSourceException) e).isOffline());
    }

    @Test
    void refusedTokenSays401AndNeverTheToken() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(401).setBody("Unauthorized"));
        PrometheusClient c = client(
                MonitoringSource.prometheus("p", "prod", server.url("/").toString())
                        .withAuth(MonitoringSource.Auth.BEARER, null, SecretRef.env("PROM_TOKEN")),
                1 << 20);
        assertThatThrownBy(() -> c.queryRange("up", START, END, Duration.ofSeconds(60)))
                .hasMessageStartingWith("401: the token was refused")
                .message()
                .doesNotContain("s3cr3t");
        assertThat(server.takeRequest().getHeader("Authorization")).isEqualTo("Bearer s3cr3t-token");
    }

    @Test
    void basicAuthSendsUserAndPassword() throws Exception {
        server.enqueue(json(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}"));
        client(
                        MonitoringSource.prometheus(
                                        "p",
                                        "prod",
                                        server.url("/mimir/prometheus").toString())
                                .withAuth(MonitoringSource.Auth.BASIC, "ic", SecretRef.env("PROM_PASS")),
                        1 << 20)
                .queryRange("up", START, END, Duration.ofSeconds(60));
        RecordedRequest r = server.takeRequest();
        assertThat(r.getHeader("Authorization")).isEqualTo(okhttp3.Credentials.basic("ic", "pw"));
        assertThat(r.getRequestUrl().encodedPath()).isEqualTo("/mimir/prometheus/api/v1/query_range");
        assertThat(r.getRequestUrl().queryParameter("start")).isEqualTo("1741942800");
        assertThat(r.getRequestUrl().queryParameter("step")).isEqualTo("60");
    }

    @Test
    void missingSecretIsNamedByItsReference() {
        PrometheusClient c = client(
                MonitoringSource.prometheus("p", "prod", server.url("/").toString())
                        .withAuth(MonitoringSource.Auth.BEARER, null, SecretRef.env("NOT_SET_ANYWHERE")),
                1 << 20);
        assertThatThrownBy(() -> c.queryRange("up", START, END, Duration.ofSeconds(60)))
                .hasMessageContaining("NOT_SET_ANYWHERE");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void warningsAreSurfaced() throws Exception {
        server.enqueue(
                json(
                        200,
                        "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{\"job\":\"api\"},"
                                + "\"values\":[[1741942800.5,\"2.5\"]]}]},\"warnings\":[\"partial response: store eu-2 down\"]}"));
        SeriesResult r = client().queryRange("up", START, END, Duration.ofSeconds(60));
        assertThat(r.warnings()).containsExactly("partial response: store eu-2 down");
        assertThat(r.series().get(0).times()).containsExactly(1741942800500L);
        assertThat(r.series().get(0).values()).containsExactly(2.5);
    }
}
