package dev.conn.impact.ui;

import dev.conn.impact.ImpactQuery;
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
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javax.imageio.ImageIO;

/**
 * The impact panel: one card per impact query ({@link ImpactCard}) in a responsive grid of 1, 2
 * or 3 columns by width ({@link #columnsFor}); the mouse wheel scrolls the panel, Ctrl+wheel zooms
 * a chart. Buttons (wrapping when narrow) add queries, refresh, and manage sources. The logic lives in {@link
 * ImpactViewModel}.
 */
public final class ImpactView extends VBox {
    /** Narrowest a column gets before the grid drops a column, in pixels. */
    public static final double MIN_COLUMN_PX = 560;

    private final ImpactViewModel model;
    private final GridPane grid = new GridPane();
    private final VBox content = new VBox(8);
    private final Label empty = new Label();
    private final Label message = new Label();
    private final Label notice = new Label();
    private final Map<String, ImpactCard> byId = new HashMap<>();
    private int columns = 1;

    /** @param model the panel's view model */
    public ImpactView(ImpactViewModel model) {
        this.model = model;
        setId("impact-panel");
        getStyleClass().add("impact-panel");
        getStylesheets()
                .add(ImpactView.class
                        .getResource("/dev/conn/impact/ui/impact.css")
                        .toExternalForm());
        Button add = new Button("Add impact query…");
        add.setId("impact-add-query");
        add.setOnAction(e -> onAddQuery());
        Button refresh = new Button("Refresh");
        refresh.setId("impact-refresh");
        refresh.setOnAction(e -> model.refresh());
        Button sources = new Button("Manage sources…");
        sources.setId("impact-manage-sources");
        sources.setOnAction(e -> onManageSources());
        Label every = new Label("auto-refresh every " + model.refreshInterval().toSeconds()
                + " s while open · Ctrl+wheel zooms a chart, double-click resets");
        every.getStyleClass().add(Styles.MUTED);
        every.setWrapText(true);
        every.setMinWidth(0);
        // buttons in a flow and the hint on its own wrapping line, not a ToolBar: in a narrow panel
        // they wrap instead of hiding behind the overflow button, and nothing is wider than the tab
        FlowPane buttons = new FlowPane(8, 4, add, refresh, sources);
        VBox bar = new VBox(4, buttons, every);
        bar.setId("impact-toolbar");
        bar.getStyleClass().add("impact-toolbar");
        bar.setPadding(new Insets(6, 8, 6, 8));
        bar.setMinWidth(0);
        // the charts' scroll pane gives up height first; the buttons and the hint keep theirs
        bar.setMinHeight(Region.USE_PREF_SIZE);
        message.getStyleClass().add("impact-error");
        message.setWrapText(true);
        message.setMinWidth(0);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        // what went right is not red, and neither line sits above the charts: a line appearing
        // there would move the chart under the mouse (issue 14 item 12)
        notice.setId("impact-notice");
        notice.getStyleClass().add(Styles.MUTED);
        notice.setWrapText(true);
        notice.setMinWidth(0);
        notice.setMinHeight(Region.USE_PREF_SIZE);
        notice.textProperty().bind(model.noticeProperty());
        notice.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        model.messageProperty().subscribe(m -> {
            if (!m.isEmpty()) {
                model.noticeProperty().set("");
            }
        });
        empty.getStyleClass().add("impact-empty");
        empty.setId("impact-empty");
        empty.setWrapText(true);
        grid.setHgap(8);
        grid.setVgap(8);
        grid.getStyleClass().add("impact-grid");
        content.setPadding(new Insets(8));
        content.getChildren().addAll(empty, grid);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setId("impact-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(bar, scroll, message, notice);
        model.queries().addListener((ListChangeListener<ImpactQuery>) c -> rebuild());
        model.markers().addListener((ListChangeListener<dev.conn.impact.ImpactMarker>)
                c -> byId.values().forEach(card -> card.chart().setMarkers(model.markers())));
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
        content.widthProperty().subscribe(w -> {
            if (w.doubleValue() >= 150) { // 0 until laid out: keep the model's default meanwhile
                int cols = columnsFor(w.doubleValue() - 16);
                if (cols != columns) {
                    columns = cols;
                    layoutGrid();
                }
                double colW = (w.doubleValue() - 16 - (cols - 1) * grid.getHgap()) / cols;
                model.plotWidthProperty().set((int) Math.max(50, colW - 24 - 70));
            }
        });
    }

    /**
     * @param widthPx the panel's inner width
     * @return 1, 2 or 3 columns: as many as fit at {@link #MIN_COLUMN_PX} each
     */
    public static int columnsFor(double widthPx) {
        return (int) Math.max(1, Math.min(3, Math.floor(widthPx / MIN_COLUMN_PX)));
    }

    private void updateShowing() {
        boolean shown = getScene() != null
                && isVisible()
                && (getParent() == null || getParent().isVisible());
        model.showingProperty().set(shown);
    }

    private void rebuild() {
        List<ImpactQuery> qs = model.queries();
        Map<String, ImpactCard> keep = new HashMap<>();
        empty.setVisible(qs.isEmpty());
        empty.setManaged(qs.isEmpty());
        if (qs.isEmpty()) {
            empty.setText(
                    model.window().isEmpty()
                            ? "Declare or open an incident to see its impact."
                            : model.sources().isEmpty()
                                    ? "No monitoring source yet. Add Prometheus or Datadog with \"Manage sources…\", then"
                                            + " add an impact query (presets: error ratio, p99 latency, request rate)."
                                    : "No impact query for this incident. \"Add impact query…\" starts from a preset:"
                                            + " error ratio, p99 latency, request rate.");
        }
        for (ImpactQuery q : qs) {
            ImpactCard card = byId.get(q.queryId());
            if (card == null) {
                card = new ImpactCard(q, model, this);
            } else {
                card.setQuery(q);
            }
            keep.put(q.queryId(), card);
        }
        byId.values().stream().filter(c -> !keep.containsValue(c)).forEach(ImpactCard::dispose);
        byId.clear();
        byId.putAll(keep);
        layoutGrid();
    }

    private void layoutGrid() {
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        for (int c = 0; c < columns; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / columns);
            cc.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(cc);
        }
        int i = 0;
        for (ImpactQuery q : model.queries()) {
            ImpactCard card = byId.get(q.queryId());
            if (card != null) {
                grid.add(card.root(), i % columns, i / columns);
                i++;
            }
        }
    }

