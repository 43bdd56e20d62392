package dev.conn.warroom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.testing.LoopbackServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Messages are sent once per war room: three consoles (real processes) run the war room's
 * dispatcher against one loopback webhook; two of them queue 50 messages; the console holding the
 * dispatch lease (in PostgreSQL, server clock, 1.5 s) is killed with SIGKILL twice while sending.
 * Every message is delivered once or flagged delivery-unknown, and the webhook counts no duplicate.
 */
class WarRoomOutboxTest {
    private static final Pattern MESSAGE = Pattern.compile("\"messageId\":\"([0-9a-f-]+)\"");

    @TempDir
    Path dir;

    @Test
    void threeConsolesSendFiftyMessagesOnceWhileTheLeaseHolderIsKilledTwice() throws Exception {
        List<ChildConsole> all = new ArrayList<>();
        try (PgCluster pg = PgCluster.start();
                LoopbackServer hook = new LoopbackServer()) {
            // each answer takes 100 ms, so a kill can land while a request waits for its answer
            hook.answers(r -> {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new LoopbackServer.Answer(200, "ok");
            });
            String db = PgCluster.freshName();
            String role = db + "_o";
            String url = pg.createWarRoom(db, role, "pw");
            Map<String, String> env = Map.of("HOOK_URL", hook.url("/hook"), "LEASE_TTL_MS", "1500");
            Function<Integer, ChildConsole> start = i -> {
                try {
                    ChildConsole c = ChildConsole.start(
                            dir.resolve("c" + i), url, role, "pw", "id-" + i, "Console" + i, dir.resolve("logs"), env);
                    all.add(c);
                    return c;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            List<ChildConsole> consoles = new ArrayList<>(List.of(start.apply(0), start.apply(1), start.apply(2)));
            String incident = consoles.get(0)
                    .send("declare Outbox", Duration.ofSeconds(30))
                    .substring(9);
            Await.until(
                    "the incident on every console",
                    Duration.ofSeconds(30),
                    () -> consoles.get(1).dump().size() == 1);
            consoles.get(0).send("queue " + incident + " 25 from0", Duration.ofSeconds(60));
            consoles.get(1).send("queue " + incident + " 25 from1", Duration.ofSeconds(60));
            Await.until(
                    "50 rows in the war room's outbox",
                    Duration.ofSeconds(30),
                    () -> (long) scalar(url, "SELECT COUNT(*) FROM outbox") == 50L);

            for (int kill = 1; kill <= 2; kill++) {
                int sentBefore = hook.requests().size();
                Await.until(
                        "the holder sending",
                        Duration.ofSeconds(60),
                        () -> hook.requests().size() >= sentBefore + 5);
                long pid = (long) scalar(url, "SELECT owner_pid FROM dispatch_lease WHERE name = 'outbox'");
                int index = -1;
                for (int i = 0; i < consoles.size(); i++) {
                    if (consoles.get(i).process.pid() == pid) {
                        index = i;
                    }
                }
                assertThat(index).as("the holder is one of the consoles").isNotNegative();
                consoles.get(index).kill(); // SIGKILL mid-send
                consoles.set(index, start.apply(index)); // restarted on its own data directory
            }

            Await.until(
                    "every message sent or unknown",
                    Duration.ofSeconds(120),
                    () -> (long) scalar(url, "SELECT COUNT(*) FROM outbox WHERE state IN ('SENT', 'UNKNOWN')") == 50L);
            Map<String, Long> atWebhook = hook.requests().stream()
                    .map(r -> {
                        Matcher m = MESSAGE.matcher(r.body());
                        return m.find() ? m.group(1) : r.body();
                    })
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(atWebhook.values())
                    .as("0 duplicates counted at the webhook")
                    .allMatch(n -> n == 1);
            long sent = (long) scalar(url, "SELECT COUNT(*) FROM outbox WHERE state = 'SENT'");
            long unknown = (long) scalar(url, "SELECT COUNT(*) FROM outbox WHERE state = 'UNKNOWN'");
            System.out.println("war room outbox: " + sent + " sent, " + unknown + " delivery unknown, "
                    + hook.requests().size() + " requests at the webhook");
            assertThat(sent + unknown).isEqualTo(50);
            assertThat(unknown).as("at most the message in flight at each kill").isLessThanOrEqualTo(2);
            assertThat(atWebhook.keySet())
                    .as("every message marked sent reached the webhook")
                    .containsAll(strings(url, "SELECT message_id::text FROM outbox WHERE state = 'SENT'"));
            assertThat((long) scalar(url, "SELECT token FROM dispatch_lease"))
                    .as("two take-overs at least")
                    .isGreaterThanOrEqualTo(3);

            // every console's journal tells the same story: 50 queued, and each outcome once
            Await.until("identical logs", Duration.ofSeconds(60), () -> {
                List<String> first = consoles.get(0).dump();
                return consoles.stream().allMatch(c -> {
                            try {
                                return c.dump().equals(first);
                            } catch (Exception e) {
                                return false;
                            }
                        })
                        && first.stream()
                                        .filter(l -> l.contains(" MESSAGE_SENT "))
                                        .count()
                                == sent
                        && first.stream()
                                        .filter(l -> l.contains(" MESSAGE_DELIVERY_UNKNOWN "))
                                        .count()
                                == unknown;
            });
            assertThat(consoles.get(2).dump().stream().filter(l -> l.contains(" MESSAGE_QUEUED ")))
                    .hasSize(50);
        } finally {
            for (ChildConsole c : all) {
                try {
                    c.close();
                } catch (Exception e) {
                    // best effort
                }
            }
        }
    }

    private static Object scalar(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", PgCluster.SUPER_PASSWORD);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getObject(1);
        }
    }

    private static List<String> strings(String url, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", PgCluster.SUPER_PASSWORD);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
