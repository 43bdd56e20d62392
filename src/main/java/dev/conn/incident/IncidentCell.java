package dev.conn.incident;

import dev.conn.platform.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** One incident in the sidebar list: severity and status chips over the title. */
public final class IncidentCell extends ListCell<IncidentState> {
    private final Label severity = new Label();
    private final Label status = new Label();
    private final Label title = new Label();
    private final VBox box = new VBox(4, new HBox(6, severity, status), title);

    /** Creates an empty cell. */
    public IncidentCell() {
        severity.getStyleClass().add(Styles.SEVERITY_CHIP);
        status.getStyleClass().add(Styles.STATUS_CHIP);
        title.setWrapText(true);
        ((HBox) box.getChildren().get(0)).setAlignment(Pos.CENTER_LEFT);
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(IncidentState st, boolean empty) {
        super.updateItem(st, empty);
        if (empty || st == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        severity.setText(st.severity().name());
        severity.getStyleClass().removeIf(c -> c.startsWith("sev"));
        severity.getStyleClass().add(Styles.severity(st.severity().level()));
        status.setText(st.status().label());
        status.getStyleClass().removeIf(c -> c.startsWith("status-"));
        status.getStyleClass().add(Styles.status(st.status().label()));
        title.setText(st.title());
        title.getStyleClass().remove("resolved-title");
        if (!st.isOpen()) {
            title.getStyleClass().add("resolved-title");
        }
        setGraphic(box);
    }
}
