package dev.conn.impact.net;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.conn.impact.Series;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads the series of a large Prometheus range answer on several threads: the {@code result}
 * array is cut into slices at series boundaries, and each slice is read with its own Jackson
 * parser (the same {@link PrometheusAnswer#readSeries} as the serial path) on a small bounded pool
 * of daemon threads, the caller reading the first slice.
 *
 * <p>A cut is placed where the bytes read {@code ,{"metric":} (a comma, then an object whose first
 * key is {@code metric}: how Prometheus writes each series). In valid JSON that byte sequence never
 * occurs inside a string (a quote inside a string is escaped), and a cut is only trusted when the
 * slice before it ends exactly there after whole series objects, so a cut in the wrong place is
 * noticed. Anything unexpected (no cut found, a slice that does not end where the next begins, a
 * malformed sample) returns empty, and the caller parses the whole answer serially, which names
 * what is wrong exactly as before.
 */
final class ParallelSeries {
    /** Answers smaller than this (bytes) are read serially: splitting would not pay. */
    static final int MIN_BYTES = 1 << 20;

    private static final byte[] CUT = ",{\"metric\":".getBytes(StandardCharsets.US_ASCII);
    private static final int THREADS = Math.min(4, Runtime.getRuntime().availableProcessors());
    private static final ExecutorService POOL = THREADS < 2
            ? null
            : Executors.newFixedThreadPool(THREADS - 1, r -> {
                Thread t = new Thread(r, "conn-prometheus-parse");
                t.setDaemon(true);
                return t;
            });

    private ParallelSeries() {}

    /**
     * The series and the answer without them.
     *
     * @param series every series of the {@code result} array, in order
     * @param envelope the answer with an empty {@code result} array (status, resultType, warnings
     *     as sent), for the serial reader to check
     */
    record Split(List<Series> series, byte[] envelope) {}

    /**
     * @param json the factory (with the answer's read constraints)
     * @param body the answer's bytes
     * @return the series read in parallel, or empty where the answer is small, has no cut, or
     *     anything is unexpected (the caller then parses serially)
     */
    static Optional<Split> read(JsonFactory json, byte[] body) {
        if (POOL == null || body.length < MIN_BYTES) {
            return Optional.empty();
        }
        try {
            int open = resultArray(json, body);
            if (open < 0) {
                return Optional.empty();
            }
            int first = skipWhitespace(body, open + 1);
            if (first >= body.length || body[first] != '{') {
                return Optional.empty();
            }
            List<Integer> starts = cuts(body, first);
            if (starts.size() < 2) {
                return Optional.empty();
            }
            List<Future<Slice>> later = new ArrayList<>();
            for (int i = 1; i < starts.size(); i++) {
                int from = starts.get(i);
                int to = i + 1 < starts.size() ? starts.get(i + 1) : -1;
                later.add(POOL.submit(() -> slice(json, body, from, to)));
            }
            Slice head = slice(json, body, first, starts.get(1));
            if (head == null) {
                later.forEach(f -> f.cancel(false));
                return Optional.empty();
            }
            List<Series> all = new ArrayList<>(head.series());
            int close = -1;
            for (Future<Slice> f : later) {
                Slice s = f.get();
                if (s == null) {
                    return Optional.empty();
                }
                all.addAll(s.series());
                close = s.end();
            }
            if (close < 0) {
                return Optional.empty();
            }
            byte[] envelope = new byte[open + 1 + body.length - close];
            System.arraycopy(body, 0, envelope, 0, open + 1);
            System.arraycopy(body, close, envelope, open + 1, body.length - close);
            return Optional.of(new Split(all, envelope));
        } catch (IOException | RuntimeException | ExecutionException e) {
            return Optional.empty(); // the serial reader says what is wrong
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The series of one slice; {@code end} is the offset of the {@code ]} closing the array (last slice). */
    private record Slice(List<Series> series, int end) {}

    /**
     * Reads whole series objects from {@code from}, each followed by a comma, until the next slice's
     * start {@code to}, or (last slice, {@code to} = -1) until the {@code ]} closing the array.
     *
     * @return the slice, or null if it does not end exactly there
     */
    private static Slice slice(JsonFactory json, byte[] body, int from, int to) throws IOException {
        List<Series> out = new ArrayList<>();
        int pos = from;
        while (true) {
            try (JsonParser p = json.createParser(body, pos, body.length - pos)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    return null;
                }
                out.add(PrometheusAnswer.readSeries(p));
                if (p.currentToken() != JsonToken.END_OBJECT) {
                    return null;
                }
                // the parser's offsets count from where it started
                pos += (int) p.currentLocation().getByteOffset();
            }
            pos = skipWhitespace(body, pos);
            if (pos >= body.length) {
                return null;
            }
            if (body[pos] == ']') {
                return to < 0 ? new Slice(out, pos) : null;
            }
            if (body[pos] != ',') {
                return null;
            }
            pos = skipWhitespace(body, pos + 1);
            if (pos == to) {
                return new Slice(out, -1);
            }
            if (to >= 0 && pos > to) {
                return null;
            }
        }
    }

    /** @return the offset of the {@code [} of {@code data.result}, or -1 */
    private static int resultArray(JsonFactory json, byte[] body) throws IOException {
        try (JsonParser p = json.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return -1;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                if (field.equals("data") && t == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String inner = p.currentName();
                        JsonToken v = p.nextToken();
                        if (inner.equals("result") && v == JsonToken.START_ARRAY) {
                            return (int) p.currentTokenLocation().getByteOffset();
                        }
                        p.skipChildren();
                    }
                    return -1;
                }
                p.skipChildren();
            }
            return -1;
        }
    }

    /**
     * @return the starts of the slices: {@code first}, then up to {@link #THREADS} - 1 cuts at
     *     evenly spaced offsets, each the {@code {} after the first {@code ,{"metric":} at or after
     *     its offset
     */
    private static List<Integer> cuts(byte[] body, int first) {
        List<Integer> starts = new ArrayList<>();
        starts.add(first);
        long span = body.length - first;
        for (int t = 1; t < THREADS; t++) {
            int at = find(body, (int) (first + span * t / THREADS));
            if (at > starts.get(starts.size() - 1)) {
                starts.add(at);
            }
        }
        return starts;
    }

    /** @return the offset of the {@code {} of the first {@link #CUT} at or after {@code from}, or -1 */
    private static int find(byte[] body, int from) {
        int last = body.length - CUT.length;
        outer:
        for (int i = from; i <= last; i++) {
            if (body[i] != ',') {
                continue;
            }
            for (int j = 1; j < CUT.length; j++) {
                if (body[i + j] != CUT[j]) {
                    continue outer;
                }
            }
            return i + 1;
        }
        return -1;
    }

    private static int skipWhitespace(byte[] body, int i) {
        while (i < body.length && (body[i] == ' ' || body[i] == '\n' || body[i] == '\r' || body[i] == '\t')) {
            i++;
        }
        return i;
    }
}
