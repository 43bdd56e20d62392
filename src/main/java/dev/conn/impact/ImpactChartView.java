package dev.conn.impact;

import dev.conn.incident.Event;
import dev.conn.timeline.TimelineEntry;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * One impact chart drawn on a {@link Canvas}: the series (already downsampled off the FX thread,
 * at most 2 points per pixel), the threshold line, vertical markers for timeline events, a time
 * axis in UTC and a value axis. Hover shows exact values with labels, or a marker's entry; a click
 * on a marker selects the entry in the timeline, a click elsewhere offers a note at that time.
 * Scroll zooms around the pointer, drag pans, double-click resets to the incident window.
 *
 * <p>A Canvas rather than a {@code LineChart}: a full repaint of six charts × five series of
 * 2,000 points stays within a frame with the software renderer (see {@code ImpactBench}).
 */
public final class ImpactChartView extends Region {
    /** Series colours: the Okabe-Ito palette, told apart with colour-vision deficiencies. */
    static final Color[] PALETTE = {
        Color.web("#56B4E9"), Color.web("#E69F00"), Color.web("#009E73"), Color.web("#CC79A7"), Color.web("#F0E442"),
    };

    private static final Color AXIS = Color.web("#8b949e");
    private static final Color GRID = Color.web("#8b949e", 0.18);
    private static final Color THRESHOLD = Color.web("#f85149");
    private static final Color MARKER = Color.web("#d29922");
    private static final Color HOVER_BOX = Color.web("#161b22", 0.92);
    private static final Color HOVER_TEXT = Color.web("#e6edf3");
    private static final DateTimeFormatter HM =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HMS =
            DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final double LEFT = 56;
    private static final double RIGHT = 12;
    private static final double TOP = 8;
    private static final double BOTTOM = 22;

    private final Canvas canvas = new Canvas();
    private ChartData data;
    private List<Event> markers = List.of();
    private long viewFrom;
    private long viewTo;
    private double hoverX = -1;
    private double pressX;
    private long pressFrom;
    private long pressTo;
    private boolean dragged;
    private Consumer<Event> onMarkerClicked = e -> {};
    private BiConsumer<Instant, String> onPointClicked = (t, s) -> {};

    /** An empty chart; give it data with {@link #setData}. */
    public ImpactChartView() {
        getStyleClass().add("impact-chart");
        getChildren().add(canvas);
        setMinHeight(140);
        setPrefHeight(220);
        canvas.setOnMouseMoved(e -> {
            hoverX = e.getX();
            repaint();
        });
        canvas.setOnMouseExited(e -> {
            hoverX = -1;
            repaint();
        });
        canvas.setOnScroll(this::onScroll);
        canvas.setOnMousePressed(e -> {
            pressX = e.getX();
            pressFrom = viewFrom;
            pressTo = viewTo;
            dragged = false;
        });
        canvas.setOnMouseDragged(this::onDrag);
        canvas.setOnMouseClicked(this::onClick);
    }

    /** @param handler told when the user clicks a marker (select the entry in the timeline) */
    public void setOnMarkerClicked(Consumer<Event> handler) {
        onMarkerClicked = handler;
    }

    /** @param handler told the instant and a suggested note text when the user clicks a point */
    public void setOnPointClicked(BiConsumer<Instant, String> handler) {
        onPointClicked = handler;
    }

    /**
     * Shows new data; the visible range resets to the data's window unless the user has zoomed.
     *
     * @param d the chart data
     */
    public void setData(ChartData d) {
        boolean zoomed = data != null
                && (viewFrom != data.from().toEpochMilli()
                        || viewTo != data.to().toEpochMilli());
        data = d;
        if (!zoomed) {
            viewFrom = d.from().toEpochMilli();
            viewTo = d.to().toEpochMilli();
        }
        repaint();
    }

    /** @param events the timeline events drawn as markers */
    public void setMarkers(List<Event> events) {
        markers = List.copyOf(events);
        repaint();
    }

    /** @return the data on screen, or null */
    public ChartData data() {
        return data;
    }

    /** @return the scale of the current drawing (for tests and the bench), if there is data */
    public Optional<ChartScale> scale() {
        if (data == null || getWidth() <= LEFT + RIGHT || getHeight() <= TOP + BOTTOM) {
            return Optional.empty();
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Series s : data.series()) {
            for (double v : s.values()) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (data.query().threshold().isPresent()) {
            double t = data.query().threshold().getAsDouble();
            min = Math.min(min, t);
            max = Math.max(max, t);
        }
        double[] y = ChartScale.niceRange(min, max);
        return Optional.of(new ChartScale(
                viewFrom, viewTo, y[0], y[1], LEFT, TOP, getWidth() - LEFT - RIGHT, getHeight() - TOP - BOTTOM));
    }

    /** @return the plot width in pixels (the step and LTTB threshold follow it) */
    public int plotWidth() {
        return (int) Math.max(50, getWidth() - LEFT - RIGHT);
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            repaint();
        }
    }

