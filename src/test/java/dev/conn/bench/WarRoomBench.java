package dev.conn.bench;

import dev.conn.incident.Event;
import dev.conn.incident.EventStore;
import dev.conn.incident.IncidentId;
import dev.conn.incident.Origin;
import dev.conn.incident.TimelineEvent;
import dev.conn.warroom.Person;
import dev.conn.warroom.PgCluster;
import dev.conn.warroom.Replicator;
import dev.conn.warroom.SyncState;
import dev.conn.warroom.TcpProxy;
import dev.conn.warroom.TestConsole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issue 13's figures: consoles sharing an incident through a throw-away PostgreSQL cluster on
 * 127.0.0.1 ({@link PgCluster}, Debian's binaries), each console in-process ({@link TestConsole}:
 * its own H2 data directory, the one writer, a replicator with the app's default intervals, {@link
 * Replicator.Timing#DEFAULT}). All times are wall-clock from {@link System#nanoTime()}.
 *
 * <ol>
 *   <li>A→B visibility: console A adds a note (the user's path: decider, one writer); the clock
 *       starts when that append returns and stops when console B's store publishes the note after
 *       committing it to B's journal (a subscription on B's store). 200 notes after 20 warm-up
 *       ones, each after the previous arrived and a 25 ms pause; p50 and p99 by nearest rank.
 *   <li>Durable append with a war room connected: as {@code Bench}'s solo row ({@code
 *       IncidentLog.store} of one note, commit plus {@code CHECKPOINT SYNC}, 2,000 samples after 200
 *       warm-up), on console A while A shares every append and B pulls them.
 *   <li>Catch-up after one hour offline: console C reaches the server through a loopback proxy; the
 *       proxy is cut, C shows "offline", and 5,000 notes are added on C one by one (the hour's
 *       work). The clock starts when the proxy heals and C is told to reconnect (the Connect button,
 *       or its backoff retry firing: by default at most 4 s later) and stops when C shows "online,
 *       nothing to share"; then the server is checked to hold all 5,000.
 * </ol>
 *
 * <p>Without PostgreSQL (no {@code /usr/lib/postgresql/}{@code *}{@code /bin/initdb}) or when the
 * cluster cannot start, the rows say so with result -1 instead of failing the bench.
 */
final class WarRoomBench {
    private static final int VISIBILITY_WARMUP = 20;
    private static final int VISIBILITY_SAMPLES = 200;
    private static final long VISIBILITY_PAUSE_MS = 25;
    private static final int APPEND_WARMUP = 200;
    private static final int APPEND_SAMPLES = 2_000;
    private static final int OFFLINE_EVENTS = 5_000;
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final String PASSWORD = "bench-war-room";

    private WarRoomBench() {}

    /** Runs only these rows: {@code java -cp <test class path> dev.conn.bench.WarRoomBench}. */
    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("conn-warroom-bench-");
        List<Bench.Row> rows;
        try {
            rows = run(dir);
        } finally {
            try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
                all.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
        for (Bench.Row r : rows) {
            System.out.printf(
                    Locale.ROOT,
                    "%-110s %10.2f %s (target %s)%n",
                    r.measure(),
                    r.result(),
                    r.unit(),
                    Double.isNaN(r.target()) ? "—" : r.target() + " " + r.unit());
        }
        System.exit(0);
    }

    /**
     * @param dir where the consoles' data directories go
     * @return A→B visibility p50 and p99, durable append p99 while sharing, catch-up of 5,000
     *     events; -1 results (and a note) without PostgreSQL
     * @throws Exception if a measure fails once the server runs (an event never arrives)
     */
    static List<Bench.Row> run(Path dir) throws Exception {
        if (PgCluster.binaries().isEmpty()) {
            return notMeasured("PostgreSQL is not installed: apt-get install -y postgresql");
        }
        PgCluster pg;
        try {
            pg = PgCluster.start();
        } catch (Exception | AssertionError e) {
            return notMeasured("the PostgreSQL cluster did not start: " + firstLine(e.getMessage()));
        }
        try (pg) {
            double[] visibility;
            double appendP99;
            String db = PgCluster.freshName();
            String url = pg.createWarRoom(db, db + "_o", PASSWORD);
            try (TestConsole a = console(dir.resolve("a"), url, db + "_o", "ana", "Ana");
                    TestConsole b = console(dir.resolve("b"), url, db + "_o", "bo", "Bo")) {
                awaitOnline(a);
                awaitOnline(b);
                IncidentId incident = a.declare("Bench: war room");
                Map<UUID, Long> arrivedOnB = new ConcurrentHashMap<>();
                EventStore.Subscription sub = b.store().subscribe(events -> {
                    long now = System.nanoTime();
                    events.forEach(e -> arrivedOnB.putIfAbsent(e.id(), now));
                });
                try {
                    visibility = visibility(a, incident, arrivedOnB);
                } finally {
                    sub.cancel();
                }
                appendP99 = appendWhileSharing(a, incident);
            }
            double catchUp = catchUp(pg, dir.resolve("c"));
            return List.of(
                    new Bench.Row(
                            "war room: note on console A visible in console B's journal (loopback PostgreSQL), p50 ("
                                    + VISIBILITY_SAMPLES + " notes)",
                            visibility[0],
                            "ms",
                            Bench.NO_TARGET),
                    new Bench.Row("war room: A→B visibility p99", visibility[1], "ms", 500),
                    new Bench.Row(
                            "war room: catch-up after one hour offline, 5,000 local events (reconnect → all on"
                                    + " the server, nothing left to share)",
                            catchUp,
                            "ms",
                            5_000),
                    new Bench.Row(
                            "war room: durable append p99 with a war room connected (sharing asynchronous)",
                            appendP99,
                            "ms",
                            5));
        }
    }

