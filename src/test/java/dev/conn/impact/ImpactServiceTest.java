package dev.conn.impact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.impact.net.MetricClients;
import dev.conn.impact.net.PrometheusClient;
import dev.conn.impact.store.JdbcSeriesCache;
import dev.conn.incident.IncidentId;
import dev.conn.platform.db.Database;
import dev.conn.settings.ImpactSettings;
import dev.conn.settings.MonitoringSource;
import dev.conn.testing.Events;
import dev.conn.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImpactServiceTest {
    static final Instant NOW = Instant.parse("2025-03-14T10:30:00Z");
    final ImpactWindow window = new ImpactWindow(NOW.minus(Duration.ofHours(2)), NOW);
    final ImpactSettings settings = ImpactSettings.defaults()
            .withSources(List.of(MonitoringSource.prometheus("prod", "prod", "http://127.0.0.1:9")));
    final IncidentId incident = Events.newIncident();
    final ImpactQuery query =
            ImpactQuery.create("Errors by pod", "prod", "sum by (pod) (errors)", "", OptionalDouble.empty());
    final AtomicReference<Object> next = new AtomicReference<>();
    final List<Duration> steps = new ArrayList<>();

    @TempDir
    Path dir;

    Database db;
    ImpactService service;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        MetricSource fake = new MetricSource() {
            @Override
            public String id() {
                return "prod";
            }

            @Override
            public SeriesResult queryRange(String q, Instant start, Instant end, Duration step, FetchToken token)
                    throws MetricSourceException {
                steps.add(step);
                if (next.get() instanceof MetricSourceException e) {
                    throw e;
                }
                return (SeriesResult) next.get();
            }

            @Override
            public String testConnection() {
                return "ok";
            }

            @Override
            public SeriesResult parse(String raw) {
                throw new UnsupportedOperationException();
            }
        };
        service = new ImpactService(
                new JdbcSeriesCache(db.dataSource()), s -> fake, MetricClients.parsers(), new MutableClock(NOW));
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** A real Prometheus body with {@code pods} series; pod-i peaks at i. */
    static SeriesResult pods(int pods) throws Exception {
        StringBuilder sb =
                new StringBuilder("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[");
        for (int i = 0; i < pods; i++) {
            sb.append(i == 0 ? "" : ",")
                    .append("{\"metric\":{\"pod\":\"api-")
                    .append(i)
                    .append("\"},\"values\":[[1741942800,\"0\"],[1741942860,\"")
                    .append(i)
                    .append("\"]]}");
        }
        sb.append("]}}");
        return new PrometheusClient(
                        MonitoringSource.prometheus("p", "p", "http://x.invalid"),
                        dev.conn.settings.SecretResolver.environmentOnly())
                .parse(sb.toString());
    }

    @Test
    void manySeriesAreCappedToTheTopFiveByPeakAndSayHowMany() throws Exception {
        next.set(pods(7));
        ChartData d = service.refresh(incident, query, settings, window, 900);

        assertThat(d.series())
                .extracting(s -> s.labels().get("pod"))
                .containsExactly("api-6", "api-5", "api-4", "api-3", "api-2");
        assertThat(d.legendCap()).contains("top 5 of 7 series by peak");
        assertThat(d.offline()).isFalse();
        assertThat(d.fetchedAt()).contains(NOW);
        // 2 h on 900 px: 8 s per pixel, but the default 15 s scrape interval is the floor
        assertThat(steps).containsExactly(Duration.ofSeconds(15));
    }

    @Test
    void aRefusedQueryKeepsTheLastDataButIsNotOffline() throws Exception {
        next.set(pods(2));
        service.refresh(incident, query, settings, window, 900);
        next.set(new MetricSourceException(
                MetricSourceException.Kind.QUERY, "Prometheus refused the query (bad_data): x", null));

        ChartData d = service.refresh(incident, query, settings, window, 900);

        assertThat(d.series()).hasSize(2);
        assertThat(d.offline()).isFalse(); // the source answered: no offline badge, the refusal is shown
        assertThat(d.fetchedAt()).contains(NOW);
        assertThat(d.error()).contains("Prometheus refused the query (bad_data): x");
    }

    @Test
    void anUnknownSourceIsNamedWithWhatToDo() {
        ImpactQuery orphan = ImpactQuery.create("x", "gone", "up", "", OptionalDouble.empty());
        ChartData d = service.refresh(incident, orphan, settings, window, 900);
        assertThat(d.hasData()).isFalse();
        assertThat(d.error()).contains("no monitoring source 'gone' in settings; add it under Impact > Manage sources");
    }

    @Test
    void everyCachedSeriesOfTheIncidentIsReadableForExport() throws Exception {
        next.set(pods(1));
        service.refresh(incident, query, settings, window, 900);
        assertThat(service.cache().all(incident)).singleElement().satisfies(c -> {
            assertThat(c.fetchedAt()).isEqualTo(NOW);
            assertThat(c.rawJson()).contains("api-0").startsWith("{\"format\":\"conn.impact.series/1\"");
            assertThat(c.from()).isEqualTo(window.from());
        });
    }

    @Test
    void anEditedQueryNeverShowsTheOldQuerysCachedAnswer() throws Exception {
        next.set(pods(2));
        service.refresh(incident, query, settings, window, 900);
        ImpactQuery edited = new ImpactQuery(
                query.queryId(), query.name(), "prod", "sum by (pod) (other_errors)", "", OptionalDouble.empty());
        next.set(new MetricSourceException(MetricSourceException.Kind.UNREACHABLE, "cannot reach host x (DNS)", null));

        ChartData d = service.refresh(incident, edited, settings, window, 900);

        assertThat(d.hasData()).isFalse();
        assertThat(d.error()).contains("cannot reach host x (DNS)");
    }

    @Test
    void anUnreachableSourceShowsTheCachedAnswerAsOffline() throws Exception {
        next.set(pods(2));
        service.refresh(incident, query, settings, window, 900);
        next.set(new MetricSourceException(MetricSourceException.Kind.UNREACHABLE, "cannot reach host x (DNS)", null));

        ChartData d = service.refresh(incident, query, settings, window, 900);

        assertThat(d.series()).hasSize(2);
        assertThat(d.badge(NOW.plusSeconds(12 * 60))).contains("data as of 10:30 UTC, 12 min old (offline)");
    }
}
