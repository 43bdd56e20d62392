package dev.conn.impact;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.conn.impact.MetricSourceException.Kind;
import dev.conn.settings.MonitoringSource;
import dev.conn.settings.SecretResolver;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * <p>Parsed with Jackson's streaming parser under explicit {@link StreamReadConstraints}, after the
 * body is read with a size cap, so a huge or hostile answer costs bounded memory.
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
    private final JsonFactory json;

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
        this.json = jsonFactory(maxBodyBytes);
    }

    /** A client with Conn's shared HTTP client and a 32 MiB body cap. */
    public PrometheusClient(MonitoringSource source, SecretResolver secrets) {
        this(source, secrets, SourceHttpClient.defaultHttp(), SourceHttpClient.DEFAULT_MAX_BODY_BYTES);
    }

    static JsonFactory jsonFactory(long maxBodyBytes) {
        return JsonFactory.builder()
                .enable(com.fasterxml.jackson.core.StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(maxBodyBytes)
                        .maxStringLength(1024 * 1024)
                        .maxNumberLength(64)
                        .maxNestingDepth(16)
                        .build())
                .build();
    }

    @Override
    public String id() {
        return source.id();
    }

    @Override
    public SeriesResult queryRange(String query, Instant start, Instant end, Duration step)
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
        SourceHttpClient.Answer answer = http.execute(authorize(request).build());
        return interpret(answer);
    }

    @Override
    public String testConnection() throws MetricSourceException {
        HttpUrl url = endpoint("api/v1/query")
                .newBuilder()
                .addQueryParameter("query", "1")
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
        return parseEnvelope(rawJson.getBytes(java.nio.charset.StandardCharsets.UTF_8), 200);
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
        if (answer.looksLikeHtml()) {
            throw new MetricSourceException(
                    Kind.NOT_API,
                    "not a Prometheus API: the server answered with an HTML page (HTTP " + answer.code()
                            + "; a login page or proxy?); check the base URL",
                    null);
        }
        return parseEnvelope(answer.body(), answer.code());
    }

    private SeriesResult parseEnvelope(byte[] body, int code) throws MetricSourceException {
        String status = null;
        String errorType = null;
        String error = null;
        List<String> warnings = new ArrayList<>();
        List<Series> series = new ArrayList<>();
        try (JsonParser p = json.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw notJson(code, body, null);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "status" -> status = p.getValueAsString();
                    case "errorType" -> errorType = p.getValueAsString();
                    case "error" -> error = p.getValueAsString();
                    case "warnings" -> {
                        if (t == JsonToken.START_ARRAY) {
                            while (p.nextToken() != JsonToken.END_ARRAY) {
                                warnings.add(p.getValueAsString());
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                    case "data" -> {
                        if (t == JsonToken.START_OBJECT) {
                            readData(p, series);
                        } else {
                            p.skipChildren();
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        } catch (StreamConstraintsException e) {
            throw new MetricSourceException(
                    Kind.SERVER, "the answer is beyond Conn's parsing limits (" + e.getOriginalMessage() + ")", e);
        } catch (com.fasterxml.jackson.core.io.JsonEOFException e) {
            throw new MetricSourceException(
                    Kind.SERVER,
                    "the answer from " + base.host() + " was cut off (incomplete JSON, HTTP " + code + ")",
                    e);
        } catch (com.fasterxml.jackson.core.JsonParseException e) {
            if (isTruncation(e)) {
                throw new MetricSourceException(
                        Kind.SERVER,
                        "the answer from " + base.host() + " was cut off (incomplete JSON, HTTP " + code + ")",
                        e);
            }
            throw notJson(code, body, e);
        } catch (NumberFormatException e) {
            throw new MetricSourceException(Kind.NOT_API, "not a Prometheus API: a sample value is not a number", e);
        } catch (IOException e) {
            throw new MetricSourceException(Kind.SERVER, "could not read the answer: " + e.getMessage(), e);
        }
        if ("error".equals(status)) {
            Kind kind = code >= 500 ? Kind.SERVER : Kind.QUERY;
            throw new MetricSourceException(
                    kind,
                    "Prometheus refused the query (" + (errorType == null ? "HTTP " + code : errorType) + "): "
                            + (error == null ? "no reason given" : error),
                    null);
        }
        if (!"success".equals(status)) {
            if (code >= 500) {
                throw new MetricSourceException(Kind.SERVER, "the source failed (HTTP " + code + ")", null);
            }
            throw new MetricSourceException(
                    Kind.NOT_API, "not a Prometheus API: the answer has no \"status\" (HTTP " + code + ")", null);
        }
        return new SeriesResult(series, warnings, new String(body, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** @return true if the parser ran out of input mid-document (a cut-off answer) */
    static boolean isTruncation(com.fasterxml.jackson.core.JsonProcessingException e) {
        String m = e.getOriginalMessage();
        return m != null && m.contains("end-of-input");
    }

    private MetricSourceException notJson(int code, byte[] body, Exception cause) {
        String head = new String(body, 0, Math.min(body.length, 80), java.nio.charset.StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ")
                .strip();
        Kind kind = code >= 500 ? Kind.SERVER : Kind.NOT_API;
        return new MetricSourceException(
                kind,
                (code >= 500 ? "the source failed (HTTP " + code + ") and" : "not a Prometheus API:")
                        + " the answer is not JSON (starts with \"" + head + "\")",
                cause);
    }

    private static void readData(JsonParser p, List<Series> out) throws IOException {
        String resultType = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            if (field.equals("resultType")) {
                resultType = p.getValueAsString();
            } else if (field.equals("result")
                    && t == JsonToken.START_ARRAY
                    && !"scalar".equals(resultType)
                    && !"string".equals(resultType)) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    out.add(readSeries(p));
                }
            } else {
                p.skipChildren();
            }
        }
    }

    private static Series readSeries(JsonParser p) throws IOException {
        Map<String, String> labels = new LinkedHashMap<>();
        long[] times = new long[64];
        double[] values = new double[64];
        int n = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            if (field.equals("metric") && t == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String k = p.currentName();
                    p.nextToken();
                    labels.put(k, p.getValueAsString());
                }
            } else if ((field.equals("values") || field.equals("value")) && t == JsonToken.START_ARRAY) {
                if (field.equals("value")) { // an instant vector: one [t, "v"] pair
                    times[0] = readTime(p);
                    values[0] = readValue(p);
                    p.nextToken(); // END_ARRAY of the pair
                    n = 1;
                    continue;
                }
                while (p.nextToken() == JsonToken.START_ARRAY) {
                    if (n == times.length) {
                        times = java.util.Arrays.copyOf(times, n * 2);
                        values = java.util.Arrays.copyOf(values, n * 2);
                    }
                    times[n] = readTime(p);
                    values[n] = readValue(p);
                    if (p.nextToken() != JsonToken.END_ARRAY) {
                        throw new NumberFormatException("a sample has more than two elements");
                    }
                    n++;
                }
            } else {
                p.skipChildren();
            }
        }
        return new Series(labels, java.util.Arrays.copyOf(times, n), java.util.Arrays.copyOf(values, n));
    }

    private static long readTime(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw new NumberFormatException("a sample time is not a number");
        }
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue() * 1000;
        }
        // seconds with up to 3 decimals; a double holds 1.7e12 ms exactly, so rounding is exact
        return Math.round(p.getDoubleValue() * 1000);
    }

    private static double readValue(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_STRING) {
            return parseSampleValue(p.getText());
        }
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getDoubleValue();
        }
        throw new NumberFormatException("a sample value is not a string");
    }

    /**
     * Parses a Prometheus sample value string: a Go float, or {@code NaN}, {@code +Inf}, {@code -Inf}.
     *
     * @param s the string
     * @return the value
     * @throws NumberFormatException if it is not a number
     */
    static double parseSampleValue(String s) {
        return switch (s) {
            case "NaN" -> Double.NaN;
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> com.fasterxml.jackson.core.io.NumberInput.parseDouble(s, true); // FastDoubleParser
        };
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
