package dev.conn.comms;

import dev.conn.comms.net.JsonWebhookClient;
import dev.conn.comms.net.SlackWebhookClient;
import dev.conn.comms.store.JdbcDispatchLease;
import dev.conn.comms.store.JdbcOutbox;
import dev.conn.comms.store.JdbcOutboxProjection;
import dev.conn.incident.EventStore;
import dev.conn.incident.IncidentLog;
import dev.conn.platform.db.Database;
import dev.conn.platform.http.HttpTransport;
import dev.conn.platform.secrets.KnownSecrets;
import dev.conn.settings.SecretRef;
import dev.conn.settings.SecretResolver;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * A Conn process as {@link OutboxLeaseProcessTest} runs several of on one data directory: opens
 * the database, runs the outbox dispatcher's background loop (lease, heartbeat, real clock) for a
 * Slack channel and a JSON webhook, and stops cleanly when its standard input closes.
 *
 * <p>Usage: {@code OutboxLeaseChild DATA_DIR SLACK_URL HOOK_URL}; the lease time comes from the
 * system property {@value JdbcDispatchLease#TTL_PROPERTY}.
 */
public final class OutboxLeaseChild {
    private OutboxLeaseChild() {}

    public static void main(String[] args) throws Exception {
        Database db = Database.open(Path.of(args[0]));
        EventStore store = EventStore.jdbc(db.dataSource(), java.util.List.of(new JdbcOutboxProjection()));
        JdbcOutbox outbox = new JdbcOutbox(db.dataSource());
        KnownSecrets known = new KnownSecrets();
        SecretResolver secrets = new SecretResolver(
                Map.of("SLACK_URL", args[1], "HOOK_URL", args[2]), SecretResolver.SecretStore.unavailable(), known);
        HttpTransport http = HttpTransport.over(new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(60))
                .callTimeout(Duration.ofSeconds(60))
                .build());
        Clock clock = Clock.systemUTC();
        Map<String, Channel> channels = Map.of(
                "slack-ops",
                new SlackWebhookClient("slack-ops", SecretRef.env("SLACK_URL"), secrets, http, clock),
                "hook",
                new JsonWebhookClient("hook", SecretRef.env("HOOK_URL"), secrets, http, clock));
        OutboxDispatcher d = new OutboxDispatcher(
                outbox,
                new IncidentLog(store, clock),
                new OutboxWatch(outbox),
                new JdbcDispatchLease(
                        db.dataSource(),
                        clock,
                        DispatchLease.Owner.thisProcess("OutboxLeaseChild"),
                        JdbcDispatchLease.configuredTtl()),
                id -> Optional.ofNullable(channels.get(id)),
                Sleeper.REAL,
                Backoff.standard(new SecureRandom()),
                known);
        d.recover();
        d.start();
        System.out.println("READY " + ProcessHandle.current().pid());
        System.out.flush();
        while (System.in.read() >= 0) {
            // run until the parent closes our standard input
        }
        d.close();
        db.close();
        System.out.println("STOPPED");
    }
}
