package dev.conn.shell;

import dev.conn.incident.DeclareIncidentDialog;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentCell;
import dev.conn.incident.IncidentHeaderView;
import dev.conn.incident.IncidentState;
import dev.conn.incident.IncidentViewModel;
import dev.conn.incident.Payload;
import dev.conn.platform.theme.ThemeManager;
import dev.conn.settings.Settings;
import dev.conn.settings.SettingsViewModel;
import dev.conn.timeline.CaptureParser;
import dev.conn.timeline.TimelineView;
import dev.conn.timeline.TimelineViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The main window: menu with every action's shortcut, incident list, header and timeline of the
 * open incident, and a status bar with the save state, the data directory and the UTC clock. Owns
 * the one 1-second UI ticker, which re-renders timers and polls the log for other processes'
 * events.
 */
public final class MainWindowView {
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final IncidentViewModel incident;
    private final SettingsViewModel settings;
    private final TimelineViewModel timelineModel;
    private final LiveLogFollower follower;
    private final Path dataDirectory;
    private final Clock clock;
    private Timeline ticker;

    @FXML
    private BorderPane root;

    @FXML
    private ListView<IncidentState> incidentList;

    @FXML
    private VBox incidentPane;

    @FXML
    private VBox emptyState;

    @FXML
    private javafx.scene.control.Button sampleButton;

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
    private javafx.scene.control.MenuItem largerTextItem;

    @FXML
    private javafx.scene.control.MenuItem smallerTextItem;

    @FXML
    private javafx.scene.control.MenuItem resetTextItem;

    @FXML
    private javafx.scene.control.MenuBar menuBar;

    @FXML
    private javafx.scene.control.Menu viewMenu;

    @FXML
    private javafx.scene.control.SplitPane workspaceSplit;

    @FXML
    private javafx.scene.control.TabPane workspace;

    @FXML
    private javafx.scene.layout.HBox statusItems;

    @FXML
    private javafx.scene.control.Button alertsBadge;

    @FXML
    private Label onlineLabel;

    private Runnable probeConnectivity = () -> {};
    private dev.conn.platform.fx.TaskRunner tasks;
    private int ticks;

    private dev.conn.platform.fx.AlertCentre alerts;

    private final java.util.List<dev.conn.platform.fx.ShellContribution> contributions;
    private final java.util.List<java.util.function.Supplier<dev.conn.platform.fx.SettingsSection>> extraSettings =
            new java.util.ArrayList<>();

    @FXML
    private IncidentHeaderView headerController;

    @FXML
    private TimelineView timelineController;

    @FXML
    private VBox banners;

    @FXML
    private javafx.scene.layout.HBox sidePanels;

