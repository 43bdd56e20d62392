package dev.conn.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.testing.LoopbackServer;
import dev.conn.testing.LoopbackServer.Act;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;

/**
 * Conn's one HTTP transport against a loopback server: what it retries by itself, and how far a
 * failed request got (the fact the outbox's rule for uncertainty rests on).
 */
class HttpTransportTest {
    private final OkHttpClient client = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(2))
            .readTimeout(Duration.ofMillis(800))
            .callTimeout(Duration.ofSeconds(10))
            .build();
    private final HttpTransport http = HttpTransport.over(client);

    private static Request get(String url) {
        return new Request.Builder().url(url).get().build();
    }

    private static Request post(String url, int bytes) {
        return new Request.Builder()
                .url(url)
                .post(RequestBody.create("x".repeat(bytes), MediaType.get("text/plain")))
                .build();
    }

    @Test
    void readsBehindAProxyThatClosesIdleConnectionsNeverFail() throws Exception {
        // a Prometheus behind a proxy with a short idle timeout: the pooled connection is stale at
        // every refresh, and OkHttp retries the read on a new one
        try (LoopbackServer prometheus = new LoopbackServer()) {
            prometheus.closeIdleAfter(Duration.ofMillis(20));
            for (int i = 0; i < 10; i++) {
                assertThat(http.fetch(get(prometheus.url("/api/v1/query_range")), 1024))
                        .isInstanceOfSatisfying(HttpTransport.Answer.class, a -> assertThat(a.code())
                                .isEqualTo(200));
                assertThat(prometheus.awaitEnded(i + 1, Duration.ofSeconds(5))).isTrue();
            }
        }
    }

    @Test
    void withoutTheTransportTheSameReadsFailOnStaleConnections() throws Exception {
        // the control for the test above: today's failure mode is real in this set-up
        OkHttpClient noRetry =
                client.newBuilder().retryOnConnectionFailure(false).build();
        int failed = 0;
        try (LoopbackServer prometheus = new LoopbackServer()) {
            prometheus.closeIdleAfter(Duration.ofMillis(20));
            for (int i = 0; i < 5; i++) {
                try (okhttp3.Response r =
                        noRetry.newCall(get(prometheus.url("/api/v1/query"))).execute()) {
                    r.body().string();
                } catch (java.io.IOException e) {
                    failed++;
                }
                prometheus.awaitEnded(i + 1 - failed, Duration.ofSeconds(5));
                Thread.sleep(30); // let the server's idle close land (bounded, not a timer of Conn's)
            }
        }
        assertThat(failed).isPositive();
    }

    @Test
    void readsFromAnHttp10ServerNeverFail() throws Exception {
        try (LoopbackServer old = new LoopbackServer()) {
            old.otherwise(Act.HTTP_1_0);
            for (int i = 0; i < 10; i++) {
                assertThat(http.fetch(get(old.url("/api/v1/query")), 1024)).isInstanceOf(HttpTransport.Answer.class);
            }
        }
    }

    @Test
    void aRefusedConnectIsNotSentAndTriedTwice() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        assertThat(http.deliver(post("http://127.0.0.1:" + port + "/hook", 10), 1024))
                .isInstanceOfSatisfying(HttpTransport.NoAnswer.class, n -> {
                    assertThat(n.reach()).isEqualTo(HttpTransport.Reach.NOT_SENT);
                    assertThat(n.unreachable()).isTrue();
                });
    }

    @Test
    void aPostReadInFullThenDroppedIsSent() throws Exception {
        try (LoopbackServer hook = new LoopbackServer()) {
            hook.then(Act.DROP_AFTER_BODY);
            assertThat(http.deliver(post(hook.url("/hook"), 10), 1024))
                    .isInstanceOfSatisfying(HttpTransport.NoAnswer.class, n -> assertThat(n.reach())
                            .isEqualTo(HttpTransport.Reach.SENT));
            assertThat(hook.requests()).as("never repeated by the transport").hasSize(1);
        }
    }

    @Test
    void aPostWhoseAnswerNeverComesIsSent() throws Exception {
        try (LoopbackServer hook = new LoopbackServer()) {
            hook.then(Act.HANG);
            assertThat(http.deliver(post(hook.url("/hook"), 10), 1024))
                    .isInstanceOfSatisfying(HttpTransport.NoAnswer.class, n -> assertThat(n.reach())
                            .isEqualTo(HttpTransport.Reach.SENT));
            assertThat(hook.requests()).hasSize(1);
        }
    }

    @Test
    void aPostCutOffWhileItIsWrittenIsPartlySent() throws Exception {
        // the server reads the head of a large post and resets the connection: the rest of the
        // body cannot be written, so the receiver never had the whole request
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            CompletableFuture<Void> resetter = CompletableFuture.runAsync(() -> {
                try (Socket s = server.accept()) {
                    InputStream in = s.getInputStream();
                    byte[] head = new byte[4];
                    while (!new String(head, StandardCharsets.US_ASCII).equals("\r\n\r\n")) {
                        System.arraycopy(head, 1, head, 0, 3);
                        head[3] = (byte) in.read();
                    }
                    s.setSoLinger(true, 0); // RST, not FIN
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            HttpTransport.Exchange x =
                    http.deliver(post("http://127.0.0.1:" + server.getLocalPort() + "/hook", 16 << 20), 1024);
            resetter.get(10, TimeUnit.SECONDS);
            assertThat(x).isInstanceOfSatisfying(HttpTransport.NoAnswer.class, n -> assertThat(n.reach())
                    .isEqualTo(HttpTransport.Reach.PARTLY_SENT));
        }
    }

    @Test
    void retryAfterReadsSecondsAndHttpDates() {
        java.time.Clock clock =
                java.time.Clock.fixed(java.time.Instant.parse("2026-11-20T09:00:00Z"), java.time.ZoneOffset.UTC);
        assertThat(HttpTransport.retryAfter("7", clock)).contains(Duration.ofSeconds(7));
        assertThat(HttpTransport.retryAfter("Fri, 20 Nov 2026 09:00:30 GMT", clock))
                .contains(Duration.ofSeconds(30));
        assertThat(HttpTransport.retryAfter("soon", clock)).isEmpty();
    }
}
