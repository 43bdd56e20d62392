package dev.conn.shell;

import dev.conn.settings.DesktopSettings;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Puts the main window where the user left it and remembers, when it closes, its size, position,
 * maximised state and the workspace divider. A remembered place that is no longer on any screen (a
 * monitor unplugged) is ignored, so the window never opens out of sight.
 */
final class WindowLayout {
    private WindowLayout() {}

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
            stage.setWidth(saved.width());
            stage.setHeight(saved.height());
            stage.setMaximized(saved.maximized());
            if (!saved.dividers().isEmpty() && split.getItems().size() > 1) {
                split.setDividerPositions(saved.dividers().stream()
                        .mapToDouble(Double::doubleValue)
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
                : List.of();
        if (Double.isNaN(x) || Double.isNaN(w) || w <= 0 || h <= 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new DesktopSettings.WindowLayout(x, y, w, h, max, dividers));
    }
}