    /**
     * @param incident the open incident and the incident list
     * @param settings console settings
     * @param timelineModel the timeline (for the menu's toggles)
     * @param follower follows the log for other processes' events
     * @param dataDirectory shown in the status bar
     * @param clock the clock the status bar shows
     * @param contributions the features' workspace panels, menus, status items, banners and side
     *     panels
     */
    public MainWindowView(
            IncidentViewModel incident,
            SettingsViewModel settings,
            TimelineViewModel timelineModel,
            LiveLogFollower follower,
            Path dataDirectory,
            Clock clock,
            java.util.List<dev.conn.platform.fx.ShellContribution> contributions) {
        this.contributions = java.util.List.copyOf(contributions);
        this.incident = incident;
        this.settings = settings;
        this.timelineModel = timelineModel;
        this.follower = follower;
        this.dataDirectory = dataDirectory;
        this.clock = clock;
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
        installContributions();
        installBannersAndSidePanels();
        incident.currentProperty().subscribe(this::showCurrent);
        incident.incidents().subscribe(this::selectCurrentInList);
        incident.lastErrorProperty().subscribe(errorLabel::setText); // the one error channel
        incident.lastSavedAtProperty().subscribe(this::renderSaved);
        dataDirLabel.setText("Data: " + dataDirectory);
        settings.settingsProperty()
                .subscribe(
                        st -> { // the menu follows the settings dialog too
                            lightThemeItem.setSelected(st.theme() == Settings.Theme.LIGHT);
                            projectorItem.setSelected(st.desktop().projector());
                        });
        // set here, not in FXML: "Shortcut+=" does not parse as a key name there
        largerTextItem.setAccelerator(new javafx.scene.input.KeyCodeCombination(
                javafx.scene.input.KeyCode.EQUALS, javafx.scene.input.KeyCombination.SHORTCUT_DOWN));
        smallerTextItem.setAccelerator(new javafx.scene.input.KeyCodeCombination(
                javafx.scene.input.KeyCode.MINUS, javafx.scene.input.KeyCombination.SHORTCUT_DOWN));
        resetTextItem.setAccelerator(new javafx.scene.input.KeyCodeCombination(
                javafx.scene.input.KeyCode.DIGIT0, javafx.scene.input.KeyCombination.SHORTCUT_DOWN));
        emptyTitle.setText("Opening…");
        emptyHint.setText("Reading " + dataDirectory);
        renderClock(clock.instant());
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
    }

    /**
     * Adds a feature's items to a menu of the same name the shell has, before its last separator
     * (so Quit stays last).
     */
    private static void mergeInto(javafx.scene.control.Menu into, javafx.scene.control.Menu from) {
        int at = into.getItems().size();
        for (int i = into.getItems().size() - 1; i >= 0; i--) {
            if (into.getItems().get(i) instanceof javafx.scene.control.SeparatorMenuItem) {
                at = i;
                break;
            }
        }
        into.getItems().addAll(at, java.util.List.copyOf(from.getItems()));
    }

    /**
     * Adds the features' menus (before View; items of a menu the shell has, such as Incident, join
     * it), status items, and workspace tabs. A tab's view is
     * built the first time it is selected; each tab's shortcut is listed in the View menu.
     */
    private void installContributions() {
        int viewIndex = menuBar.getMenus().indexOf(viewMenu);
        boolean firstPanel = true;
        for (dev.conn.platform.fx.ShellContribution c : contributions) {
            for (javafx.scene.control.Menu m : c.menus()) {
                java.util.Optional<javafx.scene.control.Menu> same = menuBar.getMenus().stream()
                        .filter(x ->
                                x.getText().replace("_", "").equals(m.getText().replace("_", "")))
                        .findFirst();
                if (same.isPresent()) {
                    mergeInto(same.get(), m); // e.g. Incident > War room… joins the shell's Incident menu
                } else {
                    menuBar.getMenus().add(viewIndex++, m);
                }
            }
            statusItems.getChildren().addAll(c.statusItems());
            for (dev.conn.platform.fx.ShellContribution.WorkspacePanel p : c.panels()) {
                javafx.scene.control.Tab tab = new javafx.scene.control.Tab(p.title());
                tab.setId(p.id() + "-tab");
                tab.setUserData(p);
                tab.selectedProperty().subscribe(selected -> {
                    if (selected && tab.getContent() == null) {
                        tab.setContent(p.view().get());
                    }
                });
                workspace.getTabs().add(tab);
                if (firstPanel) {
                    viewMenu.getItems().add(new javafx.scene.control.SeparatorMenuItem());
                    firstPanel = false;
                }
                javafx.scene.control.MenuItem show = new javafx.scene.control.MenuItem("Show " + p.title());
                show.setAccelerator(p.shortcut());
                show.setOnAction(e -> showPanel(p.id()));
                viewMenu.getItems().add(show);
            }
        }
        boolean sample = sampleItem().isPresent();
        sampleButton.setVisible(sample);
        sampleButton.setManaged(sample);
        if (workspace.getTabs().isEmpty()) {
            workspaceSplit.getItems().remove(workspace);
        } else {
            workspaceSplit.setDividerPositions(0.55);
        }
    }

