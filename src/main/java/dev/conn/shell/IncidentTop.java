package dev.conn.shell;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.VBox;

/**
 * The banners and the incident header above the workspace, in one scroll pane as tall as they need
 * and at most {@link #SHARE} of the incident pane's height ({@link #SHARE_SINGLE} in the
 * single-column layout); beyond that they scroll, so a hand-off banner and a wrapped header never
 * squeeze the timeline to a row. FX thread only.
 */
final class IncidentTop {
    /** The largest share of the incident pane's height the banners and the header take. */
    static final double SHARE = 0.4;

    /** The same in the single-column layout, where the timeline's tab strip takes a line too. */
    static final double SHARE_SINGLE = 0.3;

    private IncidentTop() {}

    /**
     * Moves everything above the workspace split in its pane into one capped scroll pane
     * ({@code #incidentTop}).
     *
     * @param split the workspace split, in a VBox below the banners and the header
     * @param single true while the layout is one column
     */
    static void install(SplitPane split, ObservableBooleanValue single) {
        VBox pane = (VBox) split.getParent();
        int at = pane.getChildren().indexOf(split);
        List<Node> above = List.copyOf(pane.getChildren().subList(0, at));
        pane.getChildren().removeAll(above);
        VBox content = new VBox();
        content.getChildren().setAll(above);
        ScrollPane top = new FitScroll(content);
        top.setId("incidentTop");
        top.maxHeightProperty()
                .bind(Bindings.createDoubleBinding(
                        () -> pane.getHeight() * (single.get() ? SHARE_SINGLE : SHARE), pane.heightProperty(), single));
        pane.getChildren().add(0, top);
    }

    /**
     * A scroll pane as tall as its content at its width (wrapped lines included), up to its maximum
     * height; beyond that it scrolls.
     */
    private static final class FitScroll extends ScrollPane {
        FitScroll(Parent content) {
            super(content);
            setFitToWidth(true);
            setHbarPolicy(ScrollBarPolicy.NEVER);
            getStyleClass().add("incident-top");
        }

        /** Never squeezed below what it needs (up to its cap) by the workspace below it. */
        @Override
        protected double computeMinHeight(double width) {
            return Math.min(computePrefHeight(width), getMaxHeight());
        }

        @Override
        protected double computePrefHeight(double width) {
            double w = (width >= 0 ? width : getWidth()) - snappedLeftInset() - snappedRightInset();
            return snappedTopInset() + getContent().prefHeight(w > 0 ? w : -1) + snappedBottomInset();
        }
    }
}
