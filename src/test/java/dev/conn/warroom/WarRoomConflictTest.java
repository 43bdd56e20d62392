package dev.conn.warroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conflicts between consoles (real processes) that decided while apart: two acknowledgements of one
 * offer, and two offers of one role. Whichever reached the war room first wins on every console;
 * the loser stays in the log, superseded, and the console that wrote it knows.
 */
class WarRoomConflictTest {
    static PgCluster pg;

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();
    private String db;
    private String url;
    private String role;

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
    void closeAll() {
        for (int i = open.size() - 1; i >= 0; i--) {
            try {
                open.get(i).close();
            } catch (Exception e) {
                // best effort
            }
        }
    }

    private ChildConsole console(String name, TcpProxy via) throws Exception {
        ChildConsole c = ChildConsole.start(
                dir.resolve(name),
                "jdbc:postgresql://127.0.0.1:" + via.port() + "/" + db,
                role,
                "pw",
                "id-" + name,
                name,
                dir.resolve("logs"));
        open.add(c);
        return c;
    }

    private TcpProxy proxy() throws Exception {
        TcpProxy p = new TcpProxy(pg.port());
        open.add(p);
        return p;
    }

    private long serverCount() throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", PgCluster.SUPER_PASSWORD);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM event")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String word(String answer, int i) {
        return answer.split(" ")[i];
    }

    private void warRoom() throws Exception {
        db = PgCluster.freshName();
        role = db + "_o";
        url = pg.createWarRoom(db, role, "pw");
    }

    /** Waits until both consoles fold the people the same way and their logs are identical. */
    private String agreed(String incident, ChildConsole a, ChildConsole b) throws Exception {
        String[] seen = new String[2];
        Await.until("both consoles agree", Duration.ofSeconds(30), () -> {
            // logs first, then what each console folded from them: read the other way round, the
            // people lines could be from before the last pull while the logs are from after it
            if (!(a.state().equals("ONLINE 0")
                    && b.state().equals("ONLINE 0")
                    && a.dump().equals(b.dump()))) {
                return false;
            }
            seen[0] = a.send("people " + incident, Duration.ofSeconds(10));
            seen[1] = b.send("people " + incident, Duration.ofSeconds(10));
            return withoutLost(seen[0]).equals(withoutLost(seen[1])) && a.dump().equals(b.dump());
        });
        return seen[0] + "\n" + seen[1];
    }

    private static String withoutLost(String people) {
        return people.replaceAll(" lost=\\S+", "");
    }

    @Test
    void ofTwoAcknowledgementsOfOneOfferTheOneThatReachedTheWarRoomFirstWinsEverywhere() throws Exception {
        warRoom();
        TcpProxy toAna = proxy();
        TcpProxy toBob = proxy();
        ChildConsole ana = console("Ana", toAna);
        ChildConsole bob = console("Bob", toBob);
        String incident = word(ana.send("declare Two acks", Duration.ofSeconds(30)), 1);
        String bobId = word(ana.send("add " + incident + " Bob", Duration.ofSeconds(30)), 1);
        String offer = ana.send("offer " + incident + " INCIDENT_COMMANDER " + bobId, Duration.ofSeconds(30));
        String offerId = word(offer, 1);
        String code = word(offer, 2);
        Await.until("Bob sees the offer on his own console", Duration.ofSeconds(30), () -> bob.send(
                        "people " + incident, Duration.ofSeconds(10))
                .contains(offerId + "=OFFERED"));

        toAna.cut();
        toBob.cut();
        Await.until(
                "both offline",
                Duration.ofSeconds(30),
                () -> ana.state().startsWith("OFFLINE") && bob.state().startsWith("OFFLINE"));
        long before = serverCount();
        String bobsAck =
                word(bob.send("ack " + incident + " " + offerId + " READ_BACK " + code, Duration.ofSeconds(30)), 1);
        String anasAck = word(ana.send("ack " + incident + " " + offerId + " IN_PERSON", Duration.ofSeconds(30)), 1);
        toBob.heal();
        Await.until("Bob's acknowledgement in the war room", Duration.ofSeconds(30), () -> serverCount() > before);
        toAna.heal();

        String seen = agreed(incident, ana, bob);
        assertThat(seen).contains("commander=Bob");
        assertThat(seen.lines()).allSatisfy(l -> assertThat(l)
                .contains(offerId + "=ACKNOWLEDGED")
                .contains("superseded=" + anasAck)
                .doesNotContain("superseded=" + bobsAck));
        assertThat(seen.lines().toList().get(0))
                .as("Ana's console knows hers lost")
                .contains("lost=" + anasAck);
        assertThat(seen.lines().toList().get(1)).doesNotContain("lost=");
        assertThat(ana.dump()).anySatisfy(l -> assertThat(l).contains(anasAck)); // the loser stays
    }

    @Test
    void ofTwoOffersOfOneRoleTheOneThatReachedTheWarRoomFirstStandsEverywhere() throws Exception {
        warRoom();
        TcpProxy toAna = proxy();
        TcpProxy toCarol = proxy();
        ChildConsole ana = console("Ana", toAna);
        ChildConsole carol = console("Carol", toCarol);
        String incident = word(ana.send("declare Two offers", Duration.ofSeconds(30)), 1);
        String bobId = word(ana.send("add " + incident + " Bob", Duration.ofSeconds(30)), 1);
        String carolId = word(ana.send("add " + incident + " Carol", Duration.ofSeconds(30)), 1);
        agreed(incident, ana, carol);

        toAna.cut();
        toCarol.cut();
        Await.until(
                "both offline",
                Duration.ofSeconds(30),
                () -> ana.state().startsWith("OFFLINE") && carol.state().startsWith("OFFLINE"));
        long before = serverCount();
        String toBob = word(ana.send("offer " + incident + " INCIDENT_COMMANDER " + bobId, Duration.ofSeconds(30)), 1);
        String toCarolOffer =
                word(carol.send("offer " + incident + " INCIDENT_COMMANDER " + carolId, Duration.ofSeconds(30)), 1);
        toCarol.heal();
        Await.until("Carol's offer in the war room", Duration.ofSeconds(30), () -> serverCount() > before);
        toAna.heal();

        String seen = agreed(incident, ana, carol);
        assertThat(seen.lines()).allSatisfy(l -> assertThat(l)
                .contains(toCarolOffer + "=OFFERED")
                .contains(toBob + "=SUPERSEDED")
                .contains("commander=Ana"));
        assertThat(seen.lines().toList().get(0))
                .as("Ana's console knows her offer lost")
                .contains("lost=");
        assertThat(seen.lines().toList().get(1)).doesNotContain("lost=");
    }
}
