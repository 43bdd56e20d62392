package dev.conn.warroom.ui;

import dev.conn.comms.Backoff;
import dev.conn.comms.DispatchLease;
import dev.conn.comms.OutboxDispatcher;
import dev.conn.comms.OutboxWatch;
import dev.conn.comms.Sleeper;
import dev.conn.platform.fx.TaskRunner;
import dev.conn.platform.secrets.KnownSecrets;
import dev.conn.settings.SecretResolver;
import dev.conn.settings.Settings;
import dev.conn.settings.WarRoomSettings;
import dev.conn.settings.ui.SettingsViewModel;
import dev.conn.warroom.Journal;
import dev.conn.warroom.OutboxWithWarRoom;
import dev.conn.warroom.PersonSeen;
import dev.conn.warroom.Replicator;
import dev.conn.warroom.SyncState;
import dev.conn.warroom.WarRoomConnector;
import dev.conn.warroom.WarRoomDispatch;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The war room as the screen sees it: whether and how this console shares (the status bar's "War
 * room: offline since 14:02 — 37 events to share"), who is in the war room, and Connect, Disconnect
 * and Test connection. While connected it runs the replicator and the war room's outbox
 * dispatcher (rows and lease in the war room's database; this console claims the lease only while
 * it has message channels). Properties change on the FX thread only; every connect, test and
 * disconnect runs off it.
 */
public final class WarRoomViewModel {
    /** How long the war room's dispatch lease lasts without a heartbeat (server clock). */
    public static final Duration LEASE_TTL = Duration.ofSeconds(15);

    private final WarRoomConnector connector;
    private final SettingsViewModel settings;
    private final SecretResolver secrets;
    private final TaskRunner tasks;
    private final Executor fx;
    private final Clock clock;
    private final ZoneId zone;
    private final OutboxWithWarRoom shown;
    private final ReadOnlyObjectWrapper<SyncState> state = new ReadOnlyObjectWrapper<>(SyncState.SOLO);
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper("");
    private final ObservableList<PersonSeen> people = FXCollections.observableArrayList();
    private final AtomicReference<Session> session = new AtomicReference<>();
    private volatile boolean inWarRoom;
    private Consumer<Journal.Stored> onReplicated = s -> {};
    /** This console's message channels, kept current with the settings (for the war room's dispatcher). */
    private final AtomicReference<java.util.Map<String, dev.conn.comms.Channel>> channels =
            new AtomicReference<>(java.util.Map.of());

    /** One connection's replicator and dispatcher. */
    private record Session(Replicator replicator, WarRoomDispatch dispatch, OutboxDispatcher dispatcher) {
        void close() {
            dispatcher.close();
            dispatch.close();
            replicator.close();
        }
    }

    /**
     * @param connector the war room's storage
     * @param settings the console's settings ({@code warRoom}, channels); saved on Connect and Disconnect
     * @param secrets resolves the channels' secrets for the war room's dispatcher
     * @param tasks runs connects, tests and disconnects off the FX thread
     * @param fx runs the replicator's news on the FX thread ({@code Platform::runLater})
     * @param clock the clock
     * @param zone the zone the status bar's times are shown in
     * @param shown the Comms tab's outbox, told of the war room's outbox while connected (its rows
     *     counted after every round with the server)
     */
    public WarRoomViewModel(
            WarRoomConnector connector,
            SettingsViewModel settings,
            SecretResolver secrets,
            TaskRunner tasks,
            Executor fx,
            Clock clock,
            ZoneId zone,
            OutboxWithWarRoom shown) {
        this.connector = connector;
        this.settings = settings;
        this.secrets = secrets;
        this.tasks = tasks;
        this.fx = fx;
        this.clock = clock;
        this.zone = zone;
        this.shown = shown;
        inWarRoom = configured(settings.settings()).isPresent();
        settings.settingsProperty()
                .subscribe(s -> channels.set(dev.conn.comms.net.IntegrationChannels.all(s, secrets, clock)));
    }

    private static Optional<WarRoomSettings> configured(Settings s) {
        return s.warRoomSettings().filter(WarRoomSettings::active).filter(w -> w.problem()
                .isEmpty());
    }

    /** @param listener told on the FX thread of every pull that stored something or changed the order */
    public void onReplicated(Consumer<Journal.Stored> listener) {
        this.onReplicated = listener;
    }

    /** @return where sharing stands (SOLO when no war room is configured) */
    public ReadOnlyObjectProperty<SyncState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** @return the status bar's words, empty when solo */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /** @return the war room's people, as the server last saw them */
    public ObservableList<PersonSeen> people() {
        return people;
    }

    /**
     * @return true while this console is in a war room (connected or not): its own outbox
     *     dispatcher must not send then (see {@link dev.conn.warroom.GatedLease#soloOnly})
     */
    public boolean inWarRoom() {
        return inWarRoom;
    }

    /** @return the war room settings saved, if any */
    public Optional<WarRoomSettings> saved() {
        return settings.settings().warRoomSettings();
    }

    /** Connects at start-up if a war room is configured and was not disconnected (FX thread). */
    public void start() {
        configured(settings.settings()).ifPresent(this::open);
    }

    /**
     * Saves the settings (enabled) and connects with them, replacing any connection (FX thread).
     *
     * @param w complete settings
     * @param onError told on the FX thread if the settings cannot be saved
     */
    public void connect(WarRoomSettings w, Consumer<String> onError) {
        WarRoomSettings on = w.withEnabled(true);
        Optional<String> problem = on.problem();
        if (problem.isPresent()) {
            onError.accept(problem.get());
            return;
        }
        settings.update(s -> s.withWarRoom(on), onError);
        open(on);
    }

    /**
     * Stops sharing and works solo, keeping the settings (marked disconnected); events written from
     * now on are shared at the next Connect (FX thread).
     *
     * @param onError told on the FX thread if the settings cannot be saved
     */
    public void disconnect(Consumer<String> onError) {
        saved().ifPresent(w -> settings.update(s -> s.withWarRoom(w.withEnabled(false)), onError));
        inWarRoom = false;
        Session old = session.getAndSet(null);
        shown.warRoom(Optional.empty());
        state.set(SyncState.SOLO);
        statusText.set("");
        people.clear();
        if (old != null) {
            tasks.run(
                    () -> {
                        old.close();
                        return null;
                    },
                    ok -> {},
                    e -> {});
        }
    }

    /**
     * Connects once with these settings and checks everything, creating nothing (Test connection).
     *
     * @param w the settings to try
     * @param onResult told on the FX thread: what was found, or what is wrong
     */
    public void test(WarRoomSettings w, Consumer<String> onResult) {
        Optional<String> problem = w.problem();
        if (problem.isPresent()) {
            onResult.accept(problem.get());
            return;
        }
        tasks.run(() -> connector.test(w), onResult, e -> onResult.accept(e.getMessage()));
    }

    /** Tries to connect now instead of after the backoff (the status item's Retry). */
    public void retryNow() {
        Optional.ofNullable(session.get()).ifPresent(s -> s.replicator().reconnect());
    }

    private void open(WarRoomSettings w) {
        inWarRoom = true;
        KnownSecrets known = secrets.known();
        WarRoomDispatch dispatch = connector.dispatch(
                w,
                DispatchLease.Owner.thisProcess("Conn console of " + w.personName()),
                LEASE_TTL,
                () -> !channels.get().isEmpty());
        // the Comms tab lists the war room's rows too, as this count last found them
        OutboxWatch watch = new OutboxWatch(dispatch.outbox());
        watch.onChange(snapshot -> shown.shared(snapshot.waiting(), snapshot.unknown()));
        shown.warRoom(Optional.of(dispatch.outbox()));
        Replicator replicator = connector.replicator(w, Replicator.Timing.DEFAULT, new Replicator.Listener() {
            @Override
            public void state(SyncState s) {
                fx.execute(() -> show(s));
                if (s.mode() == SyncState.Mode.ONLINE) {
                    recountQuietly(watch); // on the replicator's thread: a slow server delays only sharing
                }
            }

            @Override
            public void replicated(Journal.Stored stored) {
                fx.execute(() -> onReplicated.accept(stored));
            }

            @Override
            public void people(List<PersonSeen> seen) {
                fx.execute(() -> people.setAll(seen));
            }

            @Override
            public void round(int pushed, int pulled) {
                recountQuietly(watch); // rows handed over, outcomes recorded by any console
            }
        });
        OutboxDispatcher dispatcher = new OutboxDispatcher(
                dispatch.outbox(),
                dispatch.log(),
                watch,
                dispatch.lease(),
                id -> Optional.ofNullable(channels.get().get(id)),
                Sleeper.REAL,
                Backoff.standard(new SecureRandom()),
                known);
        Session next = new Session(replicator, dispatch, dispatcher);
        Session old = session.getAndSet(next);
        show(new SyncState(SyncState.Mode.CONNECTING, Optional.empty(), 0, Optional.empty(), Optional.empty()));
        tasks.run(
                () -> {
                    if (old != null) {
                        old.close();
                    }
                    replicator.start();
                    dispatcher.start();
                    return null;
                },
                ok -> {},
                e -> show(new SyncState(
                        SyncState.Mode.REFUSED,
                        Optional.of(clock.instant()),
                        0,
                        Optional.of("Could not start sharing: " + e.getMessage()),
                        Optional.empty())));
    }

    private void show(SyncState s) {
        if (!inWarRoom && s.mode() != SyncState.Mode.SOLO) {
            return; // news from a session closed a moment ago
        }
        state.set(s);
        statusText.set(s.statusText(zone));
    }

    private static void recountQuietly(OutboxWatch watch) {
        try {
            watch.recount();
        } catch (RuntimeException e) {
            // the war room cannot be read now: its rows stay as last counted until the next round
        }
    }

    /** Stops sharing and sending, blocking up to about 10 s (Conn closes). */
    public void close() {
        Session s = session.getAndSet(null);
        shown.warRoom(Optional.empty());
        if (s != null) {
            s.close();
        }
    }
}
