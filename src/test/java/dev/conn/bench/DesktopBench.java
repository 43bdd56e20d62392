package dev.conn.bench;

import dev.conn.incident.Event;
import dev.conn.incident.HeaderEvent;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.incident.Severity;
import dev.conn.incident.TimelineEvent;
import dev.conn.platform.db.Database;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 7's figures, measured on the packaged app-image ({@code installers/build.sh app-image},
 * target/installer/Conn) under Xvfb, as a user starts it: time from JVM start to the first frame
 * with the AppCDS archive and without any CDS ({@code -Xshare:off}), and the resident memory once
 * a 10,000-event incident is wholly on screen. Median of 3 after one warm-up. Without the
 * app-image or {@code xvfb-run} the rows say so (result -1) instead of failing the bench.
 */
final class DesktopBench {
    private static final Path APP = Path.of("target", "installer", "Conn", "bin", "Conn");
    private static final Pattern LINE = Pattern.compile("conn\\.bench firstFrameMs=(\\d+).*rssMb=(-?\\d+)");
    private static final int RUNS = 3;

    private DesktopBench() {}

    /** Runs only these rows: {@code java -cp <test class path> dev.conn.bench.DesktopBench}. */
    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("conn-desktop-bench-");
        for (Bench.Row r : run(dir)) {
            System.out.printf("%-80s %8.0f %s (target %s)%n", r.measure(), r.result(), r.unit(), r.target());
        }
        System.exit(0);
    }

    /** @return the rows; -1 results where the app-image or Xvfb is missing */
    static List<Bench.Row> run(Path dir) throws IOException, InterruptedException {
        String note = " (packaged app-image, Xvfb)";
        if (!Files.isExecutable(APP) && onPath("xvfb-run") && Files.isExecutable(Path.of("installers/build.sh"))) {
            // the bench builds what it measures: jlink runtime, app-image and its AppCDS archive
            System.err.println("conn bench: building the app-image (installers/build.sh app-image, a few minutes)");
            Process build = new ProcessBuilder("installers/build.sh", "app-image")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!build.waitFor(15, java.util.concurrent.TimeUnit.MINUTES)) {
                build.destroyForcibly();
            }
        }
        if (!Files.isExecutable(APP) || !onPath("xvfb-run")) {
            note = " (not measured: build target/installer/Conn with installers/build.sh and install xvfb)";
            return List.of(
                    new Bench.Row("cold start to first frame, AppCDS" + note, -1, "ms", 1_000),
                    new Bench.Row("cold start to first frame, no CDS" + note, -1, "ms", Bench.NO_TARGET),
                    new Bench.Row("RSS with a 10,000-event incident open" + note, -1, "MB", 250));
        }
        long[] cds = new long[RUNS];
        long[] noCds = new long[RUNS];
        for (int run = -1; run < RUNS; run++) {
            long with = launch(Files.createDirectories(dir.resolve("cds" + run)), "")[0];
            long without = launch(Files.createDirectories(dir.resolve("nocds" + run)), "-Xshare:off")[0];
            if (run >= 0) {
                cds[run] = with;
                noCds[run] = without;
            }
        }
        Path large = Files.createDirectories(dir.resolve("large"));
        tenThousandEvents(large);
        long[] rss = new long[RUNS];
        for (int run = -1; run < RUNS; run++) {
            long r = launch(large, "")[1];
            if (run >= 0) {
                rss[run] = r;
            }
        }
        return List.of(
                new Bench.Row("cold start to first frame, AppCDS" + note, median(cds), "ms", 1_000),
                new Bench.Row("cold start to first frame, no CDS" + note, median(noCds), "ms", Bench.NO_TARGET),
                new Bench.Row("RSS with a 10,000-event incident open" + note, median(rss), "MB", 250));
    }

    private static void tenThousandEvents(Path data) {
        Instant start = Instant.parse("2026-11-21T08:00:00Z");
        try (Database db = Database.open(data)) {
            IncidentService service = new IncidentService(
                    dev.conn.incident.EventStore.jdbc(db.dataSource()), Clock.fixed(start, ZoneOffset.UTC));
            IncidentId id = new IncidentId(Event.newId());
            List<Event> events = new ArrayList<>();
            events.add(Event.of(
                    Event.newId(),
                    id,
                    start,
                    start,
                    "bench",
                    new HeaderEvent.IncidentDeclared(
                            "Checkout errors",
                            Severity.SEV1,
                            Optional.empty(),
                            Optional.empty(),
                            Optional.of("bench"))));
            for (int i = 1; i < 10_000; i++) {
                Instant at = start.plus(Duration.ofSeconds(i));
                events.add(Event.of(
                        Event.newId(),
                        id,
                        at,
                        at,
                        "alice",
                        new TimelineEvent.Note("note " + i + ": payments-api p99 at " + (400 + i % 300) + " ms")));
            }
            service.importEvents(events);
        }
    }

    /** @return {firstFrameMs, rssMb} */
    private static long[] launch(Path data, String jvmOptions) throws IOException, InterruptedException {
        Path settings = data.resolve("settings.json");
        if (!Files.exists(settings)) {
            Files.writeString(settings, "{\"version\": 1, \"authorName\": \"bench\"}");
        }
        Path log = data.resolveSibling(data.getFileName() + ".log");
        ProcessBuilder pb = new ProcessBuilder(
                        "xvfb-run", "-a", APP.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("CONN_HOME", data.toString());
        pb.environment().put("JAVA_TOOL_OPTIONS", ("-Dconn.bench.startup=true " + jvmOptions).strip());
        Process p = pb.start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the packaged app did not exit in 120 s: " + Files.readString(log));
            }
            Matcher m = LINE.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (!m.find()) {
                throw new IllegalStateException("no conn.bench line from the packaged app: " + Files.readString(log));
            }
            return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))};
        } finally {
            if (p.isAlive()) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
    }

    private static boolean onPath(String command) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, command))) {
                return true;
            }
        }
        return false;
    }

    private static double median(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
