package dev.conn.comms.ui;

import dev.conn.comms.ChecklistItem;
import dev.conn.comms.ItemState;
import java.time.Instant;
import java.util.function.Supplier;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * One checklist row: state icon and word (never colour alone), title, and the live countdown or
 * when it was settled. The state's style class ({@code comms-overdue}, ...) colours it.
 */
public final class ChecklistCell extends ListCell<ChecklistItem> {
    private final Supplier<Instant> now;
    private final Label icon = new Label();
    private final Label state = new Label();
    private final Label title = new Label();
    private final Label due = new Label();
    private final HBox row;

    /** Kept here: the tick holds it only weakly, so a discarded cell is not kept alive. */
    private final javafx.beans.InvalidationListener onTick = o -> renderDue();

    /** @param now the current instant, read at each render */
    public ChecklistCell(Supplier<Instant> now) {
        this(now, null);
    }

    /**
     * @param now the current instant, read at each render
     * @param tick invalidated each time {@code now} moves (each second): the countdown is redrawn
     *     in place, so the list need not recreate its cells every second; null for none
     */
    public ChecklistCell(Supplier<Instant> now, javafx.beans.Observable tick) {
        this.now = now;
        if (tick != null) {
            tick.addListener(new javafx.beans.WeakInvalidationListener(onTick));
        }
        state.getStyleClass().add("comms-state");
        due.getStyleClass().add("comms-due");
        // the deadline goes under the title: "in 11:56 (promised 19:12 UTC)" beside a long title
        // would be cut at the panel's edge
        // the icon and state word keep their width; a long title or note wraps instead of being cut
        // ("D..." beside "message: Investigating: checkout errors for customers in Eur..." at 1280 px)
        icon.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        state.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        title.setMinWidth(0);
        due.setMinWidth(0);
        title.setWrapText(true);
        due.setWrapText(true);
        javafx.scene.layout.VBox what = new javafx.scene.layout.VBox(2, title, due);
        what.setMinWidth(0);
        HBox.setHgrow(what, Priority.ALWAYS);
        row = new HBox(8, icon, state, what);
        setPrefWidth(0); // the cell is as wide as the list: no sideways scrolling to read a deadline
        row.getStyleClass().add("comms-item");
    }

    /**
     * @param s a state
     * @return its icon character
     */
    public static String icon(ItemState s) {
        return switch (s) {
            case PENDING -> "○";
            case DUE_SOON -> "⚠";
            case OVERDUE -> "‼";
            case DONE -> "✔";
            case SKIPPED -> "↷";
            case SNOOZED -> "◔";
            case WAITING -> "…";
        };
    }

    /**
     * @param s a state
     * @return its style class
     */
    public static String styleClass(ItemState s) {
        return "comms-" + s.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    @Override
    protected void updateItem(ChecklistItem item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            setText(null);
            setId(null);
            return;
        }
        setId("item-" + item.id());
        icon.setText(icon(item.state()));
        state.setText(item.state().label());
        title.setText(item.title());
        renderDue();
        String wanted = styleClass(item.state());
        if (!row.getStyleClass().equals(java.util.List.of("comms-item", wanted))) {
            // only on a change: a style class set again re-applies CSS to the whole row
            row.getStyleClass().setAll("comms-item", wanted);
        }
        setText(null);
        setGraphic(row);
    }

    /**
     * The row's own height: a settled item without a note is one line. (The list otherwise kept
     * the two-line height the cell had measured for an earlier item.)
     */
    @Override
    protected double computePrefHeight(double width) {
        if (isEmpty() || getGraphic() != row) {
            return super.computePrefHeight(width);
        }
        double inner = width > 0 ? Math.max(0, width - snappedLeftInset() - snappedRightInset()) : -1;
        return snappedTopInset() + row.prefHeight(inner) + snappedBottomInset();
    }

    private void renderDue() {
        ChecklistItem item = getItem();
        if (isEmpty() || item == null) {
            return;
        }
        if (item.state().isOpen()) {
            due.setText(item.dueAt()
                    .map(d -> CommsText.dueText(java.time.Duration.between(now.get(), d), d, item.promised()))
                    .orElse("when resolved"));
        } else {
            due.setText(item.note().orElse(""));
        }
        // a settled item with no note is one line, not a title over an empty second line
        boolean shown = !due.getText().isEmpty();
        if (due.isManaged() != shown) {
            due.setManaged(shown);
            due.setVisible(shown);
        }
    }
}
