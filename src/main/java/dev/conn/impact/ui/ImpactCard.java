package dev.conn.impact.ui;

import dev.conn.impact.ChartData;
import dev.conn.impact.ChartSeries;
import dev.conn.impact.ImpactQuery;
import dev.conn.platform.theme.Styles;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;
import javafx.util.Subscription;

/**
 * One chart's card: title and buttons, errors and notices, the chart, its step line with links to
 * the source's own UI, the legend (query name and labels, now, peak, unit) and the source's warnings.
 */
final class ImpactCard {
    private final VBox root = new VBox(2);
    private final Label title = new Label();
    private final Label badge = new Label();
    private final Label error = new Label();
    private final Label notice = new Label();
    private final Label warnings = new Label();
    private final Label step = new Label();
    private final HBox links = new HBox(8);
    private final FlowPane legend = new FlowPane(12, 2);
    private final ImpactChartView chart = new ImpactChartView();
    private final ImpactViewModel model;
    private final PauseTransition settle = new PauseTransition(Duration.millis(350));
    private final Subscription subscription;
    private ImpactQuery query;
    private Instant[] pendingView;

    ImpactCard(ImpactQuery q, ImpactViewModel model, ImpactView view) {
        this.model = model;
        root.getStyleClass().add("impact-card");
        root.setId("impact-card-" + q.queryId());
        title.getStyleClass().add("impact-title");
        badge.getStyleClass().add("impact-offline-badge");
        badge.setId("impact-offline-badge");
        badge.setVisible(false);
        badge.managedProperty().bind(badge.visibleProperty());
        for (Label l : List.of(error, notice, warnings)) {
            l.setWrapText(true);
            l.managedProperty().bind(l.visibleProperty());
            l.setVisible(false);
        }
        error.getStyleClass().add("impact-error");
        notice.getStyleClass().addAll("impact-notice", Styles.MUTED);
        warnings.getStyleClass().addAll("impact-warning", Styles.MUTED);
        step.getStyleClass().addAll("impact-step", Styles.MUTED);
        step.setId("impact-step");
        Button snap = new Button("Snapshot");
        snap.getStyleClass().add("impact-snapshot");
        snap.setOnAction(e -> view.snapshot(query.queryId()));
        Button edit = new Button("Edit…");
        edit.setOnAction(
                e -> new ImpactQueryDialog(query, model.sources()).showAndWait().ifPresent(nq -> model.commands()
                        .saveQuery(nq, model.messageProperty()::set)));
        Button remove = new Button("Remove");
        remove.setOnAction(e -> model.commands().removeQuery(query.queryId(), model.messageProperty()::set));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        for (Button b : List.of(snap, edit, remove)) {
            b.getStyleClass().add("small"); // AtlantaFX compact button
            b.setMinWidth(Region.USE_PREF_SIZE); // the title wraps, never the buttons
        }
        // a long query name wraps beside the buttons instead of "Checkout card payment error rate, EU regio..."
        title.setWrapText(true);
        title.setMinWidth(40);
        title.setMinHeight(Region.USE_PREF_SIZE);
        HBox header = new HBox(6, title, badge, grow, snap, edit, remove);
        header.setAlignment(Pos.CENTER_LEFT);
        Region growFooter = new Region();
        HBox.setHgrow(growFooter, Priority.ALWAYS);
        HBox footer = new HBox(8, step, growFooter, links);
        footer.setAlignment(Pos.CENTER_LEFT);
        chart.setMarkers(model.markers());
        chart.setOnMarkerClicked(model::selectInTimeline);
        chart.setOnPointClicked((at, text) -> {
            TextInputDialog d = new TextInputDialog(text);
            d.setTitle("Add a timeline note");
            d.setHeaderText("Note at " + at + " (UTC)");
            d.initOwner(root.getScene() == null ? null : root.getScene().getWindow());
            ((Button) d.getDialogPane().lookupButton(javafx.scene.control.ButtonType.OK)).setText("Add note");
            d.showAndWait().filter(s -> !s.isBlank()).ifPresent(s -> model.commands()
                    .addNote(at, s, model.messageProperty()::set));
        });
        // a zoom or pan refetches that range at its finer step once the pointer rests
        chart.setOnViewChanged((from, to) -> {
            pendingView = new Instant[] {from, to};
            settle.playFromStart();
        });
        settle.setOnFinished(e -> model.zoom(query.queryId(), pendingView[0], pendingView[1]));
        legend.setMinWidth(0); // its entries wrap (below)
        root.getChildren().addAll(header, error, notice, chart, footer, legend, warnings);
        setQuery(q);
        subscription = model.data(q.queryId()).subscribe(this::show);
    }

    VBox root() {
        return root;
    }

    ImpactChartView chart() {
        return chart;
    }

    void dispose() {
        subscription.unsubscribe();
        settle.stop();
    }

    void setQuery(ImpactQuery q) {
        query = q;
        title.setText(q.name() + (q.unit().isEmpty() ? "" : " (" + q.unit() + ")"));
    }

    private void show(ChartData d) {
        if (d == null) {
            error.setText("loading…");
            error.setVisible(true);
            badge.setVisible(false);
            notice.setVisible(false);
            legend.getChildren().clear();
            warnings.setVisible(false);
            step.setText("");
            links.getChildren().clear();
            return;
        }
        chart.setData(d);
        badge.setText(d.badge(model.now()).orElse(""));
        badge.setVisible(d.badge(model.now()).isPresent());
        error.setText(d.error()
                .map(m -> (d.hasData() ? "Last refresh failed: " : "") + m)
                .orElse(""));
        error.setVisible(d.error().isPresent());
        notice.setText(d.notice().orElse(""));
        notice.setVisible(d.notice().isPresent());
        List<String> w = new java.util.ArrayList<>(d.warnings());
        d.plan().flatMap(p -> p.warning()).ifPresent(w::add);
        warnings.setText(String.join("\n", w));
        warnings.setVisible(!w.isEmpty());
        step.setText(d.stepText().orElse(""));
        links.getChildren().clear();
        for (Map.Entry<String, String> l : model.links().of(d).entrySet()) {
            Hyperlink h = new Hyperlink(l.getKey());
            h.getStyleClass().add("impact-link");
            h.setOnAction(e -> model.links().open(l.getValue()));
            links.getChildren().add(h);
        }
        legend.getChildren().clear();
        d.legendCap().ifPresent(cap -> {
            Label l = new Label(cap + ":");
            l.getStyleClass().add("impact-legend-item");
            legend.getChildren().add(l);
        });
        String unit = d.query().unit();
        for (int i = 0; i < d.series().size(); i++) {
            ChartSeries s = d.series().get(i);
            Rectangle swatch = new Rectangle(10, 10, ImpactChartView.colour(i));
            Label l = new Label(s.name() + " · " + s.figures(unit), swatch);
            l.getStyleClass().add("impact-legend-item");
            l.setWrapText(true);
            // the swatch grows with the text (Ctrl+=, projector mode)
            swatch.widthProperty().bind(l.fontProperty().map(f -> f.getSize() * 0.75));
            swatch.heightProperty().bind(swatch.widthProperty());
            // at a large text size a long entry wraps within the card instead of widening it
            l.maxWidthProperty().bind(legend.widthProperty());
            legend.getChildren().add(l);
        }
    }
}
