package dev.conn.impact.ui;

import dev.conn.impact.TimeTicks;
import io.fair_acc.chartfx.axes.AxisLabelOverlapPolicy;
import io.fair_acc.chartfx.axes.spi.AxisRange;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.ui.geometry.Side;
import io.fair_acc.dataset.spi.fastutil.DoubleArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ChartFX's numeric axis over time in ms since the epoch (UTC), with ticks and labels from {@link
 * TimeTicks}: day and month labels past a day, and never more ticks than the labels have room for.
 * The range is set by the chart view (incident window, zoom), never auto-ranged.
 */
final class TimeAxis extends DefaultNumericAxis {
    private final Map<Double, String> labels = new HashMap<>();

    TimeAxis() {
        super("");
        setSide(Side.BOTTOM);
        setAutoRanging(false);
        setAutoRangeRounding(false);
        setAutoUnitScaling(false);
        setMinorTickCount(0);
        // the ticks are spaced for their labels; skipping alternates is the last resort only
        setOverlapPolicy(AxisLabelOverlapPolicy.SKIP_ALT);
    }

    @Override
    protected void calculateMajorTickValues(AxisRange range, DoubleArrayList tickValues) {
        labels.clear();
        // TimeTicks spaces labels for an 11 px font; a larger text size (Ctrl+=, projector mode)
        // needs as much more room per label, so the axis counts as that much shorter
        double fontPx = getTickLabelStyle().getFont() == null
                ? 11
                : getTickLabelStyle().getFont().getSize();
        List<TimeTicks.Tick> ticks =
                TimeTicks.ticks((long) getMin(), (long) getMax(), getLength() * 11 / Math.max(1, fontPx));
        for (TimeTicks.Tick t : ticks) {
            tickValues.add((double) t.ms());
            labels.put((double) t.ms(), t.label());
        }
    }

    @Override
    protected void calculateMinorTickValues(DoubleArrayList tickValues) {
        // none: a time axis reads better with labelled ticks only
    }

    @Override
    public String getTickMarkLabel(double value) {
        String l = labels.get(value);
        return l != null ? l : "";
    }
}
