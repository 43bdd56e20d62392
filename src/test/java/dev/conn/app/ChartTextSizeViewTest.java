package dev.conn.app;

import static dev.conn.testing.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.conn.impact.ImpactCommand;
import dev.conn.impact.ImpactLog;
import dev.conn.impact.ImpactQuery;
import dev.conn.impact.ui.ImpactChartView;
import dev.conn.incident.Declaration;
import dev.conn.incident.Event;
import dev.conn.incident.EventStore;
import dev.conn.incident.IncidentService;
import dev.conn.incident.Severity;
import dev.conn.platform.db.Database;
import dev.conn.testing.MutableClock;
import io.fair_acc.chartfx.axes.spi.AbstractAxisParameter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Chart text follows the window's text size (issue 14 item 13): ChartFX's own stylesheet fixes
 * tick labels at 10px, so Ctrl+= and projector mode left the impact chart's axes tiny and grey.
 */
class ChartTextSizeViewTest extends WindowTest {

    private ImpactChartView openImpactTab(FxRobot robot) throws Exception {
        try (Database db = Database.open(dataDir)) {
            MutableClock at = new MutableClock(T0.minus(Duration.ofMinutes(40)));
            IncidentService s = new IncidentService(EventStore.jdbc(db.dataSource()), at);
            Event declared =
                    s.declare(new Declaration("Checkout errors", Severity.SEV2, "", Optional.empty(), "ana"), "ana");
            // a source that is not configured still draws the time axis over the incident window
            new ImpactLog(s.log())
                    .execute(
                            declared.incidentId(),
                            new ImpactCommand.SetQuery(ImpactQuery.create(
                                    "Error ratio", "not-configured", "sum(errors)", "%", OptionalDouble.empty())),
                            "ana");
        }
        launchAs("ana");
        press(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.I);
        waitUntil(() -> robot.lookup(".impact-chart").tryQuery().isPresent());
        ImpactChartView chart = robot.lookup(".impact-chart").queryAs(ImpactChartView.class);
        waitUntil(() -> chart.data() != null && chart.scale().isPresent());
        return chart;
    }

    @Test
    void axisTextDoublesAt200PercentTextAndComesBackAt100(FxRobot robot) throws Exception {
        ImpactChartView chart = openImpactTab(robot);
        double window100 = windowFont(robot);
        List<Double> at100 = tickFonts(robot, chart);
        assertThat(at100).hasSize(2); // the time axis and the value axis
        assertThat(at100.get(0))
                .as("readable at 100 %: not ChartFX's fixed 10 px")
                .isGreaterThan(10.5);

        for (int i = 0; i < 5; i++) { // 100 % → 200 % (1.1, 1.25, 1.5, 1.75, 2.0)
            press(robot, KeyCode.CONTROL, KeyCode.EQUALS);
        }
        waitUntil(() -> windowFont(robot) >= 2 * window100 - 0.01);
        WaitForAsyncUtils.waitForFxEvents(3);

        List<Double> at200 = tickFonts(robot, chart);
        for (int i = 0; i < 2; i++) {
            assertThat(at200.get(i)).as("axis %d at 200 %% text", i).isCloseTo(2 * at100.get(i), offset(0.5));
        }
        assertThat(axisNameFont(robot, chart)).as("the axis name follows too").isGreaterThan(2 * 10.5);
        assertThat(timeTickCount(robot, chart))
                .as("larger labels get fewer ticks, never overlapping ones")
                .isGreaterThan(0);

        press(robot, KeyCode.CONTROL, KeyCode.DIGIT0); // back to 100 %
        waitUntil(() -> Math.abs(windowFont(robot) - window100) < 0.01);
        WaitForAsyncUtils.waitForFxEvents(3);
        assertThat(tickFonts(robot, chart).get(0)).isCloseTo(at100.get(0), offset(0.01));
    }

    @Test
    void projectorModeShowsChartTextAtAtLeast150PercentInHighContrast(FxRobot robot) throws Exception {
        ImpactChartView chart = openImpactTab(robot);
        double at100 = tickFonts(robot, chart).get(0);
        Color darkFill = tickFill(robot, chart);

        press(robot, KeyCode.CONTROL, KeyCode.ALT, KeyCode.P);
        waitUntil(() -> tickFonts(robot, chart).get(0) >= 1.5 * at100 - 0.01);
        WaitForAsyncUtils.waitForFxEvents(3);

        Color projectorFill = tickFill(robot, chart);
        assertThat(contrastOnBlack(projectorFill))
                .as("tick labels %s on the projector's black: WCAG enhanced contrast", projectorFill)
                .isGreaterThanOrEqualTo(7);
        assertThat(contrastOnBlack(projectorFill)).isGreaterThan(contrastOnBlack(darkFill));
    }

    private static List<Double> tickFonts(FxRobot robot, ImpactChartView chart) {
        AtomicReference<List<Double>> out = new AtomicReference<>();
        robot.interact(() -> out.set(chart.lookupAll(".axis").stream()
                .filter(AbstractAxisParameter.class::isInstance)
                .map(a -> ((AbstractAxisParameter) a)
                        .getTickLabelStyle()
                        .getFont()
                        .getSize())
                .toList()));
        return out.get();
    }

    private static double axisNameFont(FxRobot robot, ImpactChartView chart) {
        AtomicReference<Double> out = new AtomicReference<>();
        robot.interact(() -> out.set(((AbstractAxisParameter) chart.lookup(".axis"))
                .getAxisLabel()
                .getFont()
                .getSize()));
        return out.get();
    }

    private static int timeTickCount(FxRobot robot, ImpactChartView chart) {
        AtomicReference<Integer> out = new AtomicReference<>();
        robot.interact(() -> out.set(chart.timeTicks().size()));
        return out.get();
    }

    private static Color tickFill(FxRobot robot, ImpactChartView chart) {
        AtomicReference<Color> out = new AtomicReference<>();
        robot.interact(() -> out.set((Color) ((AbstractAxisParameter) chart.lookup(".axis"))
                .getTickLabelStyle()
                .getFill()));
        return out.get();
    }

    /** WCAG 2.1 contrast ratio of {@code c} on black (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio). */
    private static double contrastOnBlack(Color c) {
        double l = 0.2126 * lin(c.getRed()) + 0.7152 * lin(c.getGreen()) + 0.0722 * lin(c.getBlue());
        return (l + 0.05) / 0.05;
    }

    private static double lin(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private double windowFont(FxRobot robot) {
        AtomicReference<Double> size = new AtomicReference<>();
        robot.interact(() -> size.set(robot.lookup("#clockLabel")
                .queryAs(javafx.scene.control.Label.class)
                .getFont()
                .getSize()));
        return size.get();
    }

    private static void press(FxRobot robot, KeyCode... keys) {
        robot.press(keys);
        for (int i = keys.length - 1; i >= 0; i--) {
            robot.release(keys[i]);
        }
    }
}
