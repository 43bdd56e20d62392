package dev.conn.app;

import static dev.conn.testing.Ui.timeline;
import static dev.conn.testing.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.impact.ChartScale;
import dev.conn.impact.ImpactCommand;
import dev.conn.impact.ImpactLog;
import dev.conn.impact.ImpactQuery;
import dev.conn.impact.ui.ImpactChartView;
import dev.conn.incident.Declaration;
import dev.conn.incident.EntryCommand;
import dev.conn.incident.EntryDecider;
import dev.conn.incident.Event;
import dev.conn.incident.EventStore;
import dev.conn.incident.IncidentService;
import dev.conn.incident.Severity;
import dev.conn.platform.db.Database;
import dev.conn.testing.MutableClock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The impact tab in the real main window: an incident whose query names a source that is not
 * configured still gets its time axis and timeline markers, says what to do, and a click on a
 * marker selects that entry in the timeline beside it.
 */
class ImpactPanelWindowTest extends WindowTest {
    @Test
    void clickingAMarkerSelectsTheEntryInTheTimeline(FxRobot robot) throws Exception {
        Event action;
        try (Database db = Database.open(dataDir)) {
            MutableClock at = new MutableClock(T0.minus(Duration.ofMinutes(40)));
            IncidentService s = new IncidentService(EventStore.jdbc(db.dataSource()), at);
            Event declared =
                    s.declare(new Declaration("Checkout errors", Severity.SEV2, "", Optional.empty(), "ana"), "ana");
            at.advance(Duration.ofMinutes(20));
            action = s.log()
                    .execute(
                            declared.incidentId(),
                            new EntryDecider(),
                            new EntryCommand.Add(
                                    UUID.randomUUID(),
                                    EntryCommand.Kind.ACTION,
                                    "rolled back payments-api to v41",
                                    Optional.empty()),
                            "ana")
                    .get(0);
            s.log()
                    .execute(
                            declared.incidentId(),
                            new EntryDecider(),
                            new EntryCommand.Add(
                                    UUID.randomUUID(),
                                    EntryCommand.Kind.NOTE,
                                    "a later note, selected by nobody",
                                    Optional.empty()),
                            "ana");
            new ImpactLog(s.log())
                    .execute(
                            declared.incidentId(),
                            new ImpactCommand.SetQuery(ImpactQuery.create(
                                    "Error ratio", "not-configured", "sum(errors)", "%", OptionalDouble.empty())),
                            "ana");
        }
        launchAs("ana");
        // the Comms tab comes first; the IC opens Impact with its shortcut
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.I)
                .release(
                        javafx.scene.input.KeyCode.I,
                        javafx.scene.input.KeyCode.SHIFT,
                        javafx.scene.input.KeyCode.CONTROL);

        waitUntil(() -> robot.lookup(".impact-chart").tryQuery().isPresent());
        ImpactChartView chart = robot.lookup(".impact-chart").queryAs(ImpactChartView.class);
        String expected = "no monitoring source 'not-configured' in settings; add it under Impact > Manage sources";
        waitUntil(() -> robot.lookup(".impact-error").queryAllAs(Label.class).stream()
                .anyMatch(l -> expected.equals(l.getText())));
        waitUntil(() -> chart.data() != null && chart.scale().isPresent());
        // the panel may still move under load after it settled (a banner or a scroll bar arriving
        // late shifts the plot): the click is aimed again where the marker is now, at most 3 times
        for (int attempt = 0; attempt < 3; attempt++) {
            scrollIntoView(robot, chart); // as the IC would: the chart may sit below the fold
            ChartScale sc = settledScale(robot, chart);
            Point2D marker = chart.localToScreen(sc.x(action.occurredAt()), sc.top() + sc.height() / 2);
            robot.moveTo(marker).clickOn(marker);
            try {
                org.testfx.util.WaitForAsyncUtils.waitFor(
                        5,
                        java.util.concurrent.TimeUnit.SECONDS,
                        () -> timeline(robot).getSelectionModel().getSelectedItem() != null);
                break;
            } catch (java.util.concurrent.TimeoutException missed) {
                // aimed where the marker was a moment ago: a click beside a marker offers a note at
                // that time; dismiss that dialog and aim again
                if (robot.lookup(".dialog-pane").tryQuery().isPresent()) {
                    robot.type(javafx.scene.input.KeyCode.ESCAPE);
                    waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
                }
            }
        }

        waitUntil(() -> timeline(robot).getSelectionModel().getSelectedItem() != null);
        assertThat(timeline(robot).getSelectionModel().getSelectedItem().event().id())
                .isEqualTo(action.id());
    }

    /**
     * Scrolls the panel holding the chart so the whole chart is inside the window: with a larger
     * text size or more banners the Impact tab's charts can start below the window's edge.
     */
    static void scrollIntoView(FxRobot robot, ImpactChartView chart) {
        robot.interact(() -> {
            for (javafx.scene.Node n = chart.getParent(); n != null; n = n.getParent()) {
                if (n instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) {
                    double content = sp.getContent().getBoundsInLocal().getHeight();
                    double viewport = sp.getViewportBounds().getHeight();
                    if (content > viewport) {
                        double top = sp.getContent()
                                .sceneToLocal(chart.localToScene(chart.getBoundsInLocal()))
                                .getMinY();
                        sp.setVvalue(Math.max(0, Math.min(1, top / (content - viewport))));
                    }
                    return;
                }
            }
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents(2);
    }

    /**
     * @return the chart's plot area once two layout pulses in a row leave it where it is (a
     *     scroll bar or a wrapped line may still move it right after the data arrives)
     */
    static ChartScale settledScale(FxRobot robot, ImpactChartView chart) throws Exception {
        java.util.concurrent.atomic.AtomicReference<ChartScale> last =
                new java.util.concurrent.atomic.AtomicReference<>();
        waitUntil(() -> {
            robot.interact(() -> chart.getScene().getRoot().requestLayout());
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents(2);
            ChartScale now = chart.scale().orElse(null);
            return now != null && now.equals(last.getAndSet(now));
        });
        return last.get();
    }
}
