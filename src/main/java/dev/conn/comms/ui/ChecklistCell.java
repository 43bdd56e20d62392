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

    /** @param now the current instant, read at each render */
    public ChecklistCell(Supplier<Instant> now) {
        this.now = now;
        state.getStyleClass().add("comms-state");
        due.getStyleClass().add("comms-due");
        // the deadline goes under the title: "in 11:56 (promised 19:12 UTC)" beside a long title
        // would be cut at the panel's edge
        title.setMinWidth(0);
        due.setMinWidth(0);
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
        if (item.state().isOpen()) {
            due.setText(item.dueAt()
                    .map(d -> CommsText.dueText(java.time.Duration.between(now.get(), d), d, item.promised()))
                    .orElse("when resolved"));
        } else {
            due.setText(item.note().orElse(""));
        }
        row.getStyleClass().removeIf(c -> c.startsWith("comms-") && !c.equals("comms-item"));
        row.getStyleClass().add(styleClass(item.state()));
        setText(null);
        setGraphic(row);
    }
}
