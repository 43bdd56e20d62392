package dev.conn.incident.ui;

import dev.conn.incident.IncidentState;
import dev.conn.platform.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;

/** One incident in the sidebar list: severity and status chips over the title and when it was declared. */
public final class IncidentCell extends ListCell<IncidentState> {
    private final Label severity = new Label();
    private final Label status = new Label();
    private final javafx.scene.text.Text title = new javafx.scene.text.Text();
    /** When it was declared: two incidents of the same title are told apart (issue 14). */
    private final javafx.scene.text.Text declared = new javafx.scene.text.Text();

    // the chips wrap under each other in a narrow sidebar or at large text (never "S…")
    private final VBox box = new VBox(4, new javafx.scene.layout.FlowPane(6, 4, severity, status), title, declared);

    /** Creates an empty cell. */
    public IncidentCell() {
        severity.getStyleClass().add(Styles.SEVERITY_CHIP);
        status.getStyleClass().add(Styles.STATUS_CHIP);
        title.getStyleClass().add("incident-title");
        title.wrappingWidthProperty().bind(widthProperty().subtract(24));
        declared.getStyleClass().add("incident-declared");
        declared.wrappingWidthProperty().bind(title.wrappingWidthProperty());
        ((javafx.scene.layout.FlowPane) box.getChildren().get(0)).setAlignment(Pos.CENTER_LEFT);
        severity.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        status.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
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
        Styles.swap(
                severity.getStyleClass(),
                Styles::isSeverityClass,
                Styles.severity(st.severity().level()));
        status.setText(st.status().label());
        Styles.swap(
                status.getStyleClass(),
                Styles::isStatusClass,
                Styles.status(st.status().label()));
        title.setText(st.title());
        declared.setText("Declared " + dev.conn.platform.text.TimeFormat.utcDateMinutes(st.declaredAt()));
        title.getStyleClass().remove("resolved-title");
        if (!st.isOpen()) {
            title.getStyleClass().add("resolved-title");
        }
        setGraphic(box);
    }
}
