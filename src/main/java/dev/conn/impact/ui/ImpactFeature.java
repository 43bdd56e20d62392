package dev.conn.impact.ui;

import dev.conn.impact.ImpactLog;
import dev.conn.impact.ImpactService;
import dev.conn.impact.SourceLanes;
import dev.conn.incident.IncidentLog;
import dev.conn.incident.ui.IncidentViewModel;
import dev.conn.platform.fx.ShellContribution;
import dev.conn.platform.fx.TaskRunner;
import dev.conn.settings.MonitoringSource;
import dev.conn.settings.ui.SettingsViewModel;
import dev.conn.shell.EditorSettingsSection;
import dev.conn.timeline.ui.TimelineViewModel;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;

/**
 * The impact feature's one entry point: it builds the impact panel's view model (fetching on a
 * lane per monitoring source, {@link SourceLanes}; writing through the one writer, {@link
 * ImpactLog}) and returns what it adds to the main window ({@link #contribution()}): the Impact tab
 * (Shortcut+Shift+I), the Impact menu, the "Monitoring sources" section of the settings dialog, and
 * on close, the source lanes shut down. Build and use on the FX thread.
 */
public final class ImpactFeature {
    /** The Impact tab's panel id. */
    public static final String PANEL_ID = "impact";

    private final ImpactViewModel model;
    private final SourceLanes lanes;
    private final SettingsViewModel settings;
    private final Consumer<String> showPanel;
    private ImpactView view;

    /**
     * @param incident the open incident, the author, the 1-second tick, and where events go
     * @param settings the monitoring sources and the refresh interval
     * @param timeline asked to select an entry when a marker is clicked
     * @param service fetches and caches series (in the app, {@code MetricClients.service})
     * @param log the one writer of the incident log
     * @param tasks runs the panel's writes off the FX thread
     * @param fxThread runs fetch results on the FX thread ({@code Platform::runLater} in the app)
     * @param showPanel selects a workspace tab by id (the menu's actions show the Impact tab)
     * @param clock the refresh interval's clock
     */
    public ImpactFeature(
            IncidentViewModel incident,
            SettingsViewModel settings,
            TimelineViewModel timeline,
            ImpactService service,
            IncidentLog log,
            TaskRunner tasks,
            Executor fxThread,
            Consumer<String> showPanel,
            Clock clock) {
        this.settings = settings;
        this.showPanel = Objects.requireNonNull(showPanel, "showPanel");
        // each monitoring source fetches on a lane of its own; nothing shares the shell's runners
        this.lanes = new SourceLanes(fxThread);
        this.model = new ImpactViewModel(
                incident, settings, timeline, service, service::client, lanes, new ImpactLog(log), tasks, clock);
    }

    /** @return the Impact tab, the Impact menu, the monitoring sources settings and the lanes' close */
    public ShellContribution contribution() {
        return ShellContribution.builder()
                .panel(new ShellContribution.WorkspacePanel(
                        PANEL_ID, "Impact", KeyCombination.valueOf("Shortcut+Shift+I"), this::view))
                .menu(menu())
                .settingsSection(() -> new EditorSettingsSection(
                        "Monitoring sources",
                        () -> EditorSettingsSection.configured(settings.settings().impactSettings().sources().stream()
                                .map(MonitoringSource::name)
                                .toList()),
                        "Edit monitoring sources…",
                        () -> shown().onManageSources()))
                .onClose(lanes::close)
                .build();
    }

    /** @return the panel's view model (tests) */
    ImpactViewModel model() {
        return model;
    }

    private ImpactView view() {
        if (view == null) {
            view = new ImpactView(model);
        }
        return view;
    }

    /** @return the panel, built if needed, on screen */
    private ImpactView shown() {
        ImpactView v = view();
        showPanel.accept(PANEL_ID);
        return v;
    }

    private Menu menu() {
        Menu menu = new Menu("Impact");
        menu.setId("impact-menu");
        menu.getItems()
                .addAll(
                        item("Add impact query…", "Shortcut+Alt+I", () -> shown().onAddQuery()),
                        item("Refresh impact graphs", "F5", () -> {
                            shown();
                            model.refresh();
                        }),
                        item("Snapshot all impact graphs", "Shortcut+Alt+S", () -> shown().onSnapshotAll()),
                        item("Manage monitoring sources…", "Shortcut+Alt+M", () -> shown().onManageSources()));
        return menu;
    }

    private static MenuItem item(String text, String shortcut, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setAccelerator(KeyCombination.valueOf(shortcut));
        item.setOnAction(e -> action.run());
        return item;
    }
}
