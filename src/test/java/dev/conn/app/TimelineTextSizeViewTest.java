package dev.conn.app;

import static dev.conn.testing.Ui.label;
import static dev.conn.testing.Ui.timeline;
import static dev.conn.testing.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.incident.Declaration;
import dev.conn.incident.EntryCommand;
import dev.conn.incident.EntryDecider;
import dev.conn.incident.Event;
import dev.conn.incident.EventStore;
import dev.conn.incident.IncidentService;
import dev.conn.incident.Severity;
import dev.conn.platform.db.Database;
import dev.conn.testing.MutableClock;
import dev.conn.timeline.ui.TimelineCell;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The timeline's rows at another text size (issue 14 items 6 and 13): after Ctrl+= (or projector
 * mode) the rows on screen are drawn again at once, without scrolling, and a typical entry takes at
 * most two lines under a one-line head (time, kind, author).
 */
class TimelineTextSizeViewTest extends WindowTest {
    static final String TYPICAL =
            "Rolled back payments-api to v41 in eu-west-1; error ratio falling, watching the p99 for 10 min";

    /** Stores an incident with 15 entries of mixed length, one a minute from T0 - 30 min. */
    void storeIncident() throws Exception {
        try (Database db = Database.open(dataDir)) {
            MutableClock at = new MutableClock(T0.minus(Duration.ofMinutes(30)));
            IncidentService s = new IncidentService(EventStore.jdbc(db.dataSource()), at);
            Event declared =
                    s.declare(new Declaration("Checkout 502s", Severity.SEV1, "", Optional.empty(), "ana"), "ana");
            String[] texts = {
                "paged by checkout-slo burn rate",
                "bo joined",
                "5xx from the edge only in eu-west-1, us-east-1 clean; the LB health checks all pass and the pods"
                        + " are not restarting, so it is not the deploy from 13:20 alone",
                "checked the CDN status page: no incident",
                "db connections at 480/500 on payments-db-primary",
                "decided to fail over payments-db to the replica if the pool stays saturated for 5 more minutes",
                "ok",
                "scaled payments-api from 12 to 20 pods",
                "error ratio 4 % and falling",
                "customers report double charges on retry: support is collecting order ids",
                "status page updated: identified",
                "p99 back under 800 ms",
                "watching for 15 minutes before calling it mitigated",
                "cache hit ratio back to 92 %",
                TYPICAL // near the top, newest first
            };
            for (String text : texts) {
                at.advance(Duration.ofMinutes(1));
                s.log()
                        .execute(
                                declared.incidentId(),
                                new EntryDecider(),
                                new EntryCommand.Add(UUID.randomUUID(), EntryCommand.Kind.NOTE, text, Optional.empty()),
                                "ana");
            }
            // a corrected row, its mark in the head and its last line not cut
            at.advance(Duration.ofMinutes(1));
            UUID corrected = UUID.randomUUID();
            s.log()
                    .execute(
                            declared.incidentId(),
                            new EntryDecider(),
                            new EntryCommand.Add(corrected, EntryCommand.Kind.ACTION, "restarted", Optional.empty()),
                            "ana");
            s.log()
                    .execute(
                            declared.incidentId(),
                            new EntryDecider(),
                            new EntryCommand.Correct(
                                    corrected,
                                    "restarted payments-api in eu-west-1 only, one pod at a time, after draining it"
                                            + " from the load balancer; us-east-1 left alone"),
                            "ana");
            at.advance(Duration.ofMinutes(1));
            // a kind with a long name: "Impact query" is shown whole, not "Impact q…"
            new dev.conn.impact.ImpactLog(s.log())
                    .execute(
                            declared.incidentId(),
                            new dev.conn.impact.ImpactCommand.SetQuery(dev.conn.impact.ImpactQuery.create(
                                    "Error ratio", "prod", "sum(errors)", "%", java.util.OptionalDouble.empty())),
                            "ana");
        }
    }

    @Test
    void rowsAreDrawnAtOnceAfterCtrlEqualsWithoutScrolling(FxRobot robot) throws Exception {
        storeIncident();
        launchAs("ana");
        bigWindow(robot);
        waitUntil(() -> timeline(robot).getItems().size() >= 15);
        waitUntil(() -> !shownRows(robot).isEmpty());
        double before = font(robot);

        press(robot, KeyCode.CONTROL, KeyCode.EQUALS); // 110 %
        waitUntil(() -> font(robot) >= 1.1 * before - 0.01);
        WaitForAsyncUtils.waitForFxEvents(3);

        assertRowsDrawn(robot, 1.1 * before);

        for (int i = 0; i < 4; i++) { // 200 %
            press(robot, KeyCode.CONTROL, KeyCode.EQUALS);
        }
        waitUntil(() -> font(robot) >= 2 * before - 0.01);
        WaitForAsyncUtils.waitForFxEvents(3);

        assertRowsDrawn(robot, 2 * before);

        press(robot, KeyCode.CONTROL, KeyCode.MINUS); // and back down a step
        waitUntil(() -> font(robot) <= 1.75 * before + 0.01);
        WaitForAsyncUtils.waitForFxEvents(3);

        assertRowsDrawn(robot, 1.75 * before);
    }

