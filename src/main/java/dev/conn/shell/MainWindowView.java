package dev.conn.shell;

import dev.conn.incident.IncidentState;
import dev.conn.incident.ui.IncidentHeaderView;
import dev.conn.incident.ui.IncidentViewModel;
import dev.conn.platform.fx.AlertCentre;
import dev.conn.platform.fx.ShellContribution;
import dev.conn.platform.fx.TaskRunner;
import dev.conn.settings.ui.SettingsViewModel;
import dev.conn.timeline.ui.TimelineView;
import dev.conn.timeline.ui.TimelineViewModel;
import java.util.List;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The main window's controller: the menus, the incident list, the open incident's header and
 * timeline, the features' workspace tabs, banners and side panels ({@link Workspace}), and the
 * status bar. It binds to {@link MainWindowViewModel} and forwards the menus' actions; the
 * per-second ticker is the {@link Heartbeat}, the remembered layout {@link WindowLayout}, the
 * columns that fit the window at its text size {@link ShellLayout}.
 */
public final class MainWindowView {
    /** The id of the contributed menu item that opens the sample incident, if a feature offers one. */
    private static final String SAMPLE = "open-sample";

    private final MainWindowViewModel model;
    private final IncidentViewModel incident;
    private final TimelineViewModel timelineModel;
    private final AlertCentre alerts;
    private final List<ShellContribution> contributions;
    private final TaskRunner network;
    private Workspace workspace;
    private ShellLayout shell;
    private final ShellDialogs dialogs;

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
    private VBox toasts;

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
        this.timelineModel = timelineModel;
        this.alerts = alerts;
        this.contributions = List.copyOf(contributions);
        this.network = network;
        this.dialogs = new ShellDialogs(
                model,
                incident,
                settings,
                timelineModel,
                () -> root.getScene().getWindow(),
                () -> timelineController.focusCapture());
    }

    @FXML
    private void initialize() {
        Workspace.Slots slots = new Workspace.Slots(
                menuBar,
                viewMenu,
                workspaceSplit,
                workspaceTabs,
                statusItems,
                banners,
                sidePanels,
                headerController::addHeaderItem);
        workspace = new Workspace(contributions, slots);
        shell = new ShellLayout(root, slots, workspace.docked(), dataDirLabel);
        boolean sample = MenuActions.item(menuBar, SAMPLE).isPresent();
        sampleButton.setVisible(sample);
        sampleButton.setManaged(sample);
        IncidentListBinding.bind(incidentList, incident, incidentPane, emptyState);
        StatusBar.bind(model, savedLabel, errorLabel, clockLabel, onlineLabel);
        emptyTitle.textProperty().bind(model.emptyTitleProperty());
        emptyHint.textProperty().bind(model.emptyHintProperty());
        dataDirLabel.setText(model.dataDirectoryText());
        ViewMenuBinding.bind(model, viewMenu, () -> {
            if (root.getScene() != null) {
                applyLook(root.getScene());
            }
        });
        StatusBar.bindAlerts(alertsBadge, alerts);
        ToastStack.overTimeline(toasts, workspaceSplit, alerts);
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
                Platform.runLater(dialogs::askNameOnce);
            }
            FxOnce.when(
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
        FxOnce.when(
                () -> incident.completeProperty().get()
                        && !timelineModel.rebuildingProperty().get(),
                then,
                incident.completeProperty(),
                timelineModel.rebuildingProperty());
    }

    /** @return asks the features whether the window may close (they may ask the user) */
    public boolean mayClose() {
        return workspace.mayClose();
    }

    /** Runs the features' close hooks; blocks briefly, so call off the FX thread. */
    public void closeFeatures() {
        workspace.closeAll();
    }

    @FXML
    private void onOpenSample() {
        MenuActions.item(menuBar, SAMPLE).ifPresent(MenuItem::fire);
    }

    @FXML
    private void onDeclareIncident() {
        dialogs.declare();
    }

    @FXML
    private void onMarkMitigated() {
        model.markMitigated();
    }

    @FXML
    private void onSetName() {
        dialogs.askName("Your name is shown as the author of what you record.");
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
        shell.revealTimeline();
        timelineController.focusCapture();
    }

    @FXML
    private void onFocusSearch() {
        shell.revealTimeline();
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
    private void onFullScreen() {
        dialogs.toggleFullScreen();
    }

    @FXML
    private void onSettings() {
        dialogs.settings(workspace.settingsSections());
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
     * Selects a workspace tab (building its view if needed), or a side panel's tab (People) where
     * the window is too narrow for side panels.
     *
     * @param id the panel's or side panel's id
     * @return whether a panel with that id exists
     */
    public boolean showPanel(String id) {
        return workspace.showPanel(id) || shell.showDocked(id);
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
        return MenuActions.fire(menuBar, name);
    }

    /**
     * Styles the scene from the settings: dark or light theme, projector mode, font scale. Dialogs
     * copy the look when they show ({@link dev.conn.platform.fx.DialogStyler}).
     *
     * @param scene the main window's scene
     */
    public void applyLook(Scene scene) {
        ViewMenuBinding.applyLook(model.lookProperty().getValue(), scene);
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
