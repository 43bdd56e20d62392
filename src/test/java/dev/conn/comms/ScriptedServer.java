package dev.conn.comms;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A MockWebServer on 127.0.0.1 that answers from a script (then a default), and records each
 * request it fully received with the fake clock's time.
 */
final class ScriptedServer implements AutoCloseable {
    /** A received request. */
    record Hit(Instant at, String method, String path, String body, String idempotencyKey, String authorization) {}

    final MockWebServer server = new MockWebServer();
    private final Deque<MockResponse> script = new ArrayDeque<>();
    private final List<Hit> hits = new ArrayList<>();
    private final Clock clock;
    private volatile Supplier<MockResponse> fallback = () -> new MockResponse().setBody("ok");

    ScriptedServer(Clock clock) throws IOException {
        this(clock, 0);
    }

    ScriptedServer(Clock clock, int port) throws IOException {
        this.clock = clock;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                synchronized (ScriptedServer.this) {
                    if (r.getFailure() == null) {
                        hits.add(new Hit(
                                clock.instant(),
                                r.getMethod(),
                                r.getPath(),
                                r.getBody().readUtf8(),
                                r.getHeader("Idempotency-Key"),
                                r.getHeader("Authorization")));
                    }
                    MockResponse next = script.poll();
                    return next != null ? next : fallback.get();
                }
            }
        });
        server.start(java.net.InetAddress.getByName("127.0.0.1"), port);
    }

    synchronized ScriptedServer then(MockResponse r) {
        script.add(r);
        return this;
    }

    void otherwise(Supplier<MockResponse> r) {
        fallback = r;
    }

    synchronized List<Hit> hits() {
        return List.copyOf(hits);
    }

    String url(String path) {
        return server.url(path).toString();
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
