package dev.conn.comms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.comms.net.SlackWebhookClient;
import dev.conn.comms.store.JdbcDispatchLease;
import dev.conn.comms.ui.CommsText;
import dev.conn.incident.Audience;
import dev.conn.incident.EventType;
import dev.conn.settings.SecretRef;
import dev.conn.testing.LoopbackServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One dispatcher per data directory (issue 11, finding 1): the lease in the database, its fencing
 * token, and what a second Conn window on the same directory does. Expiry runs on the fixture's
 * stepping clock.
 */
class DispatchLeaseTest {
    @TempDir
    Path dir;

    private OutboxFixture f;
    private LoopbackServer slack;

    @BeforeEach
    void setUp() throws IOException {
        f = new OutboxFixture(dir);
        slack = new LoopbackServer();
        f.env.put("SLACK_URL", slack.url("/services/T1/B1/X1"));
        f.channels.put(
                "slack-ops",
                new SlackWebhookClient("slack-ops", SecretRef.env("SLACK_URL"), f.secrets(), f.http, f.clock));
    }

    @AfterEach
    void tearDown() throws IOException {
        slack.close();
        f.close();
    }

    private static long held(DispatchLease.Claim c) {
        assertThat(c).isInstanceOf(DispatchLease.Claim.Held.class);
        return ((DispatchLease.Claim.Held) c).token();
    }

    @Test
    void oneOwnerHoldsTheLeaseAndTheOtherSeesWhoUntilItExpires() {
        JdbcDispatchLease first = f.lease("Conn window of Ana");
        JdbcDispatchLease second = f.lease("Conn window of Ben");

        assertThat(first.claim()).isEqualTo(new DispatchLease.Claim.Held(1, true));
        assertThat(first.claim()).as("renewed, same token").isEqualTo(new DispatchLease.Claim.Held(1, false));
        assertThat(second.claim()).isInstanceOfSatisfying(DispatchLease.Claim.Elsewhere.class, e -> {
            assertThat(e.holder().owner().description()).isEqualTo("Conn window of Ana");
            assertThat(e.holder().owner().pid())
                    .isEqualTo(ProcessHandle.current().pid());
            assertThat(e.holder().expiresAt()).isEqualTo(f.clock.instant().plus(first.ttl()));
        });

        f.clock.advance(first.ttl().minusSeconds(1));
        assertThat(first.renew(1)).as("heartbeat").isTrue();
        f.clock.advance(first.ttl().minusSeconds(1));
        assertThat(second.claim()).as("the heartbeat kept it").isInstanceOf(DispatchLease.Claim.Elsewhere.class);

        f.clock.advance(Duration.ofSeconds(2));
        assertThat(second.claim()).isEqualTo(new DispatchLease.Claim.Held(2, true));
        assertThat(first.renew(1)).as("fenced out").isFalse();
        assertThat(first.claim()).isInstanceOf(DispatchLease.Claim.Elsewhere.class);
    }

    /** @return the pid of a process that ran on this machine and has exited */
    private static long exitedPid() throws Exception {
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        return p.pid();
    }

    @Test
    void aHolderWhoseProcessExitedOnThisMachineIsTakenOverAtOnce() throws Exception {
        DispatchLease.Owner here = DispatchLease.Owner.thisProcess("Conn window of Ben");
        DispatchLease.Owner killed = new DispatchLease.Owner("killed", here.host(), exitedPid(), "Conn window of Ana");
        assertThat(new JdbcDispatchLease(database(), f.clock, killed, JdbcDispatchLease.DEFAULT_TTL).claim())
                .isEqualTo(new DispatchLease.Claim.Held(1, true));

        JdbcDispatchLease ben = new JdbcDispatchLease(database(), f.clock, here, JdbcDispatchLease.DEFAULT_TTL);
        assertThat(ben.claim())
                .as("its process is gone: no 15 s wait for the lease to expire")
                .isEqualTo(new DispatchLease.Claim.Held(2, true));
    }

    @Test
    void aHolderOnAnotherMachineOrStillRunningIsWaitedFor() throws Exception {
        DispatchLease.Owner here = DispatchLease.Owner.thisProcess("Conn window of Ben");
        DispatchLease.Owner elsewhere =
                new DispatchLease.Owner("laptop", here.host() + "-other", exitedPid(), "Conn window of Ana");
        assertThat(new JdbcDispatchLease(database(), f.clock, elsewhere, JdbcDispatchLease.DEFAULT_TTL).claim())
                .isEqualTo(new DispatchLease.Claim.Held(1, true));
        JdbcDispatchLease ben = new JdbcDispatchLease(database(), f.clock, here, JdbcDispatchLease.DEFAULT_TTL);
        assertThat(ben.claim())
                .as("a pid on another machine says nothing here")
                .isInstanceOf(DispatchLease.Claim.Elsewhere.class);

        f.clock.advance(JdbcDispatchLease.DEFAULT_TTL.plusSeconds(1));
        assertThat(ben.claim()).isEqualTo(new DispatchLease.Claim.Held(2, true));
        JdbcDispatchLease ana = f.lease("Conn window of Ana, running");
        assertThat(ana.claim())
                .as("this process runs: its lease holds")
                .isInstanceOf(DispatchLease.Claim.Elsewhere.class);
    }

