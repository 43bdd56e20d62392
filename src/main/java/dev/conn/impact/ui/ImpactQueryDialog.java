package dev.conn.impact.ui;

import dev.conn.impact.ImpactPresets;
import dev.conn.impact.ImpactQuery;
import dev.conn.settings.MonitoringSource;
import java.util.List;
import java.util.OptionalDouble;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/**
 * Adds or edits an impact query: name, source, query text, unit, optional threshold, starting
 * from an editable preset. Bad input is named in the dialog and the dialog stays open.
 */
public final class ImpactQueryDialog extends Dialog<ImpactQuery> {
    /**
     * @param existing the query to edit, or null to add one
     * @param sources the configured sources to choose from (not empty)
     */
    public ImpactQueryDialog(ImpactQuery existing, List<MonitoringSource> sources) {
        setTitle(existing == null ? "Add impact query" : "Edit impact query");
        ComboBox<ImpactPresets.Preset> preset = new ComboBox<>();
        preset.getItems().setAll(ImpactPresets.prometheus());
        preset.setPromptText("Start from a preset");
        TextField name = new TextField();
        name.setId("impact-query-name");
        ComboBox<MonitoringSource> source = new ComboBox<>();
        source.getItems().setAll(sources);
        source.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(MonitoringSource s) {
                return s == null ? "" : s.name() + " (" + s.kind().name().toLowerCase(java.util.Locale.ROOT) + ")";
            }

            @Override
            public MonitoringSource fromString(String s) {
                return null;
            }
        });
        TextArea query = new TextArea();
        query.setId("impact-query-text");
        query.setPrefRowCount(3);
        query.setWrapText(true);
        TextField unit = new TextField();
        unit.setPromptText("%, ms, req/s");
        TextField threshold = new TextField();
        threshold.setPromptText("optional SLO line, e.g. 1");
        Label error = new Label();
        error.getStyleClass().add("impact-error");
        preset.valueProperty().subscribe(p -> {
            if (p != null) {
                name.setText(p.name());
                query.setText(p.query());
                unit.setText(p.unit());
                threshold.setText(
                        p.threshold().isPresent() ? String.valueOf(p.threshold().getAsDouble()) : "");
            }
        });
        if (existing != null) {
            name.setText(existing.name());
            query.setText(existing.query());
            unit.setText(existing.unit());
            threshold.setText(
                    existing.threshold().isPresent()
                            ? String.valueOf(existing.threshold().getAsDouble())
                            : "");
            sources.stream()
                    .filter(s -> s.id().equals(existing.sourceId()))
                    .findFirst()
                    .ifPresent(source::setValue);
        } else if (!sources.isEmpty()) {
            source.setValue(sources.get(0));
        }
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label("Preset"), preset);
        grid.addRow(1, new Label("Name"), name);
        grid.addRow(2, new Label("Source"), source);
        grid.addRow(3, new Label("Query"), query);
        grid.addRow(4, new Label("Unit"), unit);
        grid.addRow(5, new Label("Threshold"), threshold);
        grid.add(error, 0, 6, 2, 1);
        getDialogPane().setContent(grid);
        ButtonType save = new ButtonType(existing == null ? "Add query" : "Save query", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(save, ButtonType.CANCEL);
        Button saveButton = (Button) getDialogPane().lookupButton(save);
        ImpactQuery[] built = new ImpactQuery[1];
        saveButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            try {
                if (source.getValue() == null) {
                    throw new IllegalArgumentException("Choose the monitoring source of the query");
                }
                OptionalDouble t = threshold.getText().isBlank()
                        ? OptionalDouble.empty()
                        : OptionalDouble.of(parseThreshold(threshold.getText()));
                built[0] = existing == null
                        ? ImpactQuery.create(name.getText(), source.getValue().id(), query.getText(), unit.getText(), t)
                        : new ImpactQuery(
                                existing.queryId(),
                                name.getText(),
                                source.getValue().id(),
                                query.getText(),
                                unit.getText(),
                                t);
            } catch (IllegalArgumentException ex) {
                error.setText(ex.getMessage());
                e.consume();
            }
        });
        setResultConverter(b -> b == save ? built[0] : null);
    }

    private static double parseThreshold(String text) {
        try {
            return Double.parseDouble(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "The threshold must be a number, e.g. 1 or 0.5; got '" + text.strip() + "'");
        }
    }
}
