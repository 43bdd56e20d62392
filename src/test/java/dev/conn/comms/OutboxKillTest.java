package dev.conn.comms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.comms.net.SlackWebhookClient;
import dev.conn.comms.store.JdbcDispatchLease;
import dev.conn.incident.Audience;
import dev.conn.settings.SecretRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a dispatching process with SIGKILL ({@link Process#destroyForcibly()}) while a request is
 * in flight; on restart nothing is lost and nothing is sent twice without the user's say.
 */
class OutboxKillTest {
    @TempDir
    Path dir;

    @Test
    void aKillMidSendLosesNothingAndSendsNothingTwiceOnItsOwn() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        try (OutboxFixture f = new OutboxFixture(data)) {
            f.send(Audience.RESPONDERS, "One", "slack-ops");
            f.send(Audience.RESPONDERS, "Two", "slack-ops");
            f.send(Audience.RESPONDERS, "Three", "slack-ops");
        }

        List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch secondArrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) throws InterruptedException {
                String body = r.getBody().readUtf8();
                received.add(body);
                if (received.size() == 2) {
                    secondArrived.countDown();
                    release.await(60, TimeUnit.SECONDS); // hold the answer: the child dies waiting
                }
                return new MockResponse().setBody("ok");
            }
        });
        server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
        String url = server.url("/services/T/B/X").toString();
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-D" + JdbcDispatchLease.TTL_PROPERTY + "=2000",
                        "-cp",
                        System.getProperty("java.class.path"),
                        OutboxKillChild.class.getName(),
                        data.toString(),
                        url)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.out").toFile())
                .start();
        try {
            assertThat(secondArrived.await(60, TimeUnit.SECONDS))
                    .as("child sends the second message; output: %s", Files.readString(dir.resolve("child.out")))
                    .isTrue();
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
            release.countDown();
        }

        try (OutboxFixture f = new OutboxFixture(dir.resolve("data"))) {
            // the dead child's lease (real clock, 2 s) has expired by this clock's time
            f.clock.set(java.time.Instant.now().plusSeconds(3));
            f.env.put("SLACK_URL", url);
            f.channels.put(
                    "slack-ops",
                    new SlackWebhookClient("slack-ops", SecretRef.env("SLACK_URL"), f.secrets(), f.http, f.clock));
            OutboxDispatcher d = f.dispatcher();
            assertThat(d.recover()).singleElement().satisfies(m -> assertThat(m.subject())
                    .isEqualTo("Two"));
            d.drain(Duration.ofMinutes(1));

            assertThat(received).as("each sent once; Two waits for the user").hasSize(3);
            assertThat(received.get(0)).contains("One");
            assertThat(received.get(1)).contains("Two");
            assertThat(received.get(2)).contains("Three");
            assertThat(f.outbox.unknown()).singleElement().satisfies(m -> assertThat(m.subject())
                    .isEqualTo("Two"));
            assertThat(f.outbox.waiting()).isZero();

            f.resend(f.outbox.unknown().get(0).seq()); // the user's say
            d.drain(Duration.ofMinutes(1));
            assertThat(received).hasSize(4);
            assertThat(received.get(3)).contains("Two");
        } finally {
            server.shutdown();
        }
    }
}
