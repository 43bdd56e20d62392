package dev.conn.postmortem.ui;

import javafx.scene.control.ListCell;
import javafx.scene.text.Text;

/**
 * A list cell whose text wraps to the list's width, every line shown (a {@link Text} with a
 * wrapping width, as the incident list's cells do: a wrapped {@code Labeled} in a list cell is cut
 * after its second line). The text is also the cell's accessible text. Subclasses say what to
 * show.
 *
 * @param <T> the item type
 */
abstract class WrappingCell<T> extends ListCell<T> {
    /** Style class of a row that needs attention (an overdue action item). */
    static final String WARN = "overdue";

    private final Text text = new Text();

    WrappingCell() {
        text.getStyleClass().add("pm-row-text");
        text.wrappingWidthProperty().bind(widthProperty().subtract(24));
        setPrefWidth(0); // wrap to the list's width instead of scrolling sideways
    }

    @Override
    protected final void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        getStyleClass().remove(WARN);
        setText(null);
        if (empty || item == null) {
            setGraphic(null);
            setAccessibleText(null);
            return;
        }
        String shown = describe(item);
        if (warn(item)) {
            getStyleClass().add(WARN);
        }
        text.setText(shown);
        setAccessibleText(shown);
        setGraphic(text);
    }

    /** @return the item in words (may hold line breaks) */
    abstract String describe(T item);

    /** @return true if the row needs attention */
    boolean warn(T item) {
        return false;
    }
}
