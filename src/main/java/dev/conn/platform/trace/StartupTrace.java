package dev.conn.platform.trace;

import java.lang.management.ManagementFactory;

/**
 * A start-up trace for measuring where the time to a ready window goes: with system property
 * {@code conn.trace.startup=true}, each {@link #mark} prints {@code conn.trace MS THREAD STEP} to
 * standard error, MS being milliseconds since the JVM started. Without the property a mark costs
 * one static field read and prints nothing.
 */
public final class StartupTrace {
    private static final boolean ON = Boolean.getBoolean("conn.trace.startup");

    private StartupTrace() {}

    /** @return true if marks are printed ({@code -Dconn.trace.startup=true}) */
    public static boolean enabled() {
        return ON;
    }

    /**
     * Prints the step with the JVM's uptime, if tracing is on.
     *
     * @param step what has just happened, in a few words
     */
    public static void mark(String step) {
        if (ON) {
            System.err.println(
                    "conn.trace " + ManagementFactory.getRuntimeMXBean().getUptime() + " ["
                            + Thread.currentThread().getName() + " cpu "
                            + ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000 + "] " + step);
        }
    }

    /**
     * Prints each thread's CPU time so far (user + system, in ms, from Linux
     * {@code /proc/self/task/N/stat}, assuming 100 clock ticks a second), if tracing is on.
     */
    public static void threadCpu() {
        if (!ON) {
            return;
        }
        try (java.util.stream.Stream<java.nio.file.Path> tasks =
                java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
            tasks.forEach(t -> {
                try {
                    String stat = java.nio.file.Files.readString(t.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ms = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
                    if (ms > 0) {
                        System.err.println("conn.cpu " + ms + " " + name);
                    }
                } catch (java.io.IOException | RuntimeException e) {
                    // a thread that ended meanwhile
                }
            });
        } catch (java.io.IOException e) {
            System.err.println("conn.cpu unavailable: " + e.getMessage());
        }
    }
}
