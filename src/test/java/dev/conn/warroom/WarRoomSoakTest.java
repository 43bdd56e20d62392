package dev.conn.warroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Soak: 5 consoles (real processes), 1,000 notes each on one incident, while their connections to
 * the war room are cut and healed at random (each console through its own loopback proxy). At the
 * end every journal holds the same 5,001 events in the same order, each once.
 */
class WarRoomSoakTest {
    private static final int CONSOLES = 5;
    private static final int NOTES = 1_000;

    @TempDir
    Path dir;

    @Test
    void fiveConsolesWithRandomDisconnectsEndWithIdenticalLogs() throws Exception {
        List<AutoCloseable> open = new ArrayList<>();
        try (PgCluster pg = PgCluster.start()) {
            String db = PgCluster.freshName();
            String role = db + "_o";
            pg.createWarRoom(db, role, "soak");
            List<TcpProxy> proxies = new ArrayList<>();
            List<ChildConsole> consoles = new ArrayList<>();
            for (int i = 0; i < CONSOLES; i++) {
                TcpProxy p = new TcpProxy(pg.port());
                open.add(p);
                proxies.add(p);
                ChildConsole c = ChildConsole.start(
                        dir.resolve("c" + i),
                        "jdbc:postgresql://127.0.0.1:" + p.port() + "/" + db,
                        role,
                        "soak",
                        "id-" + i,
                        "Console" + i,
                        dir.resolve("logs"));
                open.add(c);
                consoles.add(c);
            }
            String incident =
                    consoles.get(0).send("declare Soak", Duration.ofSeconds(30)).substring("INCIDENT ".length());
            Await.until("the incident everywhere", Duration.ofSeconds(30), () -> {
                for (ChildConsole c : consoles) {
                    if (c.dump().size() != 1) {
                        return false;
                    }
                }
                return true;
            });

            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger cuts = new AtomicInteger();
            Random random = new Random(13);
            Thread chaos = new Thread(() -> {
                while (writing.get()) {
                    TcpProxy p = proxies.get(random.nextInt(CONSOLES));
                    p.cut();
                    cuts.incrementAndGet();
                    sleep(150 + random.nextInt(500));
                    p.heal();
                    sleep(random.nextInt(200));
                }
            });
            chaos.start();
            for (int i = 0; i < CONSOLES; i++) {
                consoles.get(i).sendAsync("notes " + incident + " " + NOTES + " c" + i + " 1");
            }
            for (ChildConsole c : consoles) {
                c.expect("WROTE", Duration.ofSeconds(240));
            }
            writing.set(false);
            chaos.join();
            proxies.forEach(TcpProxy::heal);

            List<List<String>> logs = new ArrayList<>();
            Await.until("identical logs on all five", Duration.ofSeconds(90), () -> {
                logs.clear();
                for (ChildConsole c : consoles) {
                    logs.add(c.dump());
                }
                return logs.get(0).size() == 1 + CONSOLES * NOTES
                        && logs.get(0).stream().noneMatch(l -> l.startsWith("null"))
                        && logs.stream().allMatch(logs.get(0)::equals);
            });
            Set<String> ids = new HashSet<>();
            logs.get(0).forEach(l -> ids.add(l.split(" ")[1]));
            assertThat(ids).as("each event once").hasSize(1 + CONSOLES * NOTES);
            assertThat(cuts.get()).as("connections were cut while writing").isGreaterThan(3);
        } finally {
            for (int i = open.size() - 1; i >= 0; i--) {
                try {
                    open.get(i).close();
                } catch (Exception e) {
                    // best effort
                }
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
