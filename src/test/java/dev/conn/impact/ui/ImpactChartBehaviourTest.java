package dev.conn.impact.ui;

import static dev.conn.testing.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.impact.CachedSeries;
import dev.conn.impact.ChartScale;
import dev.conn.impact.FetchToken;
import dev.conn.impact.ImpactLog;
import dev.conn.impact.ImpactQuery;
import dev.conn.impact.ImpactService;
import dev.conn.impact.MetricSource;
import dev.conn.impact.Series;
import dev.conn.impact.SeriesCache;
import dev.conn.impact.SeriesResult;
import dev.conn.impact.SourceLanes;
import dev.conn.impact.ValueFormat;
import dev.conn.impact.net.MetricClients;
import dev.conn.incident.Declaration;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.incident.Severity;
import dev.conn.incident.ui.IncidentViewModel;
import dev.conn.platform.fx.DirectTaskRunner;
import dev.conn.settings.ImpactSettings;
import dev.conn.settings.MonitoringSource;
import dev.conn.settings.PolicyFile;
import dev.conn.settings.Settings;
import dev.conn.settings.SettingsFile;
import dev.conn.settings.ui.SettingsViewModel;
import dev.conn.testing.InMemoryEventStore;
import dev.conn.testing.MutableClock;
import io.fair_acc.chartfx.axes.spi.TickMark;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The impact panel as the IC handles it, on a 30-day incident whose source has no samples for
 * three days in the middle: hovering where there is no sample says so; the value tooltip stays
 * inside the chart at every edge; Ctrl+wheel zooms and the zoomed range is fetched again at a finer
 * step that the chart then shows; the grid has 1, 2 or 3 columns by width; and the time axis's
 * labels, as ChartFX lays them out to draw, never overlap.
 */
@ExtendWith(ApplicationExtension.class)
class ImpactChartBehaviourTest {
    static final Instant NOW = Instant.parse("2026-11-21T14:02:00Z");
    static final Instant DECLARED = NOW.minus(Duration.ofDays(30));
    static final Instant GAP_FROM = NOW.minus(Duration.ofDays(19));
    static final Instant GAP_TO = NOW.minus(Duration.ofDays(16));

    @TempDir
    static Path dir;

    final MutableClock clock = new MutableClock(DECLARED);
    final List<Duration> steps = new CopyOnWriteArrayList<>();
    final List<Instant[]> ranges = new CopyOnWriteArrayList<>();
    IncidentViewModel incident;
    ImpactViewModel model;
    ImpactView view;

    /** Error ratio samples at the step asked for, none between {@link #GAP_FROM} and {@link #GAP_TO}. */
    final class GappySource implements MetricSource {
        @Override
        public String id() {
            return "prod";
        }

        @Override
        public SeriesResult queryRange(String query, Instant start, Instant end, Duration step, FetchToken token) {
            steps.add(step);
            ranges.add(new Instant[] {start, end});
            List<Long> t = new ArrayList<>();
            List<Double> v = new ArrayList<>();
            for (long ms = start.toEpochMilli(); ms <= end.toEpochMilli(); ms += step.toMillis()) {
                Instant at = Instant.ofEpochMilli(ms);
                if (at.isBefore(GAP_FROM) || !at.isBefore(GAP_TO)) {
                    t.add(ms);
                    v.add(1 + Math.sin(ms / 3.6e6) + (ms / 1000 % 7 == 0 ? 3 : 0));
                }
            }
            long[] times = t.stream().mapToLong(Long::longValue).toArray();
            double[] values = v.stream().mapToDouble(Double::doubleValue).toArray();
            return new SeriesResult(List.of(new Series(Map.of("service", "checkout"), times, values)), List.of(), "");
        }

        @Override
        public String testConnection() {
            return "ok";
        }

        @Override
        public SeriesResult parse(String rawJson) {
            throw new UnsupportedOperationException("nothing cached as raw text here");
        }
    }

    /** The cache in memory: this test is about the screen, not the database. */
    static final class MemoryCache implements SeriesCache {
        private final Map<String, CachedSeries> byKey = new ConcurrentHashMap<>();

        @Override
        public void put(CachedSeries entry) {
            byKey.put(entry.incidentId() + "/" + entry.queryId(), entry);
        }

        @Override
        public Optional<CachedSeries> get(IncidentId incidentId, String queryId) {
            return Optional.ofNullable(byKey.get(incidentId + "/" + queryId));
        }

