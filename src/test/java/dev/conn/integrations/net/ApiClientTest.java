package dev.conn.integrations.net;

import static dev.conn.integrations.net.VendorServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.integrations.Outcome;
import dev.conn.platform.http.HttpTransport;
import java.time.Duration;
import java.util.Optional;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rule for uncertainty (ADR 0009) as the integration clients apply it: a lost answer is retried
 * only when the receiver de-duplicates; otherwise it is "delivery unknown", as is a 504 (RFC 9110
 * section 15.6.5: a gateway gave up waiting). Every integration in this room de-duplicates, so
 * their clients never produce {@link Outcome.Unknown}; this test keeps the rule honest for one that
 * would not.
 */
class ApiClientTest {
    private VendorServer server;
    private ApiClient api;

    @BeforeEach
    void setUp() throws Exception {
        server = new VendorServer();
        api = new ApiClient("Vendor", server.http, server.secrets(), server.clock, a -> false, Duration.ZERO);
    }

    @AfterEach
    void tearDown() throws Exception {
        server.close();
    }

    private Request post() {
        return new Request.Builder()
                .url(server.url("/create"))
                .post(RequestBody.create("{}", ApiClient.JSON))
                .build();
    }

    @Test
    void aLostAnswerIsUnknownUnlessTheReceiverDeduplicates() {
        server.handle(h -> VendorServer.lostReply());

        Outcome<HttpTransport.Answer> blind = api.deliver(post(), false);
        Outcome<HttpTransport.Answer> deduplicated = api.deliver(post(), true);

        assertThat(blind).isInstanceOf(Outcome.Unknown.class);
        assertThat(deduplicated).isInstanceOf(Outcome.Retry.class);
    }

    @Test
    void aGatewayTimeoutIsUnknownUnlessTheReceiverDeduplicates() {
        server.handle(h -> json(504, "{\"message\":\"upstream timed out\"}"));

        assertThat(api.deliver(post(), false)).isInstanceOf(Outcome.Unknown.class);
        assertThat(api.deliver(post(), true)).isInstanceOf(Outcome.Retry.class);
    }

    @Test
    void aServerErrorIsRetriedAndATimeoutToo() {
        server.handle(h -> json(503, "{\"message\":\"maintenance\"}").setHeader("Retry-After", "120"));
        Outcome<HttpTransport.Answer> unavailable = api.deliver(post(), false);
        server.handle(h -> json(408, ""));
        Outcome<HttpTransport.Answer> timeout = api.deliver(post(), false);

        assertThat(unavailable)
                .isEqualTo(new Outcome.Retry<>(
                        "Vendor answered HTTP 503: maintenance", Optional.of(Duration.ofSeconds(120)), false));
        assertThat(timeout).isInstanceOf(Outcome.Retry.class);
    }
}