    /** @return the number of grid columns in use */
    public int columns() {
        return columns;
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
        new ImpactQueryDialog(null, model.sources()).showAndWait().ifPresent(q -> model.commands()
                .saveQuery(q, model.messageProperty()::set));
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
        ImpactCard card = byId.get(queryId);
        if (card == null) {
            return;
        }
        byte[] png;
        try {
            png = png(card.root());
        } catch (IOException e) {
            model.messageProperty().set("Could not draw the PNG: " + e.getMessage());
            return;
        }
        model.commands()
                .snapshot(
                        model.data(queryId).get(),
                        png,
                        e -> model.messageProperty().set(""),
                        model.messageProperty()::set);
    }

    /** Snapshots every chart that has data. */
    public void onSnapshotAll() {
        List.copyOf(byId.keySet()).forEach(this::snapshot);
    }

    /** Renders a node to PNG after a layout pulse (ChartFX draws in the pulse). */
    static byte[] png(Node node) throws IOException {
        if (node.getScene() != null) {
            node.getScene().getRoot().applyCss();
            node.getScene().getRoot().layout();
        }
        node.lookupAll(".impact-chart").forEach(n -> ((ImpactChartView) n).drawNow());
        WritableImage image = node.snapshot(null, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out);
        return out.toByteArray();
    }
}
