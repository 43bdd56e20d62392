package dev.conn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.app.AppContext;
import dev.conn.incident.EventStore;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.platform.db.Database;
import dev.conn.platform.fx.DirectTaskRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, finding 5: parallel {@code conn log} processes on one data directory, as a deploy
 * pipeline runs them, with no window open. Every run must exit 0 and every entry be stored
 * exactly once, although the process hosting H2's mixed-mode server changes all the time and
 * exits while others may be connected through it. Real processes: each run is a child JVM running
 * {@code dev.conn.app.Launcher}, as the installed {@code conn} does.
 */
class ParallelCliTest {
    private static final int ROUNDS = 10;
    private static final int PARALLEL = 10;

    @TempDir
    Path tmp;

    @Test
    void tenRoundsOfTenParallelLogRunsAllSucceedAndStoreEachEntryOnce() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        IncidentId incident = declare(data);
        List<String> expected = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            expected.addAll(runRound(data, round));
        }

        assertThat(storedNotes(data, incident))
                .as("every entry stored exactly once")
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theWindowOpensWhileParallelLogRunsHoldTheDatabase() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        IncidentId incident = declare(data);
        List<Process> children = startRound(data, 0);
        // the window's start-up path, racing the CLIs for the database
        AppContext window = AppContext.open(data, Clock.systemUTC(), new DirectTaskRunner(), new DirectTaskRunner());
        List<String> expected;
        try {
            assertThat(window.incidents().incidents()).hasSize(1);
            expected = finishRound(data, 0, children);
            expected.addAll(runRound(data, 1)); // and a round through the open window
            assertThat(window.incidents().timeline(incident).stream()
                            .filter(e -> e.type() == EventType.NOTE)
                            .count())
                    .as("the window sees every entry")
                    .isEqualTo(2 * PARALLEL);
        } finally {
            window.close();
        }
        assertThat(storedNotes(data, incident)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void logRunsConnectedThroughAHostThatExitsMidWorkStoreEachEntryOnce() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        IncidentId incident = declare(data);
        List<String> expected = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            // a window-like process hosts the database and exits while the runs are connected through it
            Process host = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            HostChild.class.getName(),
                            data.toString(),
                            String.valueOf(20 * round))
                    .redirectErrorStream(true)
                    .start();
            try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(host.getInputStream()))) {
                assertThat(out.readLine()).isEqualTo("READY");
                expected.addAll(runRound(data, round));
                assertThat(out.readLine())
                        .as("the host exited with a run connected through it")
                        .startsWith("CLIENTS ")
                        .isNotEqualTo("CLIENTS 0");
                assertThat(host.waitFor(60, TimeUnit.SECONDS)).isTrue();
            } finally {
                host.destroyForcibly();
            }
        }

        assertThat(storedNotes(data, incident)).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static IncidentId declare(Path data) {
        try (Database db = Database.open(data)) {
            return new IncidentService(EventStore.jdbc(db.dataSource()), Clock.systemUTC())
                    .declare(
                            new dev.conn.incident.Declaration(
                                    "Deploy pipeline", dev.conn.incident.Severity.SEV2, "", Optional.empty(), "ci"),
                            "ci")
                    .incidentId();
        }
    }

    /** @return a child JVM's command line: the Launcher with {@code args}, as the installed {@code conn} runs it (C1 only) */
    private static List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC"));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.conn.app.Launcher"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private List<String> runRound(Path data, int round) throws Exception {
        return finishRound(data, round, startRound(data, round));
    }

    private List<Process> startRound(Path data, int round) throws IOException {
        List<Process> children = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            Path log = tmp.resolve("run-" + round + "-" + i + ".log");
            children.add(new ProcessBuilder(
                            command("--data-dir", data.toString(), "log", "--author", "deploy-bot", text(round, i)))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start());
        }
        return children;
    }

    private List<String> finishRound(Path data, int round, List<Process> children) throws Exception {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            Process p = children.get(i);
            Path log = tmp.resolve("run-" + round + "-" + i + ".log");
            try {
                assertThat(p.waitFor(120, TimeUnit.SECONDS))
                        .as("run %d-%d finishes", round, i)
                        .isTrue();
            } finally {
                p.destroyForcibly();
            }
            assertThat(p.exitValue())
                    .as("run %d-%d exit code; its output:%n%s", round, i, Files.readString(log))
                    .isZero();
            assertThat(Files.readString(log)).contains("Recorded note");
            texts.add(text(round, i));
        }
        return texts;
    }

    private static String text(int round, int i) {
        return "deployed payments-api build " + round + "." + i;
    }

    private static List<String> storedNotes(Path data, IncidentId incident) {
        try (Database db = Database.open(data)) {
            List<String> notes = EventStore.jdbc(db.dataSource()).readIncident(incident).stream()
                    .filter(e -> e.type() == EventType.NOTE)
                    .map(e -> e.payload().textOrEmpty("text"))
                    .toList();
            Map<String, Long> counts =
                    notes.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(counts.values()).as("no entry twice").allMatch(n -> n == 1);
            return notes;
        }
    }
}
