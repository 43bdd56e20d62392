package dev.conn.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conn.incident.EventStore;
import dev.conn.incident.IncidentService;
import dev.conn.incident.Milestone;
import dev.conn.platform.db.Database;
import dev.conn.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleIncidentTest {
    @TempDir
    Path dir;

    @Test
    void theSampleIsMarkedAndFillsEveryPanel() {
        Database db = Database.open(dir);
        try {
            IncidentService s = new IncidentService(
                    EventStore.jdbc(db.dataSource()), new MutableClock(Instant.parse("2026-11-21T12:00:00Z")));
            List<JsonNode> series = new ArrayList<>();
            MetricSeriesArchive archive = new MetricSeriesArchive() {
                @Override
                public List<JsonNode> list(dev.conn.incident.IncidentId incident) {
                    return List.of();
                }

                @Override
                public void restore(dev.conn.incident.IncidentId incident, List<JsonNode> restored) {
                    series.addAll(restored);
                }
            };
            BundleImporter.Result r = new BundleImporter(s, archive).importBytes(SampleIncident.bytes());
            PostmortemReport report = PostmortemReport.of(s.timeline(r.incident()), LocalDate.of(2026, 11, 21));

            assertThat(report.state().title()).startsWith("[Sample]");
            assertThat(report.state().summary()).contains("SAMPLE DATA");
            assertThat(report.responders()).hasSize(4);
            assertThat(report.roles().get("INCIDENT_COMMANDER")).containsExactly("Priya", "Sam");
            assertThat(report.handoffs()).hasSize(2);
            assertThat(report.messagesSent()).hasSize(2);
            assertThat(report.snapshots()).singleElement().satisfies(snap -> assertThat(snap.title())
                    .startsWith("[Synthetic]"));
            for (Milestone m : Milestone.values()) {
                assertThat(report.milestones().of(m)).as(m.label()).isPresent();
            }
            assertThat(report.milestones().summaryLine()).isEqualTo("TTD 8m · TTA 21m · TTM 1h 42m · TTR 2h 55m");
            for (PostmortemField f : PostmortemField.SECTIONS) {
                assertThat(report.postmortem().field(f.key())).as(f.key()).isNotBlank();
            }
            assertThat(report.postmortem().rootCauses()).containsExactly(1, 2, 3);
            assertThat(report.postmortem().actionItems()).hasSize(5);
            assertThat(report.postmortem().actionItems()).anyMatch(a -> a.isOverdue(report.today()));
            assertThat(report.cleanup()).hasSize(3).allMatch(c -> !c.decision().isEmpty());
            assertThat(report.postmortem().services()).contains("dns");
            assertThat(series)
                    .singleElement()
                    .satisfies(j -> assertThat(j.path("synthetic").asBoolean()).isTrue());
        } finally {
            db.close();
        }
    }
}
