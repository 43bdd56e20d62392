package dev.conn.comms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.conn.incident.Audience;
import dev.conn.incident.CommandRefusedException;
import dev.conn.incident.CommsEvent;
import dev.conn.incident.Declaration;
import dev.conn.incident.Event;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.incident.Severity;
import dev.conn.testing.InMemoryEventStore;
import dev.conn.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The comms commands through the one writer, on the in-memory event store that counts calls. */
class CommsServiceTest {
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryEventStore store = new InMemoryEventStore();
    private final CountingOutbox outbox = new CountingOutbox();
    private IncidentService incidents;
    private CommsService comms;
    private IncidentId incident;

    @BeforeEach
    void declare() {
        incidents = new IncidentService(store, clock);
        comms = new CommsService(incidents.log(), outbox, new OutboxWatch(outbox));
        incident = incidents
                .declare(new Declaration("Checkout errors", Severity.SEV1, "", Optional.empty(), "Alice"), "Alice")
                .incidentId();
        store.resetCounts();
    }

    private static CommsCommand.QueueMessage message(String subject, String body, Optional<Instant> next) {
        return new CommsCommand.QueueMessage(
                UUID.randomUUID(),
                Audience.STATUS_PAGE,
                List.of("statuspage", "slack-ops"),
                subject,
                body,
                new CommsEvent.MessageExtras(
                        Optional.of("identified"), Optional.empty(), Map.of("Checkout", "major_outage")),
                next,
                Optional.of("statuspage-investigating"));
    }

    @Test
    void queueingAMessageReadsTheLogOnceAndAppendsOnce() {
        List<Event> appended = comms.execute(
                incident, message("Checkout errors", "Investigating", Optional.of(T0.plusSeconds(600))), "Alice");

        assertThat(store.calls("read")).isEqualTo(1);
        assertThat(store.calls("append")).isEqualTo(1);
        assertThat(appended).singleElement().satisfies(e -> {
            assertThat(e.author()).isEqualTo("Alice");
            CommsEvent.MessageQueued q = (CommsEvent.MessageQueued) e.body();
            assertThat(q.channelIds()).containsExactly("statuspage", "slack-ops");
            assertThat(q.nextUpdateAt()).contains(T0.plusSeconds(600));
            assertThat(q.checklistItemId()).contains("statuspage-investigating");
            assertThat(q.extras().orElseThrow().status()).contains("identified");
            assertThat(q.extras().orElseThrow().components()).containsEntry("Checkout", "major_outage");
        });
    }

    @Test
    void aMessageIsRefusedInTheUsersWordsAndNothingIsStored() {
        assertThat(assertThrows(
                        CommandRefusedException.class,
                        () -> comms.execute(incident, message(" ", "text", Optional.empty()), "Alice")))
                .hasMessage("Type a subject");
        assertThat(assertThrows(
                        CommandRefusedException.class,
                        () -> comms.execute(incident, message("s", "", Optional.empty()), "Alice")))
                .hasMessage("Type the message");
        assertThat(assertThrows(
                        CommandRefusedException.class,
                        () -> comms.execute(incident, message("s", "t", Optional.of(T0.minusSeconds(1))), "Alice")))
                .hasMessage("The promised next update time is in the past");
        assertThat(assertThrows(
                        CommandRefusedException.class,
                        () -> comms.execute(incident, message("x".repeat(1001), "t", Optional.empty()), "Alice")))
                .hasMessageContaining("The subject is 1,001 characters");
        assertThat(assertThrows(
                        CommandRefusedException.class,
                        () -> comms.execute(
                                new IncidentId(UUID.randomUUID()), message("s", "t", Optional.empty()), "Alice")))
                .hasMessage("No such incident; declare it first");
        assertThat(store.calls("append")).isZero();
    }

    @Test
    void tickingAnItemTwiceRecordsItOnce() {
        CommsCommand tick = new CommsCommand.TickItem("open-channel", "Open a bridge");
        assertThat(comms.execute(incident, tick, "Alice")).hasSize(1);
        assertThat(comms.execute(incident, tick, "Bob")).as("already done").isEmpty();
        assertThat(incidents.timeline(incident))
                .filteredOn(e -> e.body() instanceof CommsEvent.ChecklistItemDone)
                .hasSize(1);
    }

    @Test
    void snoozingDatesTheItemFromTheClock() {
        clock.advance(Duration.ofMinutes(3));
        List<Event> e = comms.execute(
                incident, new CommsCommand.SnoozeItem("open-channel", "Open a bridge", Duration.ofMinutes(5)), "Alice");
        assertThat(((CommsEvent.ChecklistItemSnoozed) e.get(0).body()).until()).isEqualTo(T0.plusSeconds(480));
        assertThat(assertThrows(
                        CommandRefusedException.class,
                        () -> comms.execute(
                                incident, new CommsCommand.SnoozeItem("open-channel", "Open", Duration.ZERO), "Alice")))
                .hasMessage("Snooze the item for some minutes");
    }

    @Test
    void aDecisionOnARowAnotherWindowSettledFirstIsRefusedInWords() {
        CountingOutbox settled = new CountingOutbox() {
            @Override
            public boolean resend(long seq, Instant at) {
                return false;
            }
        };
        CommsService other = new CommsService(incidents.log(), settled, new OutboxWatch(settled));
        assertThat(assertThrows(
                        CommandRefusedException.class, () -> other.settle(new SettleUnknown.Resend(7), "Alice")))
                .hasMessage("That message is no longer waiting for a decision");
        assertThat(settled.calls()).as("and the list is counted again").isEqualTo(1);
    }
}
