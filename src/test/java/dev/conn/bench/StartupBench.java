package dev.conn.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The window's start-up rows: a child JVM runs {@code dev.conn.app.Launcher} headless (Monocle,
 * software rendering) with {@code conn.bench.startup=true} and prints JVM uptime at the first frame
 * and once the active incident is on screen; median of 3 after 1 warm-up. Also opening the
 * 100,000-event incident {@link Bench} leaves in its data directory.
 */
final class StartupBench {
    /** The JVM option `mvn javafx:run` starts Conn with (pom.xml; docs ADR 0002): C1 only, for start-up on 2 cores. */
    static final String APP_JVM_OPTION = "-XX:TieredStopAtLevel=1";

    private static final long STARTUP_TIMEOUT_SECONDS = 60;
    private static final Pattern STARTUP_LINE =
            Pattern.compile("conn\\.bench firstFrameMs=(\\d+) readyMs=(\\d+) openMs=(\\d+) completeMs=(\\d+)");

    private StartupBench() {}

    /**
     * Runs only these rows: {@code java -cp <test class path> dev.conn.bench.StartupBench [ready|open]}
     * (both without an argument; {@code open} first writes the 100,000-event incident as {@link Bench}
     * does).
     */
    public static void main(String[] args) throws Exception {
        String only = args.length > 0 ? args[0] : "";
        String loadAtStart = Bench.loadAverage();
        Path dir = Files.createTempDirectory("conn-startup-bench-");
        List<Bench.Row> rows = new java.util.ArrayList<>();
        if (!only.equals("open")) {
            rows.addAll(startup(Files.createDirectories(dir.resolve("startup"))));
        }
        if (!only.equals("ready")) {
            Path incident = Files.createDirectories(dir.resolve("incident"));
            Bench.writeLargeIncident(incident);
            rows.addAll(openInWindow(incident));
        }
        for (Bench.Row r : rows) {
            System.out.printf("%-80s %8.0f %s (target %s)%n", r.measure(), r.result(), r.unit(), r.target());
        }
        System.out.printf(
                "load average (1, 5, 15 min): %s at the start, %s at the end%n", loadAtStart, Bench.loadAverage());
        Bench.deleteRecursively(dir);
        System.exit(0);
    }

    static List<Bench.Row> startup(Path dir) throws IOException, InterruptedException {
        String classPath = System.getProperty("java.class.path");
        if (!classPath.contains("test-classes") || !classPath.contains("openjfx-monocle")) {
            throw new IllegalStateException("the class path is not the test class path (no test-classes or "
                    + "Monocle): run the bench with `mvn -Pbench -DskipTests verify`; it was: " + classPath);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path cache = Path.of("target", "openjfx-cache").toAbsolutePath();
        long[] firstFrame = new long[Bench.RUNS];
        long[] ready = new long[Bench.RUNS];
        long[] readyAgain = new long[Bench.RUNS];
        for (int run = -1; run < Bench.RUNS; run++) { // run -1 warms up the OS file cache and the JavaFX cache
            String name = run < 0 ? "warmup" : "run" + run;
            Path data = Files.createDirectories(dir.resolve(name));
            long[] ms = launchOnce(java, classPath, cache, data, dir.resolve(name + ".log"));
            long[] again = launchOnce(java, classPath, cache, data, dir.resolve(name + "-again.log"));
            if (run >= 0) {
                firstFrame[run] = ms[0];
                ready[run] = ms[1];
                readyAgain[run] = again[1];
            }
        }
        return List.of(
                new Bench.Row("time to window shown (JVM start to first frame)", Bench.median(firstFrame), "ms", 1_500),
                new Bench.Row(
                        "time to ready window, first launch (creates data dir)", Bench.median(ready), "ms", 1_500),
                new Bench.Row("time to ready window, existing data directory", Bench.median(readyAgain), "ms", 1_500));
    }

    /**
     * The real path: the app opens the 100k-event incident left by {@link #openLargeIncident} (it
     * is the active one), from building the window to the timeline rows being on screen.
     */
    static List<Bench.Row> openInWindow(Path data) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        Path cache = Path.of("target", "openjfx-cache").toAbsolutePath();
        long[] open = new long[Bench.RUNS];
        long[] complete = new long[Bench.RUNS];
        for (int run = -1; run < Bench.RUNS; run++) {
            long[] ms = launchOnce(java, classPath, cache, data, data.resolveSibling("open-" + (run + 1) + ".log"));
            if (run >= 0) {
                open[run] = ms[2];
                complete[run] = ms[3];
            }
        }
        return List.of(
                new Bench.Row(
                        "open 100k-event incident in the window: header + newest rows on screen",
                        Bench.median(open),
                        "ms",
                        1_000),
                new Bench.Row(
                        "open 100k-event incident in the window: whole history on screen",
                        Bench.median(complete),
                        "ms",
                        Bench.NO_TARGET));
    }

    /** @return {firstFrameMs, readyMs, openMs, completeMs} as printed by the child */
    private static long[] launchOnce(String java, String classPath, Path cache, Path data, Path log)
            throws IOException, InterruptedException {
        Path settings = data.resolve("settings.json");
        if (!Files.exists(settings)) {
            // the name is asked once at first launch; a dialog left open would outlive the probe
            Files.writeString(settings, "{\"version\": 1, \"authorName\": \"bench\"}");
        }
        ProcessBuilder pb = new ProcessBuilder(
                        java,
                        APP_JVM_OPTION,
                        "-cp",
                        classPath,
                        "-Dconn.bench.startup=true",
                        "-Dglass.platform=Monocle",
                        "-Dmonocle.platform=Headless",
                        "-Dprism.order=sw",
                        "-Dtestfx.headless=true",
                        "-Djava.awt.headless=true",
                        "-Djavafx.cachedir=" + cache,
                        "dev.conn.app.Launcher",
                        "--data-dir",
                        data.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Process child = pb.start();
        try {
            if (!child.waitFor(STARTUP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the app did not exit within " + STARTUP_TIMEOUT_SECONDS
                        + " s; its output:\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            Matcher m = STARTUP_LINE.matcher(out);
            if (!m.find()) {
                throw new IllegalStateException("the app exited with code " + child.exitValue()
                        + " without printing 'conn.bench firstFrameMs=N readyMs=M'; its output:\n" + out);
            }
            return new long[] {
                Long.parseLong(m.group(1)),
                Long.parseLong(m.group(2)),
                Long.parseLong(m.group(3)),
                Long.parseLong(m.group(4))
            };
        } finally {
            if (child.isAlive()) {
                child.descendants().forEach(ProcessHandle::destroyForcibly);
                child.destroyForcibly();
                child.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
