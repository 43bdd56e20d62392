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
 * The FX thread while a SEV1 is replayed at 10 events/s for 10 minutes of a fake clock, with the
 * Comms and Impact tabs open: a child JVM runs {@code dev.conn.app.PulseProbe} (Monocle headless,
 * software rendering, a 1366×768 screen, C1 only as the app runs) and times every stretch of
 * FX-thread work: each pulse (CSS, layout, waiting for the previous frame's rendering, copy to the
 * render graph), each callback the window's runners hand to the FX thread (the events the store
 * publishes after commit, the results of reads and writes), each heartbeat. One run: it replays
 * 6,000 events.
 */
final class PulseBench {
    private static final Pattern LINE = Pattern.compile("conn\\.bench\\.pulse p99Ms=([\\d.]+) maxMs=([\\d.]+)"
            + " jobs=(\\d+) pulseP99Ms=([\\d.]+) pulseMaxMs=([\\d.]+) pulses=(\\d+) events=(\\d+) refused=(\\d+)"
            + " wallMs=(\\d+)");
    private static final long TIMEOUT_MINUTES = 20;

    private PulseBench() {}

    /** Runs only these rows: {@code java -cp <test class path> dev.conn.bench.PulseBench}. */
    public static void main(String[] args) throws Exception {
        for (Bench.Row r : run(Files.createTempDirectory("conn-pulse-bench-"))) {
            System.out.printf("%-100s %10.2f %s (target %s)%n", r.measure(), r.result(), r.unit(), r.target());
        }
        System.exit(0);
    }

    /**
     * @param dir where the child's output goes
     * @return p99 and longest of all FX-thread work, and of the pulses alone
     * @throws IllegalStateException if the child fails or prints no result
     */
    static List<Bench.Row> run(Path dir) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = dir.resolve("pulse.log");
        ProcessBuilder pb = new ProcessBuilder(
                        java,
                        StartupBench.APP_JVM_OPTION,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-Dglass.platform=Monocle",
                        "-Dmonocle.platform=Headless",
                        "-Dheadless.geometry=1366x768-32",
                        "-Dprism.order=sw",
                        "-Djava.awt.headless=true",
                        "-Djavafx.cachedir="
                                + Path.of("target", "openjfx-cache").toAbsolutePath(),
                        "dev.conn.app.PulseProbe")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Process child = pb.start();
        try {
            if (!child.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the pulse probe did not finish in " + TIMEOUT_MINUTES + " min");
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            Matcher m = LINE.matcher(out);
            if (!m.find()) {
                throw new IllegalStateException(
                        "the pulse probe exited with " + child.exitValue() + " and no result; its output:\n" + out);
            }
            String detail = " (" + m.group(3) + " FX jobs, " + m.group(7) + " events, " + m.group(8) + " refused, "
                    + m.group(9) + " ms wall)";
            return List.of(
                    new Bench.Row(
                            "longest FX-thread pulse while replaying a SEV1 at 10 events/s for 10 min, Comms and"
                                    + " Impact tabs open, p99 of every FX-thread job" + detail,
                            Double.parseDouble(m.group(1)),
                            "ms",
                            16),
                    new Bench.Row(
                            "  same replay: longest FX-thread job",
                            Double.parseDouble(m.group(2)),
                            "ms",
                            Bench.NO_TARGET),
                    new Bench.Row(
                            "  same replay: pulses alone, p99 (" + m.group(6) + " pulses)",
                            Double.parseDouble(m.group(4)),
                            "ms",
                            Bench.NO_TARGET),
                    new Bench.Row(
                            "  same replay: longest pulse", Double.parseDouble(m.group(5)), "ms", Bench.NO_TARGET));
        } finally {
            if (child.isAlive()) {
                child.descendants().forEach(ProcessHandle::destroyForcibly);
                child.destroyForcibly();
                child.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