        @Override
        public List<CachedSeries> all(IncidentId incidentId) {
            return byKey.values().stream()
                    .filter(c -> c.incidentId().equals(incidentId))
                    .toList();
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        Path data = java.nio.file.Files.createTempDirectory(dir, "impact");
        IncidentService service = new IncidentService(new InMemoryEventStore(), clock);
        DirectTaskRunner direct = new DirectTaskRunner();
        Settings settings = Settings.defaults()
                .withAuthorName("ana")
                .withImpact(ImpactSettings.defaults()
                        .withSources(List.of(MonitoringSource.prometheus("prod", "prod", "http://127.0.0.1:9"))));
        SettingsFile file = new SettingsFile(data);
        file.save(settings);
        SettingsViewModel settingsModel = new SettingsViewModel(settings, file, PolicyFile.defaults(), direct);
        incident = new IncidentViewModel(service, direct, clock, new EnumMap<>(Severity.class));
        incident.authorProperty().set("ana");
        incident.loadInitial(e -> {});
        GappySource source = new GappySource();
        ImpactService impact = new ImpactService(new MemoryCache(), s -> source, MetricClients.parsers(), clock);
        model = new ImpactViewModel(
                incident,
                settingsModel,
                id -> {},
                impact,
                s -> source,
                SourceLanes.direct(),
                new ImpactLog(service.log()),
                direct,
                clock);
        incident.declare(
                new Declaration("Slow checkout for a month", Severity.SEV2, "", Optional.empty(), "ana"),
                "ana",
                e -> {});
        clock.set(NOW);
        view = new ImpactView(model);
        view.setPrefSize(1000, 700);
        Pane root = new Pane(view); // the view gets its preferred size: each test picks the width
        Scene scene = new Scene(root, 1240, 760);
        dev.conn.platform.theme.ThemeManager.apply(scene, true);
        stage.setScene(scene);
        stage.sizeToScene(); // the shared stage keeps a size an earlier test set (630 px wide)
        stage.show();
        model.commands()
                .saveQuery(
                        ImpactQuery.create("Error ratio", "prod", "sum(errors)", "%", OptionalDouble.of(4)), e -> {});
    }

    ImpactChartView chart(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup(".impact-chart").tryQuery().isPresent());
        ImpactChartView chart = robot.lookup(".impact-chart").queryAs(ImpactChartView.class);
        waitUntil(() -> chart.data() != null && chart.data().hasData());
        return chart;
    }

    /** @return the chart's scale once a layout pulse has drawn it */
    static ChartScale scale(FxRobot robot, ImpactChartView chart) throws Exception {
        waitUntil(() -> {
            robot.interact(() -> chart.getScene().getRoot().requestLayout());
            return chart.scale().isPresent();
        });
        WaitForAsyncUtils.waitForFxEvents(3);
        return chart.scale().orElseThrow();
    }

    @Test
    void hoveringWhereTheSourceHasNoSampleSaysNoDataHere(FxRobot robot) throws Exception {
        ImpactChartView chart = chart(robot);
        ChartScale sc = scale(robot, chart);
        Instant inGap = GAP_FROM.plus(Duration.ofMinutes(36 * 60));
        Instant withData = NOW.minus(Duration.ofDays(5));

        robot.moveTo(chart.localToScreen(sc.x(inGap), sc.top() + sc.height() / 2));

        Label tooltip = chart.tooltip();
        waitUntil(tooltip::isVisible);
        assertThat(tooltip.getText()).endsWith("\nno data here").startsWith("Wed 4 Nov 2026 0");

        robot.moveTo(chart.localToScreen(sc.x(withData), sc.top() + sc.height() / 2));
        waitUntil(() -> !tooltip.getText().contains("no data here"));
        assertThat(tooltip.getText())
                .contains("Error ratio {service=\"checkout\"} = ")
                .contains(" %");
    }

