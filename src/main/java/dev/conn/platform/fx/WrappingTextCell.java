package dev.conn.platform.fx;

import java.util.function.Function;
import javafx.scene.control.ListCell;

/**
 * A list cell showing one line of text per item that wraps to the list's width: a long name, id
 * or subject takes a second line instead of running past the list's edge behind a sideways scroll
 * bar (where what follows it, a type, a state or a time, was out of view). FX thread only.
 *
 * @param <T> the item type
 */
public final class WrappingTextCell<T> extends ListCell<T> {
    private final Function<T, String> describe;

    /** @param describe the item in words */
    public WrappingTextCell(Function<T, String> describe) {
        this.describe = describe;
        setPrefWidth(0); // as wide as the list, not as the text
        setWrapText(true);
    }

    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        setGraphic(null);
        setText(empty || item == null ? null : describe.apply(item));
    }
}
