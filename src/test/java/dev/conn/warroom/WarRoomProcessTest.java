package dev.conn.warroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Consoles as real processes ({@link ConsoleChild}), each with its own data directory, sharing one
 * war room on a real PostgreSQL: concurrent writers, a partition, a console killed with SIGKILL
 * mid-push and mid-pull, and the server restarted mid-incident. At the end every journal holds the
 * same log in the same order, nothing lost and nothing twice.
 */
class WarRoomProcessTest {
    static PgCluster pg;

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();
    private String db;
    private String url;
    private String role;
    private final String password = "pw-war-room";

    @BeforeAll
    static void server() throws Exception {
        pg = PgCluster.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            try {
                open.get(i).close();
            } catch (Exception e) {
                // best effort
            }
        }
    }

    private void warRoom() throws Exception {
        db = PgCluster.freshName();
        role = db + "_o";
        url = pg.createWarRoom(db, role, password);
    }

    private ChildConsole console(String name, String through) throws Exception {
        ChildConsole c =
                ChildConsole.start(dir.resolve(name), through, role, password, "id-" + name, name, dir.resolve("logs"));
        open.add(c);
        return c;
    }

    private ChildConsole console(String name) throws Exception {
        return console(name, url);
    }

    private TcpProxy proxy() throws Exception {
        TcpProxy p = new TcpProxy(pg.port());
        open.add(p);
        return p;
    }

    private String via(TcpProxy p) {
        return "jdbc:postgresql://127.0.0.1:" + p.port() + "/" + db;
    }

    private long serverCount() throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", PgCluster.SUPER_PASSWORD);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM event")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Waits until every console's log has {@code n} events, all shared, identical everywhere. */
    private List<String> converged(int n, Duration limit, ChildConsole... consoles) throws Exception {
        List<List<String>> last = new ArrayList<>();
        Await.until(n + " events, identical on " + consoles.length + " consoles", limit, () -> {
            last.clear();
            for (ChildConsole c : consoles) {
                last.add(c.dump());
            }
            List<String> first = last.get(0);
            return first.size() == n
                    && first.stream().noneMatch(l -> l.startsWith("null"))
                    && last.stream().allMatch(first::equals);
        });
        List<String> log = last.get(0);
        Set<String> ids = new HashSet<>();
        for (String l : log) {
            ids.add(l.split(" ")[1]);
        }
        assertThat(ids).as("no event twice").hasSize(n);
        return log;
    }

    private static String incidentOf(String answer) {
        return answer.substring("INCIDENT ".length());
    }

    @Test
    void twoConsolesWritingAtOnceShowTheSameLogInTheSameOrderWithinASecond() throws Exception {
        warRoom();
        ChildConsole a = console("Ana");
        ChildConsole b = console("Bo");
        String incident = incidentOf(a.send("declare Checkout errors", Duration.ofSeconds(30)));
        converged(1, Duration.ofSeconds(20), a, b);
        a.sendAsync("notes " + incident + " 100 A 3");
        b.sendAsync("notes " + incident + " 100 B 3");
        a.expect("WROTE", Duration.ofSeconds(60));
        b.expect("WROTE", Duration.ofSeconds(60));
        long wrote = System.nanoTime();
        converged(201, Duration.ofSeconds(20), a, b);
        Duration took = Duration.ofNanos(System.nanoTime() - wrote);
        assertThat(took)
                .as("both show the same log within 1 s of the last write")
                .isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aPartitionedConsoleKeepsWritingAndBothConvergeWhenItHeals() throws Exception {
        warRoom();
        TcpProxy toA = proxy();
        ChildConsole a = console("Ana", via(toA));
        ChildConsole b = console("Bo");
        String incident = incidentOf(a.send("declare Partition", Duration.ofSeconds(30)));
        converged(1, Duration.ofSeconds(20), a, b);

        toA.cut();
        Await.until("A offline", Duration.ofSeconds(20), () -> a.state().startsWith("OFFLINE"));
        a.send("notes " + incident + " 40 A 0", Duration.ofSeconds(60));
        b.send("notes " + incident + " 40 B 0", Duration.ofSeconds(60));
        Await.until(
                "A counts 40 to share", Duration.ofSeconds(5), () -> a.state().equals("OFFLINE 40"));
        // B shares its notes in the background: wait for them, then A's are still missing
        Await.until("B's notes shared", Duration.ofSeconds(10), () -> serverCount() >= 41);
        assertThat(serverCount()).as("A's notes wait in its journal").isEqualTo(41);

        toA.heal();
        List<String> log = converged(81, Duration.ofSeconds(30), a, b);
        assertThat(log.stream().filter(l -> l.contains("\"A ")).count()).isEqualTo(40);
        assertThat(log.stream().filter(l -> l.contains("\"B ")).count()).isEqualTo(40);
        Await.until(
                "A online, all shared", Duration.ofSeconds(5), () -> a.state().equals("ONLINE 0"));
    }

    @Test
    void aConsoleKilledMidPushOrMidPullConvergesAfterARestart() throws Exception {
        warRoom();
        ChildConsole a = console("Ana");
        String incident = incidentOf(a.send("declare Crash", Duration.ofSeconds(30)));
        // 2 ms between notes: the one writer is fast enough that, without a pause, all 3,000 notes
        // could be written and shared before the kill lands (seen under load)
        a.sendAsync("notes " + incident + " 3000 A 2");
        Await.until("part of A's notes shared", Duration.ofSeconds(60), () -> serverCount() > 300);
        a.kill(); // mid-push: some notes shared, some not, maybe a push in flight
        long shared = serverCount();
        assertThat(shared).as("killed while notes were still being shared").isLessThan(3001);

        ChildConsole a2 = console("Ana");
        // "nothing left to share" and the server's count are read one after the other: wait until
        // both agree with the journal (a push may commit between the two reads)
        java.util.concurrent.atomic.AtomicInteger inJournal = new java.util.concurrent.atomic.AtomicInteger();
        Await.until("A's journal fully shared", Duration.ofSeconds(60), () -> {
            inJournal.set(a2.dump().size());
            return a2.state().endsWith(" 0") && serverCount() == inJournal.get();
        });
        int written = inJournal.get();
        assertThat(written).as("A's acknowledged notes are all there").isGreaterThan((int) shared - 1);
        assertThat(serverCount()).isEqualTo(written);

        ChildConsole b = console("Bo");
        Thread.sleep(new Random().nextInt(400)); // somewhere in B's first pulls
        b.kill(); // mid-pull
        ChildConsole b2 = console("Bo");
        converged(written, Duration.ofSeconds(60), a2, b2);
    }

    @Test
    void afterTheServerRestartsEveryConsoleShowsOfflineThenCatchesUpByItself() throws Exception {
        warRoom();
        ChildConsole a = console("Ana");
        ChildConsole b = console("Bo");
        String incident = incidentOf(a.send("declare Failover", Duration.ofSeconds(30)));
        converged(1, Duration.ofSeconds(20), a, b);
        a.send("notes " + incident + " 10 before 0", Duration.ofSeconds(30));

        pg.stopServer("fast");
        try {
            Await.until(
                    "both offline",
                    Duration.ofSeconds(30),
                    () -> a.state().startsWith("OFFLINE") && b.state().startsWith("OFFLINE"));
            a.send("notes " + incident + " 15 during-A 0", Duration.ofSeconds(30));
            b.send("notes " + incident + " 15 during-B 0", Duration.ofSeconds(30));
            Await.until("B counts 15 to share", Duration.ofSeconds(5), () -> b.state()
                    .equals("OFFLINE 15"));
        } finally {
            pg.startServer();
        }
        converged(41, Duration.ofSeconds(30), a, b);
        Await.until(
                "both online, all shared",
                Duration.ofSeconds(5),
                () -> a.state().equals("ONLINE 0") && b.state().equals("ONLINE 0"));
    }
}
