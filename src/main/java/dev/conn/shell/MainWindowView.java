package dev.conn.shell;

import dev.conn.incident.IncidentState;
import dev.conn.incident.ui.DeclareIncidentDialog;
import dev.conn.incident.ui.IncidentCell;
import dev.conn.incident.ui.IncidentHeaderView;
import dev.conn.incident.ui.IncidentViewModel;
import dev.conn.platform.fx.AlertCentre;
import dev.conn.platform.fx.SettingsSection;
import dev.conn.platform.fx.ShellContribution;
import dev.conn.platform.fx.TaskRunner;
import dev.conn.platform.theme.ThemeManager;
import dev.conn.settings.ui.SettingsViewModel;
import dev.conn.timeline.CaptureParser;
import dev.conn.timeline.ui.TimelineView;
import dev.conn.timeline.ui.TimelineViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The main window's controller: the menus, the incident list, the open incident's header and
 * timeline, the features' workspace tabs, banners and side panels ({@link Workspace}), and the
 * status bar. It binds to {@link MainWindowViewModel} and forwards the menus' actions; the
 * per-second ticker is the {@link Heartbeat}, the remembered layout {@link WindowLayout}.
 */
public final class MainWindowView {
    private static final PseudoClass OFFLINE = PseudoClass.getPseudoClass("offline");
    private static final PseudoClass UNACKNOWLEDGED = PseudoClass.getPseudoClass("unacknowledged");

    private final MainWindowViewModel model;
    private final IncidentViewModel incident;
    private final SettingsViewModel settings;
    private final TimelineViewModel timelineModel;
    private final AlertCentre alerts;
    private final List<ShellContribution> contributions;
    private final TaskRunner network;
    private Workspace workspace;

    @FXML
    private BorderPane root;

    @FXML
    private ListView<IncidentState> incidentList;

    @FXML
    private VBox incidentPane;

    @FXML
    private VBox emptyState;

    @FXML
    private Button sampleButton;

    @FXML
    private Label emptyTitle;

    @FXML
    private Label emptyHint;

    @FXML
    private Label savedLabel;

    @FXML
    private Label errorLabel;

    @FXML
    private Label dataDirLabel;

    @FXML
    private Label clockLabel;

    @FXML
    private CheckMenuItem lightThemeItem;

    @FXML
    private CheckMenuItem projectorItem;

    @FXML
    private MenuItem largerTextItem;

    @FXML
    private MenuItem smallerTextItem;

    @FXML
    private MenuItem resetTextItem;

    @FXML
    private MenuBar menuBar;

    @FXML
    private Menu viewMenu;

    @FXML
    private SplitPane workspaceSplit;

    @FXML
    private TabPane workspaceTabs;

    @FXML
    private HBox statusItems;

    @FXML
    private Button alertsBadge;

    @FXML
    private Label onlineLabel;

    @FXML
    private IncidentHeaderView headerController;

    @FXML
    private TimelineView timelineController;

    @FXML
    private VBox banners;

    @FXML
    private HBox sidePanels;

    /**
     * @param model the window's state and commands
     * @param incident the open incident and the incident list
     * @param settings console settings (the settings dialog's own sections)
     * @param timelineModel the timeline (the settings dialog's time display)
     * @param alerts the alert centre (status-bar badge and alert list)
     * @param contributions the features' workspace panels, menus, status and header items,
     *     banners, side panels, settings sections and hooks, in order
     * @param network runs the log folder's opening off the FX thread
     */
    public MainWindowView(
            MainWindowViewModel model,
            IncidentViewModel incident,
            SettingsViewModel settings,
            TimelineViewModel timelineModel,
            AlertCentre alerts,
            List<ShellContribution> contributions,
            TaskRunner network) {
        this.model = model;
        this.incident = incident;
        this.settings = settings;
        this.timelineModel = timelineModel;
        this.alerts = alerts;
        this.contributions = List.copyOf(contributions);
        this.network = network;
    }