    /**
     * Adds the features' banners above the incident header and their side panels on the right. A
     * side panel shows while its feature asks (a narrow window stays readable) and is built the
     * first time it shows.
     */
    private void installBannersAndSidePanels() {
        for (dev.conn.platform.fx.ShellContribution c : contributions) {
            banners.getChildren().addAll(c.banners());
            for (dev.conn.platform.fx.ShellContribution.SidePanel p : c.sidePanels()) {
                javafx.scene.layout.StackPane pane = new javafx.scene.layout.StackPane();
                pane.setId(p.id());
                pane.visibleProperty().bind(p.shown());
                pane.managedProperty().bind(pane.visibleProperty());
                pane.visibleProperty().subscribe(visible -> {
                    if (visible && pane.getChildren().isEmpty()) {
                        pane.getChildren().setAll(p.view().get());
                    }
                });
                sidePanels.getChildren().add(pane);
            }
        }
    }

    /**
     * Selects a workspace tab (building its view if needed).
     *
     * @param id the panel's id
     * @return whether a panel with that id exists
     */
    public boolean showPanel(String id) {
        for (javafx.scene.control.Tab tab : workspace.getTabs()) {
            if (tab.getUserData() instanceof dev.conn.platform.fx.ShellContribution.WorkspacePanel p
                    && p.id().equals(id)) {
                workspace.getSelectionModel().select(tab);
                if (tab.getContent() == null) {
                    tab.setContent(p.view().get());
                }
                tab.getContent().requestFocus();
                return true;
            }
        }
        return false;
    }

    /**
     * Loads the incidents and starts the ticker; call once the window is showing.
     *
     * @param onReady run on the FX thread once the active incident (or the empty state) is shown
     */
    public void start(Runnable onReady) {
        incident.loadInitial(error -> {
            follower.start();
            if (error != null) {
                emptyTitle.setText("Could not read the incidents");
                emptyHint.setText((error.getMessage() == null ? error.toString() : error.getMessage())
                        + "\nNothing was changed. Close Conn and start it"
                        + " again; if this repeats, check the data directory " + dataDirectory + ".");
            } else if (incident.current().isEmpty()) {
                emptyTitle.setText("No incident open");
                emptyHint.setText("Press Ctrl+N to declare one. Everything you record is saved the moment it appears.");
            } else {
                timelineController.focusCapture();
            }
            if (settings.settings().author().isEmpty()) {
                Platform.runLater(this::askNameOnce);
            }
            whenTimelineBuilt(() -> {
                onReady.run();
                contributions.forEach(c -> c.onReady().run()); // features start their background work
            });
        });
        ticker.play();
    }

    /** Runs every feature's close hook (stop background work); blocks briefly, call off the FX thread. */
    public void closeContributions() {
        for (dev.conn.platform.fx.ShellContribution c : contributions) {
            try {
                c.onClose().run();
            } catch (RuntimeException e) {
                java.util.logging.Logger.getLogger(MainWindowView.class.getName())
                        .log(java.util.logging.Level.WARNING, "a feature failed to close", e);
            }
        }
    }

