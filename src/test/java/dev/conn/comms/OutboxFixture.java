package dev.conn.comms;

import dev.conn.comms.store.JdbcDispatchLease;
import dev.conn.comms.store.JdbcOutbox;
import dev.conn.comms.store.JdbcOutboxProjection;
import dev.conn.incident.Audience;
import dev.conn.incident.CommsEvent.MessageExtras;
import dev.conn.incident.Declaration;
import dev.conn.incident.EventBody;
import dev.conn.incident.EventStore;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.incident.Severity;
import dev.conn.platform.db.Database;
import dev.conn.platform.http.HttpTransport;
import dev.conn.platform.secrets.KnownSecrets;
import dev.conn.settings.SecretResolver;
import dev.conn.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import okhttp3.OkHttpClient;

/**
 * An H2 database whose event store writes the outbox's rows with their {@code MESSAGE_QUEUED} (as
 * the app's does), an incident, the outbox and a dispatcher on a stepping clock.
 */
final class OutboxFixture implements AutoCloseable {
    static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    final MutableClock clock = new MutableClock(T0);
    final Database database;
    final EventStore store;
    final IncidentService incidents;
    final JdbcOutbox outbox;
    final OutboxWatch watch;
    final CommsService comms;
    final IncidentId incident;
    final Map<String, Channel> channels = new HashMap<>();
    final Map<String, String> env = new HashMap<>();

    /** What every resolver of this fixture remembers, shared with the dispatcher (as in the app). */
    final KnownSecrets known = new KnownSecrets();

    /** @return a resolver of {@link #env} as it is now */
    SecretResolver secrets() {
        return new SecretResolver(env, SecretResolver.SecretStore.unavailable(), known);
    }

    /** Short timeouts: a hanging server costs the test about a second. */
    final OkHttpClient client = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(2))
            .readTimeout(Duration.ofMillis(800))
            .callTimeout(Duration.ofSeconds(5))
            .build();

    /** Conn's one transport over {@link #client}. */
    final HttpTransport http = HttpTransport.over(client);

    OutboxFixture(Path dir) {
        database = Database.open(dir);
        store = EventStore.jdbc(database.dataSource(), List.of(new JdbcOutboxProjection()));
        incidents = new IncidentService(store, clock);
        outbox = new JdbcOutbox(database.dataSource());
        watch = new OutboxWatch(outbox);
        comms = new CommsService(incidents.log(), outbox, watch);
        incident = incidents
                .declare(
                        new Declaration("Checkout errors", Severity.SEV1, "5xx on checkout", Optional.empty(), "Alice"),
                        "Alice")
                .incidentId();
    }

    /**
     * @param who the owner's description
     * @return a lease of this database for a new owner, on the fixture's clock
     */
    JdbcDispatchLease lease(String who) {
        return new JdbcDispatchLease(
                database.dataSource(), clock, DispatchLease.Owner.thisProcess(who), JdbcDispatchLease.DEFAULT_TTL);
    }

    OutboxDispatcher dispatcher() {
        return dispatcher(lease("test dispatcher"));
    }

    OutboxDispatcher dispatcher(DispatchLease lease) {
        return new OutboxDispatcher(
                outbox,
                incidents.log(),
                watch,
                lease,
                id -> Optional.ofNullable(channels.get(id)),
                clock::advance,
                Backoff.standard(new Random(42)),
                known);
    }

    /**
     * As if a Conn process marked the row in flight and died before the answer: another owner
     * takes the lease, marks the row, and never renews; the clock then passes its expiry.
     *
     * @param seq a QUEUED row
     */
    void crashMidSend(long seq) {
        JdbcDispatchLease dead = lease("a process that dies");
        DispatchLease.Claim c = dead.claim();
        if (!(c instanceof DispatchLease.Claim.Held h) || !outbox.markInFlight(seq, h.token())) {
            throw new IllegalStateException("could not mark row " + seq + " in flight: " + c);
        }
        clock.advance(dead.ttl().plusSeconds(1));
    }

    UUID send(Audience audience, String subject, String... channelIds) {
        return queue(audience, subject, MessageExtras.NONE, channelIds);
    }

    UUID sendStatus(String subject, MessageExtras extras, String channelId) {
        return queue(Audience.STATUS_PAGE, subject, extras, channelId);
    }

    /**
     * @param status a Statuspage status
     * @return extras with only that status
     */
    static MessageExtras status(String status) {
        return new MessageExtras(Optional.of(status), Optional.empty(), Map.of());
    }

    private UUID queue(Audience audience, String subject, MessageExtras extras, String... channelIds) {
        UUID id = UUID.randomUUID();
        comms.execute(
                incident,
                new CommsCommand.QueueMessage(
                        id,
                        audience,
                        List.of(channelIds),
                        subject,
                        "Body of " + subject,
                        extras,
                        Optional.empty(),
                        Optional.empty()),
                "Alice");
        return id;
    }

    /** The user's "Resend" of an UNKNOWN row. */
    void resend(long seq) {
        comms.settle(new SettleUnknown.Resend(seq), "Alice");
    }

    /** The user's "Mark sent" of an UNKNOWN row. */
    void markSent(long seq) {
        comms.settle(SettleUnknown.markSent(outbox.row(seq).orElseThrow()), "Alice");
    }

    /**
     * @param type a body type
     * @return the incident's events of that type, typed, in storage order
     */
    <T extends EventBody> List<T> bodies(Class<T> type) {
        return incidents.timeline(incident).stream()
                .map(dev.conn.incident.Event::body)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    List<dev.conn.incident.Event> events(EventType type) {
        return incidents.timeline(incident).stream()
                .filter(e -> e.type() == type)
                .toList();
    }

    @Override
    public void close() {
        database.close();
    }
}
