package dev.conn.impact;

import dev.conn.platform.theme.Styles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToolBar;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javax.imageio.ImageIO;

/**
 * The impact panel: one card per impact query with its chart, legend, warnings and an offline
 * badge; a toolbar to add queries, refresh, and manage sources. Built in code; the logic lives in
 * {@link ImpactViewModel}.
 */
public final class ImpactView extends VBox {
    private final ImpactViewModel model;
    private final VBox cards = new VBox(8);
    private final Label empty = new Label();
    private final Label message = new Label();
    private final Map<String, Card> byId = new HashMap<>();

    /** @param model the panel's view model */
    public ImpactView(ImpactViewModel model) {
        this.model = model;
        setId("impact-panel");
        getStyleClass().add("impact-panel");
        getStylesheets()
                .add(ImpactView.class.getResource("/dev/conn/impact/impact.css").toExternalForm());
        Button add = new Button("Add impact query…");
        add.setId("impact-add-query");
        add.setOnAction(e -> onAddQuery());
        Button refresh = new Button("Refresh");
        refresh.setId("impact-refresh");
        refresh.setOnAction(e -> model.refresh());
        Button sources = new Button("Manage sources…");
        sources.setId("impact-manage-sources");
        sources.setOnAction(e -> onManageSources());
        Label every = new Label("auto-refresh every " + model.refreshInterval().toSeconds() + " s while open");
        every.getStyleClass().add(Styles.MUTED);
        ToolBar bar = new ToolBar(add, refresh, sources, every);
        message.getStyleClass().add("impact-error");
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        empty.getStyleClass().add("impact-empty");
        empty.setId("impact-empty");
        empty.setWrapText(true);
        cards.setPadding(new Insets(8));
        cards.getChildren().add(empty);
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(bar, message, scroll);
        model.queries().addListener((ListChangeListener<ImpactQuery>) c -> rebuild());
        model.markers().addListener((ListChangeListener<dev.conn.incident.Event>)
                c -> byId.values().forEach(card -> card.chart.setMarkers(model.markers())));
        rebuild();
        // auto-refresh only while the panel is on screen (its tab selected, the window showing)
        ChangeListener<Object> visibility = (o, a, b) -> updateShowing();
        parentProperty().addListener((o, oldParent, newParent) -> {
            if (oldParent != null) {
                oldParent.visibleProperty().removeListener(visibility);
            }
            if (newParent != null) {
                newParent.visibleProperty().addListener(visibility);
            }
            updateShowing();
        });
        sceneProperty().addListener(visibility);
        visibleProperty().addListener(visibility);
        cards.widthProperty().subscribe(w -> {
            if (w.doubleValue() >= 150) { // 0 until laid out: keep the model's default meanwhile
                model.plotWidthProperty().set((int) (w.doubleValue() - 16 - 68));
            }
        });
    }

    private void updateShowing() {
        boolean shown = getScene() != null
                && isVisible()
                && (getParent() == null || getParent().isVisible());
        model.showingProperty().set(shown);
    }

    private void rebuild() {
        List<ImpactQuery> qs = model.queries();
        cards.getChildren().clear();
        Map<String, Card> keep = new HashMap<>();
        if (qs.isEmpty()) {
            empty.setText(
                    model.window().isEmpty()
                            ? "Declare or open an incident to see its impact."
                            : model.sources().isEmpty()
                                    ? "No monitoring source yet. Add Prometheus or Datadog with \"Manage sources…\", then"
                                            + " add an impact query (presets: error ratio, p99 latency, request rate)."
                                    : "No impact query for this incident. \"Add impact query…\" starts from a preset:"
                                            + " error ratio, p99 latency, request rate.");
            cards.getChildren().add(empty);
        }
        for (ImpactQuery q : qs) {
            Card card = byId.get(q.queryId());
            if (card == null) {
                card = new Card(q);
            } else {
                card.setQuery(q);
            }
            keep.put(q.queryId(), card);
            cards.getChildren().add(card.root);
        }
        byId.clear();
        byId.putAll(keep);
    }

    /** Opens the add-query dialog (presets included). */
    public void onAddQuery() {
        if (model.window().isEmpty()) {
            model.messageProperty().set("Declare or open an incident first (Ctrl+N)");
            return;
        }
        if (model.sources().isEmpty()) {
            model.messageProperty().set("Add a monitoring source first (Manage sources…)");
            onManageSources();
            return;
        }
        new ImpactQueryDialog(null, model.sources())
                .showAndWait()
                .ifPresent(q -> model.saveQuery(q, model.messageProperty()::set));
    }

    /** Opens the monitoring sources editor. */
    public void onManageSources() {
        MonitoringSourcesDialog d = new MonitoringSourcesDialog(model);
        d.initOwner(getScene() == null ? null : getScene().getWindow());
        d.showAndWait().ifPresent(list -> model.saveSources(list, model.messageProperty()::set));
    }

