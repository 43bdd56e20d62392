package dev.conn.impact.ui;

import dev.conn.impact.ChartData;
import dev.conn.impact.ChartSeries;
import dev.conn.impact.ImpactMarker;
import dev.conn.impact.Series;
import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.axes.spi.AbstractAxisParameter;
import io.fair_acc.chartfx.axes.spi.AxisRange;
import io.fair_acc.chartfx.renderer.spi.AbstractRendererXY;
import io.fair_acc.dataset.DataSet;
import java.util.Arrays;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * ChartFX renderer of an impact chart: the SLO threshold (dashed red), each series as a polyline
 * of the LTTB level that has 2 points per pixel in the visible range ({@link ChartSeries#levelFor},
 * so zoom and pan never downsample on the JavaFX thread), gaps where values are NaN or infinite,
 * and the markers: milestones solid and labelled, timeline entries dashed.
 */
final class SeriesRenderer extends AbstractRendererXY<SeriesRenderer> {
    /** Series colours: the Okabe-Ito palette, told apart with colour-vision deficiencies. */
    static final Color[] PALETTE = {
        Color.web("#56B4E9"), Color.web("#E69F00"), Color.web("#009E73"), Color.web("#CC79A7"), Color.web("#F0E442"),
    };

    static final Color THRESHOLD = Color.web("#f85149");
    static final Color ENTRY_MARKER = Color.web("#d29922");
    static final Color MILESTONE_MARKER = Color.web("#bc8cff");
    /** The tick label size the line widths were chosen for (0.8 em of the 15 px window text). */
    static final double BASE_LABEL_PX = 12;

    // measures marker labels in the font they are drawn in
    private final Text measure = new Text();

    private ChartData data;
    private List<ImpactMarker> markers = List.of();
    private double[] xs = new double[4096];
    private double[] ys = new double[4096];
    // the pixel column being reduced while a series is drawn (render() runs on the FX thread only)
    private int n;
    private long column;
    private double minX;
    private double minY;
    private double maxX;
    private double maxY;
    private boolean minFirst; // the column's lowest sample came before its highest

    void setData(ChartData d) {
        data = d;
    }

    void setMarkers(List<ImpactMarker> m) {
        markers = List.copyOf(m);
    }

    @Override
    protected SeriesRenderer getThis() {
        return this;
    }

    @Override
    public void updateAxisRange(Axis axis, AxisRange range) {
        // both axes are ranged by ImpactChartView
    }

    @Override
    public void render() {
        if (getChart() == null) {
            return;
        }
        updateAxes();
        Axis x = getChart().getXAxis();
        Axis y = getChart().getYAxis();
        GraphicsContext g = getChart().getCanvas().getGraphicsContext2D();
        double w = getChart().getCanvas().getWidth();
        double h = getChart().getCanvas().getHeight();
        if (w <= 0 || h <= 0) {
            return;
        }
        // lines and marker labels grow with the window's text size (Ctrl+=, projector mode): the
        // tick labels' font is styled in em of it (impact.css)
        Font font = labelFont(x);
        double thick = Math.max(1, font.getSize() / BASE_LABEL_PX);
        g.save();
        if (data != null && data.query().threshold().isPresent()) {
            double ty = y.getDisplayPosition(data.query().threshold().getAsDouble());
            g.setStroke(THRESHOLD);
            g.setLineWidth(thick);
            g.setLineDashes(6 * thick, 4 * thick);
            g.strokeLine(0, ty, w, ty);
            g.setLineDashes((double[]) null);
        }
        if (data != null) {
            long from = (long) x.getMin();
            long to = (long) x.getMax();
            g.setLineWidth(1.5 * thick);
            for (int i = data.series().size() - 1; i >= 0; i--) {
                g.setStroke(PALETTE[i % PALETTE.length]);
                drawSeries(g, x, y, data.series().get(i).levelFor(from, to, w));
            }
        }
        drawMarkers(g, x, w, h, font, thick);
        g.restore();
    }

    /**
     * Draws the visible samples of one level as a polyline, keeping per pixel column only the
     * lowest and the highest sample in the order they come (a min/max reduction, exact to the pixel
     * for a line chart): a zoomed level with up to 8 points per pixel is rasterised as at most 2.
     * One pass over the visible samples, no allocation once the buffers have grown.
     */
    private void drawSeries(GraphicsContext g, Axis x, Axis y, Series s) {
        long[] t = s.times();
        double[] v = s.values();
        int lo = Arrays.binarySearch(t, (long) x.getMin());
        lo = Math.max(0, (lo < 0 ? -lo - 1 : lo) - 1);
        int hi = Arrays.binarySearch(t, (long) x.getMax());
        hi = Math.min(t.length, (hi < 0 ? -hi - 1 : hi) + 2);
        n = 0;
        column = Long.MIN_VALUE;
        for (int i = lo; i < hi; i++) {
            if (!Double.isFinite(v[i])) {
                endColumn();
                flush(g); // a gap: NaN is no data, infinities cannot be drawn
                continue;
            }
            double px = x.getDisplayPosition(t[i]);
            double py = y.getDisplayPosition(v[i]);
            long c = (long) Math.floor(px);
            if (c != column) {
                endColumn();
                column = c;
                minX = px;
                minY = py;
                maxX = px;
                maxY = py;
                minFirst = true;
            } else if (py > minY) { // screen y grows downwards: the lowest value has the largest y
                minX = px;
                minY = py;
                minFirst = false; // the highest so far came before it
            } else if (py < maxY) {
                maxX = px;
                maxY = py;
                minFirst = true;
            }
        }
        endColumn();
        flush(g);
    }

    /** Appends the current pixel column's extremes, in the order they came. */
    private void endColumn() {
        if (column == Long.MIN_VALUE) {
            return;
        }
        if (n + 2 > xs.length) {
            xs = Arrays.copyOf(xs, xs.length * 2);
            ys = Arrays.copyOf(ys, ys.length * 2);
        }
        if (minY == maxY) {
            add(minX, minY);
        } else if (minFirst) {
            add(minX, minY);
            add(maxX, maxY);
        } else {
            add(maxX, maxY);
            add(minX, minY);
        }
        column = Long.MIN_VALUE;
    }

    private void add(double px, double py) {
        xs[n] = px;
        ys[n] = py;
        n++;
    }

    private void flush(GraphicsContext g) {
        if (n == 1) {
            g.strokeLine(xs[0] - 1, ys[0], xs[0] + 1, ys[0]);
        } else if (n > 1) {
            g.strokePolyline(xs, ys, n);
        }
        n = 0;
    }

    /** @return the x axis's tick label font (styled in em of the window's text), or 12 px */
    static Font labelFont(Axis x) {
        if (x instanceof AbstractAxisParameter a && a.getTickLabelStyle().getFont() != null) {
            return a.getTickLabelStyle().getFont();
        }
        return Font.font(BASE_LABEL_PX);
    }

    private void drawMarkers(GraphicsContext g, Axis x, double w, double h, Font font, double thick) {
        g.setFont(font);
        g.setTextBaseline(VPos.TOP);
        g.setLineWidth(thick);
        measure.setFont(font);
        double labelRight = -1;
        for (ImpactMarker m : markers) {
            double px = Math.round(x.getDisplayPosition(m.at().toEpochMilli())) + 0.5;
            if (px < 0 || px > w) {
                continue;
            }
            if (m.milestone()) {
                g.setStroke(MILESTONE_MARKER);
                g.setLineDashes((double[]) null);
                g.strokeLine(px, 0, px, h);
                // the label beside the line, inside the plot, skipped where it would cover the previous one
                measure.setText(m.label());
                double textW = measure.getLayoutBounds().getWidth();
                boolean left = px + 3 + textW > w;
                double tx = left ? px - 3 : px + 3;
                double start = left ? tx - textW : tx;
                if (start > labelRight) {
                    g.setFill(MILESTONE_MARKER);
                    g.setTextAlign(left ? TextAlignment.RIGHT : TextAlignment.LEFT);
                    g.fillText(m.label(), tx, 2);
                    labelRight = start + textW + 4;
                }
            } else {
                g.setStroke(ENTRY_MARKER);
                g.setLineDashes(3 * thick, 3 * thick);
                g.strokeLine(px, 0, px, h);
                g.setLineDashes((double[]) null);
                g.setFill(ENTRY_MARKER);
                double s = 4 * thick;
                g.fillPolygon(new double[] {px - s, px + s, px}, new double[] {h, h, h - 1.5 * s}, 3);
            }
        }
    }

    @Override
    protected void render(GraphicsContext gc, DataSet dataSet, io.fair_acc.chartfx.ui.css.DataSetNode style) {
        // not used: the series are not ChartFX data sets (see render())
    }
}