    @Test
    void theValueTooltipStaysInsideTheChartNearEveryEdge(FxRobot robot) throws Exception {
        ImpactChartView chart = chart(robot);
        Label tooltip = chart.tooltip();
        // fractions of the plot: its corners and edges 2 px in, and its middle; the plot's bounds are
        // read again at each point (a CI run once timed out with the pointer 1 px inside a plot edge
        // read before the first hover)
        double[] fractions = {0, 0.5, 1};
        for (double fx : fractions) {
            for (double fy : fractions) {
                ChartScale sc = scale(robot, chart);
                double x = sc.left() + 2 + fx * (sc.width() - 4);
                double y = sc.top() + 2 + fy * (sc.height() - 4);
                robot.moveTo(chart.localToScreen(x, y));
                WaitForAsyncUtils.waitForFxEvents();
                waitUntil(tooltip::isVisible);
                Bounds b = chart.sceneToLocal(tooltip.localToScene(tooltip.getBoundsInLocal()));
                assertThat(b.getWidth())
                        .as("tooltip at %.0f,%.0f has its text", x, y)
                        .isGreaterThan(100);
                assertThat(b.getMinX()).as("left edge at %.0f,%.0f", x, y).isGreaterThanOrEqualTo(0);
                assertThat(b.getMinY()).as("top edge at %.0f,%.0f", x, y).isGreaterThanOrEqualTo(0);
                assertThat(b.getMaxX()).as("right edge at %.0f,%.0f", x, y).isLessThanOrEqualTo(chart.getWidth());
                assertThat(b.getMaxY()).as("bottom edge at %.0f,%.0f", x, y).isLessThanOrEqualTo(chart.getHeight());
            }
        }
    }

    @Test
    void ctrlWheelZoomsAndTheZoomedRangeIsFetchedAgainAtAFinerStep(FxRobot robot) throws Exception {
        ImpactChartView chart = chart(robot);
        ChartScale sc = scale(robot, chart);
        Duration first = steps.get(steps.size() - 1);
        Label step = robot.lookup("#impact-step").queryAs(Label.class);
        assertThat(step.getText()).contains(human(first));
        int fetches = steps.size();

        Point2D at = chart.localToScreen(sc.left() + sc.width() * 0.8, sc.top() + sc.height() / 2);
        robot.moveTo(at);
        // Ctrl+wheel away from the user, four notches (built here: robots differ on the wheel's sign)
        for (int notch = 0; notch < 4; notch++) {
            robot.interact(() -> {
                Point2D scene = chart.localToScene(chart.screenToLocal(at));
                chart.fireEvent(new ScrollEvent(
                        ScrollEvent.SCROLL,
                        scene.getX(),
                        scene.getY(),
                        at.getX(),
                        at.getY(),
                        false,
                        true,
                        false,
                        false,
                        false,
                        false,
                        0,
                        40,
                        0,
                        40,
                        ScrollEvent.HorizontalTextScrollUnits.NONE,
                        0,
                        ScrollEvent.VerticalTextScrollUnits.NONE,
                        0,
                        0,
                        null));
            });
        }

        waitUntil(() -> steps.size() > fetches);
        Duration finer = steps.get(steps.size() - 1);
        Instant[] range = ranges.get(ranges.size() - 1);
        assertThat(finer).isLessThan(first);
        assertThat(Duration.between(range[0], range[1])).isLessThan(Duration.ofDays(20));
        // the chart shows the zoomed data, and says which step it is drawn at
        waitUntil(() -> chart.data().from().equals(range[0]));
        assertThat(chart.isZoomed()).isTrue();
        waitUntil(() -> step.getText().contains(human(finer)));
        assertThat(chart.firstSeries().orElseThrow().times()[1]
                        - chart.firstSeries().orElseThrow().times()[0])
                .isEqualTo(finer.toMillis());
    }

    /** @return the step as the chart's footer writes it ("step 1h", "step 30m", "step 45s") */
    static String human(Duration d) {
        return "step " + dev.conn.impact.QueryTemplate.promDuration(d);
    }

    @Test
    void theGridHasOneTwoOrThreeColumnsByWidth(FxRobot robot) throws Exception {
        chart(robot);
        robot.interact(() -> {
            model.commands()
                    .saveQuery(ImpactQuery.create("p99 latency", "prod", "p99", "ms", OptionalDouble.empty()), e -> {});
            model.commands()
                    .saveQuery(
                            ImpactQuery.create("Request rate", "prod", "rate", "req/s", OptionalDouble.empty()),
                            e -> {});
        });
        waitUntil(() -> robot.lookup(".impact-card").queryAll().size() == 3);

        assertThat(columnsAt(robot, 700)).isEqualTo(1);
        assertThat(columnsAt(robot, 1240)).isEqualTo(2);
        assertThat(columnsAt(robot, 1800)).isEqualTo(3);
        assertThat(columnsAt(robot, 900)).isEqualTo(1);
    }

