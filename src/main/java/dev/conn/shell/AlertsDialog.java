package dev.conn.shell;

import dev.conn.platform.fx.AlertCentre;
import dev.conn.platform.text.TimeFormat;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The alert list (status-bar badge, or Ctrl+Alt+A): every alert still standing, newest first,
 * with its level in words and an icon, when it was raised (UTC) and what to do. Enter or
 * "Acknowledge" marks the selected one as seen; Delete or "Clear" removes it; Esc closes.
 */
public final class AlertsDialog extends Dialog<Void> {

    /**
     * @param owner the main window
     * @param centre the alerts
     */
    public AlertsDialog(Window owner, AlertCentre centre) {
        initOwner(owner);
        setTitle("Alerts");
        getDialogPane().setId("alerts-dialog");
        ListView<AlertCentre.Alert> list = new ListView<>(centre.alerts());
        list.setId("alerts-list");
        list.getStyleClass().add("alerts-list"); // sized in em (base.css)
        list.setPlaceholder(new Label("No alerts. Overdue check-backs, hand-offs and fatigue alerts appear here."));
        list.setCellFactory(l -> new AlertRow());
        Button ack = new Button("Acknowledge");
        ack.setId("alert-acknowledge");
        Button clear = new Button("Clear");
        clear.setId("alert-clear");
        Button ackAll = new Button("Acknowledge all");
        ackAll.setId("alert-acknowledge-all");
        ack.disableProperty()
                .bind(list.getSelectionModel().selectedItemProperty().isNull());
        clear.disableProperty()
                .bind(list.getSelectionModel().selectedItemProperty().isNull());
        ack.setOnAction(e -> selected(list, centre, false));
        clear.setOnAction(e -> selected(list, centre, true));
        ackAll.setOnAction(e -> centre.acknowledgeAll());
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                selected(list, centre, false);
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE) {
                selected(list, centre, true);
                e.consume();
            }
        });
        VBox.setVgrow(list, javafx.scene.layout.Priority.ALWAYS);
        getDialogPane().setContent(new VBox(8, list, dev.conn.platform.fx.DialogBody.buttonRow(ack, clear, ackAll)));
        // the list scrolls and shrinks with the dialog; its buttons stay in view below it
        dev.conn.platform.fx.DialogBody.scrollsItself(getDialogPane());
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        list.getSelectionModel().selectFirst();
        setOnShown(e -> list.requestFocus());
    }

    private static void selected(ListView<AlertCentre.Alert> list, AlertCentre centre, boolean clear) {
        AlertCentre.Alert a = list.getSelectionModel().getSelectedItem();
        if (a == null) {
            return;
        }
        int index = list.getSelectionModel().getSelectedIndex();
        if (clear) {
            centre.clear(a.key());
        } else {
            centre.acknowledge(a.key());
        }
        list.getSelectionModel().select(Math.min(index, list.getItems().size() - 1));
    }

    /** Level icon and word, title, time; the text below; "seen" once acknowledged. */
    private static final class AlertRow extends ListCell<AlertCentre.Alert> {
        AlertRow() {
            // as wide as the list: a long title or text wraps, no sideways scrolling to read the time
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(AlertCentre.Alert a, boolean empty) {
            super.updateItem(a, empty);
            getStyleClass().removeAll("alert-info", "alert-warning", "alert-critical", "alert-seen");
            if (empty || a == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            getStyleClass().add("alert-" + a.level().name().toLowerCase(java.util.Locale.ROOT));
            if (a.acknowledged()) {
                getStyleClass().add("alert-seen");
            }
            Label title = new Label(a.level().icon() + " " + a.level().label().toUpperCase(java.util.Locale.ROOT) + "  "
                    + a.title() + (a.acknowledged() ? "  (seen)" : ""));
            title.getStyleClass().add("alert-title");
            // a long title ("Check-back overdue: <a long name>") wraps; the time keeps its width
            title.setWrapText(true);
            title.setMinWidth(0);
            HBox.setHgrow(title, javafx.scene.layout.Priority.SOMETIMES);
            Label when = new Label(TimeFormat.utcMinutes(a.raisedAt()));
            when.getStyleClass().add("muted");
            when.setMinWidth(Label.USE_PREF_SIZE);
            Label text = new Label(a.text());
            text.setWrapText(true);
            text.setMinWidth(0);
            text.getStyleClass().add("alert-text");
            VBox row = new VBox(2, new HBox(12, title, when), text);
            row.setMinWidth(0);
            setText(null);
            setGraphic(row);
        }

        /**
         * The row's height at the list's width: a height measured while the list was wider (before
         * the dialog was kept inside the screen) left a wrapped title on one line, cut with "...".
         */
        @Override
        protected double computePrefHeight(double width) {
            if (isEmpty() || getGraphic() == null) {
                return super.computePrefHeight(width);
            }
            double w = width > 0
                    ? width
                    : getListView() == null ? -1 : getListView().getWidth() - 2;
            double inner = w > 0 ? Math.max(0, w - snappedLeftInset() - snappedRightInset()) : -1;
            return snappedTopInset() + getGraphic().prefHeight(inner) + snappedBottomInset();
        }
    }
}