    private javax.sql.DataSource database() {
        return f.database.dataSource();
    }

    @Test
    void releasingLetsTheOtherTakeOverAtOnceAndTokensOnlyGrow() {
        JdbcDispatchLease a = f.lease("a");
        long t1 = held(a.claim());
        a.release(t1);
        JdbcDispatchLease b = f.lease("b");
        long t2 = held(b.claim());
        b.release(t2);
        long t3 = held(f.lease("a restarted").claim());
        assertThat(t1).isLessThan(t2);
        assertThat(t2).isLessThan(t3);
    }

    @Test
    void aSecondWindowStartingUpNeverMarksTheSendersInFlightRowUnknown() {
        f.send(Audience.RESPONDERS, "Outage", "slack-ops");
        long seq = f.outbox.queued().get(0).seq();
        JdbcDispatchLease window1 = f.lease("window 1");
        long token = held(window1.claim());
        assertThat(f.outbox.markInFlight(seq, token)).isTrue(); // window 1 is sending right now

        OutboxDispatcher window2 = f.dispatcher(f.lease("window 2"));
        assertThat(window2.recover()).isEmpty();
        assertThat(window2.runOnce()).as("polls, sends nothing").contains(OutboxDispatcher.POLL);

        assertThat(f.outbox.row(seq).orElseThrow().state()).isEqualTo(OutboxMessage.State.IN_FLIGHT);
        assertThat(f.events(EventType.MESSAGE_DELIVERY_UNKNOWN)).isEmpty();
        assertThat(slack.requests()).isEmpty();
        assertThat(window2.status().elsewhere())
                .hasValueSatisfying(h -> assertThat(h.owner().description()).isEqualTo("window 1"));
        assertThat(CommsText.waitingText(1, window2.status()))
                .isEqualTo("1 message waiting: the other Conn window sends them");
        assertThat(CommsText.waitingText(0, window2.status())).isEqualTo("Messages are sent by the other Conn window");
    }

    @Test
    void aRowIsClaimedOnceEvenIfTwoProcessesTryIt() {
        f.send(Audience.RESPONDERS, "Outage", "slack-ops");
        long seq = f.outbox.queued().get(0).seq();
        long token = held(f.lease("holder").claim());

        assertThat(f.outbox.markInFlight(seq, token)).isTrue();
        assertThat(f.outbox.markInFlight(seq, token)).as("no longer QUEUED").isFalse();
        assertThat(f.outbox.row(seq).orElseThrow().attempts()).isEqualTo(1);
    }

    @Test
    void aHolderFencedOutWhileSendingCanNeitherClaimNorFinishRows() {
        f.send(Audience.RESPONDERS, "One", "slack-ops");
        f.send(Audience.RESPONDERS, "Two", "slack-ops");
        long one = f.outbox.queued().get(0).seq();
        long two = f.outbox.queued().get(1).seq();
        JdbcDispatchLease paused = f.lease("paused window");
        long old = held(paused.claim());
        assertThat(f.outbox.markInFlight(one, old)).isTrue();

        f.clock.advance(paused.ttl().plusSeconds(1)); // it stopped renewing (a long GC, a sleep)
        OutboxDispatcher successor = f.dispatcher(f.lease("successor"));
        assertThat(successor.recover()).extracting(OutboxMessage::seq).containsExactly(one);

        assertThat(f.outbox.markInFlight(two, old))
                .as("the old token claims nothing")
                .isFalse();
        assertThat(f.outbox.reschedule(one, old, f.clock.instant(), "late", true))
                .isFalse();
        // its late answer, recorded through the one writer with the row's compare-and-set under
        // the old token: the step finds the row moved, so the event is not stored either
        OutboxMessage row = f.outbox.row(one).orElseThrow();
        assertThat(new DeliveryRecorder(f.incidents.log())
                        .record(
                                f.incident,
                                new DeliveryCommand.Sent(
                                        row.messageId(), row.channel(), f.clock.instant(), java.util.Optional.empty()),
                                f.outbox.markSent(one, old, f.clock.instant(), java.util.Optional.empty()),
                                "Conn outbox"))
                .isEmpty();
        assertThat(f.events(EventType.MESSAGE_SENT)).isEmpty();
        assertThat(f.outbox.row(one).orElseThrow().state()).isEqualTo(OutboxMessage.State.UNKNOWN);
        assertThat(f.events(EventType.MESSAGE_DELIVERY_UNKNOWN)).hasSize(1);
    }

    @Test
    void theHolderClosingHandsOverAtTheOthersNextPoll() throws Exception {
        OutboxDispatcher window1 = f.dispatcher(f.lease("window 1"));
        OutboxDispatcher window2 = f.dispatcher(f.lease("window 2"));
        window1.recover();
        f.send(Audience.RESPONDERS, "Outage", "slack-ops");
        assertThat(window2.runOnce()).contains(OutboxDispatcher.POLL);

        window1.close();
        assertThat(window2.drain(Duration.ofSeconds(5))).isTrue();
        assertThat(slack.requests()).hasSize(1);
        assertThat(window2.status().here()).isTrue();
    }
}
