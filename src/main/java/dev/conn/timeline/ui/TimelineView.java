package dev.conn.timeline.ui;

import dev.conn.timeline.EntryCategory;
import dev.conn.timeline.TimelineEntry;
import java.util.EnumSet;
import java.util.Set;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import org.controlsfx.control.CheckComboBox;

/**
 * The live timeline: one virtualized list of every entry, the filter and search bar, and the
 * quick-capture bar. Binds to {@link TimelineViewModel}; holds no logic worth testing.
 */
public final class TimelineView {
    /** The timeline and the capture hints share less than this, in em of their text: no hints. */
    static final double HINT_ROOM_EM = 16;

    private final TimelineViewModel model;
    /** An entry asked to be selected whose row is not shown yet; null for none. */
    private java.util.UUID pendingSelection;

    @FXML
    private BorderPane root;

    @FXML
    private TextField searchField;

    @FXML
    private CheckComboBox<EntryCategory> categoryFilter;

    @FXML
    private ToggleButton newestFirstToggle;

    @FXML
    private ToggleButton utcToggle;

    @FXML
    private Label countLabel;

    @FXML
    private Label captureHint;

    @FXML
    private ListView<TimelineEntry> timelineList;

    @FXML
    private TextField captureField;

    @FXML
    private Label captureMessage;

    @FXML
    private Label captureNotice;

    @FXML
    private Label capturePending;

