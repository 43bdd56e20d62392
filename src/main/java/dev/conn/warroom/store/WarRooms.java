package dev.conn.warroom.store;

import dev.conn.incident.EventStore;
import dev.conn.incident.IncidentLog;
import dev.conn.settings.SecretResolver;
import dev.conn.settings.WarRoomSettings;
import dev.conn.warroom.Person;
import dev.conn.warroom.Replicator;
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
        EventStore.Subscription sub = store.subscribe(events -> r.wake());
        r.onClose(sub::cancel);
        return r;
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