    @Test
    void projectorModeDrawsTheRowsAtItsLargerTextWithoutScrolling(FxRobot robot) throws Exception {
        storeIncident();
        launchAs("ana");
        bigWindow(robot);
        waitUntil(() -> !shownRows(robot).isEmpty());
        double before = font(robot);

        press(robot, KeyCode.CONTROL, KeyCode.ALT, KeyCode.P);
        waitUntil(() -> font(robot) >= 1.5 * before - 0.01);
        WaitForAsyncUtils.waitForFxEvents(3);

        assertRowsDrawn(robot, 1.5 * before);
    }

    @Test
    void aTypicalEntryTakesAtMostTwoLinesBelowItsHeadAt1366x768(FxRobot robot) throws Exception {
        storeIncident();
        launchAs("ana");
        robot.interact(() -> {
            stage.setWidth(1366);
            stage.setHeight(768);
        });
        waitUntil(() ->
                shownRows(robot).stream().anyMatch(c -> TYPICAL.equals(textOf(c).getText())));
        WaitForAsyncUtils.waitForFxEvents(3);

        AtomicReference<String> failure = new AtomicReference<>();
        robot.interact(() -> {
            TimelineCell cell = shownRows(robot).stream()
                    .filter(c -> TYPICAL.equals(textOf(c).getText()))
                    .findFirst()
                    .orElseThrow();
            Text text = textOf(cell);
            double line = lineHeight(text);
            double lines = text.getLayoutBounds().getHeight() / line;
            Node stamp = cell.lookup(".time-stamp");
            Bounds head = stamp.localToScene(stamp.getLayoutBounds());
            Bounds body = text.localToScene(text.getLayoutBounds());
            if (lines > 2.2) {
                failure.set("the typical entry takes " + lines + " lines at wrapping width " + text.getWrappingWidth());
            } else if (body.getMinY() < head.getMaxY() - 1) {
                failure.set("the text is beside the head, not below it: " + head + " / " + body);
            } else if (body.getWidth() < 0.6 * cell.getWidth() && lines > 1.2) {
                failure.set("the text wraps in a narrow column: " + body.getWidth() + " of " + cell.getWidth());
            }
        });
        assertThat(failure.get()).isNull();
        assertRowsDrawn(robot, font(robot));
        // the corrected row says so in its head, and its last line is inside the row (checked above)
        AtomicReference<List<String>> marks = new AtomicReference<>();
        robot.interact(() -> marks.set(shownRows(robot).stream()
                .map(c -> ((Label) c.lookup(".corrected-mark")).getText())
                .toList()));
        assertThat(marks.get()).contains("corrected");
        // the head says when (to the second), what kind and who, on one line
        robot.interact(() -> {
            TimelineCell cell = shownRows(robot).get(0);
            List<Label> head = cell.lookupAll(".label").stream()
                    .map(Label.class::cast)
                    .filter(Node::isVisible)
                    .filter(l -> !l.getText().isEmpty())
                    .toList();
            assertThat(head).extracting(Label::getText).anyMatch(t -> t.matches(".*\\d\\d:\\d\\d:\\d\\d.*"));
            assertThat(head).extracting(Label::getText).contains("ana");
            double top = head.get(0).localToScene(head.get(0).getLayoutBounds()).getMinY();
            for (Label l : head) {
                assertThat(l.localToScene(l.getLayoutBounds()).getMinY())
                        .isCloseTo(top, org.assertj.core.data.Offset.offset(4.0));
            }
        });
    }

