package dev.conn.warroom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.HeaderCommand;
import dev.conn.incident.HeaderDecider;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.incident.IncidentState;
import dev.conn.incident.Severity;
import dev.conn.incident.Status;
import dev.conn.postmortem.IncidentHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incidents across the war room (issue 13): an incident declared, mitigated and resolved on
 * console A shows on console B, which never touched it, in the incident list, the History tab's rows
 * and summary, and {@code conn stats}, with A's status and time to mitigate.
 */
class WarRoomHistoryTest {
    @TempDir
    Path dir;

    @Test
    void anIncidentResolvedOnAnotherConsoleIsInThisConsolesListHistoryAndStats() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant impact = now.minus(Duration.ofMinutes(50));
        Instant mitigated = now.minus(Duration.ofMinutes(5));
        IncidentId resolvedOnA;
        IncidentId openOnB;
        try (PgCluster pg = PgCluster.start()) {
            String db = PgCluster.freshName();
            String url = pg.createWarRoom(db, db + "_o", "pw-" + db);
            try (TestConsole a = new TestConsole(
                                    dir.resolve("a"),
                                    url,
                                    db + "_o",
                                    "pw-" + db,
                                    new Person("ana", "Ana"),
                                    TestConsole.FAST)
                            .start();
                    TestConsole b = new TestConsole(
                                    dir.resolve("b"),
                                    url,
                                    db + "_o",
                                    "pw-" + db,
                                    new Person("bo", "Bo"),
                                    TestConsole.FAST)
                            .start()) {
                resolvedOnA = new IncidentId(Event.newId());
                HeaderDecider header = new HeaderDecider();
                a.log.execute(
                        resolvedOnA,
                        header,
                        new HeaderCommand.Declare("Checkout errors", Severity.SEV1, "", Optional.of(impact), a.author),
                        a.author);
                a.log.execute(
                        resolvedOnA,
                        header,
                        new HeaderCommand.MarkMitigated(Optional.of("rolled back"), Optional.of(mitigated)),
                        a.author);
                a.log.execute(
                        resolvedOnA, header, new HeaderCommand.Resolve(Optional.empty(), Optional.of(now)), a.author);
                openOnB = b.declare("Search slow");

                Await.until("B holds A's resolution", Duration.ofSeconds(20), () -> !b.store
                        .readIncident(resolvedOnA, Set.of(EventType.RESOLVED))
                        .isEmpty());

                IncidentService onB = new IncidentService(b.store, b.log);
                // the incident list
                assertThat(onB.incidents()).extracting(IncidentState::id).contains(resolvedOnA, openOnB);
                IncidentState st = onB.state(resolvedOnA);
                assertThat(st.title()).isEqualTo("Checkout errors");
                assertThat(st.severity()).isEqualTo(Severity.SEV1);
                assertThat(st.status()).isEqualTo(Status.RESOLVED);
                assertThat(onB.state(openOnB).status()).isNotEqualTo(Status.RESOLVED);
                // the History tab's rows and summary
                List<IncidentHistory.Row> rows = IncidentHistory.load(onB);
                IncidentHistory.Row row = rows.stream()
                        .filter(r -> r.state().id().equals(resolvedOnA))
                        .findFirst()
                        .orElseThrow();
                assertThat(row.milestones().timeToMitigate()).contains(Duration.ofMinutes(45));
                assertThat(row.milestones().timeToResolve()).contains(Duration.ofMinutes(50));
                IncidentHistory.Summary summary = IncidentHistory.summarise(rows);
                assertThat(summary.total()).isEqualTo(2);
                assertThat(summary.bySeverity()).containsEntry(Severity.SEV1, 1);
                assertThat(summary.medianTtm()).contains(Duration.ofMinutes(45));
            }
        }
        // conn stats and conn incidents on B's data directory, war room or not
        String stats = conn(dir.resolve("b"), "--war-room=off", "stats");
        assertThat(stats).contains("Incidents: 2 (SEV1 1").contains("TTM 45m").contains("TTR 50m");
        assertThat(conn(dir.resolve("b"), "--war-room=off", "incidents"))
                .contains("Checkout errors")
                .contains("Search slow");
    }

    private String conn(Path data, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.conn.app.Launcher",
                "--data-dir",
                data.toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(cmd)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(err)).isZero();
        return Files.readString(out);
    }
}
