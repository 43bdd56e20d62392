package dev.conn.impact.net;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.conn.impact.FetchToken;
import dev.conn.impact.MetricSource;
import dev.conn.impact.MetricSourceException;
import dev.conn.impact.MetricSourceException.Kind;
import dev.conn.impact.Series;
import dev.conn.impact.SeriesResult;
import dev.conn.settings.MonitoringSource;
import dev.conn.settings.SecretRef;
import dev.conn.settings.SecretResolver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Reads timeseries points from Datadog's metrics API v1.
 *
 * <p>Follows https://docs.datadoghq.com/api/latest/metrics/#query-timeseries-points: {@code GET
 * /api/v1/query?from=<unix s>&to=<unix s>&query=...} with the headers {@code DD-API-KEY} and
 * {@code DD-APPLICATION-KEY}. The answer holds {@code series: [{metric, scope, tag_set, expression,
 * pointlist: [[<unix ms>, <value or null>], ...]}, ...]}; errors come as {@code {"errors": [...]}}
 * with a 4xx status. Datadog picks its own rollup interval, so the requested step is not sent.
 * {@code testConnection} checks the API key alone with {@code GET /api/v1/validate}
 * (https://docs.datadoghq.com/api/latest/authentication/#validate-api-key), then runs a one-point
 * query with both keys, which needs the application key's {@code timeseries_query} permission, so a
 * wrong or under-privileged application key is named before a chart fails with 403.
 *
 * <p>Keys are resolved from their references per request and never kept or logged. Blocking: call
 * off the JavaFX thread.
 */
public final class DatadogClient implements MetricSource {
    private final MonitoringSource source;
    private final SecretResolver secrets;
    private final SourceHttpClient http;
    private final HttpUrl base;
    private final JsonFactory json;
    private final java.time.Clock clock;

    /**
     * @param source the configured source (kind DATADOG, with apiKey and applicationKey references)
     * @param secrets resolves the keys at request time
     * @param http the OkHttp client (timeouts are taken from it)
     * @param maxBodyBytes the largest answer read, in bytes
     * @throws IllegalArgumentException if the base URL cannot be parsed
     */
    public DatadogClient(MonitoringSource source, SecretResolver secrets, OkHttpClient http, long maxBodyBytes) {
        this.source = Objects.requireNonNull(source, "source");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.http = new SourceHttpClient(http, maxBodyBytes);
        HttpUrl parsed = HttpUrl.parse(source.baseUrl());
        if (parsed == null) {
            throw new IllegalArgumentException("not a URL: " + source.baseUrl());
        }
        this.base = parsed;
        this.json = PrometheusAnswer.jsonFactory(maxBodyBytes);
        this.clock = java.time.Clock.systemUTC();
    }

    /** A client with Conn's shared HTTP client and a 32 MiB body cap. */
    public DatadogClient(MonitoringSource source, SecretResolver secrets) {
        this(source, secrets, SourceHttpClient.defaultHttp(), SourceHttpClient.DEFAULT_MAX_BODY_BYTES);
    }

    @Override
    public String id() {
        return source.id();
    }

    @Override
    public SeriesResult queryRange(String query, Instant start, Instant end, Duration step, FetchToken token)
            throws MetricSourceException {
        HttpUrl url = base.newBuilder()
                .encodedPath("/api/v1/query")
                .addQueryParameter("from", Long.toString(start.getEpochSecond()))
                .addQueryParameter("to", Long.toString(end.getEpochSecond()))
                .addQueryParameter("query", query)
                .build();
        SourceHttpClient.Answer answer =
                http.execute(withKeys(new Request.Builder().url(url).get(), true), token);
        check(answer);
        return parse(answer.body(), answer.code());
    }

    @Override
    public String testConnection() throws MetricSourceException {
        HttpUrl validate = base.newBuilder().encodedPath("/api/v1/validate").build();
        SourceHttpClient.Answer answer =
                http.execute(withKeys(new Request.Builder().url(validate).get(), false));
        if (answer.code() == 401 || answer.code() == 403) {
            throw new MetricSourceException(
                    Kind.AUTH,
                    answer.code() + ": Datadog refused the API key (apiKey " + source.apiKey()
                            + "); check that it is an API key of this site (" + base.host() + ")",
                    null);
        }
        check(answer);
        if (!answer.text().contains("\"valid\"")) {
            throw new MetricSourceException(
                    Kind.NOT_API,
                    "not the Datadog API: /api/v1/validate answered " + SourceHttpClient.excerpt(answer),
                    null);
        }
        long now = clock.instant().getEpochSecond();
        HttpUrl query = base.newBuilder()
                .encodedPath("/api/v1/query")
                .addQueryParameter("from", Long.toString(now - 300))
                .addQueryParameter("to", Long.toString(now))
                .addQueryParameter("query", TEST_QUERY)
                .build();
        SourceHttpClient.Answer points =
                http.execute(withKeys(new Request.Builder().url(query).get(), true));
        if (points.code() == 401 || points.code() == 403) {
            throw new MetricSourceException(
                    Kind.AUTH,
                    points.code() + ": the API key is valid, but Datadog refused the application key (applicationKey "
                            + source.applicationKey() + "): it is wrong, or lacks the timeseries_query"
                            + " permission that reading metrics needs",
                    null);
        }
        check(points);
        parse(points.body(), points.code());
        return "Datadog at " + base.host() + " accepted both keys and a one-point query (timeseries_query)";
    }

    /** The one-point query of {@link #testConnection}: Datadog's own usage metric, present in every org. */
    static final String TEST_QUERY = "avg:datadog.estimated_usage.hosts{*}";

    @Override
    public SeriesResult parse(String rawJson) throws MetricSourceException {
        return parse(rawJson.getBytes(StandardCharsets.UTF_8), 200);
    }

    private void check(SourceHttpClient.Answer answer) throws MetricSourceException {
        String auth = SourceHttpClient.authMessage(answer.code(), "API or application key");
        if (auth != null) {
            throw new MetricSourceException(Kind.AUTH, auth, null);
        }
        if (answer.isGatewayError()) {
            throw SourceHttpClient.gateway(answer, base.host());
        }
        if (answer.looksLikeHtml()) {
            throw new MetricSourceException(
                    Kind.NOT_API,
                    "not the Datadog API: the server answered with an HTML page (HTTP " + answer.code() + ")",
                    null);
        }
        if (answer.code() >= 400) {
            List<String> errors = errors(answer);
            Kind kind = answer.code() >= 500 ? Kind.SERVER : Kind.QUERY;
            throw new MetricSourceException(
                    kind,
                    "Datadog refused the query (HTTP " + answer.code() + "): "
                            + (errors.isEmpty() ? SourceHttpClient.excerpt(answer) : String.join("; ", errors)),
                    null);
        }
    }

    private List<String> errors(SourceHttpClient.Answer answer) {
        List<String> out = new ArrayList<>();
        try (JsonParser p = json.createParser(answer.body())) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String f = p.currentName();
                    JsonToken t = p.nextToken();
                    if (f.equals("errors") && t == JsonToken.START_ARRAY) {
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            out.add(p.getValueAsString());
                        }
                    } else {
                        p.skipChildren();
                    }
                }
            }
        } catch (IOException e) {
            // not JSON: the caller shows an excerpt
        }
        return out;
    }

    private SeriesResult parse(byte[] body, int code) throws MetricSourceException {
        String status = null;
        String error = null;
        List<Series> series = new ArrayList<>();
        try (JsonParser p = json.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MetricSourceException(
                        Kind.NOT_API, "not the Datadog API: the answer is not a JSON object", null);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                JsonToken t = p.nextToken();
                switch (f) {
                    case "status" -> status = p.getValueAsString();
                    case "error" -> error = p.getValueAsString();
                    case "series" -> {
                        if (t == JsonToken.START_ARRAY) {
                            while (p.nextToken() == JsonToken.START_OBJECT) {
                                series.add(readSeries(p));
                            }
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
                    Kind.SERVER, "the answer from " + base.host() + " was cut off (incomplete JSON)", e);
        } catch (com.fasterxml.jackson.core.JsonParseException e) {
            if (PrometheusAnswer.isTruncation(e)) {
                throw new MetricSourceException(
                        Kind.SERVER, "the answer from " + base.host() + " was cut off (incomplete JSON)", e);
            }
            throw new MetricSourceException(Kind.NOT_API, "not the Datadog API: the answer is not valid JSON", e);
        } catch (IOException | NumberFormatException e) {
            throw new MetricSourceException(Kind.NOT_API, "not the Datadog API: the answer is not valid JSON", e);
        }
        if ("error".equals(status)) {
            throw new MetricSourceException(
                    Kind.QUERY, "Datadog refused the query: " + (error == null ? "no reason given" : error), null);
        }
        return SeriesResult.ofBytes(series, List.of(), body);
    }

    private static Series readSeries(JsonParser p) throws IOException {
        Map<String, String> labels = new LinkedHashMap<>();
        String metric = null;
        String scope = null;
        long[] times = new long[64];
        double[] values = new double[64];
        int n = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken t = p.nextToken();
            switch (f) {
                case "metric" -> metric = p.getValueAsString();
                case "scope" -> scope = p.getValueAsString();
                case "tag_set" -> {
                    if (t == JsonToken.START_ARRAY) {
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            String tag = p.getValueAsString("");
                            int colon = tag.indexOf(':');
                            if (colon > 0) {
                                labels.put(tag.substring(0, colon), tag.substring(colon + 1));
                            } else if (!tag.isEmpty()) {
                                labels.put(tag, "");
                            }
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                case "pointlist" -> {
                    if (t != JsonToken.START_ARRAY) {
                        p.skipChildren();
                        break;
                    }
                    while (p.nextToken() == JsonToken.START_ARRAY) {
                        if (n == times.length) {
                            times = Arrays.copyOf(times, n * 2);
                            values = Arrays.copyOf(values, n * 2);
                        }
                        JsonToken tt = p.nextToken();
                        if (tt != JsonToken.VALUE_NUMBER_FLOAT && tt != JsonToken.VALUE_NUMBER_INT) {
                            throw new NumberFormatException("a point time is not a number");
                        }
                        times[n] = Math.round(p.getDoubleValue());
                        JsonToken vt = p.nextToken();
                        values[n] = vt == JsonToken.VALUE_NULL ? Double.NaN : p.getDoubleValue();
                        if (p.nextToken() != JsonToken.END_ARRAY) {
                            throw new NumberFormatException("a point has more than two elements");
                        }
                        n++;
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (metric != null) {
            labels.put("__name__", metric);
        }
        if (labels.size() <= (metric != null ? 1 : 0) && scope != null && !scope.equals("*")) {
            labels.put("scope", scope);
        }
        return new Series(labels, Arrays.copyOf(times, n), Arrays.copyOf(values, n));
    }

    private Request withKeys(Request.Builder request, boolean applicationKey) throws MetricSourceException {
        try {
            request.header("DD-API-KEY", secrets.resolve(required(source.apiKey(), "apiKey")));
            if (applicationKey) {
                request.header(
                        "DD-APPLICATION-KEY", secrets.resolve(required(source.applicationKey(), "applicationKey")));
            }
        } catch (SecretResolver.SecretUnavailableException e) {
            throw new MetricSourceException(Kind.AUTH, e.getMessage(), null);
        }
        return request.build();
    }

    private SecretRef required(SecretRef ref, String field) throws MetricSourceException {
        if (ref == null) {
            throw new MetricSourceException(
                    Kind.AUTH,
                    "Datadog source '" + source.name() + "' has no " + field
                            + " reference; set env:NAME or keyring:NAME",
                    null);
        }
        return ref;
    }
}
