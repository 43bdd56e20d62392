package dev.conn.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EndpointCheckTest {
    @Test
    void aUrlWithoutSchemeIsRefusedNamingTheField() {
        assertThat(EndpointCheck.parse("Prometheus URL", "prometheus.internal:9090")
                        .problem())
                .hasValue("Prometheus URL: start the URL with https:// or http://");
    }

    @Test
    void aUrlWithASpaceSaysWhere() {
        assertThat(EndpointCheck.parse("Webhook URL", "https://hooks.example.com/a b")
                        .problem()
                        .orElseThrow())
                .startsWith("Webhook URL: not a URL (Illegal character in path at character 28)");
    }

    @Test
    void anEmptyUrlSaysWhatToEnter() {
        assertThat(EndpointCheck.parse("Prometheus URL", " ").problem())
                .hasValue("Prometheus URL: enter a URL starting with https:// (or http://)");
    }

    @Test
    void aGoodUrlParses() {
        assertThat(EndpointCheck.parse("Prometheus URL", "http://127.0.0.1:9090/")
                        .uri())
                .hasValue(URI.create("http://127.0.0.1:9090/"));
    }

    @Test
    void aListeningHostIsReachable() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            URI uri = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/");
            assertThat(EndpointCheck.reachable("Prometheus URL", uri, Duration.ofSeconds(2)))
                    .isEmpty();
        }
    }

    @Test
    void anUnreachableHostIsNamedWithItsPort() throws Exception {
        int port;
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = server.getLocalPort(); // closed again: nothing listens there now
        }
        URI uri = URI.create("http://127.0.0.1:" + port + "/api");

        assertThat(EndpointCheck.reachable("Prometheus URL", uri, Duration.ofSeconds(2))
                        .orElseThrow())
                .startsWith("Prometheus URL: 127.0.0.1:" + port + " does not answer")
                .endsWith("check the address, the port and your network or VPN");
    }
}
