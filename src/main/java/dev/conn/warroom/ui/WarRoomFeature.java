package dev.conn.warroom.ui;

import dev.conn.command.CommunicationDeadlines;
import dev.conn.command.HandoffCommand;
import dev.conn.command.PeopleService;
import dev.conn.fatigue.FatigueMonitor;
import dev.conn.incident.AckMethod;
import dev.conn.incident.IncidentService;
import dev.conn.incident.ui.IncidentViewModel;
import dev.conn.platform.fx.AlertCentre;
import dev.conn.platform.fx.ShellContribution;
import dev.conn.platform.fx.TaskRunner;
import dev.conn.settings.Policy;
import dev.conn.settings.SecretResolver;
import dev.conn.settings.ui.SettingsViewModel;
import dev.conn.timeline.ui.TimelineViewModel;
import dev.conn.warroom.OutboxWithWarRoom;
import dev.conn.warroom.SyncState;
import dev.conn.warroom.WarRoomConnector;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;

/**
 * The war room feature's one entry point (issue 13): it builds the war room's view models and
 * returns what the feature adds to the main window ({@link #contribution()}): <em>Incident &gt; War
 * room…</em>, the status bar's "War room: offline since 14:02 — 37 events to share" (shown only once
 * a war room is configured: solo consoles see nothing new), connecting at start-up, and
 * disconnecting at close. Build and use on the FX thread.
 */
public final class WarRoomFeature {
    private final WarRoomViewModel model;
    private final WarRoomWatch watch;
    private final IncidentViewModel incident;
    private final SecretResolver secrets;
    private final TaskRunner tasks;
    private final PeopleService people;
    private final Supplier<Window> owner;
    private final ZoneId zone = ZoneId.systemDefault();

    /**
     * @param connector the war room's storage, over this console's journal
     * @param incident the open incident, the author, and where errors go
     * @param incidents the incident log
     * @param settings the console's settings ({@code warRoom}, channels)
     * @param timeline the timeline, which shows the war room's remarks
     * @param secrets resolves the password and channel references
     * @param tasks runs database and network work off the FX thread
     * @param alerts where lost decisions and hand-offs offered to this console are listed
     * @param policy the hand-off ACK timeout and the fatigue thresholds
     * @param clock the clock
     * @param owner the main window, for the dialogs
     * @param shown the Comms tab's outbox, which lists the war room's rows while connected
     */
    public WarRoomFeature(
            WarRoomConnector connector,
            IncidentViewModel incident,
            IncidentService incidents,
            SettingsViewModel settings,
            TimelineViewModel timeline,
            SecretResolver secrets,
            TaskRunner tasks,
            AlertCentre alerts,
            Policy policy,
            Clock clock,
            Supplier<Window> owner,
            OutboxWithWarRoom shown) {
        this.incident = incident;
        this.secrets = secrets;
        this.tasks = tasks;
        this.owner = owner;
        this.people = PeopleService.create(
                incidents,
                policy.handoff().ackTimeout(),
                new SecureRandom(),
                CommunicationDeadlines.NONE,
                new FatigueMonitor(policy.fatigue(), zone));
        this.model = new WarRoomViewModel(connector, settings, secrets, tasks, Platform::runLater, clock, zone, shown);
        this.watch = new WarRoomWatch(
                incident,
                incidents,
                timeline,
                connector,
                tasks,
                alerts,
                clock,
                zone,
                policy.handoff().ackTimeout(),
                () -> model.stateProperty().get().mode() == SyncState.Mode.SOLO ? Optional.empty() : model.saved(),
                model::people,
                this::offerToMe);
        model.onReplicated(watch::pulled);
        model.stateProperty().subscribe((was, now) -> {
            if (was == null || was.toShare() != now.toShare() || was.mode() != now.mode()) {
                watch.refresh(); // "not yet shared" marks follow what was shared
            }
        });
        model.people().subscribe(watch::refresh);
    }

    /**
     * @return true while this console is in a war room: its own outbox dispatcher must not send then
     *     (wrap its lease in {@link dev.conn.warroom.GatedLease#soloOnly})
     */
    public BooleanSupplier inWarRoom() {
        return model::inWarRoom;
    }

    /** @return the view model (tests) */
    WarRoomViewModel model() {
        return model;
    }

    /** @return the Incident menu's War room… item, the status item, and start and stop */
    public ShellContribution contribution() {
        Menu menu = new Menu("_Incident");
        MenuItem open = new MenuItem("War room…");
        open.setId("war-room-menu-item");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+Alt+W"));
        open.setOnAction(e -> showDialog());
        menu.getItems().add(open);
        Label status = new Label();
        status.setId("war-room-status-item");
        status.textProperty().bind(model.statusTextProperty());
        status.visibleProperty().bind(model.statusTextProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        Tooltip tip = new Tooltip();
        tip.textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> WarRoomDialog.describe(model.stateProperty().get(), zone) + "\nClick for the War room.",
                        model.stateProperty()));
        status.setTooltip(tip);
        status.setOnMouseClicked(e -> showDialog());
        model.stateProperty().subscribe(s -> {
            status.getStyleClass().removeIf(c -> c.startsWith("war-room-"));
            status.getStyleClass().add("war-room-" + s.mode().name().toLowerCase(java.util.Locale.ROOT));
        });
        return ShellContribution.builder()
                .menu(menu)
                .statusItem(status)
                .onReady(() -> {
                    model.start();
                    watch.refresh();
                })
                .onClose(model::close)
                .build();
    }

    private void showDialog() {
        new WarRoomDialog(
                        owner.get(),
                        model,
                        Optional.ofNullable(incident.authorProperty().get()).orElse(""),
                        secrets.keyring(),
                        tasks,
                        zone)
                .show();
    }

    private void offerToMe(WarRoomWatch.ForMe f) {
        HandoffForYouDialog[] dialog = new HandoffForYouDialog[1];
        dialog[0] = new HandoffForYouDialog(
                owner.get(),
                f.handoff(),
                (code, refused) -> tasks.run(
                        () -> people.execute(
                                f.incident(),
                                new HandoffCommand.Acknowledge(
                                        f.handoff().offerId(), AckMethod.READ_BACK, Optional.of(code)),
                                incident.authorProperty().get()),
                        ok -> dialog[0].acknowledged(),
                        e -> refused.accept(e.getMessage())));
        dialog[0].show();
    }
}
