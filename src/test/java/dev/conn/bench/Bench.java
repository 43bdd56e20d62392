package dev.conn.bench;

import dev.conn.incident.Declaration;
import dev.conn.incident.Event;
import dev.conn.incident.EventBody;
import dev.conn.incident.EventStore;
import dev.conn.incident.HeaderEvent;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentLog;
import dev.conn.incident.IncidentService;
import dev.conn.incident.IncidentState;
import dev.conn.incident.Origin;
import dev.conn.incident.Severity;
import dev.conn.incident.Status;
import dev.conn.incident.TimelineEvent;
import dev.conn.platform.db.Database;
import dev.conn.timeline.TimelineEntry;
import dev.conn.timeline.TimelineProjection;
import java.io.IOException;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Measures Conn on its real components and prints a Markdown table of each figure beside its
 * target and the ratio measured/target (below 1 is within target). Run with
 * {@code mvn -B -q -Pbench -DskipTests verify}; it never runs in a plain {@code mvn verify}.
 *
 * <p>Measures, all in wall-clock time from {@link System#nanoTime()}:
 * <ol>
 *   <li>Durable append: {@link EventStore#append} of one note (commit plus {@code CHECKPOINT
 *       SYNC}), 2,000 samples after 200 warm-up appends; p50 and p99 by nearest rank.
 *   <li>Opening a 100,000-event incident: {@link EventStore#readIncident}, then
 *       {@link IncidentState#fold} and {@link TimelineProjection#project} of what was read; median
 *       of 3 runs after 1 warm-up run, each started after a full GC.
 *   <li>Time to first frame and to a ready window: a child JVM runs {@code dev.conn.app.Launcher}
 *       headless (Monocle, software rendering) on a fresh data directory and prints JVM uptime at
 *       both points ({@code conn.bench.startup=true}, see {@code ConnApp}); median of 3 after 1
 *       warm-up.
 *   <li>Heap in use after a full GC with those 100,000 events and their timeline rows held (and
 *       the database open, page cache included).
 * </ol>
 *
 * <p>Everything is written under one temporary directory, deleted at the end. Must run in its own
 * JVM whose class path is the test class path (Monocle is a test dependency): the {@code bench}
 * Maven profile forks one with {@code exec:exec}.
 */
public final class Bench {

    private static final int APPEND_WARMUP = 200;
    private static final int APPEND_SAMPLES = 2_000;
    private static final int INCIDENT_EVENTS = 100_000;
    private static final int APPEND_CHUNK = 10_000;
    private static final Duration INCIDENT_SPAN = Duration.ofHours(10);
    static final int RUNS = 3;
    static final double NO_TARGET = Double.NaN;

    private Bench() {}

    /**
     * One line of the table; {@code target} is {@link #NO_TARGET} when there is none. Feature
     * benches (e.g. {@code ImpactBench}) live beside this class and return their own rows.
     */
    record Row(String measure, double result, String unit, double target) {}

    /**
     * @param args ignored
     * @throws Exception if a measure fails; the process then exits non-zero
     */
    public static void main(String[] args) throws Exception {
        System.err.println("conn bench: measuring (about a minute)...");
        String loadAtStart = loadAverage();
        List<Row> rows = new ArrayList<>();
        Path root = Files.createTempDirectory("conn-bench-");
        try {
            rows.addAll(durableAppend(Files.createDirectories(root.resolve("append"))));
            List<Row> incident = openLargeIncident(Files.createDirectories(root.resolve("incident")));
            rows.addAll(incident.subList(0, incident.size() - 1));
            rows.addAll(StartupBench.startup(Files.createDirectories(root.resolve("startup"))));
            rows.addAll(StartupBench.openInWindow(root.resolve("incident")));
            rows.addAll(PulseBench.run(Files.createDirectories(root.resolve("pulse"))));
            rows.add(incident.get(incident.size() - 1)); // heap, measured while the incident was held
            // feature benches: one line each, below
            rows.addAll(ImpactBench.run());
            rows.addAll(PostmortemBench.run(Files.createDirectories(root.resolve("postmortem"))));
            rows.addAll(CommsBench.sev1Burst(Files.createDirectories(root.resolve("comms"))));
            rows.addAll(WarRoomBench.run(Files.createDirectories(root.resolve("warroom"))));
            rows.addAll(DesktopBench.run(Files.createDirectories(root.resolve("desktop"))));
        } finally {
            deleteRecursively(root);
        }
        print(rows);
        System.out.printf("Load average (1, 5, 15 min): %s at the start, %s at the end%n", loadAtStart, loadAverage());
        // H2 and JavaFX may leave non-daemon threads behind; the bench is done.
        System.exit(0);
    }

    // --- 1. durable append -------------------------------------------------------------------

    private static List<Row> durableAppend(Path dir) {
        try (Database db = Database.open(dir)) {
            EventStore store = EventStore.jdbc(db.dataSource());
            IncidentLog log = new IncidentLog(store, Clock.systemUTC());
            IncidentId incident = new IncidentService(store, log)
                    .declare(
                            new Declaration("Bench: durable append", Severity.SEV2, "", Optional.empty(), "bench"),
                            "bench")
                    .incidentId();
            for (int i = 0; i < APPEND_WARMUP; i++) {
                log.store(List.of(note(incident, i)), Origin.REPLICATED);
            }
            long[] nanos = new long[APPEND_SAMPLES];
            for (int i = 0; i < APPEND_SAMPLES; i++) {
                Event e = note(incident, APPEND_WARMUP + i);
                long t0 = System.nanoTime();
                boolean stored = !log.store(List.of(e), Origin.REPLICATED).isEmpty();
                nanos[i] = System.nanoTime() - t0;
                if (!stored) {
                    throw new IllegalStateException("append " + i + " was not stored");
                }
            }
            Arrays.sort(nanos);
            return List.of(
                    new Row("durable append p50 (commit + CHECKPOINT SYNC)", millis(percentile(nanos, 0.50)), "ms", 2),
                    new Row("durable append p99", millis(percentile(nanos, 0.99)), "ms", 5));
        }
    }

    private static Event note(IncidentId incident, int i) {
        Instant now = Instant.now();
        return Event.of(Event.newId(), incident, now, now, "bench", new TimelineEvent.Note("note " + i));
    }

    /** Nearest-rank percentile of sorted values. */
    private static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    // --- 2. open a 100k-event incident, and 4. its heap --------------------------------------

    /** Writes the 100,000-event incident {@link #openLargeIncident} measures into {@code dir}. */
    static void writeLargeIncident(Path dir) {
        try (Database db = Database.open(dir)) {
            declareLargeIncident(EventStore.jdbc(db.dataSource()));
        }
    }

    private static IncidentId declareLargeIncident(EventStore store) {
        Instant start = Instant.now().minus(INCIDENT_SPAN).truncatedTo(ChronoUnit.SECONDS);
        IncidentService service = new IncidentService(store, Clock.fixed(start, ZoneOffset.UTC));
        IncidentId incident = service.declare(
                        new Declaration(
                                "Bench: 100k-event incident",
                                Severity.SEV1,
                                "Synthetic load",
                                Optional.of(start.minus(Duration.ofMinutes(7))),
                                "bench"),
                        "bench")
                .incidentId();
        List<Event> generated = largeIncident(incident, start, INCIDENT_EVENTS - 1);
        for (int i = 0; i < generated.size(); i += APPEND_CHUNK) {
            service.importEvents(generated.subList(i, Math.min(i + APPEND_CHUNK, generated.size())));
        }
        return incident;
    }

    private static List<Row> openLargeIncident(Path dir) {
        try (Database db = Database.open(dir)) {
            EventStore store = EventStore.jdbc(db.dataSource());
            IncidentId incident = declareLargeIncident(store);

            long[] load = new long[RUNS];
            long[] fold = new long[RUNS];
            long[] project = new long[RUNS];
            long[] total = new long[RUNS];
            List<Event> events = null;
            List<TimelineEntry> rows = null;
            for (int run = -1; run < RUNS; run++) { // run -1 warms up
                events = null;
                rows = null;
                fullGc();
                long t0 = System.nanoTime();
                events = store.readIncident(incident);
                long t1 = System.nanoTime();
                IncidentState state = IncidentState.fold(events);
                long t2 = System.nanoTime();
                rows = TimelineProjection.project(events);
                long t3 = System.nanoTime();
                if (events.size() != INCIDENT_EVENTS
                        || rows.isEmpty()
                        || !state.isOpen()
                        || !state.title().equals("Bench: 100k-event incident")) {
                    throw new IllegalStateException("unexpected result: " + events.size() + " events, " + rows.size()
                            + " rows, state " + state);
                }
                if (run >= 0) {
                    load[run] = t1 - t0;
                    fold[run] = t2 - t1;
                    project[run] = t3 - t2;
                    total[run] = t3 - t0;
                }
            }
            fullGc();
            Runtime rt = Runtime.getRuntime();
            double usedMb = (rt.totalMemory() - rt.freeMemory()) / (1024.0 * 1024.0);
            Reference.reachabilityFence(events);
            Reference.reachabilityFence(rows);

            return List.of(
                    new Row("load 100k events (readIncident)", millis(median(load)), "ms", NO_TARGET),
                    new Row("fold 100k events (IncidentState.fold)", millis(median(fold)), "ms", NO_TARGET),
                    new Row(
                            "project 100k timeline rows (TimelineProjection)",
                            millis(median(project)),
                            "ms",
                            NO_TARGET),
                    new Row("open 100k-event incident (load + fold + project)", millis(median(total)), "ms", 1_000),
                    new Row("heap used, 100k events + rows held (after GC)", usedMb, "MB", NO_TARGET));
        }
    }

    /**
     * Events after the declaration at {@code start}, spread evenly over {@link #INCIDENT_SPAN}:
     * mostly notes, every 50th a decision, every 50th (offset 25) an action, every 1,000th (offset
     * 500) a status change cycling investigating, identified, monitoring.
     */
    private static List<Event> largeIncident(IncidentId incident, Instant start, int count) {
        Status[] statuses = {Status.IDENTIFIED, Status.MONITORING, Status.INVESTIGATING};
        String[] authors = {"alice", "bob", "carol", "dmitri"};
        long stepNanos = INCIDENT_SPAN.toNanos() / count;
        List<Event> events = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            Instant at = start.plusNanos(stepNanos * i);
            EventBody body;
            if (i % 1_000 == 500) {
                body = new HeaderEvent.StatusChanged(
                        statuses[(i / 1_000) % statuses.length], Optional.of("status update " + i));
            } else if (i % 50 == 0) {
                body = new TimelineEvent.Decision("Decision " + i + ": hold deploys on checkout until error rate < 1%");
            } else if (i % 50 == 25) {
                body = new TimelineEvent.ActionTaken(
                        "Action " + i + ": rolled back checkout-api to the previous release");
            } else {
                body = new TimelineEvent.Note("Note " + i + ": p99 latency on eu-west-1 still elevated, watching");
            }
            events.add(Event.of(Event.newId(), incident, at, at, authors[i % authors.length], body));
        }
        return events;
    }

    private static void fullGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    // --- output ------------------------------------------------------------------------------

    private static void print(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        out.append("| measure | result | target | ratio |\n");
        out.append("|---|---:|---:|---:|\n");
        for (Row r : rows) {
            boolean hasTarget = !Double.isNaN(r.target());
            out.append("| ")
                    .append(r.measure())
                    .append(" | ")
                    .append(format(r.result(), r.unit()))
                    .append(" | ")
                    .append(hasTarget ? "≤ " + format(r.target(), r.unit()) : "—")
                    .append(" | ")
                    .append(
                            !hasTarget
                                    ? "—"
                                    : r.target() == 0
                                            ? (r.result() == 0 ? "met" : "missed")
                                            : String.format(Locale.ROOT, "%.2f×", r.result() / r.target()))
                    .append(" |\n");
        }
        Runtime rt = Runtime.getRuntime();
        out.append(String.format(
                Locale.ROOT,
                "%nMachine: %d cores, Java %s (%s), max heap %,d MB, %s %s%n",
                rt.availableProcessors(),
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"),
                rt.maxMemory() / (1024 * 1024),
                System.getProperty("os.name"),
                System.getProperty("os.arch")));
        System.out.print(out);
        System.out.flush();
    }

    /**
     * @return the machine's load averages over 1, 5 and 15 minutes (Linux {@code /proc/loadavg}),
     *     or "unknown": on 2 cores, figures taken at a load of 4 are not those of an idle machine
     */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String format(double value, String unit) {
        String number;
        if (value == Math.rint(value)) {
            number = String.format(Locale.ROOT, "%,.0f", value);
        } else if (value < 10) {
            number = String.format(Locale.ROOT, "%.2f", value);
        } else if (value < 100) {
            number = String.format(Locale.ROOT, "%.1f", value);
        } else {
            number = String.format(Locale.ROOT, "%,.0f", value);
        }
        return number + " " + unit;
    }

    private static double millis(double nanos) {
        return nanos / 1_000_000.0;
    }

    static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    System.err.println("conn bench: could not delete " + p + ": " + e.getMessage());
                }
            });
        } catch (IOException e) {
            System.err.println("conn bench: could not delete " + root + ": " + e.getMessage());
        }
    }
}
