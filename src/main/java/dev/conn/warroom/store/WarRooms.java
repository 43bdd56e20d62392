package dev.conn.warroom.store;

import dev.conn.incident.EventStore;
import dev.conn.incident.IncidentLog;
import dev.conn.settings.SecretResolver;
import dev.conn.settings.WarRoomSettings;
import dev.conn.warroom.EventShare;
import dev.conn.warroom.GatedLease;
import dev.conn.warroom.Person;
import dev.conn.warroom.Replicator;
import dev.conn.warroom.WarRoomConnector;
import dev.conn.warroom.WarRoomDispatch;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * Builds a console's war-room sharing from its journal and settings: the one place that knows the
 * JDBC classes, for the composition root, the CLI and tests.
 */
public final class WarRooms {
    private WarRooms() {}

    /**
     * A replicator for one console, woken by every append of this process (appends of other
     * processes on the same data directory, such as the CLI, are found by its poll).
     *
     * @param dataSource the console's H2 database
     * @param store the event store on it
     * @param log the one writer on it
     * @param settings the war room settings (complete: {@link WarRoomSettings#problem()} empty)
     * @param secrets resolves the password reference at each connect
     * @param clock for the offline-since time and the heartbeat
     * @param timing intervals and batch sizes
     * @param listener told of state, pulls and presence
     * @return the replicator, not started; its subscription to the store ends when it is closed
     * @throws IllegalArgumentException if the settings are incomplete
     */
    public static Replicator replicator(
            DataSource dataSource,
            EventStore store,
            IncidentLog log,
            WarRoomSettings settings,
            SecretResolver secrets,
            Clock clock,
            Replicator.Timing timing,
            Replicator.Listener listener) {
        JdbcWarRoomServer server = new JdbcWarRoomServer(settings, secrets);
        JdbcJournal journal = new JdbcJournal(dataSource, log);
        Replicator r = new Replicator(
                journal, server, new Person(settings.personId(), settings.personName()), clock, timing, listener);
        EventStore.Subscription sub = store.subscribe(events -> r.shareSoon());
        r.onClose(sub::cancel);
        return r;
    }

    /**
     * The war room's outbox and dispatch lease for one console (see {@link WarRoomDispatch}).
     *
     * @param settings the war room settings (complete)
     * @param secrets resolves the password reference at each connect
     * @param log this console's one writer, through which the outcomes are recorded
     * @param owner this console's process
     * @param ttl how long the lease lasts without a heartbeat (server time)
     * @param hasChannels true while this console has message channels (only then does it claim)
     * @return the outbox and lease; close it to drop its connections
     */
    public static WarRoomDispatch dispatch(
            WarRoomSettings settings,
            SecretResolver secrets,
            IncidentLog log,
            dev.conn.comms.DispatchLease.Owner owner,
            java.time.Duration ttl,
            java.util.function.BooleanSupplier hasChannels) {
        JdbcWarRoomServer server = new JdbcWarRoomServer(settings, secrets);
        JdbcWarRoomConnections connections = new JdbcWarRoomConnections(server::open);
        return new WarRoomDispatch(
                new JdbcWarRoomOutbox(connections),
                GatedLease.withChannels(new JdbcWarRoomLease(connections, owner, ttl), hasChannels),
                log,
                connections::close);
    }

    /**
     * The war room's storage for the composition root: replicators, Test connection, the outbox
     * and lease, and the journal's view of what is shared.
     *
     * @param dataSource the console's H2 database
     * @param store the event store on it
     * @param log the one writer on it
     * @param secrets resolves password references at each connect
     * @param clock for the offline-since time and the heartbeat
     * @return the connector
     */
    public static WarRoomConnector connector(
            DataSource dataSource, EventStore store, IncidentLog log, SecretResolver secrets, Clock clock) {
        JdbcJournal journal = new JdbcJournal(dataSource, log);
        return new WarRoomConnector() {
            @Override
            public Replicator replicator(
                    WarRoomSettings settings, Replicator.Timing timing, Replicator.Listener listener) {
                return WarRooms.replicator(dataSource, store, log, settings, secrets, clock, timing, listener);
            }

            @Override
            public String test(WarRoomSettings settings) {
                return new JdbcWarRoomServer(settings, secrets).test();
            }

            @Override
            public WarRoomDispatch dispatch(
                    WarRoomSettings settings,
                    dev.conn.comms.DispatchLease.Owner owner,
                    java.time.Duration ttl,
                    java.util.function.BooleanSupplier hasChannels) {
                return WarRooms.dispatch(settings, secrets, log, owner, ttl, hasChannels);
            }

            @Override
            public java.util.List<EventShare> shares(dev.conn.incident.IncidentId incident) {
                return journal.reads().shares(incident);
            }
        };
    }

    /**
     * Shares this data directory's events not yet shared and brings in what the others shared, once
     * (the CLI: before a command reads, after it writes). Bounded by the connection timeouts.
     *
     * @param dataSource the console's H2 database
     * @param store the event store on it
     * @param log the one writer on it
     * @param settings the war room settings (complete)
     * @param secrets resolves the password reference
     * @param clock the clock
     * @return how many events went each way
     * @throws dev.conn.warroom.WarRoomUnreachableException if the server cannot be reached
     * @throws dev.conn.warroom.WarRoomRefusedException if it refused
     */
    public static Replicator.SyncResult shareOnce(
            DataSource dataSource,
            EventStore store,
            IncidentLog log,
            WarRoomSettings settings,
            SecretResolver secrets,
            Clock clock) {
        Replicator r = new Replicator(
                new JdbcJournal(dataSource, log),
                new JdbcWarRoomServer(settings, secrets),
                new Person(settings.personId(), settings.personName()),
                clock,
                Replicator.Timing.DEFAULT,
                new Replicator.Listener() {});
        return r.syncOnce();
    }

    /**
     * @param dataSource the console's H2 database
     * @param log the one writer on it
     * @return the console's journal as the war room sees it
     */
    public static JdbcJournal journal(DataSource dataSource, IncidentLog log) {
        return new JdbcJournal(dataSource, log);
    }
}
