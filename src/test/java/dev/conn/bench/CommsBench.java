package dev.conn.bench;

import dev.conn.comms.Backoff;
import dev.conn.comms.Channel;
import dev.conn.comms.CommsCommand;
import dev.conn.comms.CommsService;
import dev.conn.comms.OutboxDispatcher;
import dev.conn.comms.OutboxWatch;
import dev.conn.comms.net.SlackWebhookClient;
import dev.conn.comms.net.StatuspageClient;
import dev.conn.comms.net.TeamsWebhookClient;
import dev.conn.comms.store.JdbcOutbox;
import dev.conn.comms.store.JdbcOutboxProjection;
import dev.conn.incident.Audience;
import dev.conn.incident.CommsEvent;
import dev.conn.incident.Declaration;
import dev.conn.incident.EventStore;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.incident.Severity;
import dev.conn.platform.db.Database;
import dev.conn.settings.SecretRef;
import dev.conn.settings.SecretResolver;
import dev.conn.testing.MutableClock;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * "SEV1 burst": 50 updates, each to Slack, Teams and Statuspage, queued over 60 s against local
 * stubs that answer 429 to more than one request per second (Slack's and Statuspage's published
 * limits). Time runs on a fake clock, so the drain time is what a real burst would take.
 */
final class CommsBench {
    private static final Pattern UPDATE = Pattern.compile("Update (\\d+)\\b");

    private CommsBench() {}

    /** A stub that rate-limits by the fake clock and counts 429s and duplicates. */
    private static final class Stub {
        final MockWebServer server = new MockWebServer();
        final AtomicInteger tooMany = new AtomicInteger();
        final AtomicInteger duplicates = new AtomicInteger();
        final Set<String> seen = new HashSet<>();
        Instant last = Instant.MIN;

        Stub(MutableClock clock, String okBody) throws Exception {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest r) {
                    synchronized (Stub.this) {
                        Instant now = clock.instant();
                        if (last != Instant.MIN && Duration.between(last, now).compareTo(Duration.ofSeconds(1)) < 0) {
                            tooMany.incrementAndGet();
                            return new MockResponse().setResponseCode(429).setHeader("Retry-After", "1");
                        }
                        last = now;
                        Matcher m = UPDATE.matcher(r.getBody().readUtf8());
                        if (m.find() && !seen.add(m.group(1))) {
                            duplicates.incrementAndGet();
                        }
                        return new MockResponse().setBody(okBody);
                    }
                }
            });
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        }
    }

    static List<Bench.Row> sev1Burst(Path dir) throws Exception {
        Instant t0 = Instant.parse("2026-11-20T09:00:00Z");
        MutableClock clock = new MutableClock(t0);
        Stub slack = new Stub(clock, "ok");
        Stub teams = new Stub(clock, "1");
        Stub statuspage = new Stub(clock, "{\"id\":\"inc1\"}");
        try (Database db = Database.open(dir)) {
            EventStore store = EventStore.jdbc(db.dataSource(), List.of(new JdbcOutboxProjection()));
            IncidentService incidents = new IncidentService(store, clock);
            JdbcOutbox outbox = new JdbcOutbox(db.dataSource());
            OutboxWatch watch = new OutboxWatch(outbox);
            CommsService comms = new CommsService(incidents.log(), outbox, watch);
            IncidentId incident = incidents
                    .declare(new Declaration("Checkout down", Severity.SEV1, "", Optional.empty(), "Bench"), "Bench")
                    .incidentId();
            Map<String, String> env = new HashMap<>();
            env.put("SLACK", slack.server.url("/s").toString());
            env.put("TEAMS", teams.server.url("/t").toString());
            env.put("SP_KEY", "k");
            dev.conn.platform.secrets.KnownSecrets known = new dev.conn.platform.secrets.KnownSecrets();
            SecretResolver secrets = new SecretResolver(env, SecretResolver.SecretStore.unavailable(), known);
            dev.conn.platform.http.HttpTransport http =
                    dev.conn.platform.http.HttpTransport.over(new OkHttpClient.Builder().build());
            Map<String, Channel> channels = Map.of(
                    "slack",
                    new SlackWebhookClient("slack", SecretRef.env("SLACK"), secrets, http, clock),
                    "teams",
                    new TeamsWebhookClient("teams", SecretRef.env("TEAMS"), secrets, http, clock),
                    "statuspage",
                    new StatuspageClient(
                            "statuspage",
                            "p1",
                            SecretRef.env("SP_KEY"),
                            statuspage.server.url("/").toString(),
                            Map.of(),
                            secrets,
                            http,
                            clock));
            OutboxDispatcher d = new OutboxDispatcher(
                    outbox,
                    incidents.log(),
                    watch,
                    new dev.conn.comms.store.JdbcDispatchLease(
                            db.dataSource(),
                            clock,
                            dev.conn.comms.DispatchLease.Owner.thisProcess("CommsBench"),
                            dev.conn.comms.store.JdbcDispatchLease.DEFAULT_TTL),
                    id -> Optional.ofNullable(channels.get(id)),
                    clock::advance,
                    Backoff.standard(new Random(7)),
                    known);
            long wallStart = System.nanoTime();
            Instant lastQueued = t0;
            for (int i = 0; i < 50; i++) {
                Instant at = t0.plusMillis(i * 1200L);
                if (clock.instant().isBefore(at)) {
                    clock.set(at);
                }
                lastQueued = clock.instant();
                comms.execute(
                        incident,
                        new CommsCommand.QueueMessage(
                                UUID.randomUUID(),
                                Audience.STATUS_PAGE,
                                List.of("slack", "teams", "statuspage"),
                                "Update " + i,
                                "Update " + i + " of the checkout outage",
                                new CommsEvent.MessageExtras(Optional.of("investigating"), Optional.empty(), Map.of()),
                                Optional.empty(),
                                Optional.empty()),
                        "Bench");
                d.runOnce();
            }
            d.drain(Duration.ofMinutes(30));
            double wallMs = (System.nanoTime() - wallStart) / 1e6;
            double drainS = Duration.between(t0, clock.instant()).toMillis() / 1000.0;
            int tooMany = slack.tooMany.get() + teams.tooMany.get() + statuspage.tooMany.get();
            int dupes = slack.duplicates.get() + teams.duplicates.get() + statuspage.duplicates.get();
            int delivered = slack.seen.size() + teams.seen.size() + statuspage.seen.size();
            List<Bench.Row> rows = new ArrayList<>();
            rows.add(new Bench.Row("SEV1 burst: time to drain 50 updates x 3 channels (fake clock)", drainS, "s", 61));
            rows.add(new Bench.Row(
                    "SEV1 burst: drain after the last update queued",
                    Duration.between(lastQueued, clock.instant()).toMillis() / 1000.0,
                    "s",
                    2));
            rows.add(new Bench.Row("SEV1 burst: messages delivered", delivered, "msgs", 150));
            rows.add(new Bench.Row("SEV1 burst: 429s received", tooMany, "count", 0));
            rows.add(new Bench.Row("SEV1 burst: duplicates", dupes, "count", 0));
            rows.add(new Bench.Row("SEV1 burst: wall time (H2 sync per state change)", wallMs, "ms", 10_000));
            return rows;
        } finally {
            slack.server.shutdown();
            teams.server.shutdown();
            statuspage.server.shutdown();
        }
    }
}
