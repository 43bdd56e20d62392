package dev.conn.warroom;

import dev.conn.incident.EntryCommand;
import dev.conn.incident.EntryDecider;
import dev.conn.incident.Event;
import dev.conn.incident.EventStore;
import dev.conn.incident.HeaderCommand;
import dev.conn.incident.HeaderDecider;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentLog;
import dev.conn.incident.Severity;
import dev.conn.platform.db.Database;
import dev.conn.platform.secrets.KnownSecrets;
import dev.conn.settings.SecretRef;
import dev.conn.settings.SecretResolver;
import dev.conn.settings.WarRoomSettings;
import dev.conn.warroom.store.JdbcJournal;
import dev.conn.warroom.store.WarRooms;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A headless console for the war-room tests: its own data directory (H2 journal), the one writer,
 * and a replicator sharing with a war room. Used in the test JVM and by {@link ConsoleChild} in child
 * JVMs.
 */
public final class TestConsole implements AutoCloseable {
    /** Fast intervals for tests: poll 300 ms, heartbeat 1 s, reconnect 100-500 ms, refused 1 s. */
    public static final Replicator.Timing FAST = new Replicator.Timing(
            Duration.ofMillis(300),
            Duration.ofSeconds(1),
            Duration.ofMillis(100),
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            500,
            2_000);

    final Database database;
    final EventStore store;
    final IncidentLog log;
    final JdbcJournal journal;
    final dev.conn.command.PeopleService people;
    final Replicator replicator;
    final String author;
    final WarRoomSettings settings;
    final SecretResolver secrets;
    dev.conn.comms.OutboxDispatcher dispatcher;
    WarRoomDispatch dispatch;
    final AtomicReference<SyncState> state = new AtomicReference<>(SyncState.SOLO);
    final List<SyncState> states = new CopyOnWriteArrayList<>();
    final List<Journal.Stored> pulls = new CopyOnWriteArrayList<>();

    /**
     * @param dir the data directory
     * @param url the war room's JDBC URL
     * @param user the role
     * @param password its password (given through an environment reference)
     * @param person who sits at this console
     * @param timing the replicator's intervals
     */
    public TestConsole(Path dir, String url, String user, String password, Person person, Replicator.Timing timing) {
        this.database = Database.open(dir);
        this.store = EventStore.jdbc(
                database.dataSource(),
                List.of(
                        new dev.conn.comms.store.JdbcOutboxProjection(),
                        new dev.conn.comms.store.JdbcIntegrationOutboxProjection()));
        this.log = new IncidentLog(store, Clock.systemUTC());
        this.journal = WarRooms.journal(database.dataSource(), log);
        this.author = person.name();
        Duration ackTimeout = Duration.ofMinutes(5);
        this.people = new dev.conn.command.PeopleService(
                new dev.conn.incident.IncidentService(store, log),
                new dev.conn.command.RosterDecider(ackTimeout),
                new dev.conn.command.HandoffDecider(
                        ackTimeout, new java.security.SecureRandom(), dev.conn.command.CommunicationDeadlines.NONE),
                new dev.conn.command.TaskDecider(ackTimeout),
                new dev.conn.fatigue.FatigueAlertDecider(new dev.conn.fatigue.FatigueMonitor(
                        dev.conn.settings.PolicyFile.defaults().fatigue(), java.time.ZoneOffset.UTC)));
        this.settings =
                new WarRoomSettings(url, user, SecretRef.env("CONN_WAR_ROOM_PW"), person.id(), person.name(), null);
        this.secrets = new SecretResolver(
                password == null ? Map.of() : Map.of("CONN_WAR_ROOM_PW", password),
                SecretResolver.SecretStore.unavailable(),
                new KnownSecrets());
        this.replicator = WarRooms.replicator(
                database.dataSource(),
                store,
                log,
                settings,
                secrets,
                Clock.systemUTC(),
                timing,
                new Replicator.Listener() {
                    @Override
                    public void state(SyncState s) {
                        state.set(s);
                        states.add(s);
                    }

                    @Override
                    public void replicated(Journal.Stored stored) {
                        pulls.add(stored);
                    }
                });
    }

