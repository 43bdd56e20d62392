package dev.conn.settings;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * War-room readability and window layout, the {@code desktop} object of {@code settings.json}.
 *
 * @param fontScale the root font size as a factor of the 15 px default, one of {@link #SCALES};
 *     other values are snapped to the nearest step
 * @param projector true for the high-contrast projector mode (black, white and yellow tokens)
 * @param window the main window's last size, position and divider positions, or null (centred,
 *     1280 × 800)
 * @param sound true to play a short tone when an alert is raised (off by default)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DesktopSettings(Double fontScale, Boolean projector, WindowLayout window, Boolean sound) {
    /** The font scale steps, smallest to largest; Ctrl+= and Ctrl+- move one step. */
    public static final List<Double> SCALES = List.of(0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5);

    /** Fills absent fields with defaults and snaps the font scale to a step. */
    public DesktopSettings {
        fontScale = fontScale == null ? 1.0 : snap(fontScale);
        projector = projector != null && projector;
        sound = sound != null && sound;
    }

    /** @return font scale 1, no projector mode, no remembered window, no sound */
    public static DesktopSettings defaults() {
        return new DesktopSettings(1.0, false, null, false);
    }

    /** @return a copy with the font scale one step larger (the largest step stays) */
    public DesktopSettings larger() {
        int i = SCALES.indexOf(fontScale);
        return withFontScale(SCALES.get(Math.min(SCALES.size() - 1, i + 1)));
    }

    /** @return a copy with the font scale one step smaller (the smallest step stays) */
    public DesktopSettings smaller() {
        int i = SCALES.indexOf(fontScale);
        return withFontScale(SCALES.get(Math.max(0, i - 1)));
    }

    /** @return a copy with this font scale (snapped to the nearest step) */
    public DesktopSettings withFontScale(double scale) {
        return new DesktopSettings(scale, projector, window, sound);
    }

    /** @return a copy with the projector mode on or off */
    public DesktopSettings withProjector(boolean on) {
        return new DesktopSettings(fontScale, on, window, sound);
    }

    /** @return a copy with this window layout */
    public DesktopSettings withWindow(WindowLayout layout) {
        return new DesktopSettings(fontScale, projector, layout, sound);
    }

    /** @return a copy with the alert sound on or off */
    public DesktopSettings withSound(boolean on) {
        return new DesktopSettings(fontScale, projector, window, on);
    }

    private static double snap(double scale) {
        double best = 1.0;
        for (double s : SCALES) {
            if (Math.abs(s - scale) < Math.abs(best - scale)) {
                best = s;
            }
        }
        return best;
    }

    /**
     * The main window as the user left it, in screen coordinates (JavaFX pixels).
     *
     * @param x left edge
     * @param y top edge
     * @param width width, at least 1
     * @param height height, at least 1
     * @param maximized whether it was maximised (x, y, width and height are then the size before)
     * @param dividers the workspace divider positions, each 0..1; empty if none
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WindowLayout(
            double x, double y, double width, double height, boolean maximized, List<Double> dividers) {
        /** Copies the dividers and keeps only those in 0..1. */
        public WindowLayout {
            dividers = dividers == null
                    ? List.of()
                    : dividers.stream()
                            .filter(d -> d != null && d >= 0 && d <= 1)
                            .toList();
        }
    }
}
