package dev.conn.comms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.incident.Declaration;
import dev.conn.incident.Event;
import dev.conn.incident.EventStore;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentService;
import dev.conn.incident.Severity;
import dev.conn.incident.ui.IncidentViewModel;
import dev.conn.platform.db.Database;
import dev.conn.platform.fx.DirectTaskRunner;
import dev.conn.settings.PolicyFile;
import dev.conn.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Comms tab's actions on a real H2 store, every background task run on this thread: skip with
 * a reason and snooze are recorded on the timeline and change the item's state.
 */
class CommsViewModelTest {
    private static final Instant T0 = Instant.parse("2026-11-21T14:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private final List<String> errors = new ArrayList<>();
    private Database db;
    private IncidentService service;
    private IncidentViewModel incident;
    private CommsViewModel comms;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        EventStore store = EventStore.jdbc(db.dataSource());
        service = new IncidentService(store, clock);
        DirectTaskRunner tasks = new DirectTaskRunner();
        incident = new IncidentViewModel(service, tasks, clock, Map.of());
        incident.authorProperty().set("Ana Ops");
        var policy = PolicyFile.defaults().comms();
        comms = new CommsViewModel(
                incident,
                new CommsService(service, new JdbcOutbox(db.dataSource(), store), policy, clock),
                policy,
                List::of,
                new MessageTemplates(dir),
                tasks,
                () -> OutboxDispatcher.Status.IDLE);
        incident.declare(
                new Declaration("Checkout errors", Severity.SEV1, "", Optional.empty(), ""), "Ana Ops", errors::add);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private ChecklistItem item(String id) {
        return comms.checklist().stream()
                .filter(i -> i.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private List<Event> stored(EventType type) {
        return service.timeline(incident.current().orElseThrow().id()).stream()
                .filter(e -> e.type() == type)
                .toList();
    }

    @Test
    void skippingWithAReasonIsRecordedAndSettlesTheItem() {
        comms.skip(item("notify-responders"), "  bridge already paged by the on-call tool ", errors::add);

        assertThat(errors).isEmpty();
        assertThat(stored(EventType.CHECKLIST_ITEM_SKIPPED)).singleElement().satisfies(e -> {
            assertThat(e.payload().text("itemId")).contains("notify-responders");
            assertThat(e.payload().text("reason")).contains("bridge already paged by the on-call tool");
        });
        assertThat(item("notify-responders").state()).isEqualTo(ItemState.SKIPPED);
    }

    @Test
    void skippingWithoutAReasonIsRefusedAndRecordsNothing() {
        comms.skip(item("notify-responders"), " ", errors::add);

        assertThat(errors).containsExactly("Say why the item is skipped");
        assertThat(stored(EventType.CHECKLIST_ITEM_SKIPPED)).isEmpty();
    }

    @Test
    void snoozingPutsTheItemOffAndItIsDueAgainAfterwards() {
        clock.advance(Duration.ofMinutes(6));
        incident.tick();
        assertThat(item("notify-responders").state()).isEqualTo(ItemState.OVERDUE);

        comms.snooze(item("notify-responders"), Duration.ofMinutes(5), errors::add);

        assertThat(stored(EventType.CHECKLIST_ITEM_SNOOZED))
                .singleElement()
                .satisfies(e -> assertThat(e.payload().instant("until")).contains(T0.plus(Duration.ofMinutes(11))));
        assertThat(item("notify-responders").state()).isEqualTo(ItemState.SNOOZED);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        incident.tick();
        assertThat(item("notify-responders").state()).isEqualTo(ItemState.OVERDUE);
    }
}
