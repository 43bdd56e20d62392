package dev.conn.comms;

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
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import okhttp3.OkHttpClient;

/**
 * The process {@link OutboxKillTest} kills: dispatches the outbox of a data directory to a Slack
 * stub until killed.
 *
 * <p>Usage: {@code OutboxKillChild DATA_DIR WEBHOOK_URL}
 */
public final class OutboxKillChild {
    private OutboxKillChild() {}

    public static void main(String[] args) throws Exception {
        Database db = Database.open(Path.of(args[0]));
        EventStore store = EventStore.jdbc(db.dataSource(), java.util.List.of(new JdbcOutboxProjection()));
        JdbcOutbox outbox = new JdbcOutbox(db.dataSource());
        KnownSecrets known = new KnownSecrets();
        SecretResolver secrets =
                new SecretResolver(Map.of("SLACK_URL", args[1]), SecretResolver.SecretStore.unavailable(), known);
        HttpTransport http = HttpTransport.over(new OkHttpClient.Builder()
                .readTimeout(Duration.ofSeconds(60))
                .callTimeout(Duration.ofSeconds(60))
                .build());
        Channel slack =
                new SlackWebhookClient("slack-ops", SecretRef.env("SLACK_URL"), secrets, http, Clock.systemUTC());
        OutboxDispatcher d = new OutboxDispatcher(
                outbox,
                new IncidentLog(store, Clock.systemUTC()),
                new OutboxWatch(outbox),
                new JdbcDispatchLease(
                        db.dataSource(),
                        Clock.systemUTC(),
                        DispatchLease.Owner.thisProcess("OutboxKillChild"),
                        JdbcDispatchLease.configuredTtl()),
                id -> id.equals("slack-ops") ? Optional.of(slack) : Optional.empty(),
                Sleeper.REAL,
                Backoff.standard(new Random()),
                known);
        d.recover();
        System.out.println("READY");
        System.out.flush();
        d.drain(Duration.ofMinutes(5));
    }
}
