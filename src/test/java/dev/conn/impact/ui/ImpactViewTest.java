package dev.conn.impact.ui;

import static dev.conn.testing.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.impact.ChartScale;
import dev.conn.impact.FetchToken;
import dev.conn.impact.ImpactLog;
import dev.conn.impact.ImpactMarker;
import dev.conn.impact.ImpactQuery;
import dev.conn.impact.ImpactService;
import dev.conn.impact.MetricSource;
import dev.conn.impact.MetricSourceException;
import dev.conn.impact.Series;
import dev.conn.impact.SeriesResult;
import dev.conn.impact.SourceLanes;
import dev.conn.impact.net.MetricClients;
import dev.conn.impact.net.PrometheusClient;
import dev.conn.impact.store.JdbcSeriesCache;
import dev.conn.incident.Declaration;
import dev.conn.incident.EntryCommand;
import dev.conn.incident.EntryDecider;
import dev.conn.incident.Event;
import dev.conn.incident.EventStore;
import dev.conn.incident.EventType;
import dev.conn.incident.ImpactEvent;
import dev.conn.incident.IncidentService;
import dev.conn.incident.Severity;
import dev.conn.incident.TimelineEvent;
import dev.conn.incident.ui.IncidentViewModel;
import dev.conn.platform.db.Database;
import dev.conn.platform.fx.DirectTaskRunner;
import dev.conn.settings.ImpactSettings;
import dev.conn.settings.MonitoringSource;
import dev.conn.settings.PolicyFile;
import dev.conn.settings.Settings;
import dev.conn.settings.SettingsFile;
import dev.conn.settings.ui.SettingsViewModel;
import dev.conn.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The impact panel on a real incident log (H2 in a temp folder) with a fake metric source: the
 * chart draws the series, markers sit at their event's time, a click on a marker selects the entry,
 * a snapshot records {@code METRIC_SNAPSHOT}, and a failing source after a success shows the cached
 * data with the offline badge.
 */
@ExtendWith(ApplicationExtension.class)
class ImpactViewTest {
    static final Instant DECLARED = Instant.parse("2026-11-21T13:40:00Z");
    static final Instant NOW = Instant.parse("2026-11-21T14:02:00Z");

    @TempDir
    static Path dir;

    final MutableClock clock = new MutableClock(NOW);
    Database db;
    IncidentViewModel incident;
    SettingsViewModel settingsModel;
    ImpactViewModel model;
    ImpactView view;
    final List<UUID> selected = new ArrayList<>();
    final AtomicInteger fetches = new AtomicInteger();
    final AtomicReference<MetricSourceException> failure = new AtomicReference<>();

    /** A source answering one error-ratio series: 0.1 % baseline, 14.2 % from 13:45 to 13:55. */
    final class FakeSource implements MetricSource {
        @Override
        public String id() {
            return "prod";
        }

        @Override
        public SeriesResult queryRange(String query, Instant start, Instant end, Duration step, FetchToken token)
                throws MetricSourceException {
            fetches.incrementAndGet();
            if (failure.get() != null) {
                throw failure.get();
            }
            int n = (int) (Duration.between(start, end).toMillis() / step.toMillis()) + 1;
            long[] t = new long[n];
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                t[i] = start.toEpochMilli() + i * step.toMillis();
                Instant at = Instant.ofEpochMilli(t[i]);
                v[i] = !at.isBefore(Instant.parse("2026-11-21T13:45:00Z"))
                                && at.isBefore(Instant.parse("2026-11-21T13:55:00Z"))
                        ? 14.2
                        : 0.1;
            }
            StringBuilder raw = new StringBuilder(
                    "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{\"service\":\"checkout\"},\"values\":[");
            for (int i = 0; i < n; i++) {
                raw.append(i == 0 ? "" : ",")
                        .append('[')
                        .append(t[i] / 1000.0)
                        .append(",\"")
                        .append(v[i])
                        .append("\"]");
            }
            raw.append("]}]}}");
            return new SeriesResult(
                    List.of(new Series(Map.of("service", "checkout"), t, v)), List.of(), raw.toString());
        }

        @Override
        public String testConnection() {
            return "ok";
        }

