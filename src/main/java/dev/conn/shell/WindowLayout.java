package dev.conn.shell;

import dev.conn.settings.DesktopSettings;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Puts the main window where the user left it and remembers, when it closes, its size, position,
 * maximised state and the workspace divider. A remembered place that is no longer on any screen (a
 * monitor unplugged) is ignored, so the window never opens out of sight.
 */
final class WindowLayout {
    /** The window's preferred first size, in CSS pixels, where the screen has room for it. */
    static final double PREFERRED_WIDTH = 1600;

    static final double PREFERRED_HEIGHT = 1000;

    /** The smallest size the window can be made (the audit checks 1280×720 and up). */
    static final double MIN_WIDTH = 960;

    static final double MIN_HEIGHT = 600;

    /** The workspace divider is restored within these bounds (a fraction of the split's width). */
    static final double MIN_DIVIDER = 0.25;

    static final double MAX_DIVIDER = 0.75;

    private WindowLayout() {}

    /**
     * @param saved a remembered divider position, a fraction of the split's width
     * @return the position within [{@link #MIN_DIVIDER}, {@link #MAX_DIVIDER}], so neither the
     *     timeline nor the workspace tabs open squeezed to nothing
     */
    static double divider(double saved) {
        return Double.isNaN(saved) ? 0.55 : Math.max(MIN_DIVIDER, Math.min(MAX_DIVIDER, saved));
    }

    /**
     * The first window's size and place: the preferred size where the screen's visual bounds (the
     * screen less task bars and docks) have room, else the whole visual bounds, centred. A 1280×800
     * default does not fit a 1366×768 laptop or a 1280×720 projector, and its status bar then sits
     * below the screen's edge.
     *
     * @param visual the screen's visual bounds
     * @return the window's bounds, inside {@code visual}
     */
    static Rectangle2D firstBounds(Rectangle2D visual) {
        double w = Math.min(PREFERRED_WIDTH, visual.getWidth());
        double h = Math.min(PREFERRED_HEIGHT, visual.getHeight());
        return new Rectangle2D(
                visual.getMinX() + (visual.getWidth() - w) / 2, visual.getMinY() + (visual.getHeight() - h) / 2, w, h);
    }

    /**
     * Sizes the stage to {@link #firstBounds} of the primary screen and sets its minimum size (no
     * larger than the screen). FX thread.
     *
     * @param stage the main window's stage, before it shows
     */
    static void fitFirst(Stage stage) {
        Rectangle2D visual = Screen.getPrimary().getVisualBounds();
        Rectangle2D b = firstBounds(visual);
        stage.setMinWidth(Math.min(MIN_WIDTH, visual.getWidth()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, visual.getHeight()));
        stage.setX(b.getMinX());
        stage.setY(b.getMinY());
        stage.setWidth(b.getWidth());
        stage.setHeight(b.getHeight());
    }

    /**
     * Restores the saved layout (if it is still on a screen) and saves the layout when the stage
     * hides. FX thread.
     *
     * @param stage the main window's stage
     * @param split the workspace split pane (its dividers are remembered while it has two items)
     * @param saved the layout from the settings, or null
     * @param before the layout currently in the settings, read when the window hides
     * @param save stores the layout
     */
    static void remember(
            Stage stage,
            SplitPane split,
            DesktopSettings.WindowLayout saved,
            Supplier<DesktopSettings.WindowLayout> before,
            Consumer<DesktopSettings.WindowLayout> save) {
        if (saved != null
                && !Screen.getScreensForRectangle(saved.x(), saved.y(), saved.width(), saved.height())
                        .isEmpty()) {
            stage.setX(saved.x());
            stage.setY(saved.y());
            Rectangle2D visual = Screen.getScreensForRectangle(saved.x(), saved.y(), saved.width(), saved.height())
                    .get(0)
                    .getVisualBounds();
            stage.setWidth(Math.min(saved.width(), visual.getWidth())); // a smaller screen than last time
            stage.setHeight(Math.min(saved.height(), visual.getHeight()));
            stage.setMaximized(saved.maximized());
            if (!saved.dividers().isEmpty() && split.getItems().size() > 1) {
                split.setDividerPositions(saved.dividers().stream()
                        .mapToDouble(WindowLayout::divider)
                        .toArray());
            }
        }
        stage.setOnHiding(e -> of(stage, split, before.get()).ifPresent(save));
    }

    /**
     * @return the stage's layout now; a maximised window keeps its restored size and place from
     *     {@code before}; empty if the stage has no usable size yet
     */
    private static java.util.Optional<DesktopSettings.WindowLayout> of(
            Stage stage, SplitPane split, DesktopSettings.WindowLayout before) {
        boolean max = stage.isMaximized();
        double x = max && before != null ? before.x() : stage.getX();
        double y = max && before != null ? before.y() : stage.getY();
        double w = max && before != null ? before.width() : stage.getWidth();
        double h = max && before != null ? before.height() : stage.getHeight();
        List<Double> dividers = split.getItems().size() > 1
                ? Arrays.stream(split.getDividerPositions()).boxed().toList()
                : before != null ? before.dividers() : List.of(); // one column: the last divider stays
        if (Double.isNaN(x) || Double.isNaN(w) || w <= 0 || h <= 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new DesktopSettings.WindowLayout(x, y, w, h, max, dividers));
    }
}
