package dev.conn.impact.ui;

import dev.conn.impact.ChartScale;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;

/**
 * An impact chart's value axis, ticked at {@link ChartScale#niceRange}'s unit rather than ChartFX's
 * own choice from the axis length ({@code DefaultNumericAxis#computePreferredTickUnit}, ChartFX
 * 11.3), so that the range's top, above the peak, is a labelled tick. Where the labels would be
 * closer than ChartFX's own spacing (twice the label font's size in px), a multiple of the unit that
 * still lands on the top.
 */
final class ValueAxis extends DefaultNumericAxis {
    private double unit = 0.25;

    ValueAxis() {
        super("");
    }

    /** @param unit the tick unit, in the axis's values; a divisor of the range's top, above 0 */
    void setUnit(double unit) {
        this.unit = unit;
    }

    @Override
    public double computePreferredTickUnit(double axisLength) {
        double labelPx = getTickLabelFont().getSize() * 2;
        long steps = Math.round((getMax() - getMin()) / unit);
        long top = Math.round(getMax() / unit);
        for (long f = 1; f <= steps; f++) {
            if (top % f == 0 && axisLength * f / steps >= labelPx) {
                return unit * f;
            }
        }
        return super.computePreferredTickUnit(axisLength);
    }
}
