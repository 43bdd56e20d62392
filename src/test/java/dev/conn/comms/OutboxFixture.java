package dev.conn.comms;

import dev.conn.incident.Audience;
import dev.conn.incident.Declaration;
import dev.conn.incident.EventStore;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.incident.Payload;
import dev.conn.incident.Severity;
import dev.conn.platform.db.Database;
import dev.conn.settings.PolicyFile;
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

/** An H2 database, an incident, the outbox and a dispatcher on a stepping clock. */
final class OutboxFixture implements AutoCloseable {
    static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    final MutableClock clock = new MutableClock(T0);
    final Database database;
    final EventStore store;
    final IncidentService incidents;
    final JdbcOutbox outbox;
    final CommsService comms;
    final IncidentId incident;
    final Map<String, Channel> channels = new HashMap<>();
    final Map<String, String> env = new HashMap<>();

    /** @return a resolver of {@link #env} as it is now */
    SecretResolver secrets() {
        return new SecretResolver(env, SecretResolver.SecretStore.unavailable());
    }
    /** Short timeouts, and no silent OkHttp retry: the outbox decides about retries. */
    final OkHttpClient http = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(2))
            .readTimeout(Duration.ofSeconds(3))
            .callTimeout(Duration.ofSeconds(5))
            .retryOnConnectionFailure(false)
            .build();

    OutboxFixture(Path dir) {
        database = Database.open(dir);
        store = EventStore.jdbc(database.dataSource());
        incidents = new IncidentService(store, clock);
        outbox = new JdbcOutbox(database.dataSource(), store);
        comms = new CommsService(incidents, outbox, PolicyFile.defaults().comms(), clock);
        incident = incidents
                .declare(
                        new Declaration("Checkout errors", Severity.SEV1, "5xx on checkout", Optional.empty(), "Alice"),
                        "Alice")
                .incidentId();
    }

    OutboxDispatcher dispatcher() {
        return new OutboxDispatcher(
                outbox,
                id -> Optional.ofNullable(channels.get(id)),
                clock,
                clock::advance,
                Backoff.standard(new Random(42)));
    }

    UUID send(Audience audience, String subject, String... channelIds) {
        UUID id = UUID.randomUUID();
        comms.queue(
                incident,
                new CommsService.Draft(
                        id,
                        audience,
                        List.of(channelIds),
                        subject,
                        "Body of " + subject,
                        Payload.empty(),
                        Optional.empty(),
                        Optional.empty()),
                "Alice");
        return id;
    }

    UUID sendStatus(String subject, Payload extras, String channelId) {
        UUID id = UUID.randomUUID();
        comms.queue(
                incident,
                new CommsService.Draft(
                        id,
                        Audience.STATUS_PAGE,
                        List.of(channelId),
                        subject,
                        "Body of " + subject,
                        extras,
                        Optional.empty(),
                        Optional.empty()),
                "Alice");
        return id;
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
