package dev.conn.impact.ui;

import io.fair_acc.chartfx.plugins.ChartPlugin;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * ChartFX plugin with the impact chart's pointer handling: hover shows the snapped sample or "no
 * data here"; Ctrl+wheel zooms around the pointer (the plain wheel is left to the panel, which
 * scrolls); drag pans; double-click resets to the incident window; a click on a marker selects
 * its entry, a click elsewhere offers a note at that time.
 *
 * <p>The handlers are filters on the chart view itself (ChartFX panes inside it consume some mouse
 * events), not added through {@code registerInputEventHandler}, which
 * also adds them to the whole scene (every chart would then see every other chart's pointer).
 */
final class ChartInteraction extends ChartPlugin {
    private final ImpactChartView view;
    private double pressX;
    private long pressFrom;
    private long pressTo;
    private boolean dragged;

    ChartInteraction(ImpactChartView view) {
        this.view = view;
        view.addEventFilter(MouseEvent.MOUSE_MOVED, e -> {
            Point2D p = view.plotPoint(e);
            view.hover(p.getX(), p.getY());
        });
        view.addEventFilter(MouseEvent.MOUSE_EXITED, e -> view.hideHover());
        view.addEventFilter(ScrollEvent.SCROLL, this::onScroll);
        view.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            pressX = e.getSceneX();
            pressFrom = view.viewFrom();
            pressTo = view.viewTo();
            dragged = false;
        });
        view.addEventFilter(MouseEvent.MOUSE_DRAGGED, this::onDrag);
        view.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (dragged) {
                view.viewSettled();
            }
        });
        view.addEventFilter(MouseEvent.MOUSE_CLICKED, this::onClick);
    }

    private void onScroll(ScrollEvent e) {
        if (!e.isShortcutDown() || e.getDeltaY() == 0 || !view.hasData()) {
            return; // the plain wheel scrolls the panel
        }
        Point2D p = view.plotPoint(e.getSceneX(), e.getSceneY());
        long at = view.timeAt(p.getX());
        double factor = e.getDeltaY() > 0 ? 0.8 : 1.25;
        long from = at - Math.round((at - view.viewFrom()) * factor);
        long to = at + Math.round((view.viewTo() - at) * factor);
        if (to - from >= 60_000) {
            view.setView(from, to);
            view.viewSettled();
        }
        e.consume();
    }

    private void onDrag(MouseEvent e) {
        if (!view.hasData() || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        double dx = e.getSceneX() - pressX;
        if (Math.abs(dx) > 3) {
            dragged = true;
        }
        if (dragged) {
            long shift = Math.round(dx / Math.max(1, view.plotWidth()) * (pressTo - pressFrom));
            view.setView(pressFrom - shift, pressTo - shift);
        }
    }

    private void onClick(MouseEvent e) {
        if (dragged || e.getButton() != MouseButton.PRIMARY || !view.hasData()) {
            return;
        }
        if (e.getClickCount() == 2) {
            view.resetView();
            return;
        }
        Point2D p = view.plotPoint(e);
        view.click(p.getX(), p.getY());
    }
}
