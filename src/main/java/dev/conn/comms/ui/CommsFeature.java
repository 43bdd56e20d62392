package dev.conn.comms.ui;

import dev.conn.comms.Backoff;
import dev.conn.comms.Channel;
import dev.conn.comms.CommsService;
import dev.conn.comms.DispatchLease;
import dev.conn.comms.MessageTemplates;
import dev.conn.comms.Outbox;
import dev.conn.comms.OutboxDispatcher;
import dev.conn.comms.OutboxWatch;
import dev.conn.comms.Sleeper;
import dev.conn.comms.net.ChannelClient;
import dev.conn.incident.Audience;
import dev.conn.incident.IncidentService;
import dev.conn.incident.ui.IncidentViewModel;
import dev.conn.platform.fx.AlertCentre;
import dev.conn.platform.fx.ShellContribution;
import dev.conn.platform.fx.TaskRunner;
import dev.conn.settings.Policy;
import dev.conn.settings.SecretResolver;
import dev.conn.settings.ui.SettingsViewModel;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;

/**
 * The comms feature's one entry point: it builds the outbox (H2), the dispatch lease, the channel
 * clients, the dispatcher, the comms commands and the Comms tab's view model, routes the comms
 * conditions into the alert centre, and returns what it adds to the main window ({@link
 * #contribution()}): the Comms tab (Shortcut+Shift+C), the Comms menu (Compose message, Shortcut+M;
 * Message channels, Shortcut+Alt+C), the outbox status item, the "Message channels" settings
 * section, and its hooks: once the incident is on screen, the outbox's recovery and the
 * dispatcher's start off the FX thread; before closing, the warning about unsent messages; on
 * close, the dispatcher's stop, which lets the dispatch lease go. As the feature's composition
 * point it is the one class of {@code comms.ui} that knows the JDBC and network adapters. Build and
 * use on the FX thread.
 */
public final class CommsFeature {
    /** Opens the Comms tab; alerts name it by its display text. */
    static final KeyCombination COMMS_TAB = KeyCombination.keyCombination("Shortcut+Shift+C");

    /** Opens the composer; alerts name it by its display text. */
    static final KeyCombination COMPOSE = KeyCombination.keyCombination("Shortcut+M");

    private final IncidentViewModel incident;
    private final SettingsViewModel settings;
    private final TaskRunner tasks;
    private final Clock clock;
    private final Supplier<Window> owner;
    private final SecretResolver secrets;
    private final OutboxDispatcher dispatcher;
    private final CommsViewModel model;
    private final OutboxWatch watch;
    private CommsView view;

    /**
     * @param incident the open incident, the author, the tick, and where errors go
     * @param incidents the incident log the commands and the dispatcher's outcomes are written to
     * @param outbox the data directory's outbox (H2: {@code comms.store.JdbcOutbox}; the event
     *     store must be built with {@code comms.store.JdbcOutboxProjection}), built by the
     *     composition root so this screen package never reaches the store; its dispatcher sends from it
     * @param shown what the Comms tab lists, counts and settles: {@code outbox}, or with a war room
     *     the console's own plus the war room's ({@code warroom.OutboxWithWarRoom}); call {@link
     *     #recountOutbox()} when it changes
     * @param lease the dispatch lease deciding which Conn process sends (ADR 0009); a war room
     *     gates it so only the war room's sending console sends
     * @param settings the settings (the channels, the author)
     * @param secrets resolves the channels' secret references when they send
     * @param policy the comms section of the policy
     * @param dataDirectory where the message templates live
     * @param tasks the background runner for commands, the outbox's recovery and the templates
     * @param alerts the alert centre the comms conditions are listed in; null for none
     * @param owner the window the dialogs belong to
     */
    public CommsFeature(
            IncidentViewModel incident,
            IncidentService incidents,
            Outbox outbox,
            Outbox shown,
            DispatchLease lease,
            SettingsViewModel settings,
            SecretResolver secrets,
            Policy.Comms policy,
            Path dataDirectory,
            TaskRunner tasks,
            AlertCentre alerts,
            Supplier<Window> owner) {
        this.incident = incident;
        this.settings = settings;
        this.tasks = tasks;
        this.clock = incidents.clock();
        this.owner = owner;
        this.secrets = secrets;
        this.watch = new OutboxWatch(shown);
        // channels saved in the editor take effect at once: the dispatcher reads the current map
        AtomicReference<Map<String, Channel>> clients = new AtomicReference<>(Map.of());
        settings.settingsProperty()
                .subscribe(s -> clients.set(dev.conn.comms.net.IntegrationChannels.all(s, secrets, clock)));
        // one dispatcher per data directory: the lease decides which Conn process sends (ADR 0009)
        dispatcher = new OutboxDispatcher(
                outbox,
                incidents.log(),
                watch,
                lease,
                id -> Optional.ofNullable(clients.get().get(id)),
                Sleeper.REAL,
                Backoff.standard(new SecureRandom()),
                secrets.known());
        model = new CommsViewModel(
                incident,
                new CommsService(incidents.log(), shown, watch),
                policy,
                () -> settings.settingsProperty().get().channelsOrEmpty(),
                new MessageTemplates(dataDirectory),
                tasks,
                Platform::runLater);
        if (alerts != null) {
            CommsAlerts.route(model, alerts);
        }
    }