    /** @param model the timeline's view model */
    public TimelineView(TimelineViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        timelineList.setItems(model.visibleRows());
        timelineList.setCellFactory(l -> {
            TimelineCell cell = new TimelineCell(() -> model.showUtcProperty().get(), model::today, model::remark);
            cell.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !cell.isEmpty()) {
                    onCorrectEntry(cell.getItem());
                }
            });
            return cell;
        });
        timelineList.setPlaceholder(new Label("No entries match. Clear the search or the filter."));
        timelineList.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.S && !e.isShortcutDown() && !e.isAltDown()) {
                TimelineEntry sel = timelineList.getSelectionModel().getSelectedItem();
                if (sel != null) {
                    model.toggleStar(sel, model.captureMessageProperty()::set);
                    e.consume();
                }
            }
            if ((e.getCode() == KeyCode.E || e.getCode() == KeyCode.F2) && !e.isShortcutDown()) {
                TimelineEntry sel = timelineList.getSelectionModel().getSelectedItem();
                if (sel != null) {
                    onCorrectEntry(sel);
                    e.consume();
                }
            }
        });
        searchField.textProperty().bindBidirectional(model.searchTextProperty());
        searchField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                searchField.clear();
                focusCapture();
            }
        });
        categoryFilter.getItems().setAll(EntryCategory.values());
        categoryFilter.getCheckModel().getCheckedItems().addListener((ListChangeListener<EntryCategory>) c -> {
            Set<EntryCategory> shown = EnumSet.noneOf(EntryCategory.class);
            shown.addAll(categoryFilter.getCheckModel().getCheckedItems());
            model.shownCategoriesProperty().set(shown);
            categoryFilter.setTitle(filterTitle(shown));
        });
        EntryCategory.shownByDefault().forEach(categoryFilter.getCheckModel()::check);
        categoryFilter.setTitle(filterTitle(model.shownCategoriesProperty().get()));
        newestFirstToggle.selectedProperty().bindBidirectional(model.newestFirstProperty());
        utcToggle.selectedProperty().bindBidirectional(model.showUtcProperty());
        model.showUtcProperty().subscribe(utc -> timelineList.refresh());
        model.remarksRevisionProperty().subscribe(n -> timelineList.refresh());
        captureMessage.textProperty().bind(model.captureMessageProperty());
        captureMessage.visibleProperty().bind(model.captureMessageProperty().isNotEmpty());
        captureMessage.managedProperty().bind(captureMessage.visibleProperty());
        captureNotice.setId("captureNotice");
        captureNotice.textProperty().bind(model.captureNoticeProperty());
        captureNotice.visibleProperty().bind(model.captureNoticeProperty().isNotEmpty());
        captureNotice.managedProperty().bind(captureNotice.visibleProperty());
        capturePending.textProperty().bind(model.pendingCapturesProperty());
        capturePending.visibleProperty().bind(model.pendingCapturesProperty().isNotEmpty());
        capturePending.managedProperty().bind(capturePending.visibleProperty());
        captureField.setOnAction(e -> onCapture());
        captureField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                java.util.Optional<String> failed =
                        captureField.getText().isEmpty() ? model.takeBackFailedLine() : java.util.Optional.empty();
                if (failed.isPresent()) {
                    captureField.setText(failed.get());
                    captureField.end();
                    return;
                }
                captureField.clear();
                model.captureMessageProperty().set("");
            }
        });
        model.visibleRows().subscribe(this::updateCount);
        model.filteredSource().subscribe(this::updateCount);
        model.visibleRows().subscribe(() -> select(pendingSelection)); // rows still being built
        model.historyCompleteProperty().subscribe(c -> updateCount());
        updateCount();
        model.scrollRequests().subscribe(n -> scrollToNewest());
        model.selectionRequestProperty().subscribe(this::select);
        captureHint.managedProperty().bind(captureHint.visibleProperty());
        timelineList.heightProperty().subscribe(this::fitHint);
        captureHint.heightProperty().subscribe(this::fitHint);
        captureHint.fontProperty().subscribe(this::fitHint);
    }

    /**
     * The line of capture hints under the field gives its room to the timeline's rows where they are
     * few (a short window, large text: 800×600, or 200 % on 1280×720), so the timeline keeps at least
     * about five rows; the hints are then the capture field's tooltip.
     * Measured on the room the two share, so hiding the hint does not bring it back.
     */
    private void fitHint() {
        double em = captureHint.getFont().getSize();
        double shared = timelineList.getHeight() + (captureHint.isVisible() ? captureHint.getHeight() : 0);
        boolean show = timelineList.getHeight() <= 0 || shared >= HINT_ROOM_EM * em;
        if (captureHint.isVisible() != show) {
            javafx.application.Platform.runLater(() -> {
                captureHint.setVisible(show);
                captureField.setTooltip(show ? null : new javafx.scene.control.Tooltip(captureHint.getText()));
            });
        }
    }

    /**
     * Selects an entry asked for elsewhere (a marker clicked on an impact chart). When its row is
     * not there yet (the rows of a just-opened incident are still being built), the request waits
     * for the rows instead of being dropped; a newer request replaces it.
     */
    private void select(java.util.UUID eventId) {
        pendingSelection = eventId;
        if (eventId == null) {
            return;
        }
        var rows = model.visibleRows();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).event().id().equals(eventId)) {
                pendingSelection = null;
                timelineList.getSelectionModel().clearAndSelect(i);
                timelineList.scrollTo(i);
                return;
            }
        }
    }

    private void updateCount() {
        int shown = model.visibleRows().size();
        int total = model.totalRows();
        String count = shown == total ? total + " entries" : shown + " of " + total + " entries";
        countLabel.setText(model.historyCompleteProperty().get() ? count : count + " · loading older entries…");
    }

    private void scrollToNewest() {
        if (model.visibleRows().isEmpty()) {
            return;
        }
        timelineList.scrollTo(
                model.newestFirstProperty().get() ? 0 : model.visibleRows().size() - 1);
    }

    private static String filterTitle(Set<EntryCategory> shown) {
        if (shown.size() == EntryCategory.values().length) {
            return "Show: all entries";
        }
        if (shown.equals(EntryCategory.shownByDefault())) {
            return "Show: all but postmortem edits";
        }
        return "Show: " + shown.size() + " of " + EntryCategory.values().length + " kinds";
    }

    private void onCapture() {
        // the line is queued at once: the bar clears for the next one while the disk catches up
        if (model.submit(captureField.getText(), () -> {})) {
            captureField.clear();
        }
    }

    private void onCorrectEntry(TimelineEntry entry) {
        if (!entry.type().isFreeText()) {
            model.captureMessageProperty()
                    .set("Only notes, decisions and actions can be corrected; record a new entry instead.");
            return;
        }
        new CorrectEntryDialog(root.getScene().getWindow(), entry)
                .showAndWait()
                .ifPresent(text -> model.correct(entry, text, model.captureMessageProperty()::set));
    }

    /** Puts the keyboard focus in the quick-capture bar (Ctrl+L). */
    public void focusCapture() {
        captureField.requestFocus();
        captureField.end();
    }

    /** Puts the keyboard focus in the search field (Ctrl+F). */
    public void focusSearch() {
        searchField.requestFocus();
        searchField.selectAll();
    }
}
