package dev.conn.impact.net;

import dev.conn.impact.FetchToken;
import dev.conn.impact.MetricSource;
import dev.conn.impact.MetricSourceException;
import dev.conn.impact.MetricSourceException.Kind;
import dev.conn.impact.SeriesResult;
import dev.conn.settings.MonitoringSource;
import dev.conn.settings.SecretResolver;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Reads range queries from a Prometheus HTTP API: Prometheus itself, and Thanos, Cortex, Mimir and
 * VictoriaMetrics, which serve the same endpoints.
 *
 * <p>Follows https://prometheus.io/docs/prometheus/latest/querying/api/#range-queries: {@code GET
 * /api/v1/query_range?query=&start=&end=&step=} with {@code start}/{@code end} as Unix seconds and
 * {@code step} in seconds; a query whose URL would exceed {@value #MAX_GET_URL_CHARS} characters is
 * sent as a form-encoded {@code POST} to the same path (servers and proxies cap URL length). The
 * answer is the envelope {@code {"status":"success"|"error","data":{"resultType":"matrix","result":
 * [{"metric":{...},"values":[[<unix s>,"<value>"],...]}]},"errorType":...,"error":...,
 * "warnings":[...]}}; sample values are strings that may be {@code "NaN"}, {@code "+Inf"} or
 * {@code "-Inf"} (https://prometheus.io/docs/prometheus/latest/querying/api/#expression-query-result-formats).
 *
 * <p>Parsed by {@link PrometheusAnswer} after the body is read with a size cap, so a huge or hostile
 * answer costs bounded memory. A 502, 503 or 504 that is not a JSON answer is a proxy's own page:
 * the source is "unreachable through a proxy", not "not a Prometheus API".
 *
 * <p>Auth: none, bearer (RFC 6750) or basic (RFC 7617); the secret is resolved from its reference
 * for each request and never kept or logged. Blocking: call off the JavaFX thread.
 */
public final class PrometheusClient implements MetricSource {
    /** Longest GET URL sent; longer queries go as a form-encoded POST. */
    public static final int MAX_GET_URL_CHARS = 4000;

    private final MonitoringSource source;
    private final SecretResolver secrets;
    private final SourceHttpClient http;
    private final HttpUrl base;
    private final PrometheusAnswer answers;

    /**
     * @param source the configured source (kind PROMETHEUS)
     * @param secrets resolves the bearer token or password at request time
     * @param http the OkHttp client (timeouts are taken from it)
     * @param maxBodyBytes the largest answer read, in bytes
     * @throws IllegalArgumentException if the base URL cannot be parsed
     */
    public PrometheusClient(MonitoringSource source, SecretResolver secrets, OkHttpClient http, long maxBodyBytes) {
        this.source = Objects.requireNonNull(source, "source");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.http = new SourceHttpClient(http, maxBodyBytes);
        HttpUrl parsed = HttpUrl.parse(source.baseUrl());
        if (parsed == null) {
            throw new IllegalArgumentException("not a URL: " + source.baseUrl());
        }
        this.base = parsed;
        this.answers = new PrometheusAnswer(maxBodyBytes, parsed.host());
    }

    /** A client with Conn's shared HTTP client and a 32 MiB body cap. */
    public PrometheusClient(MonitoringSource source, SecretResolver secrets) {
        this(source, secrets, SourceHttpClient.defaultHttp(), SourceHttpClient.DEFAULT_MAX_BODY_BYTES);
    }

    @Override
    public String id() {
        return source.id();
    }

    @Override
    public SeriesResult queryRange(String query, Instant start, Instant end, Duration step, FetchToken token)
            throws MetricSourceException {
        Objects.requireNonNull(query, "query");
        if (!end.isAfter(start) || step.isZero() || step.isNegative()) {
            throw new IllegalArgumentException("range must have end > start and a positive step");
        }
        String startS = seconds(start);
        String endS = seconds(end);
        String stepS =
                BigDecimal.valueOf(step.toMillis(), 3).stripTrailingZeros().toPlainString();
        HttpUrl path = endpoint("api/v1/query_range");
        HttpUrl get = path.newBuilder()
                .addQueryParameter("query", query)
                .addQueryParameter("start", startS)
                .addQueryParameter("end", endS)
                .addQueryParameter("step", stepS)
                .build();
        Request.Builder request;
        if (get.toString().length() <= MAX_GET_URL_CHARS) {
            request = new Request.Builder().url(get).get();
        } else {
            request = new Request.Builder()
                    .url(path)
                    .post(new FormBody.Builder()
                            .add("query", query)
                            .add("start", startS)
                            .add("end", endS)
                            .add("step", stepS)
                            .build());
        }
        SourceHttpClient.Answer answer = http.execute(authorize(request).build(), token);
        return interpret(answer);
    }

    @Override
    public String testConnection() throws MetricSourceException {
        // a range query of the constant 1 over the last minute: the same endpoint the charts use
        long now = java.time.Clock.systemUTC().instant().getEpochSecond();
        HttpUrl url = endpoint("api/v1/query_range")
                .newBuilder()
                .addQueryParameter("query", "1")
                .addQueryParameter("start", Long.toString(now - 60))
                .addQueryParameter("end", Long.toString(now))
                .addQueryParameter("step", "60")
                .build();
        SourceHttpClient.Answer answer =
                http.execute(authorize(new Request.Builder().url(url).get()).build());
        interpret(answer);
        String version = "";
        try {
            SourceHttpClient.Answer info = http.execute(authorize(new Request.Builder()
                            .url(endpoint("api/v1/status/buildinfo"))
                            .get())
                    .build());
            if (info.code() == 200) {
                var node = dev.conn.platform.json.Json.newMapper().readTree(info.body());
                String v = node.path("data").path("version").asText("");
                version = v.isEmpty() ? "" : " (version " + v + ")";
            }
        } catch (MetricSourceException | IOException e) {
            // buildinfo is optional (Thanos, VictoriaMetrics); the query above already proved the API
        }
        return "Prometheus API at " + base.host() + " answered" + version;
    }

    @Override
    public SeriesResult parse(String rawJson) throws MetricSourceException {
        return parse(rawJson.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Parses a {@code query_range} answer as its bytes came off the wire, as {@link #queryRange}
     * does (the benchmark measures this).
     *
     * @param body the answer's UTF-8 bytes (HTTP 200)
     * @return the series, warnings and the answer kept for snapshots
     * @throws MetricSourceException naming what is wrong (see {@link #parse(String)})
     */
    public SeriesResult parse(byte[] body) throws MetricSourceException {
        return answers.parse(body, 200);
    }

    private SeriesResult interpret(SourceHttpClient.Answer answer) throws MetricSourceException {
        String auth = SourceHttpClient.authMessage(
                answer.code(),
                source.auth() == MonitoringSource.Auth.BASIC
                        ? "user name or password"
                        : source.auth() == MonitoringSource.Auth.BEARER ? "token" : "request (no credentials set)");
        if (auth != null) {
            throw new MetricSourceException(Kind.AUTH, auth, null);
        }
        if (answer.isGatewayError()) {
            throw SourceHttpClient.gateway(answer, base.host() + ":" + base.port());
        }
        if (answer.looksLikeHtml()) {
            throw new MetricSourceException(
                    Kind.NOT_API,
                    "not a Prometheus API: the server answered with an HTML page (HTTP " + answer.code()
                            + "; a login page or proxy?); check the base URL",
                    null);
        }
        return answers.parse(answer.body(), answer.code());
    }

    private static String seconds(Instant t) {
        return BigDecimal.valueOf(t.toEpochMilli(), 3).stripTrailingZeros().toPlainString();
    }

    private HttpUrl endpoint(String path) {
        HttpUrl.Builder b = base.newBuilder();
        for (String segment : path.split("/")) {
            b.addPathSegment(segment);
        }
        // a base URL ending in '/' leaves an empty segment; drop it
        HttpUrl url = b.build();
        List<String> segs = new ArrayList<>(url.pathSegments());
        segs.removeIf(String::isEmpty);
        HttpUrl.Builder clean = url.newBuilder().encodedPath("/");
        segs.forEach(clean::addPathSegment);
        return clean.build();
    }

    private Request.Builder authorize(Request.Builder request) throws MetricSourceException {
        try {
            switch (source.auth()) {
                case BEARER -> request.header("Authorization", "Bearer " + secrets.resolve(required(source.secret())));
                case BASIC -> request.header(
                        "Authorization",
                        Credentials.basic(
                                source.username() == null ? "" : source.username(),
                                secrets.resolve(required(source.secret())),
                                java.nio.charset.StandardCharsets.UTF_8));
                case NONE -> {}
            }
        } catch (SecretResolver.SecretUnavailableException e) {
            throw new MetricSourceException(Kind.AUTH, e.getMessage(), null);
        }
        return request;
    }

    private dev.conn.settings.SecretRef required(dev.conn.settings.SecretRef ref) throws MetricSourceException {
        if (ref == null) {
            throw new MetricSourceException(
                    Kind.AUTH,
                    "source '" + source.name() + "' uses " + source.auth() + " auth but has no secret"
                            + " reference; set env:NAME or keyring:NAME",
                    null);
        }
        return ref;
    }
}
