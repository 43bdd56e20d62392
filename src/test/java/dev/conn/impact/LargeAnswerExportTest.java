package dev.conn.impact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.impact.net.MetricClients;
import dev.conn.impact.store.JdbcSeriesCache;
import dev.conn.incident.Declaration;
import dev.conn.incident.Event;
import dev.conn.incident.EventStore;
import dev.conn.incident.EventType;
import dev.conn.incident.ImpactEvent;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.incident.Severity;
import dev.conn.platform.db.Database;
import dev.conn.platform.secrets.KnownSecrets;
import dev.conn.postmortem.BundleImporter;
import dev.conn.postmortem.PostmortemExports;
import dev.conn.settings.ImpactSettings;
import dev.conn.settings.MonitoringSource;
import dev.conn.settings.SecretResolver;
import dev.conn.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An incident whose source answered 200,000 series (about 12 MB of Prometheus JSON, through the
 * real client from a loopback server) exports to a JSON bundle that imports again into another data
 * directory: the cache kept the top {@value CachedAnswer#MAX_SERIES} series by peak at most {@value
 * CachedAnswer#MAX_POINTS} points each, the snapshot left the oversized raw answer out and says so,
 * and the imported incident exports byte for byte as the original.
 */
class LargeAnswerExportTest {
    static final Instant DECLARED = Instant.parse("2026-11-21T13:00:00Z");
    static final Instant NOW = DECLARED.plus(Duration.ofHours(1));
    static final int SERIES = 200_000;
    static final int LONG_POINTS = 11_000;

    @TempDir
    Path from;

    @TempDir
    Path to;

    @TempDir
    Path files;

    /** 5 long series peaking at 100–104, then 199,995 one-sample series at 1, all inside the window. */
    static String hugeAnswer(Instant start, Instant end) {
        StringBuilder sb = new StringBuilder(13_000_000)
                .append("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[");
        long span = end.toEpochMilli() - start.toEpochMilli();
        for (int s = 0; s < SERIES; s++) {
            sb.append(s == 0 ? "" : ",")
                    .append("{\"metric\":{\"pod\":\"p")
                    .append(s)
                    .append("\"},\"values\":[");
            if (s < 5) {
                for (int i = 0; i < LONG_POINTS; i++) {
                    long ms = start.toEpochMilli() + span * i / LONG_POINTS;
                    double v = i == LONG_POINTS / 2 ? 100 + s : 10 + Math.sin(i / 50.0);
                    sb.append(i == 0 ? "" : ",")
                            .append('[')
                            .append(ms / 1000.0)
                            .append(",\"")
                            .append(v)
                            .append("\"]");
                }
            } else {
                sb.append('[').append(start.getEpochSecond() + 60).append(",\"1\"]");
            }
            sb.append("]}");
        }
        return sb.append("]}}").toString();
    }

    @Test
    void anIncidentWhoseSourceAnsweredTwoHundredThousandSeriesExportsAndImportsAgain() throws Exception {
        MutableClock clock = new MutableClock(DECLARED);
        IncidentId id;
        byte[] exported;
        int events;
        String body;
        try (Database db = Database.open(from);
                MockWebServer prometheus = new MockWebServer()) {
            IncidentService incidents = new IncidentService(EventStore.jdbc(db.dataSource()), clock);
            id = incidents
                    .declare(new Declaration("Pod storm", Severity.SEV2, "", Optional.empty(), "ana"), "ana")
                    .incidentId();
            clock.set(NOW);
            ImpactWindow window = ImpactWindow.of(incidents.state(id), NOW);
            body = hugeAnswer(window.from(), window.to());
            assertThat(body.length()).isBetween(10_000_000, 14_000_000);
            prometheus.enqueue(new MockResponse()
                    .setHeader("Content-Type", "application/json")
                    .setBody(body));
            prometheus.start(java.net.InetAddress.getLoopbackAddress(), 0);
            ImpactSettings settings = ImpactSettings.defaults()
                    .withSources(List.of(MonitoringSource.prometheus(
                            "prod", "prod", prometheus.url("/").toString())));
            JdbcSeriesCache cache = new JdbcSeriesCache(db.dataSource());
            ImpactService service = MetricClients.service(cache, SecretResolver.environmentOnly(), clock);
            ImpactLog impact = new ImpactLog(incidents.log());
            ImpactQuery pods = ImpactQuery.create("Restarts by pod", "prod", "restarts", "", OptionalDouble.empty());
            impact.execute(id, new ImpactCommand.SetQuery(pods), "ana");

            ChartData shown = service.refresh(id, pods, settings, window, 1000);

            assertThat(shown.error()).isEmpty();
            assertThat(shown.totalSeries()).isEqualTo(SERIES);
            assertThat(shown.rawJson()).as("too large for a snapshot").isEmpty();
            impact.execute(id, new ImpactCommand.TakeSnapshot(shown, new byte[] {(byte) 0x89, 'P', 'N', 'G'}), "ana");
            events = incidents.timeline(id).size();
            exported = new PostmortemExports(incidents, new SeriesArchive(cache), clock, KnownSecrets::new)
                    .export(id, PostmortemExports.Format.JSON);
        }
        // the bundle holds what the charts need, not the 12 MB answer
        assertThat(exported.length).isLessThan(1_500_000);
        Path bundle = files.resolve("pod-storm.json");
        Files.write(bundle, exported);

        try (Database db = Database.open(to)) {
            IncidentService incidents = new IncidentService(EventStore.jdbc(db.dataSource()), clock);
            JdbcSeriesCache cache = new JdbcSeriesCache(db.dataSource());
            BundleImporter.Result result = new BundleImporter(incidents, new SeriesArchive(cache)).importFile(bundle);

            assertThat(result.incident()).isEqualTo(id);
            assertThat(result.added()).isEqualTo(events);
            CachedSeries back = cache.all(id).get(0);
            CachedAnswer kept = CachedAnswer.decode(back.rawJson());
            assertThat(kept.totalSeries()).isEqualTo(SERIES);
            assertThat(kept.series()).hasSize(CachedAnswer.MAX_SERIES);
            assertThat(kept.series())
                    .allSatisfy(s -> assertThat(s.size()).isLessThanOrEqualTo(CachedAnswer.MAX_POINTS));
            // the peaks survive the reduction: the top five by peak, highest first
            assertThat(kept.series()).extracting(Series::peak).containsExactly(104.0, 103.0, 102.0, 101.0, 100.0);
            Event snapshot = incidents.timeline(id).stream()
                    .filter(e -> e.type() == EventType.METRIC_SNAPSHOT)
                    .findFirst()
                    .orElseThrow();
            ImpactEvent.MetricSnapshot s = (ImpactEvent.MetricSnapshot) snapshot.body();
            assertThat(s.raw()).isEmpty();
            assertThat(s.rawOmitted()).contains(true);
            byte[] again = new PostmortemExports(incidents, new SeriesArchive(cache), clock, KnownSecrets::new)
                    .export(id, PostmortemExports.Format.JSON);
            assertThat(new String(again, StandardCharsets.UTF_8))
                    .isEqualTo(new String(exported, StandardCharsets.UTF_8));
        }
    }
}
