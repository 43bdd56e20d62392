package dev.conn.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.conn.platform.db.Database;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process that is appending events with SIGKILL ({@link Process#destroyForcibly()} on
 * Linux) and checks that every event it was told was stored is there, with no gaps or duplicates.
 */
class DurabilityKillTest {
    private static final int KILLS = 3;
    private static final int ACKS_BEFORE_KILL = 300;
    private static final Duration ACK_DEADLINE = Duration.ofSeconds(60);
    private static final String EOF = "\u0000EOF";

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedAppendSurvivesKillNineWithNoGapsOrDuplicates() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        long highestAcked = 0;
        for (int round = 1; round <= KILLS; round++) {
            highestAcked = runAndKill(round, highestAcked);

            List<Long> stored = storedNumbers();
            assertThat(stored)
                    .as("round %d: stored n values must be 1..max with no gaps or duplicates", round)
                    .containsExactlyElementsOf(
                            LongStream.rangeClosed(1, stored.size()).boxed().toList());
            assertThat(stored.size())
                    .as("round %d: every ACKed append (up to %d) must be stored", round, highestAcked)
                    .isGreaterThanOrEqualTo((int) highestAcked);
            highestAcked = stored.size();
        }
    }

    /** Starts the child, waits for enough ACKs, kills it; returns the highest n it acknowledged. */
    private long runAndKill(int round, long storedBefore) throws Exception {
        Path stderr = dir.resolve("child-" + round + ".err");
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        DurabilityChild.class.getName(),
                        dir.resolve("data").toString())
                .redirectError(stderr.toFile())
                .start();
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "durability-child-stdout");
            t.setDaemon(true);
            return t;
        });
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        try {
            reader.execute(() -> pump(child, lines));
            long highestAcked = 0;
            long acks = 0;
            long deadline = System.nanoTime() + ACK_DEADLINE.toNanos();
            while (acks < ACKS_BEFORE_KILL) {
                String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null || line.equals(EOF)) {
                    fail(
                            "round %d: child gave %d ACKs before %s; stderr:%n%s",
                            round, acks, line == null ? "the deadline" : "exiting", Files.readString(stderr));
                }
                if (line.startsWith("READY ")) {
                    assertThat(Long.parseLong(line.substring(6)))
                            .as("child resumes after what is stored")
                            .isEqualTo(storedBefore);
                } else if (line.startsWith("ACK ")) {
                    long n = Long.parseLong(line.substring(4));
                    assertThat(n).as("ACKs count up by one").isEqualTo(storedBefore + acks + 1);
                    highestAcked = n;
                    acks++;
                }
            }
            child.destroyForcibly(); // SIGKILL while it is still appending
            assertThat(child.waitFor(30, TimeUnit.SECONDS))
                    .as("child exits after SIGKILL")
                    .isTrue();
            // ACKs printed after the last one read but before the kill count too
            String line;
            while ((line = lines.poll(10, TimeUnit.SECONDS)) != null && !line.equals(EOF)) {
                if (line.startsWith("ACK ")) {
                    highestAcked = Long.parseLong(line.substring(4));
                }
            }
            return highestAcked;
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
            reader.shutdownNow();
        }
    }

    private static void pump(Process child, BlockingQueue<String> lines) {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            // stream closed by the kill
        } finally {
            lines.add(EOF);
        }
    }

    /** Reopens the database in this JVM and returns every stored n in storage order. */
    private List<Long> storedNumbers() {
        try (Database db = Database.open(dir.resolve("data"))) {
            return EventStore.jdbc(db.dataSource()).readIncident(DurabilityChild.INCIDENT).stream()
                    .map(e -> e.payload().toNode().get("n").asLong())
                    .toList();
        }
    }
}
