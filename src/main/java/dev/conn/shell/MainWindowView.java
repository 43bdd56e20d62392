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
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final IncidentViewModel incident;
    private final SettingsViewModel settings;
    private final TimelineViewModel timelineModel;
    private final LiveLogFollower follower;
    private final Path dataDirectory;
    private final Clock clock;
    private Timeline ticker;

    @FXML private BorderPane root;
    @FXML private ListView<IncidentState> incidentList;
    @FXML private VBox incidentPane;
    @FXML private VBox emptyState;
    @FXML private Label emptyTitle;
    @FXML private Label emptyHint;
    @FXML private Label savedLabel;
    @FXML private Label errorLabel;
    @FXML private Label dataDirLabel;
    @FXML private Label clockLabel;
    @FXML private CheckMenuItem lightThemeItem;
    @FXML private IncidentHeaderView headerController;
    @FXML private TimelineView timelineController;

    /**
     * @param incident the open incident and the incident list
     * @param settings console settings
     * @param timelineModel the timeline (for the menu's toggles)
     * @param follower follows the log for other processes' events
     * @param dataDirectory shown in the status bar
     * @param clock the clock the status bar shows
     */
    public MainWindowView(IncidentViewModel incident, SettingsViewModel settings, TimelineViewModel timelineModel,
            LiveLogFollower follower, Path dataDirectory, Clock clock) {
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
        incident.currentProperty().subscribe(this::showCurrent);
        incident.incidents().subscribe(this::selectCurrentInList);
        incident.lastErrorProperty().subscribe(errorLabel::setText);
        incident.lastSavedAtProperty().subscribe(this::renderSaved);
        dataDirLabel.setText("Data: " + dataDirectory);
        lightThemeItem.setSelected(settings.settings().theme() == Settings.Theme.LIGHT);
        emptyTitle.setText("Opening…");
        emptyHint.setText("Reading " + dataDirectory);
        renderClock(clock.instant());
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
    }

    /**
     * Loads the incidents and starts the ticker; call once the window is showing.
     *
     * @param onReady run on the FX thread once the active incident (or the empty state) is shown
     */
    public void start(Runnable onReady) {
        incident.loadInitial(() -> {
            follower.start();
            if (incident.current().isEmpty()) {
                emptyTitle.setText("No incident open");
                emptyHint.setText("Press Ctrl+N to declare one. Everything you record is saved the moment it appears.");
            } else {
                timelineController.focusCapture();
            }
            onReady.run();
        });
        ticker.play();
    }

    /** Stops the ticker (window closing). */
    public void stop() {
        ticker.stop();
    }

    private void tick() {
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
    private void onDeclareIncident() {
        CaptureParser parser = new CaptureParser(clock);
        new DeclareIncidentDialog(root.getScene().getWindow(), incident.severityDefinitions(), settings.settings().author(),
                        parser::parseWhen, clock)
                .showAndWait()
                .ifPresent(answer -> {
                    if (settings.settings().author().isEmpty()) {
                        settings.update(settings.settings().withAuthorName(answer.authorName()), errorLabel::setText);
                    }
                    incident.declare(answer.declaration(), answer.authorName(), errorLabel::setText);
                    Platform.runLater(timelineController::focusCapture);
                });
    }

    @FXML
    private void onMarkMitigated() {
        if (incident.current().isPresent()) {
            incident.record(EventType.MITIGATED, Payload.empty(), Optional.empty(), e -> {}, errorLabel::setText);
        }
    }

    @FXML
    private void onSetName() {
        TextInputDialog d = new TextInputDialog(settings.settings().author().orElse(System.getProperty("user.name", "")));
        d.initOwner(root.getScene().getWindow());
        d.setTitle("Your name");
        d.setHeaderText("Your name is shown as the author of what you record.");
        d.setContentText("Name");
        d.showAndWait().map(String::strip).filter(s -> !s.isEmpty())
                .ifPresent(name -> settings.update(settings.settings().withAuthorName(name), errorLabel::setText));
    }

    @FXML
    private void onQuit() {
        root.getScene().getWindow().hide();
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
        timelineModel.newestFirstProperty().set(!timelineModel.newestFirstProperty().get());
    }

    @FXML
    private void onToggleTheme() {
        boolean light = lightThemeItem.isSelected();
        ThemeManager.apply(root.getScene(), !light);
        settings.update(settings.settings().withTheme(light ? Settings.Theme.LIGHT : Settings.Theme.DARK),
                errorLabel::setText);
    }
}