        @Override
        public SeriesResult parse(String rawJson) throws MetricSourceException {
            return new PrometheusClient(
                            MonitoringSource.prometheus("p", "p", "http://x.invalid"),
                            dev.conn.settings.SecretResolver.environmentOnly())
                    .parse(rawJson);
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        Path data = java.nio.file.Files.createTempDirectory(dir, "impact");
        db = Database.open(data);
        IncidentService service = new IncidentService(EventStore.jdbc(db.dataSource()), clock);
        DirectTaskRunner direct = new DirectTaskRunner();
        SettingsFile file = new SettingsFile(data);
        Settings settings = Settings.defaults()
                .withAuthorName("ana")
                .withImpact(ImpactSettings.defaults()
                        .withSources(List.of(MonitoringSource.prometheus("prod", "prod", "http://127.0.0.1:9"))));
        file.save(settings);
        SettingsViewModel settingsModel = new SettingsViewModel(settings, file, PolicyFile.defaults(), direct);
        incident = new IncidentViewModel(service, direct, clock, new EnumMap<>(Severity.class));
        incident.authorProperty().set("ana");
        incident.loadInitial(e -> {});
        FakeSource fake = new FakeSource();
        ImpactService impact =
                new ImpactService(new JdbcSeriesCache(db.dataSource()), s -> fake, MetricClients.parsers(), clock);
        this.settingsModel = settingsModel;
        // "Test connection" uses the real clients (against a local MockWebServer)
        model = new ImpactViewModel(
                incident,
                settingsModel,
                selected::add,
                impact,
                MetricClients.real(dev.conn.settings.SecretResolver.environmentOnly()),
                SourceLanes.direct(),
                new ImpactLog(service.log()),
                direct,
                clock);
        clock.set(DECLARED);
        incident.declare(
                new Declaration("Checkout errors", Severity.SEV1, "", Optional.empty(), "ana"), "ana", e -> {});
        clock.set(Instant.parse("2026-11-21T13:50:00Z"));
        incident.accept(service.log()
                .execute(
                        incident.current().orElseThrow().id(),
                        new EntryDecider(),
                        new EntryCommand.Add(
                                UUID.randomUUID(),
                                EntryCommand.Kind.ACTION,
                                "rolled back checkout to v41",
                                Optional.empty()),
                        "ana"));
        clock.set(NOW);
        view = new ImpactView(model);
        Scene scene = new Scene(view, 900, 600);
        dev.conn.platform.theme.ThemeManager.apply(scene, true);
        stage.setScene(scene);
        stage.sizeToScene(); // the shared stage keeps a size an earlier test set (630 px wide)
        stage.show();
        model.commands()
                .saveQuery(
                        ImpactQuery.create("Error ratio", "prod", "sum(errors)", "%", OptionalDouble.of(1)), e -> {});
    }

    @AfterEach
    void close() {
        db.close();
    }

