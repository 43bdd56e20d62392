package dev.conn.postmortem.ui;

import dev.conn.incident.Severity;
import dev.conn.postmortem.IncidentHistory;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The incident history tab: filters (severity, service, declared since), the summary (counts by
 * severity, median TTD/TTM/TTR, top root-cause categories and services) and every incident;
 * double-click opens one. Binds to {@link HistoryViewModel}.
 */
public final class HistoryView {
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);

    private final HistoryViewModel model;

    /** @param model the view model */
    public HistoryView(HistoryViewModel model) {
        this.model = model;
    }

    /** @return the tab's content; reads the incidents when built and on "Refresh" */
    public Node build() {
        ComboBox<Severity> severity = new ComboBox<>();
        severity.setId("history-severity");
        severity.getItems().add(null);
        severity.getItems().addAll(Severity.values());
        severity.setPromptText("all severities");
        severity.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(Severity s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? "all severities" : s.name());
            }
        });
        severity.valueProperty().bindBidirectional(model.severityProperty());
        TextField service = new TextField();
        service.setId("history-service");
        service.setPromptText("service");
        service.textProperty().bindBidirectional(model.serviceProperty());
        DatePicker since = new DatePicker();
        since.setId("history-since");
        since.setPromptText("declared since (UTC)");
        since.valueProperty().bindBidirectional(model.sinceProperty());
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> model.reload());
        Label summary = new Label();
        summary.setId("history-summary");
        summary.setWrapText(true);
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        summary.getStyleClass().add("section-title");
        summary.textProperty().bind(model.summaryProperty());
        ListView<IncidentHistory.Row> list = new ListView<>(model.rows());
        list.setId("history-list");
        VBox.setVgrow(list, Priority.ALWAYS);
        list.setCellFactory(v -> new WrappingCell<>() {
            @Override
            String describe(IncidentHistory.Row r) {
                return r.state().severity() + "  " + DAY.format(r.state().declaredAt()) + "  "
                        + r.state().status().label().toUpperCase(Locale.ROOT) + "  "
                        + r.state().title()
                        + "\n    " + r.milestones().summaryLine()
                        + (r.services().isEmpty() ? "" : "  · services: " + String.join(", ", r.services()))
                        + (r.categories().isEmpty() ? "" : "  · causes: " + String.join(", ", r.categories()));
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                model.open(list.getSelectionModel().getSelectedItem());
            }
        });
        refresh.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        severity.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.FlowPane filters =
                new javafx.scene.layout.FlowPane(6, 6, severity, service, since, refresh);
        VBox root = new VBox(8, filters, summary, list);
        root.getStyleClass().add("postmortem");
        root.getStylesheets()
                .add(HistoryView.class.getResource("postmortem.css").toExternalForm());
        root.setId("history-view");
        model.reload();
        return root;
    }
}
