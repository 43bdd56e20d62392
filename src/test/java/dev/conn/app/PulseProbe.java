package dev.conn.app;

import com.sun.javafx.tk.TKPulseListener;
import com.sun.javafx.tk.Toolkit;
import dev.conn.command.CommunicationDeadlines;
import dev.conn.command.HandoffCommand;
import dev.conn.command.PeopleService;
import dev.conn.command.RosterCommand;
import dev.conn.fatigue.FatigueMonitor;
import dev.conn.incident.AckMethod;
import dev.conn.incident.CommandEvent;
import dev.conn.incident.Declaration;
import dev.conn.incident.EntryCommand;
import dev.conn.incident.Event;
import dev.conn.incident.EventStore;
import dev.conn.incident.HeaderCommand;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.incident.Role;
import dev.conn.incident.Severity;
import dev.conn.incident.Status;
import dev.conn.platform.fx.FxTaskRunner;
import dev.conn.platform.fx.TaskRunner;
import dev.conn.settings.PolicyFile;
import dev.conn.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The benchmark's FX-thread probe (a child JVM started by {@code bench.PulseBench}): the real
 * window, 1366×768, with the Comms and Impact tabs opened, replays a SEV1 at 10 events per second
 * of a fake clock for 10 minutes, and times every stretch of work on the FX thread:
 *
 * <ul>
 *   <li>each pulse, from the toolkit's stage pulse listeners to its post-scene listeners (animations
 *       excepted: the heartbeat's timer is stopped and its beats are driven here): CSS, layout,
 *       the wait for the previous frame's rendering and the copy to the render graph;
 *   <li>each callback the window's two runners hand to the FX thread (results of reads and writes,
 *       and the events the store publishes after commit), through {@link TimedTaskRunner};
 *   <li>each heartbeat (clocks re-rendered, the follower's poll and the connectivity probe started).
 * </ul>
 *
 * Each fake second: the clock moves 1 s; 7 events are sent through this window's services on its
 * disk runner (as the IC's console sends them) and 3 through another store on the same database
 * (a CLI or a second console, which the live follower brings); the probe waits for the disk
 * runner, beats once, waits again, and lets at least one pulse happen. So the replay runs as fast
 * as the machine does the work, never faster. Prints one line: {@code conn.bench.pulse p99Ms=...}.
 */
public final class PulseProbe {
    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");
    private static final int SECONDS = 600;
    private static final int PER_SECOND = 10;

    private final List<Long> jobs = new ArrayList<>(); // FX thread only
    private final List<Long> pulses = new ArrayList<>(); // FX thread only
    private final AtomicLong pulseCount = new AtomicLong();
    private long pulseStart;
    // held strongly: the toolkit keeps its pulse listeners in weak maps
    private final TKPulseListener onStart = () -> pulseStart = System.nanoTime();
    private final TKPulseListener onEnd = () -> {
        if (pulseStart != 0) {
            long d = System.nanoTime() - pulseStart;
            pulses.add(d);
            jobs.add(d);
            pulseStart = 0;
        }
        pulseCount.incrementAndGet();
    };

    private PulseProbe() {}

    /**
     * @param args ignored
     * @throws Exception if the window cannot be built or the replay fails
     */
    public static void main(String[] args) throws Exception {
        try {
            new PulseProbe().run();
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1); // the FX thread would keep the JVM alive
        }
        System.exit(0);
    }

    private void run() throws Exception {
        Platform.startup(() -> {});
        Path dir = Files.createTempDirectory("conn-pulse-");
        Files.writeString(dir.resolve("settings.json"), "{\"version\": 1, \"authorName\": \"bench\"}");
        MutableClock clock = new MutableClock(T0);
        TaskRunner disk = new TimedTaskRunner(new FxTaskRunner("conn-io"), this::job);
        TaskRunner network = new TimedTaskRunner(new FxTaskRunner("conn-net"), this::job);
        AppContext context = AppContext.open(dir, clock, disk, network);
        IncidentService mine = context.incidents();
        IncidentId id = mine.declare(
                        new Declaration("Checkout errors in EU", Severity.SEV1, "", Optional.of(T0), "bench"), "bench")
                .incidentId();
        CountDownLatch ready = new CountDownLatch(1);
        Platform.runLater(() -> {
            Stage stage = new Stage();
            stage.setWidth(1366);
            stage.setHeight(768);
            context.showIn(stage, ready::countDown);
            stage.show();
        });
        if (!ready.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the window was not ready in 60 s");
        }
        onFx(() -> {
            context.windowForTests().heartbeat().stop(); // beats are driven below, on the fake clock
            context.mainWindowForTests().showPanel("comms");
            context.mainWindowForTests().showPanel("impact");
            Toolkit.getToolkit().addStageTkPulseListener(onStart);
            Toolkit.getToolkit().addPostSceneTkPulseListener(onEnd);
        });
        IncidentService cli = new IncidentService(
                EventStore.jdbc(context.databaseForTests().dataSource()), clock); // another process's store
        Replay replay = new Replay(id, mine, cli, people(mine, clock), disk);
        long wall = System.nanoTime();
        for (int s = 0; s < SECONDS; s++) {
            clock.advance(Duration.ofSeconds(1));
            replay.second(s);
            drain(disk);
            onFx(() -> timedJob(() -> context.windowForTests().heartbeat().beat()));
            drain(disk);
            awaitPulse();
        }
        wall = System.nanoTime() - wall;
        long[] all = sorted(jobs);
        long[] frames = sorted(pulses);
        System.out.printf(
                Locale.ROOT,
                "conn.bench.pulse p99Ms=%.2f maxMs=%.2f jobs=%d pulseP99Ms=%.2f pulseMaxMs=%.2f pulses=%d events=%d"
                        + " refused=%d wallMs=%d%n",
                ms(percentile(all, 0.99)),
                ms(all[all.length - 1]),
                all.length,
                ms(percentile(frames, 0.99)),
                ms(frames[frames.length - 1]),
                frames.length,
                replay.sent(),
                replay.refused(),
                wall / 1_000_000);
        onFx(() -> Toolkit.getToolkit().removeStageTkPulseListener(onStart));
        context.close();
    }

    private static PeopleService people(IncidentService incidents, MutableClock clock) {
        var policy = PolicyFile.defaults();
        return PeopleService.create(
                incidents,
                policy.handoff().ackTimeout(),
                new SplittableRandom(7),
                CommunicationDeadlines.NONE,
                new FatigueMonitor(policy.fatigue(), ZoneOffset.UTC));
    }

    private void job(long nanos) {
        jobs.add(nanos); // called on the FX thread
    }

    private void timedJob(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        jobs.add(System.nanoTime() - t0);
    }

    /** Waits until the disk runner has done what was queued and its callbacks ran on the FX thread. */
    private static void drain(TaskRunner disk) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        disk.run(() -> null, ok -> done.countDown(), e -> done.countDown());
        if (!done.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the disk runner did not drain in 30 s");
        }
        onFx(() -> {}); // and whatever the store published meanwhile
    }

    private void awaitPulse() throws InterruptedException {
        long before = pulseCount.get();
        Platform.requestNextPulse();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (pulseCount.get() == before && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
    }

    private static void onFx(Runnable r) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                r.run();
            } finally {
                done.countDown();
            }
        });
        if (!done.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the FX thread did not answer in 30 s");
        }
    }

    private static long[] sorted(List<Long> values) {
        long[] v = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(v);
        return v.length == 0 ? new long[] {0} : v;
    }

    private static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    /** A SEV1's second-by-second traffic: entries, status changes, people and hand-offs. */
    private static final class Replay {
        private static final Status[] STATUSES = {Status.IDENTIFIED, Status.MONITORING, Status.INVESTIGATING};
        private final IncidentId id;
        private final IncidentService mine;
        private final IncidentService cli;
        private final PeopleService people;
        private final TaskRunner disk;
        private final List<String> responders = new ArrayList<>();
        private final AtomicLong refused = new AtomicLong();
        private String commsLead;
        private String pendingOffer;
        private long sent;

        Replay(IncidentId id, IncidentService mine, IncidentService cli, PeopleService people, TaskRunner disk) {
            this.id = id;
            this.mine = mine;
            this.cli = cli;
            this.people = people;
            this.disk = disk;
        }

        long sent() {
            return sent;
        }

        long refused() {
            return refused.get();
        }

        void second(int s) {
            for (int i = 0; i < PER_SECOND; i++) {
                sent++;
                int n = s * PER_SECOND + i;
                if (i >= 7) {
                    cliEntry(n);
                } else if (i == 0 && s < 4) {
                    String name = new String[] {"Ana", "Bob", "Carol", "Dmitri"}[s];
                    people(new RosterCommand.AddResponder(name, Optional.empty(), Optional.empty()));
                } else if (i == 0 && s == 4) {
                    people(new RosterCommand.AssignRole(Role.COMMUNICATIONS_LEAD, responders.get(1)));
                } else if (i == 0 && s % 120 == 30 && commsLead != null) {
                    String to = commsLead.equals(responders.get(1)) ? responders.get(2) : responders.get(1);
                    people(HandoffCommand.Offer.of(Role.COMMUNICATIONS_LEAD, to));
                } else if (i == 0 && s % 120 == 60 && pendingOffer != null) {
                    people(new HandoffCommand.Acknowledge(pendingOffer, AckMethod.IN_PERSON, Optional.empty()));
                } else if (i == 1 && s % 60 == 45) {
                    header(new HeaderCommand.ChangeStatus(
                            STATUSES[(s / 60) % STATUSES.length], Optional.of("status update " + n), Optional.empty()));
                } else if (i == 1 && s == 480) {
                    header(new HeaderCommand.MarkMitigated(Optional.of("failed over to eu-west-2"), Optional.empty()));
                } else {
                    entry(mine, n);
                }
            }
        }

        private void entry(IncidentService by, int n) {
            EntryCommand.Kind kind = n % 50 == 0
                    ? EntryCommand.Kind.DECISION
                    : n % 50 == 25 ? EntryCommand.Kind.ACTION : EntryCommand.Kind.NOTE;
            EntryCommand.Add add = new EntryCommand.Add(
                    Event.newId(), kind, "Entry " + n + ": p99 latency on eu-west-1 still elevated", Optional.empty());
            if (by == mine) {
                disk.run(() -> mine.add(id, add, "bench"), ok -> {}, e -> refused.incrementAndGet());
            } else {
                try {
                    cli.add(id, add, "deploy-bot");
                } catch (RuntimeException e) { // a stale read under contention: the CLI says so and exits 1
                    refused.incrementAndGet();
                }
            }
        }

        private void cliEntry(int n) {
            entry(cli, n);
        }

        private void header(HeaderCommand c) {
            disk.run(() -> mine.change(id, c, "bench"), ok -> {}, e -> refused.incrementAndGet());
        }

        private void people(dev.conn.command.PeopleCommand c) {
            disk.run(
                    () -> people.execute(id, c, "bench"),
                    r -> {
                        for (Event e : r.appended()) {
                            if (e.body() instanceof CommandEvent.ResponderJoined j) {
                                responders.add(j.responderId());
                            } else if (e.body() instanceof CommandEvent.RoleAssigned a) {
                                commsLead = a.responderId().orElse(commsLead);
                            } else if (e.body() instanceof CommandEvent.HandoffOffered o) {
                                pendingOffer = o.offerId();
                            } else if (e.body() instanceof CommandEvent.HandoffAcknowledged a) {
                                commsLead = a.toId().orElse(commsLead);
                                pendingOffer = null;
                            }
                        }
                    },
                    e -> refused.incrementAndGet());
        }
    }
}
