package dev.conn.shell;

import dev.conn.platform.fx.AlertCentre;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;

/** Binds the main window's status bar to the window's state and the alert centre. FX thread only. */
final class StatusBar {
    private static final PseudoClass OFFLINE = PseudoClass.getPseudoClass("offline");
    private static final PseudoClass UNACKNOWLEDGED = PseudoClass.getPseudoClass("unacknowledged");

    private StatusBar() {}

    /** Saved time, the one error channel, the clock and whether the network is reachable. */
    static void bind(MainWindowViewModel model, Label saved, Label error, Label clock, Label online) {
        error.textProperty().bind(model.errorTextProperty()); // the one error channel
        saved.textProperty().bind(model.savedTextProperty());
        clock.textProperty().bind(model.clockTextProperty());
        online.textProperty().bind(model.onlineTextProperty());
        model.offlineProperty().subscribe(off -> online.pseudoClassStateChanged(OFFLINE, off));
    }

    /** The badge ("⚠ 2 alerts", "✓ 3 alerts seen", hidden while there are none). */
    static void bindAlerts(Button badge, AlertCentre alerts) {
        badge.visibleProperty().bind(Bindings.isNotEmpty(alerts.alerts()));
        badge.managedProperty().bind(badge.visibleProperty());
        badge.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            int open = alerts.unacknowledgedCount().get();
                            int all = alerts.alerts().size();
                            return open == 0
                                    ? "✓ " + all + (all == 1 ? " alert seen" : " alerts seen")
                                    : "⚠ " + open + (open == 1 ? " alert" : " alerts");
                        },
                        alerts.alerts(),
                        alerts.unacknowledgedCount()));
        alerts.unacknowledgedCount().subscribe(n -> badge.pseudoClassStateChanged(UNACKNOWLEDGED, n.intValue() > 0));
    }
}