    /**
     * 1920×1080: at 200 % text a smaller window leaves the timeline about one row (the shell's
     * three columns; a known layout-audit fault), too few to see rows left undrawn.
     */
    private void bigWindow(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(1920);
            stage.setHeight(1080);
        });
        WaitForAsyncUtils.waitForFxEvents(3);
    }

    /**
     * The rows on screen at the new size: every shown row's text is set, laid out at the new font
     * (not left at the old one), not cut at the bottom of its row, rows do not overlap, and the
     * rows fill the list's viewport from its top (none left undrawn above the last).
     */
    private void assertRowsDrawn(FxRobot robot, double expectedFont) {
        AtomicReference<String> failure = new AtomicReference<>();
        robot.interact(() -> {
            ListView<?> list = timeline(robot);
            Node flow = list.lookup(".virtual-flow");
            Bounds viewport = flow.localToScene(flow.getLayoutBounds());
            List<TimelineCell> rows = shownRows(robot);
            if (rows.isEmpty()) {
                failure.set("no row drawn in the viewport " + viewport);
                return;
            }
            double expectedTop = Double.NaN;
            for (TimelineCell c : rows) {
                Text text = textOf(c);
                Bounds cell = c.localToScene(c.getLayoutBounds());
                Bounds body = text.localToScene(text.getLayoutBounds());
                String which = "row '" + c.getItem().text() + "' ";
                if (text.getText() == null || text.getText().isEmpty()) {
                    failure.set(which + "shows no text");
                } else if (Math.abs(text.getFont().getSize() - expectedFont) > 0.5) {
                    failure.set(which + "is at " + text.getFont().getSize() + " px, not " + expectedFont);
                } else if (body.getHeight() <= 0 || body.getWidth() <= 0) {
                    failure.set(which + "is not laid out: " + body);
                } else if (body.getMaxY() > cell.getMaxY() + 0.5 || body.getMaxX() > cell.getMaxX() + 0.5) {
                    failure.set(which + "is cut by its row: text " + body + " in row " + cell);
                } else if (cell.getMaxY() - body.getMaxY() > c.snappedBottomInset() + 3) {
                    failure.set(which + "keeps a stale height: " + (cell.getMaxY() - body.getMaxY())
                            + " px blank below its text (its padding is " + c.snappedBottomInset() + ")");
                } else if (Double.isNaN(expectedTop) && cell.getMinY() > viewport.getMinY() + 1.5) {
                    failure.set(which + "is the first row drawn but starts at " + cell.getMinY()
                            + ", below the viewport's top " + viewport.getMinY());
                } else if (!Double.isNaN(expectedTop) && Math.abs(cell.getMinY() - expectedTop) > 1.5) {
                    failure.set(which + "starts at " + cell.getMinY() + ", the row above ends at " + expectedTop);
                } else if (cell.getMaxY() <= viewport.getMaxY() + 0.5 && !viewport.contains(body)) {
                    failure.set(which + "is inside the viewport " + viewport + " but its text is not: " + body);
                }
                if (failure.get() != null) {
                    return;
                }
                expectedTop = cell.getMaxY();
            }
            if (expectedTop < viewport.getMaxY() - 1
                    && rows.size() < list.getItems().size()) {
                failure.set("rows end at " + expectedTop + " in a viewport down to " + viewport.getMaxY() + " with "
                        + rows.size() + " of " + list.getItems().size() + " rows drawn");
            }
            for (TimelineCell c : rows) {
                if (failure.get() == null && cutLabel(c).isPresent()) {
                    failure.set("row '" + c.getItem().text() + "' cuts its head: "
                            + cutLabel(c).get());
                }
            }
        });
        assertThat(failure.get()).isNull();
    }

    /** @return the rows with an entry that are visible and inside the list's viewport, top to bottom */
    static List<TimelineCell> shownRows(FxRobot robot) {
        AtomicReference<List<TimelineCell>> out = new AtomicReference<>();
        robot.interact(() -> {
            ListView<?> list = timeline(robot);
            Node flow = list.lookup(".virtual-flow");
            if (flow == null) {
                out.set(List.of());
                return;
            }
            Bounds viewport = flow.localToScene(flow.getLayoutBounds());
            List<TimelineCell> rows = new ArrayList<>();
            for (Node n : list.lookupAll(".list-cell")) {
                if (n instanceof TimelineCell c
                        && !c.isEmpty()
                        && c.getItem() != null
                        && dev.conn.testing.Ui.shown(c)
                        && viewport.intersects(c.localToScene(c.getLayoutBounds()))) {
                    rows.add(c);
                }
            }
            rows.sort(Comparator.comparingDouble(
                    c -> c.localToScene(c.getLayoutBounds()).getMinY()));
            out.set(rows);
        });
        return out.get();
    }

    /** @return the first label of the row (its head) whose shown text is not its whole text ("Impact q…") */
    static Optional<String> cutLabel(TimelineCell cell) {
        for (Node n : cell.lookupAll(".label")) {
            if (n instanceof Label l && l.isVisible() && l.lookup(".text") instanceof Text shown) {
                if (!shown.getText().equals(l.getText())) {
                    return Optional.of("'" + shown.getText() + "' for '" + l.getText() + "'");
                }
            }
        }
        return Optional.empty();
    }

    static Text textOf(TimelineCell cell) {
        return (Text) cell.lookup(".entry-text");
    }

    private static double lineHeight(Text text) {
        Text one = new Text("Xg");
        one.setFont(text.getFont());
        return one.getLayoutBounds().getHeight();
    }

    private double font(FxRobot robot) {
        AtomicReference<Double> size = new AtomicReference<>();
        robot.interact(() -> size.set(label(robot, "#countLabel").getFont().getSize()));
        return size.get();
    }

    private static void press(FxRobot robot, KeyCode... keys) {
        robot.press(keys);
        for (int i = keys.length - 1; i >= 0; i--) {
            robot.release(keys[i]);
        }
    }
}
