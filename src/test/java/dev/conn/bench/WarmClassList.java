package dev.conn.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites {@code src/main/resources/dev/conn/app/warm-classes.txt}, the classes {@code
 * dev.conn.app.Warmup} links on a side thread while the window waits for its data directory: a
 * child JVM opens the window the way {@link StartupBench} does, on the 100,000-event incident,
 * with {@code -Xlog:class+load} and the start-up trace, and the list is every class loaded from a
 * jar or the class folder between the core reaching the FX thread and the incident being on
 * screen. Run it after upgrading JavaFX or changing what the first window builds: {@code java -cp
 * <test class path> dev.conn.bench.WarmClassList} from the project root. A stale list costs only
 * a head start: names that no longer exist are skipped.
 */
final class WarmClassList {
    private static final Path OUT = Path.of("src/main/resources/dev/conn/app/warm-classes.txt");
    private static final Pattern LOADED = Pattern.compile("^\\[(\\d+\\.\\d+)s\\] (\\S+) source: (.*)$");
    private static final Pattern MARK = Pattern.compile("^conn\\.trace (\\d+) \\[[^\\]]*\\] (.*)$");

    private WarmClassList() {}

    /**
     * @param args ignored
     * @throws Exception if the child fails or its trace lacks a step
     */
    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("conn-warm-list-");
        Path data = Files.createDirectories(dir.resolve("incident"));
        Bench.writeLargeIncident(data);
        Files.writeString(data.resolve("settings.json"), "{\"version\": 1, \"authorName\": \"bench\"}");
        Path classes = dir.resolve("classes.txt");
        Path trace = dir.resolve("trace.txt");
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        StartupBench.APP_JVM_OPTION,
                        "-Xlog:class+load:file=" + classes + ":uptime",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-Dconn.bench.startup=true",
                        "-Dconn.trace.startup=true",
                        "-Dconn.warm.list=false",
                        "-Dglass.platform=Monocle",
                        "-Dmonocle.platform=Headless",
                        "-Dprism.order=sw",
                        "-Djava.awt.headless=true",
                        "-Djavafx.cachedir="
                                + Path.of("target", "openjfx-cache").toAbsolutePath(),
                        "dev.conn.app.Launcher",
                        "--data-dir",
                        data.toString())
                .redirectErrorStream(true)
                .redirectOutput(trace.toFile())
                .start();
        if (!child.waitFor(120, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new IllegalStateException("the window did not close within 120 s");
        }
        long from = mark(trace, "core open, on the FX thread");
        long to = mark(trace, "ready: the active incident on screen");
        Set<String> names = new LinkedHashSet<>();
        for (String line : Files.readAllLines(classes, StandardCharsets.UTF_8)) {
            Matcher m = LOADED.matcher(line);
            if (!m.matches()) {
                continue;
            }
            long at = Math.round(Double.parseDouble(m.group(1)) * 1000);
            String name = m.group(2);
            String source = m.group(3);
            boolean fromFile = source.startsWith("jrt:") || source.startsWith("file:");
            if (at >= from && at <= to && fromFile && !name.contains("$$Lambda") && !name.contains("/0x")) {
                names.add(name);
            }
        }
        Files.write(OUT, new ArrayList<>(names), StandardCharsets.UTF_8);
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
        System.out.println("wrote " + names.size() + " classes loaded from " + from + " to " + to + " ms to " + OUT);
        System.exit(0);
    }

    private static long mark(Path trace, String step) throws IOException {
        List<String> lines = Files.readAllLines(trace, StandardCharsets.UTF_8);
        for (String line : lines) {
            Matcher m = MARK.matcher(line);
            if (m.matches() && m.group(2).equals(step)) {
                return Long.parseLong(m.group(1));
            }
        }
        throw new IllegalStateException("no '" + step + "' in the trace:\n" + String.join("\n", lines));
    }
}
