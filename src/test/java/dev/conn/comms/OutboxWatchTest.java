package dev.conn.comms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.comms.net.SlackWebhookClient;
import dev.conn.incident.Audience;
import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.settings.SecretRef;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox announces its changes, so no window counts it on a timer: the queue path and every
 * move of the dispatcher are followed by one recount, and the dispatcher hands on the events it
 * appended.
 */
class OutboxWatchTest {
    @TempDir
    Path dir;

    private OutboxFixture f;
    private ScriptedServer slack;
    private final List<OutboxWatch.Snapshot> seen = new CopyOnWriteArrayList<>();
    private final List<Event> recorded = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        f = new OutboxFixture(dir);
        slack = new ScriptedServer(f.clock);
        f.env.put("SLACK_URL", slack.url("/services/T/B/X"));
        f.channels.put(
                "slack-ops",
                new SlackWebhookClient("slack-ops", SecretRef.env("SLACK_URL"), f.secrets(), f.http, f.clock));
        f.watch.onChange(seen::add);
        f.watch.onRecorded(recorded::addAll);
    }

    @AfterEach
    void tearDown() throws IOException {
        slack.close();
        f.close();
    }

    @Test
    void queueingAndSendingAreAnnouncedWithTheEventsTheDispatcherAppended() throws Exception {
        f.send(Audience.RESPONDERS, "Outage", "slack-ops");
        assertThat(seen).last().satisfies(s -> assertThat(s.waiting()).isEqualTo(1));

        assertThat(f.dispatcher().drain(Duration.ofMinutes(1))).isTrue();

        assertThat(seen).last().satisfies(s -> {
            assertThat(s.waiting()).isZero();
            assertThat(s.sending().here()).isTrue();
        });
        assertThat(recorded).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.MESSAGE_SENT);
            assertThat(e.author()).isEqualTo("Conn outbox");
        });
    }

    @Test
    void aWindowThatDoesNotSendFollowsTheOtherWindowsProgress() {
        OutboxDispatcher sender = f.dispatcher(f.lease("window 1"));
        sender.recover();
        OutboxWatch mine = new OutboxWatch(f.outbox);
        List<OutboxWatch.Snapshot> mineSeen = new CopyOnWriteArrayList<>();
        mine.onChange(mineSeen::add);
        OutboxDispatcher follower = new OutboxDispatcher(
                f.outbox,
                f.incidents.log(),
                mine,
                f.lease("window 2"),
                id -> java.util.Optional.empty(),
                f.clock::advance,
                Backoff.standard(new java.util.Random(1)),
                f.known);
        f.send(Audience.RESPONDERS, "Outage", "slack-ops");

        follower.runOnce(); // polls: the other window holds the lease
        assertThat(mineSeen).last().satisfies(s -> {
            assertThat(s.waiting()).isEqualTo(1);
            assertThat(s.sending().elsewhere()).isPresent();
        });
        sender.runOnce();
        follower.runOnce();
        assertThat(mineSeen).last().satisfies(s -> assertThat(s.waiting()).isZero());
        assertThat(slack.hits()).hasSize(1);
    }
}
