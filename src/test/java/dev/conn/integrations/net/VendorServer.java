package dev.conn.integrations.net;

import dev.conn.platform.http.HttpTransport;
import dev.conn.platform.secrets.KnownSecrets;
import dev.conn.settings.SecretResolver;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

/**
 * A vendor API played by a MockWebServer on 127.0.0.1: each request is recorded, then answered by
 * the test's handler (which may keep state, as a real tracker does: a create that is answered by
 * a dropped connection is still created). Also the secrets, transport and clock of a client under
 * test, with short timeouts so a hanging server costs about a second.
 */
final class VendorServer implements AutoCloseable {
    /** A request the server read in full. */
    record Hit(String method, String path, String body, Headers headers) {
        String header(String name) {
            return headers.get(name);
        }

        String line() {
            return method + " " + path;
        }
    }

    final Map<String, String> env = new HashMap<>();
    final KnownSecrets known = new KnownSecrets();
    final Clock clock = Clock.fixed(Instant.parse("2026-11-21T09:30:00Z"), ZoneOffset.UTC);
    final HttpTransport http = HttpTransport.over(new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(2))
            .readTimeout(Duration.ofMillis(1500))
            .callTimeout(Duration.ofSeconds(5))
            .build());

    private final MockWebServer server = new MockWebServer();
    private final List<Hit> hits = new ArrayList<>();
    private volatile Function<Hit, MockResponse> handler = h -> json(404, "{\"message\":\"not scripted\"}");

    VendorServer() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                Hit hit = new Hit(r.getMethod(), r.getPath(), r.getBody().readUtf8(), r.getHeaders());
                synchronized (VendorServer.this) {
                    hits.add(hit);
                }
                return handler.apply(hit);
            }
        });
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    /** @param h answers each request (called on the server's thread) */
    void handle(Function<Hit, MockResponse> h) {
        handler = h;
    }

    synchronized List<Hit> hits() {
        return List.copyOf(hits);
    }

    /** @return the requests as {@code METHOD /path?query} */
    List<String> lines() {
        return hits().stream().map(Hit::line).toList();
    }

    String url(String path) {
        String u = server.url(path).toString();
        return path.equals("/") ? u.substring(0, u.length() - 1) : u;
    }

    SecretResolver secrets() {
        return new SecretResolver(env, SecretResolver.SecretStore.unavailable(), known);
    }

    static MockResponse json(int code, String body) {
        return new MockResponse()
                .setResponseCode(code)
                .setHeader("Content-Type", "application/json")
                .setBody(body);
    }

    /** The server reads the whole request, then drops the connection: the answer is lost. */
    static MockResponse lostReply() {
        return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
