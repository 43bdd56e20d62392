package dev.conn.shell;

import dev.conn.platform.fx.AlertCentre;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The alert toasts, inside the main window: stacked in the bottom-right corner of the timeline's
 * list, just above the capture bar, newest at the bottom, at most {@link #MAX} at a time (fewer
 * when the list is too short for three, none when it is too short for one: the badge still counts
 * the alert, and hidden toasts show again when the list grows). That corner covers only the oldest rows' right edge in
 * newest-first order, and none of the controls an alert points to: the People panel's task and
 * hand-off buttons, the header's actions and the Comms tab are beside it, the capture bar and the
 * alert badge below it. A
 * toast says its level in words and a symbol (colour is never the only signal), hides by itself
 * (critical after 30 s, others after 10 s) or on its close button, and is only a courtesy: the
 * alert stays in the list (Ctrl+Alt+A) until acknowledged or cleared. FX thread only.
 */
final class ToastStack {
    /** At most this many toasts show at once; an older one makes room for a newer one. */
    static final int MAX = 3;

    /** Room left between the toasts and the list's edges, in CSS pixels. */
    private static final double GAP = 8;

    private final VBox box;
    private final Region anchor;

    /**
     * @param box the window's toast area, a child of a pane that covers {@code anchor}; it is
     *     placed by hand (not managed by that pane's layout)
     * @param anchor the timeline's list: the toasts sit in its bottom-right corner
     */
    ToastStack(VBox box, Region anchor) {
        this.box = box;
        this.anchor = anchor;
        box.setManaged(false);
        box.setPickOnBounds(false); // clicks between toasts reach the rows below
        box.setAlignment(Pos.BOTTOM_RIGHT);
        anchor.layoutBoundsProperty().subscribe(this::place);
        anchor.localToSceneTransformProperty().subscribe(this::place);
    }

    /**
     * Shows the alerts' toasts over the timeline list of a workspace split.
     *
     * @param box the window's toast area
     * @param split the workspace split; its first item holds {@code #timelineList}
     * @param alerts the alerts whose new entries become toasts
     */
    static void overTimeline(VBox box, javafx.scene.control.SplitPane split, dev.conn.platform.fx.AlertCentre alerts) {
        // the split pane's items are not its children until it is skinned: look up from the item
        javafx.scene.Node list = split.getItems().get(0).lookup("#timelineList");
        new ToastStack(box, (Region) list).follow(alerts);
    }

    /** Puts the stack in the anchor's bottom-right corner; hides the oldest toasts that do not fit. */
    private void place() {
        if (box.getParent() == null || anchor.getScene() == null) {
            return;
        }
        box.applyCss(); // a new toast has no font size yet
        javafx.geometry.Bounds a = box.getParent().sceneToLocal(anchor.localToScene(anchor.getLayoutBounds()));
        double w = Math.min(box.prefWidth(-1), Math.max(0, a.getWidth() - 2 * GAP));
        // the newest that fit are shown; older ones wait hidden (a short list now, maybe not later)
        double room = a.getHeight() - 2 * GAP;
        double h = 0;
        for (int k = box.getChildren().size() - 1; k >= 0; k--) {
            javafx.scene.Node t = box.getChildren().get(k);
            double th = t.prefHeight(w) + (h > 0 ? box.getSpacing() : 0);
            boolean fits = h + th <= room;
            t.setVisible(fits);
            t.setManaged(fits);
            if (fits) {
                h += th;
            } else {
                room = -1; // nothing older shows above a hidden one
            }
        }
        box.resizeRelocate(a.getMaxX() - GAP - w, a.getMaxY() - GAP - h, w, h);
    }

    /** Shows a toast for each alert the centre raises from now on. */
    void follow(AlertCentre centre) {
        centre.onRaised(this::show);
    }

    /**
     * Shows one alert at the bottom of the stack; the oldest toast goes if there would be more than
     * {@link #MAX}.
     *
     * @param alert the alert
     */
    void show(AlertCentre.Alert alert) {
        box.getChildren().removeIf(n -> alert.key().equals(n.getUserData())); // raised again: one toast
        VBox toast = toast(alert, this::remove);
        box.getChildren().add(toast); // newest at the bottom, nearest the capture bar
        while (box.getChildren().size() > MAX) {
            box.getChildren().remove(0);
        }
        PauseTransition hide =
                new PauseTransition(Duration.seconds(alert.level() == AlertCentre.Level.CRITICAL ? 30 : 10));
        hide.setOnFinished(e -> remove(toast));
        hide.play();
        place();
    }

    private void remove(VBox toast) {
        if (box.getChildren().remove(toast)) {
            place();
        }
    }

    private static VBox toast(AlertCentre.Alert alert, Consumer<VBox> close) {
        Label title = new Label(alert.level().icon() + " " + alert.level().label() + ": " + alert.title());
        title.getStyleClass().add("toast-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMaxWidth(Double.MAX_VALUE);
        Button dismiss = new Button("✕");
        dismiss.getStyleClass().add("toast-close");
        dismiss.setFocusTraversable(false); // a toast never takes the keyboard from what the IC types
        dismiss.setAccessibleText("Dismiss (the alert stays in the list)");
        dismiss.setMinWidth(Region.USE_PREF_SIZE);
        Label text = new Label(alert.text() + "\nAll alerts: Ctrl+Alt+A");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        VBox toast = new VBox(4, new HBox(8, title, dismiss), text);
        toast.getStyleClass().addAll("toast", "toast-" + alert.level().name().toLowerCase(java.util.Locale.ROOT));
        toast.setUserData(alert.key());
        toast.setMaxWidth(Region.USE_PREF_SIZE);
        dismiss.setOnAction(e -> close.accept(toast));
        return toast;
    }
}
