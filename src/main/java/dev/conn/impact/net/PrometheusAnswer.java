package dev.conn.impact.net;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.conn.impact.MetricSourceException;
import dev.conn.impact.MetricSourceException.Kind;
import dev.conn.impact.Series;
import dev.conn.impact.SeriesResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a Prometheus HTTP API answer: the envelope {@code {"status","data":{"resultType",
 * "result"},"errorType","error","warnings"}}
 * (https://prometheus.io/docs/prometheus/latest/querying/api/#expression-query-result-formats).
 *
 * <p>Streaming, under explicit {@link StreamReadConstraints}. Samples are read straight from the
 * parser's character buffer into primitive arrays: a time {@code 1741942800.123} (Unix seconds,
 * up to 3 decimals) becomes ms exactly, and a value string is parsed without allocating a {@code
 * String} (Clinger's fast path: up to 15 significant digits and a power of ten up to 22 are exact
 * in a double; anything else goes to {@link Double#parseDouble}). {@code "NaN"}, {@code "+Inf"} and
 * {@code "-Inf"} are their doubles.
 */
final class PrometheusAnswer {
    /** Deepest nesting read; valid JSON nested deeper is named as such, never as "not JSON". */
    static final int MAX_DEPTH = 1000;

    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22
    };

    private final JsonFactory json;
    private final String host;

    PrometheusAnswer(long maxBodyBytes, String host) {
        this.json = jsonFactory(maxBodyBytes);
        this.host = host;
    }

    static JsonFactory jsonFactory(long maxBodyBytes) {
        return JsonFactory.builder()
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(maxBodyBytes)
                        .maxStringLength(1024 * 1024)
                        .maxNumberLength(64)
                        .maxNestingDepth(MAX_DEPTH)
                        .build())
                .build();
    }

    /**
     * @param body the answer's bytes
     * @param code the HTTP status
     * @return the series
     * @throws MetricSourceException naming what is wrong: Prometheus' own error, a query timeout, a
     *     cut-off or non-JSON body, an instant vector or scalar instead of a range
     */
    SeriesResult parse(byte[] body, int code) throws MetricSourceException {
        // a large answer's series are read on several threads; its envelope is checked as below
        java.util.Optional<ParallelSeries.Split> split = ParallelSeries.read(json, body);
        if (split.isPresent()) {
            SeriesResult envelope = serial(split.get().envelope(), code);
            return SeriesResult.ofBytes(split.get().series(), envelope.warnings(), body);
        }
        return serial(body, code);
    }

    /** Like {@link #parse}, on one thread (the reference the parallel reader is tested against). */
    SeriesResult serial(byte[] body, int code) throws MetricSourceException {
        String status = null;
        String errorType = null;
        String error = null;
        String[] resultType = {null};
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
                    case "warnings", "infos" -> {
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
                            readData(p, series, resultType);
                        } else {
                            p.skipChildren();
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        } catch (StreamConstraintsException e) {
            String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            if (m.contains("nesting depth")) {
                throw new MetricSourceException(
                        Kind.NOT_API,
                        "not a Prometheus answer: valid JSON, but nested deeper than " + MAX_DEPTH + " levels",
                        e);
            }
            throw new MetricSourceException(Kind.SERVER, "the answer is beyond Conn's parsing limits (" + m + ")", e);
        } catch (com.fasterxml.jackson.core.io.JsonEOFException e) {
            throw cutOff(code, e);
        } catch (com.fasterxml.jackson.core.JsonParseException e) {
            if (isTruncation(e)) {
                throw cutOff(code, e);
            }
            throw notJson(code, body, e);
        } catch (NumberFormatException e) {
            throw new MetricSourceException(Kind.NOT_API, "not a Prometheus API: a sample value is not a number", e);
        } catch (IOException e) {
            throw new MetricSourceException(Kind.SERVER, "could not read the answer: " + e.getMessage(), e);
        }
        if ("error".equals(status)) {
            if ("timeout".equals(errorType)) {
                throw new MetricSourceException(
                        Kind.QUERY_TIMEOUT,
                        "the query timed out on the source (" + (error == null ? "timeout" : error)
                                + "); narrow the range or simplify the query",
                        null);
            }
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
        if ("vector".equals(resultType[0])) {
            throw new MetricSourceException(
                    Kind.QUERY,
                    "this query returns an instant vector; use a range query (is the base URL the Prometheus root?)",
                    null);
        }
        if ("scalar".equals(resultType[0]) || "string".equals(resultType[0])) {
            throw new MetricSourceException(
                    Kind.QUERY, "this query returns a " + resultType[0] + ", not a range of series", null);
        }
        return SeriesResult.ofBytes(series, warnings, body);
    }

    private MetricSourceException cutOff(int code, Exception e) {
        return new MetricSourceException(
                Kind.SERVER, "the answer from " + host + " was cut off (incomplete JSON, HTTP " + code + ")", e);
    }

    /** @return true if the parser ran out of input mid-document (a cut-off answer) */
    static boolean isTruncation(com.fasterxml.jackson.core.JsonProcessingException e) {
        String m = e.getOriginalMessage();
        return m != null && m.contains("end-of-input");
    }

    private static MetricSourceException notJson(int code, byte[] body, Exception cause) {
        String head = new String(body, 0, Math.min(body.length, 80), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ")
                .strip();
        Kind kind = code >= 500 ? Kind.SERVER : Kind.NOT_API;
        return new MetricSourceException(
                kind,
                (code >= 500 ? "the source failed (HTTP " + code + ") and" : "not a Prometheus API:")
                        + " the answer is not JSON (starts with \"" + head + "\")",
                cause);
    }

    private static void readData(JsonParser p, List<Series> out, String[] resultType) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            if (field.equals("resultType")) {
                resultType[0] = p.getValueAsString();
            } else if (field.equals("result") && t == JsonToken.START_ARRAY) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    out.add(readSeries(p));
                }
            } else {
                p.skipChildren();
            }
        }
    }

    /** Reads one series object, from its {@code START_OBJECT} (current) to its {@code END_OBJECT}. */
    static Series readSeries(JsonParser p) throws IOException {
        Map<String, String> labels = new LinkedHashMap<>();
        long[] times = new long[256];
        double[] values = new double[256];
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
            } else if (field.equals("value") && t == JsonToken.START_ARRAY) { // an instant vector sample
                times[0] = readTime(p);
                values[0] = readValue(p);
                p.nextToken();
                n = 1;
            } else if (field.equals("values") && t == JsonToken.START_ARRAY) {
                while (p.nextToken() == JsonToken.START_ARRAY) {
                    if (n == times.length) {
                        times = Arrays.copyOf(times, n * 2);
                        values = Arrays.copyOf(values, n * 2);
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
        return new Series(labels, Arrays.copyOf(times, n), Arrays.copyOf(values, n));
    }

    /** Reads a sample time, Unix seconds with up to 3 decimals, as ms since the epoch. */
    static long readTime(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw new NumberFormatException("a sample time is not a number");
        }
        char[] c = p.getTextCharacters();
        int off = p.getTextOffset();
        int end = off + p.getTextLength();
        long sec = 0;
        int i = off;
        boolean neg = i < end && c[i] == '-';
        if (neg) {
            i++;
        }
        int digits = 0;
        while (i < end && c[i] >= '0' && c[i] <= '9') {
            sec = sec * 10 + (c[i++] - '0');
            digits++;
        }
        long ms = 0;
        if (i < end && c[i] == '.') {
            i++;
            int scale = 100;
            while (i < end && c[i] >= '0' && c[i] <= '9') {
                ms += (c[i++] - '0') * (long) scale;
                scale /= 10;
                if (scale == 0) {
                    break;
                }
            }
            while (i < end && c[i] >= '0' && c[i] <= '9') {
                i++; // sub-millisecond digits: Prometheus sends none
            }
        }
        if (i != end || digits == 0 || digits > 12) {
            return Math.round(p.getDoubleValue() * 1000); // exponent notation or out of range: the slow way
        }
        long total = sec * 1000 + ms;
        return neg ? -total : total;
    }

    /** Reads a sample value: a Go float as a JSON string, or a JSON number. */
    static double readValue(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getDoubleValue();
        }
        if (t != JsonToken.VALUE_STRING) {
            throw new NumberFormatException("a sample value is not a string");
        }
        return parseValue(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    }

    /**
     * Parses a Prometheus sample value: a Go float, or {@code NaN}, {@code +Inf}, {@code -Inf}.
     *
     * @param c characters
     * @param off first character
     * @param len how many
     * @return the value
     * @throws NumberFormatException if it is not a number
     */
    static double parseValue(char[] c, int off, int len) {
        int end = off + len;
        int i = off;
        boolean neg = false;
        if (i < end && (c[i] == '-' || c[i] == '+')) {
            neg = c[i] == '-';
            i++;
        }
        long mant = 0;
        int sig = 0;
        int exp = 0;
        boolean any = false;
        while (i < end && c[i] >= '0' && c[i] <= '9') {
            any = true;
            if (sig < 18) {
                if (mant != 0 || c[i] != '0') {
                    sig++;
                }
                mant = mant * 10 + (c[i] - '0');
            } else {
                exp++;
                sig++;
            }
            i++;
        }
        if (i < end && c[i] == '.') {
            i++;
            while (i < end && c[i] >= '0' && c[i] <= '9') {
                any = true;
                if (sig < 18) {
                    if (mant != 0 || c[i] != '0') {
                        sig++;
                    }
                    mant = mant * 10 + (c[i] - '0');
                    exp--;
                } else {
                    sig++;
                }
                i++;
            }
        }
        if (i < end && (c[i] == 'e' || c[i] == 'E') && any) {
            i++;
            boolean eneg = false;
            if (i < end && (c[i] == '-' || c[i] == '+')) {
                eneg = c[i] == '-';
                i++;
            }
            int e = 0;
            boolean ed = false;
            while (i < end && c[i] >= '0' && c[i] <= '9' && e < 10_000) {
                e = e * 10 + (c[i++] - '0');
                ed = true;
            }
            if (!ed) {
                return slow(c, off, len);
            }
            exp += eneg ? -e : e;
        }
        if (!any || i != end) {
            return slow(c, off, len);
        }
        if (sig <= 15 && exp >= -22 && exp <= 22) {
            // both operands are exact doubles (mant < 2^53, 10^22 < 2^75 exactly): one rounding
            double d = exp >= 0 ? mant * POW10[exp] : mant / POW10[-exp];
            return neg ? -d : d;
        }
        return slow(c, off, len);
    }

    private static double slow(char[] c, int off, int len) {
        String s = new String(c, off, len);
        return switch (s) {
            case "NaN" -> Double.NaN;
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }
}
