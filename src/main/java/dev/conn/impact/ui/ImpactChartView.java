package dev.conn.impact.ui;

import dev.conn.impact.ChartData;
import dev.conn.impact.ChartScale;
import dev.conn.impact.ChartSeries;
import dev.conn.impact.HoverSnap;
import dev.conn.impact.ImpactMarker;
import dev.conn.impact.Series;
import dev.conn.impact.ValueFormat;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.axes.spi.TickMark;
import io.fair_acc.chartfx.ui.geometry.Side;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;

/**
 * One impact chart on ChartFX ({@code io.fair-acc:chartfx}): a date-aware UTC time axis ({@link
 * TimeAxis}), a value axis, the series and markers drawn by {@link SeriesRenderer}, and pointer
 * handling by {@link ChartInteraction}. The tooltip is a label kept inside the chart's bounds.
 *
 * <p>ChartFX draws in the layout pulse: a snapshot must follow a pulse, not only a data change.
 */
public final class ImpactChartView extends StackPane {
    /** Series colours (Okabe-Ito). */
    public static final Color[] PALETTE = SeriesRenderer.PALETTE;

    private final TimeAxis xAxis = new TimeAxis();
    private final ValueAxis yAxis = new ValueAxis();
    private final DrawableChart chart = new DrawableChart(xAxis, yAxis);
    private final SeriesRenderer renderer = new SeriesRenderer();
    private final Label tooltip = new Label();
    private final Pane overlay = new Pane(tooltip);
    private ChartData data;
    private List<ImpactMarker> markers = List.of();
    private long viewFrom;
    private long viewTo;
    private boolean zoomed;
    private Consumer<UUID> onMarkerClicked = m -> {};
    private BiConsumer<Instant, String> onPointClicked = (t, s) -> {};
    private BiConsumer<Instant, Instant> onViewChanged = (a, b) -> {};

    /** An empty chart. */
    public ImpactChartView() {
        getStyleClass().add("impact-chart");
        yAxis.setSide(Side.LEFT);
        yAxis.setAutoRanging(false);
        yAxis.setAutoUnitScaling(false);
        yAxis.setMinorTickCount(0);
        chart.getRenderers().setAll(renderer);
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.getPlugins().add(new ChartInteraction(this));
        chart.getToolBar().setVisible(false);
        chart.getToolBar().setManaged(false);
        tooltip.getStyleClass().add("impact-tooltip");
        tooltip.setVisible(false);
        tooltip.setManaged(false);
        overlay.setMouseTransparent(true);
        overlay.setPickOnBounds(false);
        getChildren().addAll(chart, overlay);
        setMinHeight(160);
        setPrefHeight(240);
    }

    /** @param d what to draw; the view keeps a zoom unless {@code d} is for another range */
    public void setData(ChartData d) {
        data = d;
        renderer.setData(d);
        if (!zoomed || d == null) {
            if (d != null) {
                viewFrom = d.from().toEpochMilli();
                viewTo = d.to().toEpochMilli();
            }
        }
        applyRanges();
    }

    /** @param list the markers, milestones and entries */
    public void setMarkers(List<ImpactMarker> list) {
        markers = List.copyOf(list);
        renderer.setMarkers(markers);
        chart.invalidate();
    }

    /** @return the data on screen, or null */
    public ChartData data() {
        return data;
    }

    /** @return the markers on screen */
    public List<ImpactMarker> markers() {
        return markers;
    }

    /** @param handler told the entry id of a marker clicked */
    public void setOnMarkerClicked(Consumer<UUID> handler) {
        onMarkerClicked = handler;
    }

    /** @param handler told the time clicked and the suggested note text */
    public void setOnPointClicked(BiConsumer<Instant, String> handler) {
        onPointClicked = handler;
    }

    /** @param handler told the visible range after a zoom or pan settles ({@code null, null} on reset) */
    public void setOnViewChanged(BiConsumer<Instant, Instant> handler) {
        onViewChanged = handler;
    }

    /** @return the time axis (tests check its tick labels) */
    public List<TickMark> timeTicks() {
        return List.copyOf(xAxis.getTickMarks());
    }

    /** @return the plot width in pixels (the step and reductions follow it) */
    public int plotWidth() {
        double w = chart.getCanvas().getWidth();
        return (int) Math.max(50, w > 0 ? w : getWidth() - 70);
    }