    /**
     * The tab's outbox changed elsewhere (a war room's rows): counts it again and tells the tab.
     * Reads the local database only; call off the FX thread. Never throws.
     */
    public void recountOutbox() {
        try {
            watch.recount();
        } catch (RuntimeException e) {
            // the next change or the dispatcher's poll counts again
        }
    }

    /** @return the Comms tab, menu, status item, settings section and hooks */
    public ShellContribution contribution() {
        Label waiting = new Label();
        waiting.setId("outboxStatus");
        waiting.textProperty().bind(model.waitingProperty());
        return ShellContribution.builder()
                .panel(new ShellContribution.WorkspacePanel("comms", "Comms", COMMS_TAB, this::view))
                .menu(menu())
                .statusItem(waiting)
                .settingsSection(() -> new ChannelsSettingsSection(
                        () -> settings.settings().channelsOrEmpty(), () -> Platform.runLater(this::editChannels)))
                .onReady(this::startSending)
                .mayClose(this::mayClose)
                .onClose(() -> {
                    model.dispose();
                    dispatcher.close(); // lets the lease go: another window takes over at once
                })
                .build();
    }

    /**
     * Opens the composer with a text written elsewhere (the hand-off brief) for the responders'
     * channels; it stays editable. Reports an error if no incident is open.
     *
     * @param subject the subject
     * @param body the message
     */
    public void composeForResponders(String subject, String body) {
        incident.current()
                .ifPresentOrElse(
                        st -> {
                            ComposeMessageDialog d = new ComposeMessageDialog(owner.get(), model, st);
                            d.prefill(Audience.RESPONDERS, subject, body);
                            d.show();
                        },
                        () -> incident.reportError("Declare or open an incident first (Ctrl+N)"));
    }

    private CommsView view() {
        if (view == null) {
            view = new CommsView(model, this::compose);
        }
        return view;
    }

    private void compose() {
        incident.current()
                .ifPresentOrElse(
                        st -> {
                            ComposeMessageDialog d = new ComposeMessageDialog(owner.get(), model, st);
                            // the checklist item selected in the Comms tab is what the message is for
                            Optional.ofNullable(view)
                                    .flatMap(CommsView::selectedItem)
                                    .filter(i -> i.state().isOpen())
                                    .ifPresent(d::forItem);
                            d.show();
                        },
                        () -> incident.reportError("Declare or open an incident first (Ctrl+N)"));
    }

    private void editChannels() {
        new ChannelsDialog(
                        owner.get(),
                        new ChannelsViewModel(settings, ChannelClient.factory(secrets, clock), tasks, clock))
                .show();
    }

    private Menu menu() {
        MenuItem compose = new MenuItem("Compose message…");
        compose.setId("composeMenuItem");
        compose.setAccelerator(COMPOSE);
        compose.setOnAction(e -> compose());
        MenuItem channels = new MenuItem("Message channels…");
        channels.setId("channelsMenuItem");
        channels.setAccelerator(KeyCombination.keyCombination("Shortcut+Alt+C"));
        channels.setOnAction(e -> editChannels());
        Menu menu = new Menu("Comms");
        menu.setId("commsMenu");
        menu.getItems().addAll(compose, channels);
        return menu;
    }

    /**
     * After the incident is on screen: marks what a crash left in flight as delivery-unknown and
     * starts sending, on the background runner (the IC's first look comes first).
     */
    private void startSending() {
        tasks.run(
                () -> {
                    dispatcher.recover();
                    dispatcher.start();
                    return null;
                },
                ok -> {},
                e -> incident.reportError("Could not start sending messages: " + e.getMessage()));
    }

    /** Asks before closing a window that would leave messages unsent; true to close. */
    private boolean mayClose() {
        if (!model.closingLeavesMessagesUnsent()) {
            return true;
        }
        ButtonType closeAnyway = new ButtonType("Close Conn", ButtonBar.ButtonData.OK_DONE);
        ButtonType keepOpen = new ButtonType("Keep Conn open", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert warn = new Alert(
                Alert.AlertType.WARNING,
                CommsText.waitingText(model.waitingCount(), model.offline())
                        + ". They stay in the outbox and go out when Conn is opened again.",
                closeAnyway,
                keepOpen);
        warn.initOwner(owner.get());
        warn.setHeaderText("Messages have not been sent yet");
        return warn.showAndWait().orElse(keepOpen) == closeAnyway;
    }
}
