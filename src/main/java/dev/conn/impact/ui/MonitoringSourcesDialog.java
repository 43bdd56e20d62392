package dev.conn.impact.ui;

import dev.conn.settings.MonitoringSource;
import dev.conn.settings.SecretRef;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Edits the monitoring sources (Prometheus-compatible or Datadog) with a "Test connection" button
 * that says what is wrong in words. Self-contained, so the central settings dialog can embed it.
 * Secrets are entered as references ({@code env:NAME} or {@code keyring:NAME}), never as the
 * secret itself.
 */
public final class MonitoringSourcesDialog extends Dialog<List<MonitoringSource>> {
    private final ObservableList<MonitoringSource> sources;
    private final TextField id = new TextField();
    private final TextField name = new TextField();
    private final ComboBox<MonitoringSource.Kind> kind = new ComboBox<>();
    private final TextField url = new TextField();
    private final ComboBox<MonitoringSource.Auth> auth = new ComboBox<>();
    private final TextField user = new TextField();
    private final TextField secret = new TextField();
    private final TextField apiKey = new TextField();
    private final TextField appKey = new TextField();
    private final TextField scrape = new TextField();
    private final TextField grafana = new TextField();
    private final Label result = new Label();

    /** @param model the panel's view model (sources, test connection) */
    public MonitoringSourcesDialog(ImpactViewModel model) {
        setTitle("Monitoring sources");
        sources = FXCollections.observableArrayList(model.sources());
        ListView<MonitoringSource> list = new ListView<>(sources);
        list.setId("sources-list");
        list.getStyleClass().add("source-list"); // wide enough for a source name, in em (base.css)
        list.setCellFactory(v -> new dev.conn.platform.fx.WrappingTextCell<>(s -> s.name() + " · " + s.kind()));
        kind.getItems().setAll(MonitoringSource.Kind.values());
        kind.setValue(MonitoringSource.Kind.PROMETHEUS);
        auth.getItems().setAll(MonitoringSource.Auth.values());
        auth.setValue(MonitoringSource.Auth.NONE);
        id.setId("source-id");
        url.setId("source-url");
        url.setPromptText("e.g. https://prometheus.example.com");
        secret.setPromptText("env:NAME or keyring:NAME");
        apiKey.setPromptText("env:DD_API_KEY");
        appKey.setPromptText("env:DD_APP_KEY");
        scrape.setPromptText("seconds (default 15)");
        grafana.setId("source-grafana");
        grafana.setPromptText("optional: https://grafana.example.com");
        for (TextField f : new TextField[] {url, secret, grafana}) {
            f.setPrefColumnCount(26); // the prompt is never cut (the layout audit checks it)
        }
        result.setId("source-test-result");
        result.setWrapText(true);
        result.getStyleClass().add("source-test-result"); // wraps at a width in em (base.css)
        list.getSelectionModel().selectedItemProperty().subscribe(this::fill);

        Button test = new Button("Test connection");
        test.setId("source-test");
        test.setOnAction(e -> {
            try {
                MonitoringSource s = build();
                result.getStyleClass().removeAll("impact-error", "success-text");
                result.setText("Testing " + s.baseUrl() + "…");
                test.setDisable(true);
                model.testConnection(
                        s,
                        ok -> {
                            test.setDisable(false);
                            result.getStyleClass().setAll("label", "success-text");
                            result.setText(ok);
                        },
                        err -> {
                            test.setDisable(false);
                            result.getStyleClass().setAll("label", "impact-error");
                            result.setText(err);
                        });
            } catch (IllegalArgumentException ex) {
                result.getStyleClass().setAll("label", "impact-error");
                result.setText(ex.getMessage());
            }
        });
        Button save = new Button("Save source");
        save.setId("source-save");
        save.setOnAction(e -> {
            try {
                MonitoringSource s = build();
                sources.removeIf(x -> x.id().equals(s.id()));
                sources.add(s);
                list.getSelectionModel().select(s);
                result.getStyleClass().setAll("label", "success-text");
                result.setText("Saved " + s.name() + "; close with \"Apply sources\" to keep it");
            } catch (IllegalArgumentException ex) {
                result.getStyleClass().setAll("label", "impact-error");
                result.setText(ex.getMessage());
            }
        });
        Button remove = new Button("Remove source");
        remove.setOnAction(e -> {
            MonitoringSource s = list.getSelectionModel().getSelectedItem();
            if (s != null) {
                sources.remove(s);
            }
        });
        Button add = new Button("New source");
        add.setOnAction(e -> {
            list.getSelectionModel().clearSelection();
            fill(null);
        });

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        int r = 0;
        form.addRow(r++, new Label("Id"), id);
        form.addRow(r++, new Label("Name"), name);
        form.addRow(r++, new Label("Kind"), kind);
        form.addRow(r++, new Label("Base URL"), url);
        form.addRow(r++, new Label("Auth (Prometheus)"), auth);
        form.addRow(r++, new Label("User (basic)"), user);
        form.addRow(r++, new Label("Token / password ref"), secret);
        form.addRow(r++, new Label("Datadog API key ref"), apiKey);
        form.addRow(r++, new Label("Datadog app key ref"), appKey);
        form.addRow(r++, new Label("Scrape interval"), scrape);
        form.addRow(r++, new Label("Grafana URL"), grafana);
        form.add(dev.conn.platform.fx.DialogBody.buttonRow(test, save), 1, r++);
        form.add(result, 0, r, 2, 1);
        getDialogPane()
                .setContent(
                        new HBox(12, new VBox(6, list, dev.conn.platform.fx.DialogBody.buttonRow(add, remove)), form));
        ButtonType apply = new ButtonType("Apply sources", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(apply, ButtonType.CANCEL);
        setResultConverter(b -> b == apply ? new ArrayList<>(sources) : null);
        fill(null);
    }

    private void fill(MonitoringSource s) {
        id.setText(s == null ? "" : s.id());
        name.setText(s == null ? "" : s.name());
        kind.setValue(s == null ? MonitoringSource.Kind.PROMETHEUS : s.kind());
        url.setText(s == null ? "" : s.baseUrl());
        auth.setValue(s == null ? MonitoringSource.Auth.NONE : s.auth());
        user.setText(s == null || s.username() == null ? "" : s.username());
        secret.setText(s == null || s.secret() == null ? "" : s.secret().toString());
        apiKey.setText(s == null || s.apiKey() == null ? "" : s.apiKey().toString());
        appKey.setText(
                s == null || s.applicationKey() == null
                        ? ""
                        : s.applicationKey().toString());
        scrape.setText(
                s == null || s.scrapeIntervalSeconds() == null
                        ? ""
                        : s.scrapeIntervalSeconds().toString());
        grafana.setText(s == null || s.grafanaUrl() == null ? "" : s.grafanaUrl());
    }

    /** @return the source as typed, or throws naming the bad field */
    MonitoringSource build() {
        Integer interval = null;
        if (!scrape.getText().isBlank()) {
            try {
                interval = Integer.parseInt(scrape.getText().strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "Scrape interval is a whole number of seconds; got '" + scrape.getText() + "'");
            }
        }
        return new MonitoringSource(
                id.getText().strip(),
                name.getText(),
                kind.getValue(),
                url.getText().strip(),
                auth.getValue(),
                user.getText().isBlank() ? null : user.getText().strip(),
                ref(secret),
                ref(apiKey),
                ref(appKey),
                interval,
                grafana.getText().isBlank() ? null : grafana.getText().strip());
    }

    private static SecretRef ref(TextField f) {
        return f.getText().isBlank() ? null : SecretRef.parse(f.getText().strip());
    }
}
