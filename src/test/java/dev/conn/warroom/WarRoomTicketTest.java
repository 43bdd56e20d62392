package dev.conn.warroom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.comms.Backoff;
import dev.conn.comms.DispatchLease;
import dev.conn.comms.OutboxDispatcher;
import dev.conn.comms.OutboxWatch;
import dev.conn.comms.net.IntegrationChannels;
import dev.conn.incident.ActionItemKind;
import dev.conn.incident.ActionItemStatus;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.integrations.IntegrationSettings;
import dev.conn.integrations.JiraSettings;
import dev.conn.integrations.TicketRef;
import dev.conn.platform.http.HttpTransport;
import dev.conn.platform.secrets.KnownSecrets;
import dev.conn.postmortem.ActionItem;
import dev.conn.postmortem.PostmortemCommand;
import dev.conn.postmortem.PostmortemFold;
import dev.conn.postmortem.PostmortemService;
import dev.conn.postmortem.TicketDecider;
import dev.conn.settings.SecretRef;
import dev.conn.settings.SecretResolver;
import dev.conn.warroom.store.WarRooms;
import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ticket asked for in a war room (issue 16 §1 with issue 13): its {@code TICKET_REQUESTED} is
 * shared and its outbox row handed over like a message's, the war room's dispatch lease holder
 * creates it once (loopback Jira answering with the "Create issue" 201 example,
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-post),
 * and the link comes back to the action item through the one writer.
 */
class WarRoomTicketTest {
    private static final String CREATED = "{\"id\":\"10000\",\"key\":\"ED-24\","
            + "\"self\":\"https://your-domain.atlassian.net/rest/api/3/issue/10000\"}";

    @TempDir
    Path dir;

    @Test
    void aTicketQueuedInAWarRoomIsHandedOverAndCreatedOnceByTheLeaseHolder() throws Exception {
        List<String> requests = new CopyOnWriteArrayList<>();
        try (PgCluster pg = PgCluster.start();
                MockWebServer jira = new MockWebServer()) {
            jira.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest r) {
                    requests.add(r.getMethod() + " " + r.getPath());
                    return new MockResponse()
                            .setResponseCode(201)
                            .setHeader("Content-Type", "application/json")
                            .setBody(CREATED);
                }
            });
            jira.start(InetAddress.getByName("127.0.0.1"), 0);
            String db = PgCluster.freshName();
            String url = pg.createWarRoom(db, db + "_o", "pw-" + db);
            try (TestConsole a = new TestConsole(
                            dir.resolve("a"), url, db + "_o", "pw-" + db, new Person("ana", "Ana"), TestConsole.FAST)
                    .start()) {
                Await.until("online", Duration.ofSeconds(20), () -> a.state().mode() == SyncState.Mode.ONLINE);
                IncidentId incident = a.declare("Checkout errors");
                PostmortemService postmortem = new PostmortemService(new IncidentService(a.store, a.log));
                ActionItem item = new ActionItem(
                        ActionItem.newId(),
                        "Alert on resolver memory",
                        ActionItemKind.PREVENT,
                        "",
                        Optional.empty(),
                        "",
                        ActionItemStatus.OPEN,
                        Optional.empty(),
                        false);
                postmortem.execute(incident, new PostmortemCommand.AddActionItem(item), "Ana");
                postmortem.createTickets(
                        incident,
                        new TicketDecider.CreateTickets(List.of(item.id()), Optional.of("tickets:jira")),
                        "Ana");

                Await.until(
                        "the ticket's row handed over",
                        Duration.ofSeconds(20),
                        () -> count(url, "SELECT COUNT(*) FROM outbox WHERE channel = 'tickets:jira'") == 1);

                String base = jira.url("/").toString().replaceAll("/$", "");
                SecretResolver secrets = new SecretResolver(
                        Map.of("JIRA_TOKEN", "t0k3n"), SecretResolver.SecretStore.unavailable(), new KnownSecrets());
                JiraSettings settings = new JiraSettings(
                        base, "conn-bot@example.com", SecretRef.env("JIRA_TOKEN"), "ED", null, List.of());
                var channels = IntegrationChannels.of(
                        new IntegrationSettings(TicketRef.Tracker.JIRA, settings, null, null, null, null),
                        secrets,
                        HttpTransport.shared(),
                        java.time.Clock.systemUTC());
                try (WarRoomDispatch d = WarRooms.dispatch(
                                a.settings,
                                a.secrets,
                                a.log,
                                DispatchLease.Owner.thisProcess("ticket test"),
                                Duration.ofSeconds(30),
                                () -> true);
                        OutboxDispatcher sender = new OutboxDispatcher(
                                d.outbox(),
                                d.log(),
                                new OutboxWatch(d.outbox()),
                                d.lease(),
                                id -> Optional.ofNullable(channels.get(id)),
                                wait -> Thread.sleep(Math.min(wait.toMillis(), 200)),
                                Backoff.standard(new Random(1)),
                                new KnownSecrets())) {
                    assertThat(sender.drain(Duration.ofSeconds(30))).isTrue();
                }

                assertThat(requests).filteredOn(r -> r.startsWith("POST")).containsExactly("POST /rest/api/3/issue");
                String link = jira.url("/browse/ED-24").toString();
                assertThat(PostmortemFold.of(a.store.readIncident(incident, PostmortemFold.TYPES))
                                .postmortem()
                                .actionItems())
                        .singleElement()
                        .extracting(ActionItem::ticket)
                        .isEqualTo(link);
                assertThat(count(url, "SELECT COUNT(*) FROM outbox WHERE channel = 'tickets:jira' AND state = 'SENT'"))
                        .isEqualTo(1);
            }
        }
    }

    private static long count(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", PgCluster.SUPER_PASSWORD);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
