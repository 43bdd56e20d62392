package dev.conn.comms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.comms.net.EmailClient;
import dev.conn.incident.Audience;
import dev.conn.incident.EventType;
import dev.conn.settings.ChannelSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SMTP and the rule for uncertainty (RFC 5321 section 4.1.1.4): a connection lost after the whole
 * message went out behind {@code DATA}, before the server's {@code 250}, leaves the message
 * delivery-unknown (the server may have queued it, and mail is not de-duplicated); one lost before
 * {@code DATA} is retried. A scripted SMTP server on 127.0.0.1 that hangs up where told.
 */
class EmailUncertaintyTest {
    @TempDir
    Path dir;

    private OutboxFixture f;
    private ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "smtp-stub");
        t.setDaemon(true);
        return t;
    });
    /** Hang up on the first conversation: at DATA, or after the message's final dot. */
    private volatile String hangUp = "none";

    private final AtomicInteger conversations = new AtomicInteger();
    private final AtomicInteger messagesReceived = new AtomicInteger();

    @BeforeEach
    void setUp() throws IOException {
        f = new OutboxFixture(dir);
        server = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
        threads.execute(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    threads.execute(() -> converse(s, conversations.incrementAndGet()));
                } catch (IOException e) {
                    return;
                }
            }
        });
        f.channels.put(
                "mail",
                new EmailClient(
                        ChannelSettings.email(
                                "mail",
                                Audience.STAKEHOLDERS,
                                "127.0.0.1",
                                server.getLocalPort(),
                                ChannelSettings.Security.NONE,
                                null,
                                null,
                                "conn@example.com",
                                List.of("cto@example.com")),
                        f.secrets()));
    }

    @AfterEach
    void tearDown() throws IOException {
        server.close();
        threads.shutdownNow();
        f.close();
    }

    private void converse(Socket s, int n) {
        try (s) {
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = s.getOutputStream();
            say(out, "220 stub ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String cmd = line.toUpperCase(java.util.Locale.ROOT);
                if (cmd.startsWith("EHLO") || cmd.startsWith("HELO")) {
                    say(out, "250 stub");
                } else if (cmd.startsWith("MAIL") || cmd.startsWith("RCPT") || cmd.startsWith("RSET")) {
                    say(out, "250 OK");
                } else if (cmd.startsWith("DATA")) {
                    if (n == 1 && hangUp.equals("at DATA")) {
                        return;
                    }
                    say(out, "354 go ahead");
                    while (!(line = in.readLine()).equals(".")) {
                        // the message
                    }
                    messagesReceived.incrementAndGet();
                    if (n == 1 && hangUp.equals("after the dot")) {
                        return; // queued it, then the connection died before "250"
                    }
                    say(out, "250 queued");
                } else if (cmd.startsWith("QUIT")) {
                    say(out, "221 bye");
                    return;
                } else {
                    say(out, "250 OK");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void say(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Test
    void aConnectionLostAfterTheMessageWentOutIsDeliveryUnknownNeverResent() throws Exception {
        hangUp = "after the dot";
        f.send(Audience.STAKEHOLDERS, "SEV1: checkout errors", "mail");
        f.dispatcher().drain(Duration.ofMinutes(1));

        assertThat(messagesReceived.get()).isEqualTo(1);
        assertThat(f.outbox.unknown()).hasSize(1);
        assertThat(f.events(EventType.MESSAGE_DELIVERY_UNKNOWN)).hasSize(1);
        assertThat(conversations.get()).as("never tried again on its own").isEqualTo(1);
    }

    @Test
    void aConnectionLostBeforeDataIsRetriedAndDeliveredOnce() throws Exception {
        hangUp = "at DATA";
        f.send(Audience.STAKEHOLDERS, "SEV1: checkout errors", "mail");
        f.dispatcher().drain(Duration.ofMinutes(1));

        assertThat(messagesReceived.get()).isEqualTo(1);
        assertThat(f.outbox.unknown()).isEmpty();
        assertThat(f.events(EventType.MESSAGE_SENT)).hasSize(1);
        assertThat(conversations.get()).isEqualTo(2);
    }
}