    /** Runs {@code then} once the timeline's rows are on screen (they are built in the background). */
    private void whenTimelineBuilt(Runnable then) {
        once(() -> !timelineModel.rebuildingProperty().get(), then, timelineModel.rebuildingProperty());
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
    private static void once(
            java.util.function.BooleanSupplier condition, Runnable then, javafx.beans.Observable... dependencies) {
        javafx.beans.InvalidationListener check = new javafx.beans.InvalidationListener() {
            private boolean fired;

            @Override
            public void invalidated(javafx.beans.Observable o) {
                if (!fired && condition.getAsBoolean()) {
                    fired = true;
                    for (javafx.beans.Observable d : dependencies) {
                        d.removeListener(this);
                    }
                    then.run();
                }
            }
        };
        for (javafx.beans.Observable d : dependencies) {
            d.addListener(check);
        }
        check.invalidated(null);
    }

    /** Stops the ticker (window closing). */
    public void stop() {
        ticker.stop();
    }

    private void tick() {
        if (ticks++ % 10 == 0) {
            probeConnectivity.run();
        }
        incident.tick();
        renderClock(clock.instant());
        follower.poll();
    }

    private void renderClock(Instant now) {
        clockLabel.setText(CLOCK.format(now));
    }

    private void renderSaved(Instant at) {
        savedLabel.setText(at == null ? "" : "✓ Saved " + CLOCK.format(at));
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
        sampleItem().ifPresent(javafx.scene.control.MenuItem::fire);
    }

    /** @return the contributed menu item that opens the sample incident, if a feature offers one */
    private java.util.Optional<javafx.scene.control.MenuItem> sampleItem() {
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
        CaptureParser parser = new CaptureParser(clock);
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
                    if (settings.settings().author().isEmpty()) {
                        settings.update(st -> st.withAuthorName(answer.authorName()), incident::reportError);
                    }
                    incident.declare(
                            answer.declaration(),
                            answer.authorName(),
                            error -> declare(Optional.of(answer), "Not declared: " + error));
                    Platform.runLater(timelineController::focusCapture);
                });
    }

    @FXML
    private void onMarkMitigated() {
        if (incident.current().isPresent()) {
            incident.record(EventType.MITIGATED, Payload.empty(), Optional.empty(), e -> {}, incident::reportError);
        }
    }

    @FXML
    private void onSetName() {
        askName("Your name is shown as the author of what you record.");
    }

    /** First launch: the name is asked once, then kept in settings. */
    private void askNameOnce() {
        if (settings.settings().author().isEmpty()) {
            askName("Welcome to Conn. What is your name? It is shown as the author of what you record,"
                    + " and you become incident commander of what you declare.");
        }
    }

    private void askName(String header) {
        TextInputDialog d =
                new TextInputDialog(settings.settings().author().orElse(System.getProperty("user.name", "")));
        d.initOwner(root.getScene().getWindow());
        d.setTitle("Your name");
        d.setHeaderText(header);
        d.setContentText("Name");
        d.getEditor().setId("name-field");
        ((javafx.scene.control.Button) d.getDialogPane().lookupButton(javafx.scene.control.ButtonType.OK))
                .setText("Save name");
        d.showAndWait()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .ifPresent(name -> settings.update(st -> st.withAuthorName(name), incident::reportError));
    }

    @FXML
    private void onQuit() {
        // asks what the window's close button asks (the outbox warns while messages wait)
        if (closeGuard.getAsBoolean()) {
            root.getScene().getWindow().hide();
        }
    }

    private java.util.function.BooleanSupplier closeGuard = () -> true;

    /**
     * Adds a feature's live figure to the incident header, beside the milestones.
     *
     * @param item the node
     */
    public void addHeaderItem(javafx.scene.Node item) {
        headerController.addHeaderItem(item);
    }

    /**
     * Sets what Incident > Quit asks before closing, as the window's close request does.
     *
     * @param mayClose true to close; it may ask the user (FX thread)
     */
    public void setCloseGuard(java.util.function.BooleanSupplier mayClose) {
        this.closeGuard = java.util.Objects.requireNonNull(mayClose, "mayClose");
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
        timelineModel.showUtcProperty().set(!timelineModel.showUtcProperty().get());
    }

    @FXML
    private void onToggleOrder() {
        timelineModel
                .newestFirstProperty()
                .set(!timelineModel.newestFirstProperty().get());
    }

    @FXML
    private void onToggleTheme() {
        boolean light = lightThemeItem.isSelected();
        settings.update(st -> st.withTheme(light ? Settings.Theme.LIGHT : Settings.Theme.DARK), incident::reportError);
        applyLook(root.getScene());
    }

    @FXML
    private void onToggleProjector() {
        boolean on = projectorItem.isSelected();
        settings.update(st -> st.withDesktop(st.desktop().withProjector(on)), incident::reportError);
        applyLook(root.getScene());
    }

    @FXML
    private void onLargerText() {
        settings.update(st -> st.withDesktop(st.desktop().larger()), incident::reportError);
        applyLook(root.getScene());
    }

    @FXML
    private void onSmallerText() {
        settings.update(st -> st.withDesktop(st.desktop().smaller()), incident::reportError);
        applyLook(root.getScene());
    }

    @FXML
    private void onResetText() {
        settings.update(st -> st.withDesktop(st.desktop().withFontScale(1.0)), incident::reportError);
        applyLook(root.getScene());
    }

    @FXML
    private void onFullScreen() {
        if (root.getScene().getWindow() instanceof javafx.stage.Stage stage) {
            stage.setFullScreen(!stage.isFullScreen());
        }
    }

    @FXML
    private void onSettings() {
        java.util.List<dev.conn.platform.fx.SettingsSection> sections = new java.util.ArrayList<>();
        sections.add(ConsoleSettingsSections.identity(settings, timelineModel, incident::reportError));
        sections.add(
                ConsoleSettingsSections.appearance(settings, () -> applyLook(root.getScene()), incident::reportError));
        sections.add(ConsoleSettingsSections.data(settings, dataDirectory));
        extraSettings.forEach(s -> sections.add(s.get()));
        new SettingsDialog(root.getScene().getWindow(), sections).showAndWait();
    }

    /**
     * Adds a section to the settings dialog, after the console's own (e.g. monitoring sources,
     * channels). Call from the composition root before the window shows.
     *
     * @param section builds the section each time the dialog opens
     */
    public void addSettingsSection(java.util.function.Supplier<dev.conn.platform.fx.SettingsSection> section) {
        extraSettings.add(section);
    }

    /**
     * Shows the alert centre in the window: the status-bar badge ("2 alerts", hidden while there
     * are none) and the alert list (badge click, or Ctrl+Alt+A).
     *
     * @param centre the alert centre
     */
    public void useAlerts(dev.conn.platform.fx.AlertCentre centre) {
        this.alerts = centre;
        alertsBadge.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(centre.alerts()));
        alertsBadge.managedProperty().bind(alertsBadge.visibleProperty());
        alertsBadge
                .textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> {
                            int open = centre.unacknowledgedCount().get();
                            int all = centre.alerts().size();
                            return open == 0
                                    ? "✓ " + all + (all == 1 ? " alert seen" : " alerts seen")
                                    : "⚠ " + open + (open == 1 ? " alert" : " alerts");
                        },
                        centre.alerts(),
                        centre.unacknowledgedCount()));
        centre.unacknowledgedCount()
                .subscribe(n -> alertsBadge.pseudoClassStateChanged(
                        javafx.css.PseudoClass.getPseudoClass("unacknowledged"), n.intValue() > 0));
    }

    /**
     * Shows online/offline in the status bar, checked now and every 10 s of the ticker, always
     * through {@code tasks} (never on the FX thread). A check still running is not started again.
     *
     * @param probe the check
     * @param tasks the background runner
     */
    public void useConnectivity(ConnectivityProbe probe, dev.conn.platform.fx.TaskRunner tasks) {
        this.tasks = tasks;
        boolean[] running = {false};
        probeConnectivity = () -> {
            if (running[0]) {
                return;
            }
            running[0] = true;
            tasks.run(
                    probe::online,
                    online -> {
                        running[0] = false;
                        renderOnline(online);
                    },
                    e -> {
                        running[0] = false;
                        renderOnline(false);
                    });
        };
        probeConnectivity.run();
    }

    private void renderOnline(boolean online) {
        onlineLabel.setText(online ? "● Online" : "○ Offline: messages wait in the outbox");
        onlineLabel.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("offline"), !online);
    }

    /**
     * Opens the data directory's {@code logs} folder in the file manager (java.awt.Desktop, in
     * the background). Where there is no file manager, the status bar says where the logs are.
     */
    @FXML
    private void onOpenLogFolder() {
        Path logs = dataDirectory.resolve("logs");
        if (tasks == null) {
            incident.reportError("The logs are in " + logs);
            return;
        }
        tasks.run(
                () -> {
                    java.nio.file.Files.createDirectories(logs);
                    if (!java.awt.Desktop.isDesktopSupported()
                            || !java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.OPEN)) {
                        throw new UnsupportedOperationException("no file manager");
                    }
                    java.awt.Desktop.getDesktop().open(logs.toFile());
                    return null;
                },
                ok -> {},
                e -> incident.reportError("Could not open a file manager here; the logs are in " + logs));
    }

    @FXML
    private void onShowAlerts() {
        if (alerts != null) {
            new AlertsDialog(root.getScene().getWindow(), alerts).showAndWait();
        }
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
        new AboutDialog(root.getScene().getWindow(), AboutInfo.current(dataDirectory)).showAndWait();
    }

    /** @return every menu action of the window, features' menus included, in menu order */
    public java.util.List<MenuActions.Action> actions() {
        return MenuActions.of(menuBar);
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
        java.util.Optional<MenuActions.Action> action = actions().stream()
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
    public void applyLook(javafx.scene.Scene scene) {
        Settings s = settings.settings();
        ThemeManager.apply(scene, s.theme() == Settings.Theme.DARK, s.desktop().projector());
        ThemeManager.scaleFonts(scene, s.desktop().fontScale());
    }

    /**
     * Puts the window where the user left it (if that place is still on a screen) and remembers,
     * when it closes, its size, position, maximised state and the workspace divider.
     *
     * @param stage the main window's stage
     */
    public void rememberLayout(javafx.stage.Stage stage) {
        dev.conn.settings.DesktopSettings.WindowLayout saved =
                settings.settings().desktop().window();
        if (saved != null
                && !javafx.stage.Screen.getScreensForRectangle(saved.x(), saved.y(), saved.width(), saved.height())
                        .isEmpty()) {
            stage.setX(saved.x());
            stage.setY(saved.y());
            stage.setWidth(saved.width());
            stage.setHeight(saved.height());
            stage.setMaximized(saved.maximized());
            if (!saved.dividers().isEmpty() && workspaceSplit.getItems().size() > 1) {
                workspaceSplit.setDividerPositions(saved.dividers().stream()
                        .mapToDouble(Double::doubleValue)
                        .toArray());
            }
        }
        stage.setOnHiding(e -> {
            dev.conn.settings.DesktopSettings.WindowLayout before =
                    settings.settings().desktop().window();
            boolean max = stage.isMaximized();
            double x = max && before != null ? before.x() : stage.getX();
            double y = max && before != null ? before.y() : stage.getY();
            double w = max && before != null ? before.width() : stage.getWidth();
            double h = max && before != null ? before.height() : stage.getHeight();
            java.util.List<Double> dividers = workspaceSplit.getItems().size() > 1
                    ? java.util.Arrays.stream(workspaceSplit.getDividerPositions())
                            .boxed()
                            .toList()
                    : java.util.List.of();
            if (Double.isNaN(x) || Double.isNaN(w) || w <= 0 || h <= 0) {
                return;
            }
            dev.conn.settings.DesktopSettings.WindowLayout layout =
                    new dev.conn.settings.DesktopSettings.WindowLayout(x, y, w, h, max, dividers);
            settings.update(st -> st.withDesktop(st.desktop().withWindow(layout)), incident::reportError);
        });
    }
}