    ImpactChartView chart(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup(".impact-chart").tryQuery().isPresent());
        return robot.lookup(".impact-chart").queryAs(ImpactChartView.class);
    }

    static boolean near(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) < 0.12
                && Math.abs(a.getGreen() - b.getGreen()) < 0.12
                && Math.abs(a.getBlue() - b.getBlue()) < 0.12;
    }

    /** @return whether a pixel of colour c lies within 2 px of (x, y) on the chart */
    static boolean colourAround(FxRobot robot, ImpactChartView chart, double x, double y, Color c) {
        AtomicReference<Boolean> found = new AtomicReference<>(false);
        robot.interact(() -> {
            WritableImage img = chart.snapshot(null, null);
            PixelReader px = img.getPixelReader();
            for (int dx = -2; dx <= 2; dx++) {
                for (int dy = -2; dy <= 2; dy++) {
                    int ix = (int) Math.round(x) + dx;
                    int iy = (int) Math.round(y) + dy;
                    if (ix >= 0
                            && iy >= 0
                            && ix < img.getWidth()
                            && iy < img.getHeight()
                            && near(px.getColor(ix, iy), c)) {
                        found.set(true);
                    }
                }
            }
        });
        return found.get();
    }

    @Test
    void chartDrawsTheSourceSeriesWithItsLegendAndThreshold(FxRobot robot) throws Exception {
        ImpactChartView chart = chart(robot);
        waitUntil(() -> chart.data() != null && chart.data().hasData());
        ChartScale sc = scale(robot, chart);

        // the window: declaration − 1 h to now
        assertThat(chart.data().from()).isEqualTo(DECLARED.minus(Duration.ofHours(1)));
        assertThat(chart.data().to()).isEqualTo(NOW);
        // the spike's plateau is drawn in the first series colour where the data has it
        Instant inSpike = Instant.parse("2026-11-21T13:50:30Z");
        assertThat(colourAround(robot, chart, sc.x(inSpike), sc.y(14.2), ImpactChartView.PALETTE[0]))
                .isTrue();
        assertThat(colourAround(robot, chart, sc.x(inSpike), sc.y(0.1), ImpactChartView.PALETTE[0]))
                .isFalse();
        assertThat(robot.lookup(".impact-legend-item").queryAllAs(Label.class))
                .extracting(Label::getText)
                .anyMatch(t -> t.equals("Error ratio {service=\"checkout\"} · now 0.1 %, peak 14.2 %"));
    }

    @Test
    void aLongQueryNameWrapsBesideTheCardsButtonsInsteadOfBeingCut(FxRobot robot) throws Exception {
        // at 1280×720 the card showed "Checkout card payment error rate, EU regio..."
        String name =
                "Checkout card payment error rate, EU regions (eu-central-1, eu-west-3, eu-south-2) — Fehlerquote";
        robot.interact(() -> model.commands()
                .saveQuery(ImpactQuery.create(name, "prod", "sum(errors)", "%", OptionalDouble.of(0.5)), e -> {}));
        robot.interact(() -> view.getScene().getWindow().setWidth(630));
        waitUntil(() -> robot.lookup(".impact-title").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().startsWith("Checkout card")));
        WaitForAsyncUtils.waitForFxEvents(5);
        AtomicReference<String> shown = new AtomicReference<>();
        robot.interact(() -> {
            Label title = robot.lookup(".impact-title").queryAllAs(Label.class).stream()
                    .filter(l -> l.getText().startsWith("Checkout card"))
                    .findFirst()
                    .orElseThrow();
            shown.set(title.getChildrenUnmodifiable().stream()
                    .filter(n -> n instanceof javafx.scene.text.Text)
                    .map(n -> ((javafx.scene.text.Text) n).getText().replaceAll("\\s+", " "))
                    .findFirst()
                    .orElse(""));
        });

        assertThat(shown.get()).isEqualTo(name + " (%)");
    }

    @Test
    void markersSitAtTheirEventTimeAndAClickSelectsTheEntry(FxRobot robot) throws Exception {
        ImpactChartView chart = chart(robot);
        waitUntil(() -> chart.data() != null && chart.data().hasData());
        ImpactMarker action =
                model.markers().stream().filter(m -> !m.milestone()).findFirst().orElseThrow();
        // the declaration is a milestone marker (impact started, detected and acknowledged at once),
        // the action an entry marker
        assertThat(model.markers())
                .extracting(ImpactMarker::milestone, ImpactMarker::label)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(true, "Impact started, detected, acknowledged"),
                        org.assertj.core.groups.Tuple.tuple(false, "Action"));
        ChartScale sc = scale(robot, chart);
        // 13:50 in a 12:40–14:02 window on the plot: 70 of 82 minutes from the left edge
        double expectedX = sc.left() + sc.width() * 70.0 / 82.0;
        assertThat(sc.x(action.at())).isCloseTo(expectedX, org.assertj.core.data.Offset.offset(0.01));
        // an entry marker has its amber foot at the bottom of the plot
        assertThat(colourAround(robot, chart, expectedX, sc.top() + sc.height() - 3, Color.web("#d29922")))
                .isTrue();

        Point2D onScreen = chart.localToScreen(expectedX, sc.top() + sc.height() / 2);
        robot.moveTo(onScreen).clickOn(onScreen);

        waitUntil(() -> !selected.isEmpty());
        assertThat(selected).containsExactly(action.eventId().orElseThrow());
    }

    @Test
    void snapshotRecordsTheRawSeriesAndAPng(FxRobot robot) throws Exception {
        ImpactChartView chart = chart(robot);
        waitUntil(() -> chart.data() != null && chart.data().hasData());

        robot.clickOn(".impact-snapshot");

        waitUntil(() -> incident.events().stream().anyMatch(e -> e.type() == EventType.METRIC_SNAPSHOT));
        Event snap = incident.events().stream()
                .filter(e -> e.type() == EventType.METRIC_SNAPSHOT)
                .findFirst()
                .orElseThrow();
        ImpactEvent.MetricSnapshot body = (ImpactEvent.MetricSnapshot) snap.body();
        assertThat(body.name()).isEqualTo("Error ratio");
        assertThat(body.raw().orElseThrow())
                .startsWith("{\"status\":\"success\"")
                .contains("checkout");
        byte[] png = Base64.getDecoder().decode(body.png().orElseThrow());
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(body.fetchedAt()).contains(NOW);
        assertThat(snap.payloadJson()).contains("\"fetchedAt\":\"" + NOW + "\"");
    }

    @Test
    void aSourceThatFailsAfterASuccessShowsTheCachedDataAsOffline(FxRobot robot) throws Exception {
        ImpactChartView chart = chart(robot);
        waitUntil(() -> chart.data() != null && chart.data().hasData());
        Label badge = robot.lookup("#impact-offline-badge").queryAs(Label.class);
        assertThat(badge.isVisible()).isFalse();

        failure.set(new MetricSourceException(
                MetricSourceException.Kind.UNREACHABLE,
                "cannot reach host prom (DNS: the name does not resolve)",
                null));
        clock.advance(Duration.ofSeconds(30));
        robot.interact(incident::tick); // the 1-second UI tick; 30 s passed: auto-refresh

        waitUntil(badge::isVisible);
        assertThat(badge.getText()).isEqualTo("data as of 14:02 UTC, 30 s old (offline)");
        assertThat(chart.data().series()).hasSize(1);
        assertThat(chart.data().series().get(0).peak()).isEqualTo(14.2);
        assertThat(robot.lookup(".impact-error").queryAllAs(Label.class))
                .extracting(Label::getText)
                .contains("Last refresh failed: cannot reach host prom (DNS: the name does not resolve)");

        failure.set(null); // the network is back
        clock.advance(Duration.ofSeconds(30));
        robot.interact(incident::tick);
        waitUntil(() -> !badge.isVisible());
        assertThat(chart.data().fetchedAt()).contains(NOW.plusSeconds(60));
    }

    @Test
    void autoRefreshWaitsForTheIntervalAndStopsWhenThePanelIsHidden(FxRobot robot) throws Exception {
        ImpactChartView chart = chart(robot);
        waitUntil(() -> chart.data() != null && chart.data().hasData());
        int before = fetches.get();
        clock.advance(Duration.ofSeconds(29));
        robot.interact(incident::tick);
        assertThat(fetches.get()).isEqualTo(before);
        clock.advance(Duration.ofSeconds(1));
        robot.interact(incident::tick);
        assertThat(fetches.get()).isEqualTo(before + 1);

        robot.interact(() -> view.setVisible(false));
        clock.advance(Duration.ofMinutes(5));
        robot.interact(incident::tick);
        assertThat(fetches.get()).isEqualTo(before + 1);
    }

    @Test
    void clickingAPointOffersANoteAtThatTime(FxRobot robot) throws Exception {
        ImpactChartView chart = chart(robot);
        waitUntil(() -> chart.data() != null && chart.data().hasData());
        ChartScale sc = scale(robot, chart);
        Instant at = Instant.parse("2026-11-21T13:47:00Z"); // in the spike, away from the markers
        Point2D onScreen = chart.localToScreen(sc.x(at), sc.y(14.2));

        robot.moveTo(onScreen).clickOn(onScreen);
        javafx.scene.control.TextField text =
                (javafx.scene.control.TextField) dev.conn.testing.Ui.waitFor(robot, ".dialog-pane .text-field");
        assertThat(text.getText())
                .startsWith("Error ratio at Sat 21 Nov 2026 13:4")
                .contains(": 14.2 % (Error ratio {service=\"checkout\"} at Sat 21 Nov 2026 13:4");
        Point2D chartBefore = chart.localToScene(0, 0);
        robot.clickOn(dev.conn.testing.Ui.dialogButton(robot, "Add note"));

        waitUntil(() -> incident.events().stream().anyMatch(e -> e.type() == EventType.NOTE));
        // said in words that are not an error's, and the chart stays where the mouse is (issue 14 item 12)
        waitUntil(() -> robot.lookup("#impact-notice")
                .tryQuery()
                .map(javafx.scene.Node::isVisible)
                .orElse(false));
        javafx.scene.control.Label notice = robot.lookup("#impact-notice").queryAs(javafx.scene.control.Label.class);
        assertThat(notice.getText()).matches("Note added to the timeline at 13:4\\d:\\d\\d UTC");
        assertThat(notice.getStyleClass()).doesNotContain("impact-error", "danger-text");
        assertThat(robot.lookup(".impact-error").queryAllAs(javafx.scene.control.Label.class))
                .noneMatch(javafx.scene.Node::isVisible);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(chart.localToScene(0, 0)).isEqualTo(chartBefore);
        Event note = incident.events().stream()
                .filter(e -> e.type() == EventType.NOTE)
                .findFirst()
                .orElseThrow();
        // one pixel is about 7 s of this 82-minute window
        assertThat(Duration.between(at, note.occurredAt()).abs()).isLessThan(Duration.ofSeconds(20));
        assertThat(((TimelineEvent.Note) note.body()).text()).startsWith("Error ratio at Sat 21 Nov 2026 13:4");
    }

    @Test
    void testConnectionSaysInWordsWhatIsWrongAndSourcesAreSaved(FxRobot robot) throws Exception {
        okhttp3.mockwebserver.MockWebServer server = new okhttp3.mockwebserver.MockWebServer();
        server.enqueue(new okhttp3.mockwebserver.MockResponse()
                .setHeader("Content-Type", "text/html")
                .setBody("<!DOCTYPE html><html>Sign in to the proxy</html>"));
        server.start(java.net.InetAddress.getLoopbackAddress(), 0);
        try {
            org.testfx.util.WaitForAsyncUtils.asyncFx(view::onManageSources);
            javafx.scene.control.TextField id =
                    (javafx.scene.control.TextField) dev.conn.testing.Ui.waitFor(robot, "#source-id");
            javafx.scene.control.TextField url =
                    robot.lookup("#source-url").queryAs(javafx.scene.control.TextField.class);
            robot.interact(() -> {
                id.setText("edge");
                url.setText(server.url("/").toString());
            });
            robot.clickOn("#source-test");
            Label result = robot.lookup("#source-test-result").queryAs(Label.class);
            waitUntil(() -> result.getText().startsWith("not a Prometheus API"));
            assertThat(result.getText()).startsWith("not a Prometheus API: the server answered with an HTML page");

            robot.clickOn("#source-save");
            robot.clickOn(dev.conn.testing.Ui.dialogButton(robot, "Apply sources"));
            waitUntil(() ->
                    settingsModel.settings().impactSettings().source("edge").isPresent());
            assertThat(settingsModel.settings().impactSettings().sources())
                    .extracting(MonitoringSource::id)
                    .containsExactly("prod", "edge");
        } finally {
            server.shutdown();
        }
    }

    @Test
    void hoverShowsExactValuesWithLabelsOrTheMarkersEntry(FxRobot robot) throws Exception {
        ImpactChartView chart = chart(robot);
        waitUntil(() -> chart.data() != null && chart.data().hasData());
        ChartScale sc = scale(robot, chart);

        double spikeX = sc.x(Instant.parse("2026-11-21T13:47:00Z")) - sc.left();
        List<String> atSpike = chart.hoverLines(spikeX, sc.y(14.2) - sc.top());
        // the sample's own time, with its date
        assertThat(atSpike.get(0)).isEqualTo("Sat 21 Nov 2026 13:47:00 UTC");
        assertThat(atSpike).contains("Error ratio {service=\"checkout\"} = 14.2 %");

        double actionX = sc.x(Instant.parse("2026-11-21T13:50:00Z")) - sc.left();
        List<String> atAction = chart.hoverLines(actionX + 2, sc.height() / 2);
        assertThat(atAction)
                .containsExactly(
                        "Sat 21 Nov 2026 13:50:00 UTC · Action",
                        "rolled back checkout to v41",
                        "click to select it in the timeline");
    }

    /** @return the chart's scale after a layout pulse (ChartFX lays out and draws in the pulse) */
    static ChartScale scale(FxRobot robot, ImpactChartView chart) throws Exception {
        waitUntil(() -> {
            robot.interact(() -> chart.getScene().getRoot().requestLayout());
            return chart.scale().isPresent();
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents(3);
        return chart.scale().orElseThrow();
    }
}