    /** Starts sharing. */
    public TestConsole start() {
        replicator.start();
        return this;
    }

    /** @return the state last published */
    public SyncState state() {
        return state.get();
    }

    /**
     * @param title the title
     * @return the new incident
     */
    public IncidentId declare(String title) {
        IncidentId id = new IncidentId(Event.newId());
        log.execute(
                id,
                new HeaderDecider(),
                new HeaderCommand.Declare(title, Severity.SEV2, "", Optional.empty(), author),
                author);
        return id;
    }

    /**
     * @param incident the incident
     * @param text the note
     * @return the stored event
     */
    public Event note(IncidentId incident, String text) {
        return log.execute(
                        incident,
                        new EntryDecider(),
                        new EntryCommand.Add(Event.newId(), EntryCommand.Kind.NOTE, text, Optional.empty()),
                        author)
                .get(0);
    }

    /**
     * One line per event of the whole journal, in the log's order: what must be identical on every
     * console of a war room.
     *
     * @return "serverSeq id incident type author payload" lines
     */
    public List<String> logLines() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT server_seq, id, incident_id, type, author,"
                        + " occurred_at, payload FROM event ORDER BY server_seq NULLS LAST, seq");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getObject(1) + " " + rs.getObject(2) + " " + rs.getObject(3) + " " + rs.getString(4) + " "
                        + rs.getString(5) + " "
                        + rs.getObject(6, java.time.OffsetDateTime.class).toInstant() + " "
                        + rs.getString(7));
            }
        }
        return out;
    }

    /**
     * Runs a people command (roster, hand-off) through the one writer.
     *
     * @param incident the incident
     * @param command the command
     * @return what was appended and the people after
     */
    public dev.conn.command.PeopleService.Result people(IncidentId incident, dev.conn.command.PeopleCommand command) {
        return people.execute(incident, command, author);
    }

    /**
     * @param incident an incident
     * @return its people as this console folds its journal, in the log's order
     */
    public dev.conn.command.PeopleFold folded(IncidentId incident) {
        dev.conn.command.PeopleFold f = new dev.conn.command.PeopleFold(Duration.ofMinutes(5));
        f.addAll(store.readIncident(incident, dev.conn.command.PeopleFold.TYPES));
        return f;
    }

    /**
     * @param incident an incident
     * @return the decisions this console wrote that lost to another console's
     */
    public List<dev.conn.incident.CommandFold.Supersession> lost(IncidentId incident) {
        return LostDecisions.of(store.readIncident(incident, dev.conn.incident.CommandFold.TYPES), e -> e.author()
                .equals(author));
    }

    /**
     * Starts this console's dispatcher of the war room's outbox, for one JSON webhook channel "hook".
     *
     * @param hookUrl the webhook's URL
     * @param ttl the lease time
     */
    public void startDispatch(String hookUrl, Duration ttl) {
        dev.conn.platform.secrets.KnownSecrets known = new dev.conn.platform.secrets.KnownSecrets();
        SecretResolver hookSecret =
                new SecretResolver(Map.of("HOOK_URL", hookUrl), SecretResolver.SecretStore.unavailable(), known);
        dev.conn.platform.http.HttpTransport http =
                dev.conn.platform.http.HttpTransport.over(new okhttp3.OkHttpClient.Builder()
                        .connectTimeout(Duration.ofSeconds(5))
                        .readTimeout(Duration.ofSeconds(30))
                        .callTimeout(Duration.ofSeconds(30))
                        .build());
        dev.conn.comms.Channel hook = new dev.conn.comms.net.JsonWebhookClient(
                "hook", SecretRef.env("HOOK_URL"), hookSecret, http, Clock.systemUTC());
        dispatch = WarRooms.dispatch(
                settings,
                secrets,
                log,
                dev.conn.comms.DispatchLease.Owner.thisProcess("test console " + author),
                ttl,
                () -> true);
        dispatcher = new dev.conn.comms.OutboxDispatcher(
                dispatch.outbox(),
                dispatch.log(),
                new dev.conn.comms.OutboxWatch(dispatch.outbox()),
                dispatch.lease(),
                id -> "hook".equals(id) ? Optional.of(hook) : Optional.empty(),
                dev.conn.comms.Sleeper.REAL,
                dev.conn.comms.Backoff.standard(new java.util.Random()),
                known);
        dispatcher.start();
    }

    /**
     * Leaves every message of the war room's outbox that is still queued as delivery-unknown, as a
     * lease holder whose answers were lost would: claims the war room's lease, puts each row in
     * flight, records {@code MESSAGE_DELIVERY_UNKNOWN} through the one writer with the row's fenced
     * compare-and-set, and lets the lease go.
     *
     * @return how many rows it left unknown
     */
    public int leaveQueuedMessagesUnknown() {
        try (WarRoomDispatch d = WarRooms.dispatch(
                settings,
                secrets,
                log,
                dev.conn.comms.DispatchLease.Owner.thisProcess("a holder whose answers were lost"),
                Duration.ofSeconds(30),
                () -> true)) {
            long token = ((dev.conn.comms.DispatchLease.Claim.Held) d.lease().claim()).token();
            List<dev.conn.comms.OutboxMessage> rows = d.outbox().queued();
            for (dev.conn.comms.OutboxMessage row : rows) {
                if (!d.outbox().markInFlight(row.seq(), token)) {
                    throw new IllegalStateException("row " + row.seq() + " did not go in flight");
                }
                log.execute(
                        row.incidentId(),
                        new dev.conn.comms.DeliveryDecider(),
                        new dev.conn.comms.DeliveryCommand.DeliveryUnknown(
                                row.messageId(), row.channel(), "the answer was lost"),
                        "Conn outbox",
                        Optional.of(d.outbox().markUnknown(row.seq(), token, "the answer was lost")));
            }
            d.lease().release(token);
            return rows.size();
        }
    }

    /** @return this console's own outbox */
    public dev.conn.comms.store.JdbcOutbox localOutbox() {
        return new dev.conn.comms.store.JdbcOutbox(database.dataSource());
    }

    /**
     * Queues a message to the "hook" channel, as the composer does.
     *
     * @param incident the incident
     * @param subject its subject
     */
    public void queue(IncidentId incident, String subject) {
        dev.conn.comms.store.JdbcOutbox outbox = localOutbox();
        new dev.conn.comms.CommsService(log, outbox, new dev.conn.comms.OutboxWatch(outbox))
                .execute(
                        incident,
                        new dev.conn.comms.CommsCommand.QueueMessage(
                                java.util.UUID.randomUUID(),
                                dev.conn.incident.Audience.RESPONDERS,
                                List.of("hook"),
                                subject,
                                "Body of " + subject,
                                dev.conn.incident.CommsEvent.MessageExtras.NONE,
                                Optional.empty(),
                                Optional.empty()),
                        author);
    }

    /** @return the journal */
    public JdbcJournal journal() {
        return journal;
    }

    /** @return the one writer */
    public IncidentLog log() {
        return log;
    }

    /** @return the event store (subscribe to see what reaches this console's journal) */
    public EventStore store() {
        return store;
    }

    /** @return the replicator ({@link Replicator#reconnect()} as the Connect button does) */
    public Replicator replicator() {
        return replicator;
    }

    @Override
    public void close() {
        if (dispatcher != null) {
            dispatcher.close();
            dispatch.close();
        }
        replicator.close();
        database.close();
    }
}