    boolean hasData() {
        return data != null;
    }

    long viewFrom() {
        return viewFrom;
    }

    long viewTo() {
        return viewTo;
    }

    /** Shows {@code from}–{@code to} (ms since the epoch) without fetching. */
    public void setView(long from, long to) {
        viewFrom = from;
        viewTo = to;
        zoomed = data == null
                || from != data.from().toEpochMilli()
                || to != data.to().toEpochMilli();
        applyRanges();
    }

    void viewSettled() {
        onViewChanged.accept(Instant.ofEpochMilli(viewFrom), Instant.ofEpochMilli(viewTo));
    }

    /** Back to the incident window (double-click). */
    public void resetView() {
        zoomed = false;
        onViewChanged.accept(null, null);
        if (data != null) {
            viewFrom = data.from().toEpochMilli();
            viewTo = data.to().toEpochMilli();
        }
        applyRanges();
    }

    /** @return true while the view shows less or more than the incident window */
    public boolean isZoomed() {
        return zoomed;
    }

    private void applyRanges() {
        if (viewTo > viewFrom) {
            xAxis.set(viewFrom, viewTo);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        if (data != null) {
            for (ChartSeries s : data.series()) {
                for (double v : s.levels().get(0).values()) {
                    if (Double.isFinite(v)) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
                if (Double.isFinite(s.peak())) {
                    max = Math.max(max, s.peak());
                }
            }
            if (data.query().threshold().isPresent()) {
                min = Math.min(min, data.query().threshold().getAsDouble());
                max = Math.max(max, data.query().threshold().getAsDouble());
            }
        }
        double[] y = ChartScale.niceRange(min, max);
        yAxis.setUnit(y[2]);
        // ChartFX adds the unit up from the first tick and stops above the axis's max: a hair of
        // room keeps the top tick when the sum comes out a rounding error above it (0.025 × 5)
        yAxis.set(y[0], y[1] + y[2] * 1e-9);
        yAxis.setTickUnit(y[2]);
        chart.invalidate();
        requestLayout();
    }

    /** @return the plot area in this view's coordinates and the axes' ranges, once laid out with data */
    public Optional<ChartScale> scale() {
        Bounds b = plotBounds();
        if (data == null || b == null || b.getWidth() <= 0 || b.getHeight() <= 0) {
            return Optional.empty();
        }
        return Optional.of(new ChartScale(
                viewFrom,
                viewTo,
                yAxis.getMin(),
                yAxis.getMax(),
                b.getMinX(),
                b.getMinY(),
                b.getWidth(),
                b.getHeight()));
    }

    private Bounds plotBounds() {
        var canvas = chart.getCanvas();
        if (canvas.getScene() == null) {
            return null;
        }
        return sceneToLocal(canvas.localToScene(canvas.getBoundsInLocal()));
    }

    Point2D plotPoint(MouseEvent e) {
        return plotPoint(e.getSceneX(), e.getSceneY());
    }

    /** @return a scene point in plot coordinates (0,0 at the plot's top left) */
    Point2D plotPoint(double sceneX, double sceneY) {
        return chart.getCanvas().sceneToLocal(sceneX, sceneY);
    }

    long timeAt(double plotX) {
        return Math.round(xAxis.getValueForDisplay(plotX));
    }

    /** @return the marker within 5 px of plot x, if any */
    Optional<ImpactMarker> markerAt(double plotX) {
        ImpactMarker best = null;
        double bestD = 5;
        for (ImpactMarker m : markers) {
            double d = Math.abs(xAxis.getDisplayPosition(m.at().toEpochMilli()) - plotX);
            if (d <= bestD) {
                bestD = d;
                best = m;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * @param plotX x in plot coordinates
     * @param plotY y in plot coordinates
     * @return the tooltip lines there: a marker's entry, the snapped sample with its own time and
     *     date, or "no data here"
     */
    public List<String> hoverLines(double plotX, double plotY) {
        List<String> lines = new ArrayList<>();
        if (data == null) {
            return lines;
        }
        Optional<ImpactMarker> marker = markerAt(plotX);
        if (marker.isPresent()) {
            ImpactMarker m = marker.get();
            lines.add(ValueFormat.sampleTime(m.at()) + " · " + (m.milestone() ? "Milestone: " : "") + m.label());
            lines.add(m.detail());
            if (m.eventId().isPresent()) {
                lines.add("click to select it in the timeline");
            }
            return lines;
        }
        Optional<HoverSnap.Hit> hit =
                HoverSnap.find(data.series(), xAxis::getDisplayPosition, yAxis::getDisplayPosition, plotX, plotY);
        return HoverSnap.lines(
                hit,
                Instant.ofEpochMilli(timeAt(plotX)),
                data.series(),
                data.query().unit());
    }

    void hover(double plotX, double plotY) {
        Bounds b = plotBounds();
        if (data == null || b == null || plotX < 0 || plotY < 0 || plotX > b.getWidth() || plotY > b.getHeight()) {
            hideHover();
            return;
        }
        tooltip.setText(String.join("\n", hoverLines(plotX, plotY)));
        tooltip.setVisible(true);
        tooltip.autosize();
        // inside the chart: right of the pointer, or left of it near the right edge; never past an edge
        double px = b.getMinX() + plotX;
        double py = b.getMinY() + plotY;
        double w = tooltip.getWidth();
        double h = tooltip.getHeight();
        double x = px + 12 + w <= getWidth() ? px + 12 : px - 12 - w;
        double y = py + 12 + h <= getHeight() ? py + 12 : py - 12 - h;
        tooltip.relocate(Math.max(0, Math.min(x, getWidth() - w)), Math.max(0, Math.min(y, getHeight() - h)));
    }

    void hideHover() {
        tooltip.setVisible(false);
    }

    /** @return the tooltip label (tests check it stays inside the chart) */
    Label tooltip() {
        return tooltip;
    }

    void click(double plotX, double plotY) {
        Optional<ImpactMarker> marker = markerAt(plotX);
        if (marker.isPresent() && marker.get().eventId().isPresent()) {
            onMarkerClicked.accept(marker.get().eventId().get());
            return;
        }
        long t = timeAt(plotX);
        onPointClicked.accept(Instant.ofEpochMilli(t), noteText(t, plotY));
    }

    /** @return e.g. "Error ratio at 14:02:15 UTC: 14.2 % (Error ratio {service="checkout"} at 14:02:00)" */
    String noteText(long t, double plotY) {
        String head = data.query().name() + " at " + ValueFormat.sampleTime(Instant.ofEpochMilli(t));
        Optional<HoverSnap.Hit> hit = HoverSnap.find(
                data.series(),
                xAxis::getDisplayPosition,
                yAxis::getDisplayPosition,
                xAxis.getDisplayPosition(t),
                plotY);
        if (hit.isEmpty()) {
            // nothing under the pointer: the highest series at the nearest sample, if one is close in time
            hit = HoverSnap.find(data.series(), xAxis::getDisplayPosition, v -> 0, xAxis.getDisplayPosition(t), 0);
        }
        if (hit.isEmpty()) {
            return head;
        }
        String unit = data.query().unit().isEmpty() ? "" : " " + data.query().unit();
        return head + ": " + ValueFormat.format(hit.get().value()) + unit + " ("
                + hit.get().name() + " at " + ValueFormat.sampleTime(hit.get().at()) + ")";
    }

    /** @return the series of a legend entry's colour index */
    static Color colour(int index) {
        return PALETTE[index % PALETTE.length];
    }

    /**
     * Lays out and draws the chart now, on the FX thread, without waiting for the next pulse: for
     * PNG snapshots and the bench (ChartFX otherwise draws in the pulse's layout hooks).
     */
    public void drawNow() {
        chart.drawNow();
    }

    /** @return the value axis's tick marks: values, texts and whether each label is drawn (tests) */
    List<TickMark> valueTicks() {
        return List.copyOf(yAxis.getTickMarks());
    }

    /** @return the value axis's range, {min, max} (tests) */
    double[] valueRange() {
        return new double[] {yAxis.getMin(), yAxis.getMax()};
    }

    /** XYChart whose pulse hooks can be run synchronously. */
    private static final class DrawableChart extends XYChart {
        DrawableChart(TimeAxis x, DefaultNumericAxis y) {
            super(x, y);
        }

        void drawNow() {
            invalidate();
            runPreLayout();
            layout();
            runPostLayout();
        }
    }

    /** @return the finest level of the first series, or empty (tests) */
    Optional<Series> firstSeries() {
        return data == null || data.series().isEmpty()
                ? Optional.empty()
                : Optional.of(data.series().get(0).finest());
    }
}