    /** Draws everything again: a full frame. */
    public void repaint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        Optional<ChartScale> maybe = scale();
        if (maybe.isEmpty()) {
            return;
        }
        ChartScale sc = maybe.get();
        g.setFont(Font.font(11));
        g.setTextBaseline(VPos.CENTER);
        g.setLineWidth(1);
        // grid and value axis
        g.setTextAlign(TextAlignment.RIGHT);
        for (double v : sc.yTicks()) {
            double y = Math.round(sc.y(v)) + 0.5;
            g.setStroke(GRID);
            g.strokeLine(sc.left(), y, sc.left() + sc.width(), y);
            g.setFill(AXIS);
            g.fillText(format(v), sc.left() - 6, y);
        }
        // time axis
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (long t : sc.xTicks()) {
            double x = Math.round(sc.x(t)) + 0.5;
            g.setStroke(GRID);
            g.strokeLine(x, sc.top(), x, sc.top() + sc.height());
            g.setFill(AXIS);
            g.fillText(HM.format(Instant.ofEpochMilli(t)), x, sc.top() + sc.height() + 4);
        }
        g.save();
        g.beginPath();
        g.rect(sc.left(), sc.top(), sc.width(), sc.height());
        g.clip();
        // threshold (the SLO line)
        if (data.query().threshold().isPresent()) {
            double y = sc.y(data.query().threshold().getAsDouble());
            g.setStroke(THRESHOLD);
            g.setLineDashes(6, 4);
            g.strokeLine(sc.left(), y, sc.left() + sc.width(), y);
            g.setLineDashes();
        }
        // series
        g.setLineWidth(1.5);
        for (int i = 0; i < data.series().size(); i++) {
            drawSeries(g, sc, data.series().get(i), PALETTE[i % PALETTE.length]);
        }
        // timeline markers
        g.setLineWidth(1);
        g.setStroke(MARKER);
        g.setLineDashes(3, 3);
        for (Event e : markers) {
            double x = Math.round(sc.x(e.occurredAt())) + 0.5;
            g.strokeLine(x, sc.top(), x, sc.top() + sc.height());
        }
        g.setLineDashes();
        g.restore();
        g.setFill(MARKER);
        for (Event e : markers) {
            double x = sc.x(e.occurredAt());
            if (x >= sc.left() && x <= sc.left() + sc.width()) {
                g.fillPolygon(new double[] {x - 4, x + 4, x}, new double[] {sc.top(), sc.top(), sc.top() + 6}, 3);
            }
        }
        if (hoverX >= sc.left() && hoverX <= sc.left() + sc.width()) {
            drawHover(g, sc);
        }
    }

    private void drawSeries(GraphicsContext g, ChartScale sc, Series s, Color color) {
        g.setStroke(color);
        long[] t = s.times();
        double[] v = s.values();
        boolean open = false;
        g.beginPath();
        for (int i = 0; i < t.length; i++) {
            if (!Double.isFinite(v[i])) {
                open = false; // a gap: NaN is no data, not zero
                continue;
            }
            double x = sc.x(t[i]);
            double y = sc.y(v[i]);
            if (open) {
                g.lineTo(x, y);
            } else {
                g.moveTo(x, y);
                open = true;
            }
        }
        g.stroke();
    }

    /** @return the marker within 5 px of x, if any */
    Optional<Event> markerAt(ChartScale sc, double x) {
        Event best = null;
        double bestD = 5;
        for (Event e : markers) {
            double d = Math.abs(sc.x(e.occurredAt()) - x);
            if (d <= bestD) {
                bestD = d;
                best = e;
            }
        }
        return Optional.ofNullable(best);
    }

    /** @return the hover text at x: the marker's entry, or the time and every series' value there */
    List<String> hoverLines(ChartScale sc, double x) {
        List<String> lines = new ArrayList<>();
        Optional<Event> marker = markerAt(sc, x);
        if (marker.isPresent()) {
            Event e = marker.get();
            lines.add(HMS.format(e.occurredAt()) + " · " + e.type().label() + " · " + e.author());
            lines.add(TimelineEntry.describe(e));
            lines.add("click to select it in the timeline");
            return lines;
        }
        long t = sc.time(x);
        lines.add(HMS.format(Instant.ofEpochMilli(t)));
        for (Series s : data.series()) {
            int i = nearest(s.times(), t);
            if (i >= 0) {
                lines.add(s.displayName() + " = " + format(s.values()[i]) + unitSuffix());
            }
        }
        return lines;
    }

    private void drawHover(GraphicsContext g, ChartScale sc) {
        g.setStroke(AXIS);
        g.strokeLine(hoverX, sc.top(), hoverX, sc.top() + sc.height());
        List<String> lines = hoverLines(sc, hoverX);
        double boxW = 0;
        for (String l : lines) {
            boxW = Math.max(boxW, l.length() * 6.2);
        }
        boxW = Math.min(boxW + 12, sc.width());
        double boxH = lines.size() * 15 + 8;
        double bx = hoverX + 10 + boxW > sc.left() + sc.width() ? hoverX - 10 - boxW : hoverX + 10;
        g.setFill(HOVER_BOX);
        g.fillRoundRect(bx, sc.top() + 4, boxW, boxH, 6, 6);
        g.setFill(HOVER_TEXT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        for (int i = 0; i < lines.size(); i++) {
            g.fillText(lines.get(i), bx + 6, sc.top() + 8 + i * 15, boxW - 12);
        }
    }

    private void onScroll(ScrollEvent e) {
        Optional<ChartScale> sc = scale();
        if (sc.isEmpty() || e.getDeltaY() == 0) {
            return;
        }
        long at = sc.get().time(e.getX());
        double factor = e.getDeltaY() > 0 ? 0.8 : 1.25;
        long from = at - Math.round((at - viewFrom) * factor);
        long to = at + Math.round((viewTo - at) * factor);
        if (to - from >= 60_000) {
            viewFrom = from;
            viewTo = to;
            repaint();
        }
        e.consume();
    }

    private void onDrag(MouseEvent e) {
        Optional<ChartScale> sc = scale();
        if (sc.isEmpty()) {
            return;
        }
        double dx = e.getX() - pressX;
        if (Math.abs(dx) > 3) {
            dragged = true;
        }
        long shift = Math.round(dx / sc.get().width() * (pressTo - pressFrom));
        viewFrom = pressFrom - shift;
        viewTo = pressTo - shift;
        repaint();
    }

    private void onClick(MouseEvent e) {
        Optional<ChartScale> sc = scale();
        if (sc.isEmpty() || dragged || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        if (e.getClickCount() == 2) {
            viewFrom = data.from().toEpochMilli();
            viewTo = data.to().toEpochMilli();
            repaint();
            return;
        }
        Optional<Event> marker = markerAt(sc.get(), e.getX());
        if (marker.isPresent()) {
            onMarkerClicked.accept(marker.get());
            return;
        }
        long t = sc.get().time(e.getX());
        onPointClicked.accept(Instant.ofEpochMilli(t), noteText(t));
    }

    /** @return e.g. "Error ratio at 14:02:15 UTC: 14.2 % ({service="checkout"})" for the highest series there */
    String noteText(long t) {
        Series top = null;
        double best = Double.NEGATIVE_INFINITY;
        int bestI = -1;
        for (Series s : data.series()) {
            int i = nearest(s.times(), t);
            if (i >= 0 && Double.isFinite(s.values()[i]) && s.values()[i] > best) {
                best = s.values()[i];
                top = s;
                bestI = i;
            }
        }
        String head = data.query().name() + " at " + HMS.format(Instant.ofEpochMilli(t));
        if (top == null) {
            return head;
        }
        return head + ": " + format(best) + unitSuffix() + " (" + top.displayName() + " at "
                + HMS.format(Instant.ofEpochMilli(top.times()[bestI])) + ")";
    }

    private String unitSuffix() {
        String u = data.query().unit();
        return u.isEmpty() ? "" : " " + u;
    }

    static int nearest(long[] times, long t) {
        if (times.length == 0) {
            return -1;
        }
        int i = Arrays.binarySearch(times, t);
        if (i >= 0) {
            return i;
        }
        int ins = -i - 1;
        if (ins == 0) {
            return 0;
        }
        if (ins >= times.length) {
            return times.length - 1;
        }
        return t - times[ins - 1] <= times[ins] - t ? ins - 1 : ins;
    }

    static String format(double v) {
        if (Double.isNaN(v)) {
            return "no data";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        double a = Math.abs(v);
        if (a != 0 && (a >= 1e6 || a < 1e-3)) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        String s = String.format(Locale.ROOT, a >= 100 ? "%.1f" : "%.4f", v);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s;
    }
}