    private static List<Bench.Row> notMeasured(String why) {
        String note = " (not measured: " + why + ")";
        return List.of(
                new Bench.Row("war room: A→B visibility p50" + note, -1, "ms", Bench.NO_TARGET),
                new Bench.Row("war room: A→B visibility p99" + note, -1, "ms", 500),
                new Bench.Row("war room: catch-up after one hour offline, 5,000 local events" + note, -1, "ms", 5_000),
                new Bench.Row("war room: durable append p99 with a war room connected" + note, -1, "ms", 5));
    }

    private static TestConsole console(Path data, String url, String role, String id, String name) {
        return new TestConsole(data, url, role, PASSWORD, new Person(id, name), Replicator.Timing.DEFAULT).start();
    }

    // --- 1. A→B visibility ------------------------------------------------------------------

    /** @return {p50, p99} in ms */
    private static double[] visibility(TestConsole a, IncidentId incident, Map<UUID, Long> arrivedOnB)
            throws Exception {
        long[] nanos = new long[VISIBILITY_SAMPLES];
        for (int i = -VISIBILITY_WARMUP; i < VISIBILITY_SAMPLES; i++) {
            UUID id = a.note(incident, "visibility " + i).id();
            long appended = System.nanoTime();
            await("note " + i + " on console B", () -> arrivedOnB.containsKey(id), 1);
            if (i >= 0) {
                // B may (rarely) commit before A's append call has returned to its caller
                nanos[i] = Math.max(0, arrivedOnB.get(id) - appended);
            }
            Thread.sleep(VISIBILITY_PAUSE_MS);
        }
        Arrays.sort(nanos);
        return new double[] {millis(percentile(nanos, 0.50)), millis(percentile(nanos, 0.99))};
    }

    // --- 2. durable append while sharing -----------------------------------------------------

    private static double appendWhileSharing(TestConsole a, IncidentId incident) throws Exception {
        for (int i = 0; i < APPEND_WARMUP; i++) {
            a.log().store(List.of(note(incident, "warm-up " + i)), Origin.REPLICATED);
        }
        long[] nanos = new long[APPEND_SAMPLES];
        for (int i = 0; i < APPEND_SAMPLES; i++) {
            Event e = note(incident, "append " + i);
            long t0 = System.nanoTime();
            boolean stored = !a.log().store(List.of(e), Origin.REPLICATED).isEmpty();
            nanos[i] = System.nanoTime() - t0;
            if (!stored) {
                throw new IllegalStateException("append " + i + " was not stored");
            }
        }
        // the appends were shared meanwhile, not dropped
        await("the appends shared", () -> a.journal().unsharedCount() == 0, 20);
        Arrays.sort(nanos);
        return millis(percentile(nanos, 0.99));
    }

    private static Event note(IncidentId incident, String text) {
        Instant now = Instant.now();
        return Event.of(Event.newId(), incident, now, now, "bench", new TimelineEvent.Note(text));
    }

    // --- 3. catch-up after an hour offline ---------------------------------------------------

    private static double catchUp(PgCluster pg, Path data) throws Exception {
        String db = PgCluster.freshName();
        pg.createWarRoom(db, db + "_o", PASSWORD);
        try (TcpProxy proxy = new TcpProxy(pg.port());
                TestConsole c = console(
                        data, "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + db, db + "_o", "cy", "Cy")) {
            awaitOnline(c);
            IncidentId incident = c.declare("Bench: an hour offline");
            await(
                    "the declaration shared",
                    () -> c.state().toShare() == 0 && c.journal().unsharedCount() == 0,
                    20);
            proxy.cut();
            await("console C offline", () -> c.state().mode() == SyncState.Mode.OFFLINE, 20);
            for (int i = 0; i < OFFLINE_EVENTS; i++) {
                c.note(incident, "offline " + i + ": checkout-api p99 still above 2 s in eu-west-1");
            }
            if (c.journal().unsharedCount() != OFFLINE_EVENTS) {
                throw new IllegalStateException("expected " + OFFLINE_EVENTS + " events to share offline, found "
                        + c.journal().unsharedCount());
            }
            long t0 = System.nanoTime();
            proxy.heal();
            c.replicator().reconnect();
            await(
                    "console C online with nothing to share",
                    () -> c.state().mode() == SyncState.Mode.ONLINE
                            && c.state().toShare() == 0
                            && c.journal().unsharedCount() == 0,
                    5);
            long took = System.nanoTime() - t0;
            long onServer = serverCount(pg, db);
            if (onServer != 1 + OFFLINE_EVENTS) {
                throw new IllegalStateException(
                        "the server holds " + onServer + " events, expected " + (1 + OFFLINE_EVENTS));
            }
            return millis(took);
        }
    }

    private static long serverCount(PgCluster pg, String db) throws Exception {
        try (Connection conn = DriverManager.getConnection(pg.url(db), "postgres", PgCluster.SUPER_PASSWORD);
                Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM event")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // --- helpers -----------------------------------------------------------------------------

    private static void awaitOnline(TestConsole console) throws Exception {
        await("console online", () -> console.state().mode() == SyncState.Mode.ONLINE, 20);
    }

    /** Polls every {@code everyMs} until the condition holds, at most {@link #LIMIT}. */
    private static void await(String what, Callable<Boolean> done, long everyMs) throws Exception {
        long end = System.nanoTime() + LIMIT.toNanos();
        while (!Boolean.TRUE.equals(done.call())) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("waited " + LIMIT.toSeconds() + " s for " + what);
            }
            Thread.sleep(everyMs);
        }
    }

    private static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
