package dev.conn.impact;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the series cache keeps of an answer: what the charts need, within a stated bound, so the
 * database stays small and every JSON export imports again (the import limit is 64 MiB).
 *
 * <p>Bound: the top {@value #MAX_SERIES} series by peak (the chart draws 5), each reduced with LTTB
 * to at most {@value #MAX_POINTS} points (the chart draws 2 per pixel), so at most 20,000 samples,
 * about 0.5 MB of JSON, per impact query, however large the source's answer was (a 200k-series
 * answer of 10.7 MB is cached as about 0.2 MB). The number of series the source returned is kept
 * for the legend.
 *
 * <p>Format (JSON, version 1): {@code {"format":"conn.impact.series/1","totalSeries":M,
 * "warnings":[...],"series":[{"labels":{...},"t":[<ms since epoch>...],"v":[<number> or "NaN",
 * "+Inf","-Inf"...]}]}}.
 */
public record CachedAnswer(List<Series> series, int totalSeries, List<String> warnings) {
    /** Series kept per answer. */
    public static final int MAX_SERIES = 5;

    /** Points kept per series. */
    public static final int MAX_POINTS = 4_000;

    /** The value of the {@code format} field. */
    public static final String FORMAT = "conn.impact.series/1";

    private static final JsonFactory JSON = new JsonFactory();

    /** Copies the lists. */
    public CachedAnswer {
        series = List.copyOf(series);
        warnings = List.copyOf(warnings);
    }

    /**
     * @param result an answer as fetched
     * @return what is kept of it: the top {@value #MAX_SERIES} series by peak, each at most
     *     {@value #MAX_POINTS} points
     */
    public static CachedAnswer bound(SeriesResult result) {
        List<Series> ranked = rankByPeak(result.series());
        List<Series> kept = new ArrayList<>();
        for (Series s : ranked.subList(0, Math.min(MAX_SERIES, ranked.size()))) {
            kept.add(s.size() > MAX_POINTS ? Lttb.downsample(s, MAX_POINTS) : s);
        }
        List<String> warnings =
                result.warnings().size() > 20 ? result.warnings().subList(0, 20) : result.warnings();
        return new CachedAnswer(kept, result.series().size(), warnings);
    }

    /** @return the series sorted by peak, largest first; a series of only NaN last */
    public static List<Series> rankByPeak(List<Series> series) {
        List<Series> ranked = new ArrayList<>(series);
        ranked.sort(Comparator.comparingDouble((Series s) -> {
                    double p = s.peak();
                    boolean inf = Arrays.stream(s.values()).anyMatch(v -> v == Double.POSITIVE_INFINITY);
                    return inf ? Double.POSITIVE_INFINITY : Double.isNaN(p) ? Double.NEGATIVE_INFINITY : p;
                })
                .reversed());
        return ranked;
    }

    /** @return the JSON text of this answer */
    public String encode() {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("totalSeries", totalSeries);
            g.writeArrayFieldStart("warnings");
            for (String w : warnings) {
                g.writeString(w);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("series");
            for (Series s : series) {
                g.writeStartObject();
                g.writeObjectFieldStart("labels");
                for (Map.Entry<String, String> e : s.labels().entrySet()) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
                g.writeArrayFieldStart("t");
                for (long t : s.times()) {
                    g.writeNumber(t);
                }
                g.writeEndArray();
                g.writeArrayFieldStart("v");
                for (double v : s.values()) {
                    if (Double.isNaN(v)) {
                        g.writeString("NaN");
                    } else if (Double.isInfinite(v)) {
                        g.writeString(v > 0 ? "+Inf" : "-Inf");
                    } else {
                        g.writeNumber(v);
                    }
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string failed", e);
        }
        return out.toString();
    }

    /** @return true if {@code json} is in this format (else it is a source's raw answer from an older Conn) */
    public static boolean isCached(String json) {
        return json.startsWith("{\"format\":\"" + FORMAT + "\"");
    }

    /**
     * @param json text written by {@link #encode}
     * @return the answer
     * @throws IllegalArgumentException naming what is wrong if the text is not in this format
     */
    public static CachedAnswer decode(String json) {
        List<Series> series = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int total = -1;
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("cached series: not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                JsonToken t = p.nextToken();
                switch (f) {
                    case "totalSeries" -> total = p.getIntValue();
                    case "warnings" -> {
                        while (t == JsonToken.START_ARRAY && p.nextToken() != JsonToken.END_ARRAY) {
                            warnings.add(p.getValueAsString());
                        }
                    }
                    case "series" -> {
                        while (t == JsonToken.START_ARRAY && p.nextToken() == JsonToken.START_OBJECT) {
                            series.add(readSeries(p));
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cached series: unreadable (" + e.getMessage() + ")", e);
        }
        return new CachedAnswer(series, Math.max(total, series.size()), warnings);
    }

    private static Series readSeries(JsonParser p) throws IOException {
        Map<String, String> labels = new LinkedHashMap<>();
        long[] times = new long[0];
        double[] values = new double[0];
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            switch (f) {
                case "labels" -> {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String k = p.currentName();
                        p.nextToken();
                        labels.put(k, p.getValueAsString());
                    }
                }
                case "t" -> {
                    long[] buf = new long[256];
                    int n = 0;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        buf = n == buf.length ? Arrays.copyOf(buf, n * 2) : buf;
                        buf[n++] = p.getLongValue();
                    }
                    times = Arrays.copyOf(buf, n);
                }
                case "v" -> {
                    double[] buf = new double[256];
                    int n = 0;
                    JsonToken t;
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        buf = n == buf.length ? Arrays.copyOf(buf, n * 2) : buf;
                        buf[n++] = t == JsonToken.VALUE_STRING ? special(p.getText()) : p.getDoubleValue();
                    }
                    values = Arrays.copyOf(buf, n);
                }
                default -> p.skipChildren();
            }
        }
        return new Series(labels, times, values);
    }

    private static double special(String s) {
        return switch (s) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.NaN;
        };
    }
}
