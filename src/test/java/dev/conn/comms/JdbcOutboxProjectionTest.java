package dev.conn.comms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.incident.Audience;
import dev.conn.incident.CommsEvent;
import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.Origin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox's rows are a projection of the messages decided on this console: written with their
 * {@code MESSAGE_QUEUED}, one per channel, with what the message tells a status page; an imported
 * or replicated message is history and is never sent again.
 */
class JdbcOutboxProjectionTest {
    @TempDir
    Path dir;

    private OutboxFixture f;

    @BeforeEach
    void setUp() {
        f = new OutboxFixture(dir);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private Event queued(String subject) {
        return Event.of(
                Event.newId(),
                f.incident,
                f.clock.instant(),
                f.clock.instant(),
                "Bob",
                CommsEvent.MessageQueued.of(
                        UUID.randomUUID().toString(),
                        Audience.RESPONDERS,
                        List.of("slack-ops"),
                        subject,
                        "text",
                        Optional.empty(),
                        Optional.empty()));
    }

    @Test
    void aDecidedMessageGetsOneRowPerChannelWithItsExtras() {
        CommsEvent.MessageExtras extras = new CommsEvent.MessageExtras(
                Optional.of("identified"), Optional.of("major"), Map.of("Checkout", "major_outage"));
        UUID id = f.sendStatus("Checkout errors", extras, "statuspage");

        assertThat(f.outbox.queued()).singleElement().satisfies(m -> {
            assertThat(m.messageId()).isEqualTo(id);
            assertThat(m.channel()).isEqualTo("statuspage");
            assertThat(m.author()).isEqualTo("Alice");
            assertThat(m.subject()).isEqualTo("Checkout errors");
            assertThat(m.extras()).isEqualTo(extras);
            assertThat(m.nextAttemptAt()).isEqualTo(f.clock.instant());
        });
        assertThat(f.bodies(CommsEvent.MessageQueued.class)).singleElement().satisfies(q -> assertThat(q.extras())
                .contains(extras));
    }

    @Test
    void anImportedOrReplicatedMessageIsNeverSentAgain() throws Exception {
        f.incidents.log().store(List.of(queued("From a bundle")), Origin.IMPORTED);
        f.incidents.log().store(List.of(queued("From the war room")), Origin.REPLICATED);

        assertThat(f.events(EventType.MESSAGE_QUEUED)).hasSize(2);
        assertThat(f.outbox.summary()).isEqualTo(Outbox.Summary.EMPTY);
        assertThat(f.dispatcher().drain(Duration.ofMinutes(1))).isTrue();
        assertThat(f.events(EventType.MESSAGE_SENT)).isEmpty();
        assertThat(f.events(EventType.MESSAGE_FAILED)).isEmpty();
    }
}