    /**
     * Records a {@code METRIC_SNAPSHOT} of a chart (PNG of the card and the raw series).
     *
     * @param queryId the chart
     */
    public void snapshot(String queryId) {
        Card card = byId.get(queryId);
        if (card == null) {
            return;
        }
        byte[] png;
        try {
            png = png(card.root);
        } catch (IOException e) {
            model.messageProperty().set("Could not draw the PNG: " + e.getMessage());
            return;
        }
        model.snapshot(queryId, png, e -> model.messageProperty().set(""), model.messageProperty()::set);
    }

    /** Snapshots every chart that has data. */
    public void onSnapshotAll() {
        List.copyOf(byId.keySet()).forEach(this::snapshot);
    }

    static byte[] png(Node node) throws IOException {
        WritableImage image = node.snapshot(null, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out);
        return out.toByteArray();
    }

    /** One chart with its header and legend. */
    private final class Card {
        final VBox root = new VBox();
        final Label title = new Label();
        final Label badge = new Label();
        final Label error = new Label();
        final Label warnings = new Label();
        final FlowPane legend = new FlowPane(12, 2);
        final ImpactChartView chart = new ImpactChartView();
        ImpactQuery query;

        Card(ImpactQuery q) {
            root.getStyleClass().add("impact-card");
            root.setId("impact-card-" + q.queryId());
            title.getStyleClass().add("impact-title");
            badge.getStyleClass().add("impact-offline-badge");
            badge.setId("impact-offline-badge");
            badge.setVisible(false);
            badge.managedProperty().bind(badge.visibleProperty());
            error.getStyleClass().add("impact-error");
            error.setWrapText(true);
            error.managedProperty().bind(error.visibleProperty());
            warnings.getStyleClass().add(Styles.MUTED);
            warnings.managedProperty().bind(warnings.visibleProperty());
            Button snap = new Button("Snapshot");
            snap.getStyleClass().add("impact-snapshot");
            snap.setOnAction(e -> snapshot(query.queryId()));
            Button edit = new Button("Edit…");
            edit.setOnAction(e -> new ImpactQueryDialog(query, model.sources())
                    .showAndWait()
                    .ifPresent(nq -> model.saveQuery(nq, model.messageProperty()::set)));
            Button remove = new Button("Remove");
            remove.setOnAction(e -> model.removeQuery(query.queryId(), model.messageProperty()::set));
            Region grow = new Region();
            HBox.setHgrow(grow, Priority.ALWAYS);
            for (Button b : List.of(snap, edit, remove)) {
                b.getStyleClass().add("small"); // AtlantaFX compact button
                b.setMinWidth(Region.USE_PREF_SIZE); // the title is cut, never the buttons
            }
            title.setMinWidth(40);
            HBox header = new HBox(6, title, badge, grow, snap, edit, remove);
            header.setAlignment(Pos.CENTER_LEFT);
            chart.setMarkers(model.markers());
            chart.setOnMarkerClicked(model::selectInTimeline);
            chart.setOnPointClicked((at, text) -> {
                TextInputDialog d = new TextInputDialog(text);
                d.setTitle("Add a timeline note");
                d.setHeaderText("Note at " + at + " (UTC)");
                d.initOwner(getScene() == null ? null : getScene().getWindow());
                ((Button) d.getDialogPane().lookupButton(javafx.scene.control.ButtonType.OK)).setText("Add note");
                d.showAndWait()
                        .filter(s -> !s.isBlank())
                        .ifPresent(s -> model.addNote(at, s, model.messageProperty()::set));
            });
            root.getChildren().addAll(header, error, chart, legend, warnings);
            setQuery(q);
            model.data(q.queryId()).subscribe(this::show);
        }

        void setQuery(ImpactQuery q) {
            query = q;
            title.setText(q.name() + (q.unit().isEmpty() ? "" : " (" + q.unit() + ")"));
        }

        void show(ChartData d) {
            if (d == null) {
                error.setText("loading…");
                error.setVisible(true);
                badge.setVisible(false);
                legend.getChildren().clear();
                warnings.setVisible(false);
                return;
            }
            chart.setData(d);
            badge.setText(d.badge().orElse(""));
            badge.setVisible(d.badge().isPresent());
            error.setText(d.error()
                    .map(m -> (d.hasData() ? "Last refresh failed: " : "") + m)
                    .orElse(""));
            error.setVisible(d.error().isPresent());
            warnings.setText(String.join("\n", d.warnings()));
            warnings.setVisible(!d.warnings().isEmpty());
            legend.getChildren().clear();
            d.legendCap().ifPresent(cap -> {
                Label l = new Label(cap + ":");
                l.getStyleClass().add("impact-legend-item");
                legend.getChildren().add(l);
            });
            for (int i = 0; i < d.series().size(); i++) {
                Rectangle swatch = new Rectangle(10, 10, ImpactChartView.PALETTE[i % ImpactChartView.PALETTE.length]);
                Series s = d.series().get(i);
                Label l = new Label(s.displayName() + "  peak " + ImpactChartView.format(s.peak()), swatch);
                l.getStyleClass().add("impact-legend-item");
                legend.getChildren().add(l);
            }
            if (d.hasData() && d.series().isEmpty()) {
                Label l = new Label("the query returned no series in this window");
                l.getStyleClass().add("impact-legend-item");
                legend.getChildren().add(l);
            }
        }
    }
}
