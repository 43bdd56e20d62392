package dev.conn.command.ui;

import dev.conn.platform.theme.Styles;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** One check-back task: countdown (or OVERDUE, in words and colour), text, assignee and state. */
public final class TaskCell extends ListCell<PeopleListViewModel.TaskRow> {
    /** Style class of an overdue countdown. */
    public static final String OVERDUE = "overdue";

    private final Label countdown = new Label();
    private final Label text = new Label();
    private final Label who = new Label();
    private final HBox box;

    /** Builds the cell's nodes once. */
    public TaskCell() {
        countdown.getStyleClass().add("task-countdown");
        countdown.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        text.setWrapText(true);
        who.getStyleClass().add(Styles.MUTED);
        who.setWrapText(true); // a long name wraps at large text instead of "Bob Exam…"
        who.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        setPrefWidth(0); // fit the list's width: long task texts wrap instead of scrolling sideways
        VBox lines = new VBox(2, text, who);
        lines.setMinWidth(0);
        HBox.setHgrow(lines, javafx.scene.layout.Priority.ALWAYS);
        box = new HBox(8, countdown, lines);
        listViewProperty().addListener((o, was, list) -> {
            box.prefWidthProperty().unbind();
            if (list != null) {
                box.prefWidthProperty().bind(list.widthProperty().subtract(28));
            }
        });
    }

    @Override
    protected void updateItem(PeopleListViewModel.TaskRow row, boolean empty) {
        super.updateItem(row, empty);
        if (empty || row == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        countdown.setText(row.countdown());
        countdown.getStyleClass().remove(OVERDUE);
        if (row.overdue()) {
            countdown.getStyleClass().add(OVERDUE);
        }
        text.setText(row.task().text());
        who.setText(row.task().person() + " · " + row.task().state().name().toLowerCase(java.util.Locale.ROOT));
        setText(null);
        setGraphic(box);
    }
}
