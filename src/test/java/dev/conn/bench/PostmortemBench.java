package dev.conn.bench;

import dev.conn.incident.Declaration;
import dev.conn.incident.Event;
import dev.conn.incident.EventStore;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.incident.Payload;
import dev.conn.incident.Severity;
import dev.conn.platform.db.Database;
import dev.conn.postmortem.BundleImporter;
import dev.conn.postmortem.MetricSeriesArchive;
import dev.conn.postmortem.PostmortemExports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Postmortem bench: export of a 10,000-event incident to each format (Markdown, HTML, CSV, JSON
 * bundle; target 1 s each), read from H2 included, and import of that bundle into a fresh data
 * directory (target 2 s), validation and the durable transaction included. Median of 3 runs after
 * 1 warm-up, wall-clock from {@link System#nanoTime()}.
 */
final class PostmortemBench {
    private static final int EVENTS = 10_000;
    private static final int RUNS = 3;

    private PostmortemBench() {}

    /**
     * @param dir an empty working directory
     * @return one row per format, then the import row
     * @throws Exception if a measure fails
     */
    static List<Bench.Row> run(Path dir) throws Exception {
        List<Bench.Row> rows = new ArrayList<>();
        byte[] bundle;
        try (Database db = Database.open(Files.createDirectories(dir.resolve("source")))) {
            IncidentService service = new IncidentService(EventStore.jdbc(db.dataSource()), Clock.systemUTC());
            IncidentId id = seed(service);
            PostmortemExports exports = new PostmortemExports(
                    service,
                    MetricSeriesArchive.none(),
                    Clock.systemUTC(),
                    dev.conn.platform.secrets.KnownSecrets::new);
            for (PostmortemExports.Format f : PostmortemExports.Format.values()) {
                long[] nanos = new long[RUNS];
                byte[] out = exports.export(id, f); // warm-up
                for (int i = 0; i < RUNS; i++) {
                    long t0 = System.nanoTime();
                    out = exports.export(id, f);
                    nanos[i] = System.nanoTime() - t0;
                }
                rows.add(new Bench.Row(
                        "export 10,000-event incident to " + f.extension() + " (" + out.length / 1024 + " KiB)",
                        median(nanos),
                        "ms",
                        1000));
            }
            bundle = exports.export(id, PostmortemExports.Format.JSON);
        }
        long[] nanos = new long[RUNS];
        for (int i = -1; i < RUNS; i++) {
            try (Database db = Database.open(Files.createDirectories(dir.resolve("import" + (i + 1))))) {
                BundleImporter importer = new BundleImporter(
                        new IncidentService(EventStore.jdbc(db.dataSource()), Clock.systemUTC()),
                        MetricSeriesArchive.none());
                long t0 = System.nanoTime();
                BundleImporter.Result r = importer.importBytes(bundle);
                long took = System.nanoTime() - t0;
                if (r.added() != EVENTS) {
                    throw new IllegalStateException("imported " + r.added() + " of " + EVENTS + " events");
                }
                if (i >= 0) {
                    nanos[i] = took;
                }
            }
        }
        rows.add(new Bench.Row("import that JSON bundle into a fresh data dir", median(nanos), "ms", 2000));
        return rows;
    }

    private static IncidentId seed(IncidentService service) {
        Instant start = Instant.now().minus(Duration.ofHours(30));
        IncidentId id = service.declare(
                        new Declaration(
                                "Bench: 10,000-event postmortem", Severity.SEV1, "", Optional.of(start), "bench"),
                        "bench")
                .incidentId();
        List<Event> events = new ArrayList<>(EVENTS);
        for (int i = 1; i < EVENTS; i++) {
            Instant at = start.plusSeconds(i * 10L);
            EventType type = i % 50 == 0 ? EventType.ACTION_TAKEN : i % 7 == 0 ? EventType.DECISION : EventType.NOTE;
            Payload p = i % 500 == 0
                    ? Payload.of("field", "summary", "text", "summary draft " + i + " | with `code` and <b>")
                    : Payload.of(
                            "text", "entry " + i + ": resolver pods | OOMKilled, retrying =1+1 \"quoted\"\nline 2");
            events.add(new Event(
                    Event.newId(), id, at, at, "bench", i % 500 == 0 ? EventType.POSTMORTEM_FIELD_SET : type, p));
        }
        service.importEvents(events);
        return id;
    }

    private static double median(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[s.length / 2] / 1e6;
    }

    /**
     * Runs this bench alone and prints its rows.
     *
     * @param args ignored
     * @throws Exception if a measure fails
     */
    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("conn-pm-bench-");
        for (Bench.Row r : run(dir)) {
            System.out.printf("%-60s %10.1f %s (target %.0f)%n", r.measure(), r.result(), r.unit(), r.target());
        }
        System.exit(0);
    }
}
