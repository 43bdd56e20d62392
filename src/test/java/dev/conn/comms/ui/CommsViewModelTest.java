package dev.conn.comms.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.comms.ChecklistItem;
import dev.conn.comms.CommsCommand;
import dev.conn.comms.CommsService;
import dev.conn.comms.CountingOutbox;
import dev.conn.comms.ItemState;
import dev.conn.comms.MessageTemplates;
import dev.conn.comms.Outbox;
import dev.conn.comms.OutboxWatch;
import dev.conn.incident.Audience;
import dev.conn.incident.CommsEvent;
import dev.conn.incident.Declaration;
import dev.conn.incident.Event;
import dev.conn.incident.IncidentService;
import dev.conn.incident.Severity;
import dev.conn.incident.ui.IncidentViewModel;
import dev.conn.platform.fx.DirectTaskRunner;
import dev.conn.settings.PolicyFile;
import dev.conn.testing.InMemoryEventStore;
import dev.conn.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Comms tab's model on the in-memory event store, every background task run on this thread:
 * skip with a reason and snooze are recorded and change the item's state; the 1-second tick moves
 * the countdowns from the state already folded, touching neither the log nor the outbox; the
 * outbox's announcements reach the status text without a count.
 */
class CommsViewModelTest {
    private static final Instant T0 = Instant.parse("2026-11-21T14:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private final List<String> errors = new ArrayList<>();
    private final InMemoryEventStore store = new InMemoryEventStore();
    private final CountingOutbox outbox = new CountingOutbox();
    private final OutboxWatch watch = new OutboxWatch(outbox);
    private IncidentService service;
    private IncidentViewModel incident;
    private CommsViewModel comms;

    @BeforeEach
    void open() {
        service = new IncidentService(store, clock);
        DirectTaskRunner tasks = new DirectTaskRunner();
        incident = new IncidentViewModel(service, tasks, clock, Map.of());
        incident.authorProperty().set("Ana Ops");
        comms = new CommsViewModel(
                incident,
                new CommsService(service.log(), outbox, watch),
                PolicyFile.defaults().comms(),
                List::of,
                new MessageTemplates(dir),
                tasks,
                Runnable::run);
        incident.declare(
                new Declaration("Checkout errors", Severity.SEV1, "", Optional.empty(), ""), "Ana Ops", errors::add);
        store.resetCounts();
        outbox.resetCount();
    }

    private ChecklistItem item(String id) {
        return comms.checklist().stream()
                .filter(i -> i.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private <T> List<T> stored(Class<T> type) {
        return service.timeline(incident.current().orElseThrow().id()).stream()
                .map(Event::body)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    @Test
    void skippingWithAReasonIsRecordedAndSettlesTheItem() {
        comms.skip(item("notify-responders"), "  bridge already paged by the on-call tool ", errors::add);

        assertThat(errors).isEmpty();
        assertThat(stored(CommsEvent.ChecklistItemSkipped.class))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.itemId()).isEqualTo("notify-responders");
                    assertThat(e.reason()).isEqualTo("bridge already paged by the on-call tool");
                });
        assertThat(item("notify-responders").state()).isEqualTo(ItemState.SKIPPED);
    }

    @Test
    void skippingWithoutAReasonIsRefusedAndRecordsNothing() {
        comms.skip(item("notify-responders"), " ", errors::add);

        assertThat(errors).containsExactly("Say why the item is skipped");
        assertThat(stored(CommsEvent.ChecklistItemSkipped.class)).isEmpty();
        assertThat(store.calls("append")).isZero();
    }

    @Test
    void snoozingPutsTheItemOffAndItIsDueAgainAfterwards() {
        clock.advance(Duration.ofMinutes(6));
        incident.tick();
        assertThat(item("notify-responders").state()).isEqualTo(ItemState.OVERDUE);

        comms.snooze(item("notify-responders"), Duration.ofMinutes(5), errors::add);

        assertThat(stored(CommsEvent.ChecklistItemSnoozed.class))
                .singleElement()
                .satisfies(e -> assertThat(e.until()).isEqualTo(T0.plus(Duration.ofMinutes(11))));
        assertThat(item("notify-responders").state()).isEqualTo(ItemState.SNOOZED);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        incident.tick();
        assertThat(item("notify-responders").state()).isEqualTo(ItemState.OVERDUE);
    }

    @Test
    void theOneSecondTickMovesTheCountdownsWithoutAStoreOrOutboxCall() {
        assertThat(item("notify-responders").state()).isEqualTo(ItemState.PENDING);
        for (int s = 0; s < 400; s++) {
            clock.advance(Duration.ofSeconds(1));
            incident.tick();
        }

        assertThat(item("notify-responders").state()).isEqualTo(ItemState.OVERDUE);
        assertThat(comms.countdowns())
                .filteredOn(c -> c.audience() == Audience.STATUS_PAGE)
                .singleElement()
                .satisfies(c -> assertThat(c.state()).isEqualTo(ItemState.OVERDUE));
        assertThat(store.calls("read")).as("log reads by 400 ticks").isZero();
        assertThat(store.calls("append")).isZero();
        assertThat(outbox.calls()).as("outbox calls by 400 ticks").isZero();
    }

    @Test
    void aQueuedMessageTicksItsItemFromTheAppendedEventsAlone() {
        comms.send(
                new CommsCommand.QueueMessage(
                        UUID.randomUUID(),
                        Audience.RESPONDERS,
                        List.of("slack-ops"),
                        "Checkout errors",
                        "We are investigating",
                        null,
                        Optional.empty(),
                        Optional.empty()),
                () -> {},
                errors::add);

        assertThat(errors).isEmpty();
        assertThat(item("notify-responders").state()).isEqualTo(ItemState.DONE);
        assertThat(item("notify-responders").note()).contains("message: Checkout errors");
        assertThat(store.calls("read")).as("the command's one read").isEqualTo(1);
        assertThat(store.calls("append")).isEqualTo(1);
    }

    @Test
    void theOutboxAnnouncesItsChangesToTheStatusText() {
        assertThat(comms.waitingProperty().get()).isEmpty();
        outbox.answer(new Outbox.Summary(2, List.of()));

        watch.recount(); // what the queue path and the dispatcher do after a change

        assertThat(comms.waitingProperty().get()).isEqualTo("2 messages waiting");
        assertThat(comms.closingLeavesMessagesUnsent()).isTrue();
    }

    @Test
    void whatTheDispatcherRecordedJoinsTheIncidentAtOnce() {
        Event sent = Event.of(
                Event.newId(),
                incident.current().orElseThrow().id(),
                clock.instant(),
                clock.instant(),
                "Conn outbox",
                new CommsEvent.MessageFailed(UUID.randomUUID().toString(), "slack-ops", "HTTP 404"));

        watch.recorded(List.of(sent));

        assertThat(incident.events()).contains(sent);
        assertThat(comms.failures()).singleElement().satisfies(f -> assertThat(f.reason())
                .isEqualTo("HTTP 404"));
    }
}
