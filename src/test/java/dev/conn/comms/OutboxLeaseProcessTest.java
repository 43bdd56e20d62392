package dev.conn.comms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.comms.store.JdbcDispatchLease;
import dev.conn.incident.Audience;
import dev.conn.incident.EventType;
import dev.conn.testing.LoopbackServer;
import dev.conn.testing.LoopbackServer.Act;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several Conn processes on one data directory (issue 11, finding 1), as real child JVMs ({@link
 * OutboxLeaseChild}) with a short lease (1.5 s): one sends, nothing is sent twice, order per channel
 * holds, and when the sender is killed with SIGKILL mid-send the other takes over the rest, leaving
 * only the interrupted message delivery-unknown.
 */
class OutboxLeaseProcessTest {
    private static final Pattern SUBJECT = Pattern.compile("(Msg \\d+)");

    @TempDir
    Path dir;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void stopChildren() {
        children.forEach(Process::destroyForcibly);
    }

    private Process child(Path data, LoopbackServer server, int n) throws IOException {
        return child(data, server, n, Duration.ofMillis(1500));
    }

    private Process child(Path data, LoopbackServer server, int n, Duration ttl) throws IOException {
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-D" + JdbcDispatchLease.TTL_PROPERTY + "=" + ttl.toMillis(),
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        OutboxLeaseChild.class.getName(),
                        data.toString(),
                        server.url("/services/T1/B1/X1"),
                        server.url("/hook"))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child" + n + ".out").toFile())
                .start();
        children.add(p);
        return p;
    }

    private static void await(String what, Duration limit, BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime() < end)
                    .as("waited %s for %s", limit, what)
                    .isTrue();
            Thread.sleep(50);
        }
    }

    private static String subject(LoopbackServer.Request r) {
        Matcher m = SUBJECT.matcher(r.body());
        return m.find() ? m.group(1) : r.body();
    }

    private String output(int n) throws IOException {
        return Files.readString(dir.resolve("child" + n + ".out"));
    }

    private void stop(Process p) throws Exception {
        p.getOutputStream().close();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void twoProcessesOnOneDataDirectorySendEachMessageOnceInOrderPerChannel() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        try (LoopbackServer server = new LoopbackServer();
                OutboxFixture f = new OutboxFixture(data)) {
            List<String> slack = new ArrayList<>();
            List<String> hook = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                queue(f, i, slack, hook);
            }
            Process a = child(data, server, 1);
            Process b = child(data, server, 2);
            for (int i = 10; i < 30; i++) {
                queue(f, i, slack, hook); // while both run
            }
            await(
                    "30 deliveries",
                    Duration.ofSeconds(90),
                    () -> server.requests().size() >= 30 && f.outbox.waiting() == 0);
            stop(a);
            stop(b);

            Map<String, List<String>> byPath = server.requests().stream()
                    .collect(Collectors.groupingBy(
                            LoopbackServer.Request::path,
                            Collectors.mapping(OutboxLeaseProcessTest::subject, Collectors.toList())));
            assertThat(server.requests()).as("no duplicates").hasSize(30);
            assertThat(byPath.get("/services/T1/B1/X1")).as("Slack, in order").containsExactlyElementsOf(slack);
            assertThat(byPath.get("/hook")).as("webhook, in order").containsExactlyElementsOf(hook);
            assertThat(f.outbox.unknown()).as("nothing falsely unknown").isEmpty();
            assertThat(f.events(EventType.MESSAGE_DELIVERY_UNKNOWN)).isEmpty();
            assertThat(f.events(EventType.MESSAGE_SENT)).hasSize(30);
            assertThat(output(1) + output(2)).contains("STOPPED");
        }
    }

    private static void queue(OutboxFixture f, int i, List<String> slack, List<String> hook) {
        String channel = i % 2 == 0 ? "slack-ops" : "hook";
        f.send(Audience.RESPONDERS, "Msg " + i, channel);
        (i % 2 == 0 ? slack : hook).add("Msg " + i);
    }

    @Test
    void killingTheSenderMidSendLeavesOnlyItsMessageUnknownAndTheOtherTakesOver() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        try (LoopbackServer server = new LoopbackServer();
                OutboxFixture f = new OutboxFixture(data)) {
            server.then(Act.ANSWER).then(Act.HANG); // the second message never gets its answer
            for (int i = 1; i <= 6; i++) {
                f.send(Audience.RESPONDERS, "Msg " + i, "slack-ops");
            }
            Process a = child(data, server, 1);
            Process b = child(data, server, 2);
            await(
                    "the second post",
                    Duration.ofSeconds(60),
                    () -> server.requests().size() >= 2);

            long holderPid = f.lease("the test").holder().orElseThrow().owner().pid();
            Process holder = holderPid == a.pid() ? a : b;
            Process other = holder == a ? b : a;
            assertThat(holder.pid()).isEqualTo(holderPid);
            holder.destroyForcibly(); // SIGKILL while its request waits for an answer
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();

            await(
                    "the rest sent by the other process",
                    Duration.ofSeconds(60),
                    () -> server.requests().size() >= 6 && f.outbox.waiting() == 0);
            stop(other);

            assertThat(server.requests())
                    .extracting(OutboxLeaseProcessTest::subject)
                    .containsExactly("Msg 1", "Msg 2", "Msg 3", "Msg 4", "Msg 5", "Msg 6");
            assertThat(f.outbox.unknown()).singleElement().satisfies(m -> assertThat(m.subject())
                    .isEqualTo("Msg 2"));
            assertThat(f.events(EventType.MESSAGE_DELIVERY_UNKNOWN)).hasSize(1);
            assertThat(f.events(EventType.MESSAGE_SENT)).hasSize(5);
            assertThat(f.lease("the test").holder().orElseThrow().token())
                    .as("the take-over raised the token")
                    .isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void aKilledSendersLeaseIsTakenOverAtOnceNotAfterTheLeaseTime() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        try (LoopbackServer server = new LoopbackServer();
                OutboxFixture f = new OutboxFixture(data)) {
            server.then(Act.ANSWER).then(Act.HANG); // the second message never gets its answer
            for (int i = 1; i <= 4; i++) {
                f.send(Audience.RESPONDERS, "Msg " + i, "slack-ops");
            }
            // a lease of ten minutes: the other process could only take over that late by expiry
            Duration tenMinutes = Duration.ofMinutes(10);
            Process a = child(data, server, 1, tenMinutes);
            Process b = child(data, server, 2, tenMinutes);
            await(
                    "the second post",
                    Duration.ofSeconds(60),
                    () -> server.requests().size() >= 2);

            long holderPid = f.lease("the test").holder().orElseThrow().owner().pid();
            Process holder = holderPid == a.pid() ? a : b;
            Process other = holder == a ? b : a;
            holder.destroyForcibly(); // SIGKILL while its request waits for an answer
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();

            await(
                    "the other process to send the rest, long before the ten-minute lease ends",
                    Duration.ofSeconds(60),
                    () -> server.requests().size() >= 4 && f.outbox.waiting() == 0);
            stop(other);
            assertThat(server.requests())
                    .extracting(OutboxLeaseProcessTest::subject)
                    .containsExactly("Msg 1", "Msg 2", "Msg 3", "Msg 4");
            assertThat(f.outbox.unknown()).singleElement().satisfies(m -> assertThat(m.subject())
                    .isEqualTo("Msg 2"));
            assertThat(f.lease("the test").holder().orElseThrow().owner().pid()).isEqualTo(other.pid());
        }
    }
}
