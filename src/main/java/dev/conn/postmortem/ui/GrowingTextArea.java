package dev.conn.postmortem.ui;

import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.text.Text;

/**
 * A one-line postmortem field (a root cause, a "why?") that wraps and grows to show all its text: a
 * text field showed a long root cause cut at its edge ("… had no copy of our TLS client"). Tab
 * leaves it, as it leaves a text field; Enter starts a new line. FX thread only.
 */
final class GrowingTextArea {
    /** Room the area's own insets and scroll bar take beside the text, in pixels. */
    private static final double CHROME = 24;

    private GrowingTextArea() {}

    /**
     * @param id the area's id
     * @param prompt its prompt text
     * @return a wrapping text area one row high, one more row for each line its text wraps to
     */
    static TextArea of(String id, String prompt) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setPromptText(prompt);
        area.setWrapText(true);
        area.setPrefRowCount(1);
        area.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Text probe = new Text();
        Runnable fit = () -> {
            probe.setFont(area.getFont());
            probe.setText(area.getText() == null || area.getText().isEmpty() ? "X" : area.getText());
            probe.setWrappingWidth(Math.max(1, area.getWidth() - CHROME));
            Text one = new Text("X");
            one.setFont(area.getFont());
            double line = one.getLayoutBounds().getHeight();
            int rows = (int) Math.max(1, Math.ceil(probe.getLayoutBounds().getHeight() / line - 0.01));
            if (area.getPrefRowCount() != rows) {
                area.setPrefRowCount(rows);
            }
        };
        area.textProperty().subscribe(t -> fit.run());
        area.widthProperty().subscribe(w -> fit.run());
        area.fontProperty().subscribe(f -> fit.run());
        // Tab moves on, as in a text field (Ctrl+Tab is a text area's own way to move on)
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && !e.isControlDown()) {
                e.consume();
                area.fireEvent(
                        new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB, e.isShiftDown(), true, false, false));
            }
        });
        return area;
    }
}
