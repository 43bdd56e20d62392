package dev.conn.bench;

import dev.conn.impact.ChartScale;
import dev.conn.impact.Series;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The impact chart's drawing as it was before ChartFX (ADR 0007's Canvas path, {@code
 * ImpactChartView.repaint} at commit c95aa6b): kept in the bench only, so that every bench run
 * measures ChartFX against it on the same panel (ADR 0011).
 */
final class CanvasChartReference extends Region {
    private static final Color[] PALETTE = {
        Color.web("#56B4E9"), Color.web("#E69F00"), Color.web("#009E73"), Color.web("#CC79A7"), Color.web("#F0E442"),
    };
    private static final Color AXIS = Color.web("#8b949e");
    private static final Color GRID = Color.web("#8b949e", 0.18);
    private static final DateTimeFormatter HM =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final double LEFT = 60;
    private static final double RIGHT = 8;
    private static final double TOP = 8;
    private static final double BOTTOM = 22;

    private final Canvas canvas = new Canvas();
    private final List<Series> series;
    private final long from;
    private final long to;
    private final double threshold;
    private final List<Instant> markers;

    CanvasChartReference(List<Series> series, long from, long to, double threshold, List<Instant> markers) {
        this.series = series;
        this.from = from;
        this.to = to;
        this.threshold = threshold;
        this.markers = markers;
        getChildren().add(canvas);
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
        }
    }

    void repaint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double v : s.values()) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double[] y = ChartScale.niceRange(Math.min(min, threshold), Math.max(max, threshold));
        ChartScale sc = new ChartScale(from, to, y[0], y[1], LEFT, TOP, w - LEFT - RIGHT, h - TOP - BOTTOM);
        g.setFont(Font.font(11));
        g.setTextBaseline(VPos.CENTER);
        g.setLineWidth(1);
        g.setTextAlign(TextAlignment.RIGHT);
        for (double v : sc.yTicks(y[2])) {
            double yy = Math.round(sc.y(v)) + 0.5;
            g.setStroke(GRID);
            g.strokeLine(sc.left(), yy, sc.left() + sc.width(), yy);
            g.setFill(AXIS);
            g.fillText(Double.toString(v), sc.left() - 6, yy);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        long step = Math.max(60_000, (to - from) / Math.max(1, (long) (sc.width() / 110)));
        List<Long> ticks = new ArrayList<>();
        for (long t = (from / step + 1) * step; t < to; t += step) {
            ticks.add(t);
        }
        for (long t : ticks) {
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
        double ty = sc.y(threshold);
        g.setStroke(Color.web("#f85149"));
        g.setLineDashes(6, 4);
        g.strokeLine(sc.left(), ty, sc.left() + sc.width(), ty);
        g.setLineDashes();
        g.setLineWidth(1.5);
        for (int i = 0; i < series.size(); i++) {
            g.setStroke(PALETTE[i % PALETTE.length]);
            long[] t = series.get(i).times();
            double[] v = series.get(i).values();
            g.beginPath();
            boolean open = false;
            for (int k = 0; k < t.length; k++) {
                double x = sc.x(t[k]);
                double yy = sc.y(v[k]);
                if (open) {
                    g.lineTo(x, yy);
                } else {
                    g.moveTo(x, yy);
                    open = true;
                }
            }
            g.stroke();
        }
        g.setLineWidth(1);
        g.setStroke(Color.web("#d29922"));
        g.setLineDashes(3, 3);
        for (Instant m : markers) {
            double x = Math.round(sc.x(m)) + 0.5;
            g.strokeLine(x, sc.top(), x, sc.top() + sc.height());
        }
        g.setLineDashes();
        g.restore();
    }
}
