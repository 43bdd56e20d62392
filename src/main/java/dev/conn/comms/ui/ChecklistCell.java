package dev.conn.comms.ui;

import dev.conn.comms.ChecklistItem;
import dev.conn.comms.ItemState;
import java.time.Instant;
import java.util.function.Supplier;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

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
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        state.getStyleClass().add("comms-state");
        due.getStyleClass().add("comms-due");
        row = new HBox(8, icon, state, title, gap, due);
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