    /** @return how many cards sit side by side once the panel is {@code width} pixels wide */
    int columnsAt(FxRobot robot, double width) throws Exception {
        robot.interact(() -> view.setPrefWidth(width));
        WaitForAsyncUtils.waitForFxEvents(3);
        robot.interact(() -> view.getScene().getRoot().layout());
        List<Double> lefts = robot.lookup(".impact-card").queryAll().stream()
                .map(n -> n.localToScene(n.getBoundsInLocal()))
                .filter(b -> b.getMinY() < 200) // the first row
                .map(b -> (double) Math.round(b.getMinX()))
                .distinct()
                .toList();
        assertThat(view.columns()).as("columns at %s px", width).isEqualTo(lefts.size());
        return lefts.size();
    }

    @Test
    void aNarrowImpactTabHoldsThePanelWithNothingPastItsRightEdge(FxRobot robot) throws Exception {
        chart(robot);
        // the Impact tab of a 1280 × 720 window beside the timeline is about 440 px wide
        robot.interact(() -> view.setPrefWidth(440));
        WaitForAsyncUtils.waitForFxEvents(3);
        robot.interact(() -> view.getScene().getRoot().layout());

        assertThat(view.getWidth()).isEqualTo(440);
        double right = view.localToScene(view.getLayoutBounds()).getMaxX();
        List<String> past =
                robot.lookup(n -> n.isVisible() && n instanceof javafx.scene.control.Control).queryAll().stream()
                        .filter(n -> isInside(n, view))
                        .filter(n -> n.localToScene(n.getLayoutBounds()).getMaxX() > right + 0.5)
                        .map(n -> n.getClass().getSimpleName() + " " + n.getId())
                        .toList();
        assertThat(past).isEmpty();
        assertThat(view.columns()).isEqualTo(1);
    }

    static boolean isInside(javafx.scene.Node n, javafx.scene.Node ancestor) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
            if (p == ancestor) {
                return n != ancestor;
            }
        }
        return false;
    }

    @Test
    void tickLabelsAsDrawnDoNotOverlapOnAThirtyDayAxisAt1280px(FxRobot robot) throws Exception {
        // 1280: two columns of charts; 1120: one chart across the panel
        for (double width : new double[] {1280, 1120}) {
            robot.interact(() -> view.setPrefWidth(width));
            ImpactChartView chart = chart(robot);
            scale(robot, chart);
            List<TickMark> drawn = chart.timeTicks().stream()
                    .filter(TickMark::isVisible)
                    .filter(t -> !t.getText().isEmpty())
                    .toList();

            assertThat(drawn).as("labels at %s px", width).hasSizeGreaterThanOrEqualTo(4);
            // past a day the labels carry dates ("8 Nov"), never a row of bare "00:00"
            assertThat(drawn).extracting(TickMark::getText).anyMatch(t -> t.matches(".*\\d{1,2} (Oct|Nov).*"));
            assertThat(drawn).extracting(TickMark::getText).doesNotHaveDuplicates();
            for (int i = 1; i < drawn.size(); i++) {
                TickMark a = drawn.get(i - 1);
                TickMark b = drawn.get(i);
                double rightOfA = a.getPosition() + a.getWidth() / 2;
                double leftOfB = b.getPosition() - b.getWidth() / 2;
                assertThat(leftOfB)
                        .as("'%s' and '%s' at %s px", a.getText(), b.getText(), width)
                        .isGreaterThan(rightOfA);
            }
        }
    }

    @Test
    void thePeakTheLegendNamesIsDrawnBelowTheTopWithALabelAtOrAboveIt(FxRobot robot) throws Exception {
        // README screenshot: legend "peak 20 %", the axis ending at 20 with its top label hidden by
        // ChartFX (it would stick out of the chart), the 20 % burst drawn along the top edge
        ImpactChartView chart = chart(robot);
        scale(robot, chart);
        double peak = chart.data().series().get(0).peak();
        double[] range = chart.valueRange();
        List<TickMark> labelled = chart.valueTicks().stream()
                .filter(TickMark::isVisible)
                .filter(t -> !t.getText().isEmpty())
                .toList();

        assertThat(chart.data().series().get(0).figures("%")).contains("peak " + ValueFormat.format(peak));
        assertThat(range[1]).as("room above the peak %s", peak).isGreaterThan(peak * 1.04);
        assertThat(labelled)
                .as("a labelled value tick at or above the peak %s", peak)
                .anyMatch(t -> t.getValue() >= peak);
        assertThat(labelled)
                .as("the top of the range is labelled")
                .anyMatch(t -> Math.abs(t.getValue() - range[1]) < 1e-6 * range[1]);
    }
}