    @FXML
    private void initialize() {
        incidentList.setItems(incident.incidents());
        incidentList.setCellFactory(l -> new IncidentCell());
        incidentList.setPlaceholder(new Label("No incidents yet"));
        incidentList.getSelectionModel().selectedItemProperty().addListener((o, was, st) -> {
            if (st != null) {
                incident.open(st.id());
            }
        });
        workspace = new Workspace(
                contributions,
                new Workspace.Slots(
                        menuBar,
                        viewMenu,
                        workspaceSplit,
                        workspaceTabs,
                        statusItems,
                        banners,
                        sidePanels,
                        headerController::addHeaderItem));
        boolean sample = sampleItem().isPresent();
        sampleButton.setVisible(sample);
        sampleButton.setManaged(sample);
        incident.currentProperty().subscribe(this::showCurrent);
        incident.incidents().subscribe(this::selectCurrentInList);
        errorLabel.textProperty().bind(model.errorTextProperty()); // the one error channel
        savedLabel.textProperty().bind(model.savedTextProperty());
        clockLabel.textProperty().bind(model.clockTextProperty());
        onlineLabel.textProperty().bind(model.onlineTextProperty());
        model.offlineProperty().subscribe(off -> onlineLabel.pseudoClassStateChanged(OFFLINE, off));
        emptyTitle.textProperty().bind(model.emptyTitleProperty());
        emptyHint.textProperty().bind(model.emptyHintProperty());
        dataDirLabel.setText(model.dataDirectoryText());
        model.lookProperty()
                .subscribe(
                        look -> { // the menu follows the settings dialog too
                            lightThemeItem.setSelected(!look.dark());
                            projectorItem.setSelected(look.projector());
                            if (root.getScene() != null) {
                                applyLook(root.getScene());
                            }
                        });
        // set here, not in FXML: "Shortcut+=" does not parse as a key name there
        largerTextItem.setAccelerator(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN));
        smallerTextItem.setAccelerator(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN));
        resetTextItem.setAccelerator(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN));
        showAlerts();
    }

    /**
     * Loads the incidents and shows the active one; call once the window is showing.
     *
     * @param onReady run on the FX thread once the active incident's rows (or the empty state) are
     *     on screen, before the features' ready hooks
     */
    public void start(Runnable onReady) {
        model.start(hasIncident -> {
            if (hasIncident) {
                timelineController.focusCapture();
            }
            if (model.needsName()) {
                Platform.runLater(this::askNameOnce);
            }
            once(
                    () -> !timelineModel.rebuildingProperty().get(),
                    () -> {
                        onReady.run();
                        workspace.ready(); // background work waits until the IC's first look is on screen
                    },
                    timelineModel.rebuildingProperty());
        });
    }

    /**
     * Runs {@code then} once the whole history of the open incident is on screen (a long incident
     * first shows its newest entries, then the rest).
     *
     * @param then run once, on the FX thread
     */
    public void whenHistoryComplete(Runnable then) {
        once(
                () -> incident.completeProperty().get()
                        && !timelineModel.rebuildingProperty().get(),
                then,
                incident.completeProperty(),
                timelineModel.rebuildingProperty());
    }

    /**
     * Runs {@code then} once, as soon as {@code condition} holds (now, or after one of
     * {@code dependencies} changes). Plain listeners removed once fired: a {@code Bindings.create*}
     * object held only by a local variable can be garbage-collected and would never fire.
     */
    private static void once(java.util.function.BooleanSupplier condition, Runnable then, Observable... dependencies) {
        InvalidationListener check = new InvalidationListener() {
            private boolean fired;

            @Override
            public void invalidated(Observable o) {
                if (!fired && condition.getAsBoolean()) {
                    fired = true;
                    for (Observable d : dependencies) {
                        d.removeListener(this);
                    }
                    then.run();
                }
            }
        };
        for (Observable d : dependencies) {
            d.addListener(check);
        }
        check.invalidated(null);
    }

    /** @return asks the features whether the window may close (they may ask the user) */
    public boolean mayClose() {
        return workspace.mayClose();
    }

    /** Runs the features' close hooks; blocks briefly, so call off the FX thread. */
    public void closeFeatures() {
        workspace.closeAll();
    }

    private void showCurrent(IncidentState st) {
        boolean has = st != null;
        incidentPane.setVisible(has);
        emptyState.setVisible(!has);
        selectCurrentInList();
    }

    private void selectCurrentInList() {
        IncidentState st = incident.currentProperty().get();
        if (st == null) {
            return;
        }
        for (int i = 0; i < incident.incidents().size(); i++) {
            if (incident.incidents().get(i).id().equals(st.id())) {
                if (incidentList.getSelectionModel().getSelectedIndex() != i) {
                    incidentList.getSelectionModel().select(i);
                }
                return;
            }
        }
    }

    @FXML
    private void onOpenSample() {
        sampleItem().ifPresent(MenuItem::fire);
    }

    /** @return the contributed menu item that opens the sample incident, if a feature offers one */
    private Optional<MenuItem> sampleItem() {
        return menuBar.getMenus().stream()
                .flatMap(m -> m.getItems().stream())
                .filter(i -> "open-sample".equals(i.getId()))
                .findFirst();
    }

    @FXML
    private void onDeclareIncident() {
        declare(Optional.empty(), "");
    }

    /** Opens the declare dialog; after a refused save it opens again with what was typed. */
    private void declare(Optional<DeclareIncidentDialog.Answer> previous, String problem) {
        CaptureParser parser = new CaptureParser(incident.clock());
        new DeclareIncidentDialog(
                        root.getScene().getWindow(),
                        incident.severityDefinitions(),
                        settings.settings().author(),
                        parser::parseWhen,
                        timelineModel.displayZone(),
                        previous,
                        problem)
                .showAndWait()
                .ifPresent(answer -> {
                    model.declare(
                            answer.declaration(),
                            answer.authorName(),
                            error -> declare(Optional.of(answer), "Not declared: " + error));
                    Platform.runLater(timelineController::focusCapture);
                });
    }

    @FXML
    private void onMarkMitigated() {
        model.markMitigated();
    }

    @FXML
    private void onSetName() {
        askName("Your name is shown as the author of what you record.");
    }

    /** First launch: the name is asked once, then kept in settings. */
    private void askNameOnce() {
        if (model.needsName()) {
            askName("Welcome to Conn. What is your name? It is shown as the author of what you record,"
                    + " and you become incident commander of what you declare.");
        }
    }

    private void askName(String header) {
        TextInputDialog d = new TextInputDialog(model.nameSuggestion());
        d.initOwner(root.getScene().getWindow());
        d.setTitle("Your name");
        d.setHeaderText(header);
        d.setContentText("Name");
        d.getEditor().setId("name-field");
        ((Button) d.getDialogPane().lookupButton(ButtonType.OK)).setText("Save name");
        d.showAndWait().ifPresent(model::saveName);
    }

    @FXML
    private void onQuit() {
        // asks what the window's close button asks (the outbox warns while messages wait)
        if (workspace.mayClose()) {
            root.getScene().getWindow().hide();
        }
    }

    @FXML
    private void onFocusCapture() {
        timelineController.focusCapture();
    }

    @FXML
    private void onFocusSearch() {
        timelineController.focusSearch();
    }

    @FXML
    private void onToggleUtc() {
        model.toggleUtc();
    }

    @FXML
    private void onToggleOrder() {
        model.toggleOrder();
    }

    @FXML
    private void onToggleTheme() {
        model.useLightTheme(lightThemeItem.isSelected());
    }

    @FXML
    private void onToggleProjector() {
        model.useProjector(projectorItem.isSelected());
    }

    @FXML
    private void onLargerText() {
        model.largerText();
    }

    @FXML
    private void onSmallerText() {
        model.smallerText();
    }

    @FXML
    private void onResetText() {
        model.resetText();
    }

    @FXML
    private void onFullScreen() {
        if (root.getScene().getWindow() instanceof Stage stage) {
            stage.setFullScreen(!stage.isFullScreen());
        }
    }

    @FXML
    private void onSettings() {
        List<SettingsSection> sections = new ArrayList<>();
        sections.add(ConsoleSettingsSections.identity(settings, timelineModel, incident::reportError));
        sections.add(ConsoleSettingsSections.appearance(settings, () -> {}, incident::reportError));
        sections.add(ConsoleSettingsSections.data(settings, model.dataDirectory()));
        workspace.settingsSections().forEach(s -> sections.add(s.get()));
        new SettingsDialog(root.getScene().getWindow(), sections).showAndWait();
    }

    /** The status-bar badge ("2 alerts", hidden while there are none) and its list. */
    private void showAlerts() {
        alertsBadge.visibleProperty().bind(Bindings.isNotEmpty(alerts.alerts()));
        alertsBadge.managedProperty().bind(alertsBadge.visibleProperty());
        alertsBadge
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            int open = alerts.unacknowledgedCount().get();
                            int all = alerts.alerts().size();
                            return open == 0
                                    ? "✓ " + all + (all == 1 ? " alert seen" : " alerts seen")
                                    : "⚠ " + open + (open == 1 ? " alert" : " alerts");
                        },
                        alerts.alerts(),
                        alerts.unacknowledgedCount()));
        alerts.unacknowledgedCount()
                .subscribe(n -> alertsBadge.pseudoClassStateChanged(UNACKNOWLEDGED, n.intValue() > 0));
    }

    /** Opens the log folder in the file manager (Help menu); where there is none, says where it is. */
    @FXML
    private void onOpenLogFolder() {
        LogFolder.open(model.dataDirectory(), network, incident::reportError);
    }

    @FXML
    private void onShowAlerts() {
        new AlertsDialog(root.getScene().getWindow(), alerts).showAndWait();
    }

    @FXML
    private void onCommandPalette() {
        CommandPaletteDialog.open(root.getScene().getWindow(), MenuActions.of(menuBar));
    }

    @FXML
    private void onCheatSheet() {
        new CheatSheetDialog(root.getScene().getWindow(), MenuActions.of(menuBar)).showAndWait();
    }

    @FXML
    private void onAbout() {
        new AboutDialog(root.getScene().getWindow(), AboutInfo.current(model.dataDirectory())).showAndWait();
    }

    /** @return every menu action of the window, features' menus included, in menu order */
    public List<MenuActions.Action> actions() {
        return MenuActions.of(menuBar);
    }

    /**
     * Selects a workspace tab (building its view if needed).
     *
     * @param id the panel's id
     * @return whether a panel with that id exists
     */
    public boolean showPanel(String id) {
        return workspace.showPanel(id);
    }

    /**
     * Runs a menu action by its exact name, as if chosen from the menu (later, on the FX thread,
     * so a dialog that asked for it has closed first).
     *
     * @param name the action's name as the palette lists it, e.g. "Manage monitoring sources" (a
     *     trailing "…" is ignored)
     * @return whether such an action exists
     */
    public boolean fireMenuAction(String name) {
        Optional<MenuActions.Action> action = actions().stream()
                .filter(a -> a.name().equals(name.replace("…", "").strip()))
                .findFirst();
        action.ifPresent(a -> Platform.runLater(a::run));
        return action.isPresent();
    }

    /**
     * Styles the scene from the settings: dark or light theme, projector mode, font scale. Dialogs
     * copy the look when they show ({@link dev.conn.platform.fx.DialogStyler}).
     *
     * @param scene the main window's scene
     */
    public void applyLook(Scene scene) {
        MainWindowViewModel.Look look = model.lookProperty().getValue();
        ThemeManager.apply(scene, look.dark(), look.projector());
        ThemeManager.scaleFonts(scene, look.fontScale());
    }

    /**
     * Puts the window where the user left it and remembers its layout when it closes.
     *
     * @param stage the main window's stage
     */
    public void rememberLayout(Stage stage) {
        WindowLayout.remember(stage, workspaceSplit, model.savedLayout(), model::savedLayout, model::saveLayout);
    }
}
