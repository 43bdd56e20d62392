package dev.conn.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.platform.db.Database;
import dev.conn.platform.fx.DirectTaskRunner;
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

/** The incident view model over a real H2 store, with store calls run on this thread. */
class IncidentViewModelTest {
    private static final Instant T0 = Instant.parse("2026-11-21T14:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private final List<Throwable> loadErrors = new ArrayList<>();
    private Database db;
    private IncidentService service;
    private IncidentViewModel model;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        service = new IncidentService(EventStore.jdbc(db.dataSource()), clock);
        model = new IncidentViewModel(service, new DirectTaskRunner(), clock, Map.of());
        model.authorProperty().set("Ana Ops");
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** Declares through the service, as the CLI or another console would; a minute after the last. */
    private IncidentId declared(String title) {
        clock.advance(Duration.ofMinutes(1));
        return service.declare(new Declaration(title, Severity.SEV2, "", Optional.empty(), ""), "Ana Ops")
                .incidentId();
    }

    private Event recordedElsewhere(IncidentId id, EventType type, Payload payload) {
        clock.advance(Duration.ofMinutes(1));
        return service.record(id, type, payload, Optional.empty(), "deploy-bot");
    }

    private IncidentState listed(IncidentId id) {
        return model.incidents().stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private void loadInitial() {
        model.loadInitial(e -> {
            if (e != null) {
                loadErrors.add(e);
            }
        });
        assertThat(loadErrors).isEmpty();
    }

    @Test
    void loadInitialOpensTheActiveIncident() {
        IncidentId chosen = declared("DNS outage");
        declared("Checkout errors in EU");
        service.activate(chosen);

        loadInitial();

        assertThat(model.current()).map(IncidentState::id).contains(chosen);
        assertThat(model.events()).hasSize(1);
        assertThat(model.incidents()).hasSize(2);
    }

    @Test
    void loadInitialWithNoIncidentsOpensNone() {
        loadInitial();

        assertThat(model.current()).isEmpty();
        assertThat(model.events()).isEmpty();
    }

    @Test
    void openingAResolvedIncidentShowsIt() {
        IncidentId old = declared("DNS outage");
        recordedElsewhere(old, EventType.RESOLVED, Payload.empty());
        declared("Checkout errors in EU");
        loadInitial();

        model.open(old);

        assertThat(model.current()).map(IncidentState::id).contains(old);
        assertThat(model.current().orElseThrow().status()).isEqualTo(Status.RESOLVED);
        assertThat(model.events())
                .extracting(Event::type)
                .containsExactly(EventType.INCIDENT_DECLARED, EventType.RESOLVED);
    }

    @Test
    void openingAnIncidentMakesItTheActiveOneForTheNextLaunch() {
        IncidentId old = declared("DNS outage");
        declared("Checkout errors in EU");
        loadInitial();

        model.open(old);

        assertThat(service.activeIncident()).contains(old);
    }

    @Test
    void acceptIgnoresEventsAlreadySeen() {
        IncidentId id = declared("Checkout errors in EU");
        loadInitial();
        Event note = recordedElsewhere(id, EventType.NOTE, Payload.of("text", "paged the DBA"));

        model.accept(List.of(note));
        model.accept(List.of(note));

        assertThat(model.events()).hasSize(2);
    }

    @Test
    void acceptIgnoresEventsThatCameWithTheOpenedLog() {
        IncidentId id = declared("Checkout errors in EU");
        Event note = recordedElsewhere(id, EventType.NOTE, Payload.of("text", "paged the DBA"));
        loadInitial();

        model.accept(List.of(note));

        assertThat(model.events()).hasSize(2);
    }

    @Test
    void acceptOfAStatusChangeUpdatesTheHeader() {
        IncidentId id = declared("Checkout errors in EU");
        loadInitial();
        Event change = recordedElsewhere(id, EventType.STATUS_CHANGED, Payload.of("status", "monitoring"));

        model.accept(List.of(change));

        assertThat(model.current().orElseThrow().status()).isEqualTo(Status.MONITORING);
        assertThat(listed(id).status()).isEqualTo(Status.MONITORING);
    }

    @Test
    void acceptOfAnotherIncidentsEventLeavesTheOpenTimelineAlone() {
        IncidentId other = declared("DNS outage");
        IncidentId open = declared("Checkout errors in EU");
        loadInitial();
        IncidentState before = model.current().orElseThrow();
        Event change = recordedElsewhere(other, EventType.SEVERITY_CHANGED, Payload.of("severity", "SEV1"));

        model.accept(List.of(change));

        assertThat(model.current()).contains(before);
        assertThat(model.current().orElseThrow().id()).isEqualTo(open);
        assertThat(model.events()).extracting(Event::incidentId).containsOnly(open);
    }

    @Test
    void acceptOfAnotherIncidentsHeaderEventRefreshesTheIncidentList() {
        IncidentId other = declared("DNS outage");
        declared("Checkout errors in EU");
        loadInitial();
        Event change = recordedElsewhere(other, EventType.SEVERITY_CHANGED, Payload.of("severity", "SEV1"));

        model.accept(List.of(change));

        assertThat(listed(other).severity()).isEqualTo(Severity.SEV1);
    }

    @Test
    void longIncidentShowsItsHeaderAndNewestEntriesFirstThenTheWholeHistory() {
        IncidentId id = declared("Long outage");
        List<Event> notes = new ArrayList<>();
        for (int i = 1; i <= IncidentViewModel.FIRST_SCREEN + 500; i++) {
            Instant at = T0.plus(Duration.ofSeconds(90 + i));
            notes.add(new Event(Event.newId(), id, at, at, "scribe", EventType.NOTE, Payload.of("text", "note " + i)));
        }
        service.importEvents(notes);
        recordedElsewhere(id, EventType.STATUS_CHANGED, Payload.of("status", "identified"));
        dev.conn.testing.ManualTaskRunner tasks = new dev.conn.testing.ManualTaskRunner();
        IncidentViewModel viewer = new IncidentViewModel(service, tasks, clock, Map.of());

        viewer.loadInitial(e -> {});
        tasks.runNext(); // the first screen

        assertThat(viewer.completeProperty().get()).isFalse();
        assertThat(viewer.events()).hasSize(IncidentViewModel.FIRST_SCREEN);
        assertThat(viewer.events().get(viewer.events().size() - 1).type()).isEqualTo(EventType.STATUS_CHANGED);
        assertThat(viewer.current()).map(IncidentState::status).contains(Status.IDENTIFIED);
        assertThat(viewer.current()).map(IncidentState::title).contains("Long outage");

        tasks.runAll(); // catch-up, then the whole history

        assertThat(viewer.completeProperty().get()).isTrue();
        assertThat(viewer.events()).hasSize(IncidentViewModel.FIRST_SCREEN + 502);
    }

    @Test
    void eventStoredByAnotherProcessWhileAnIncidentIsBeingReadStillAppears() {
        IncidentId watched = declared("DNS outage");
        IncidentId other = declared("Checkout errors in EU");
        service.activate(other);
        loadInitial();
        Event[] lateArrival = {null};
        EventStore racing = new dev.conn.testing.ForwardingEventStore(EventStore.jdbc(db.dataSource())) {
            @Override
            public List<Event> readIncidentTail(IncidentId incidentId, int limit) {
                List<Event> read = super.readIncidentTail(incidentId, limit);
                if (lateArrival[0] == null && incidentId.equals(watched)) {
                    // the CLI appends right after this read, and the live follower hands the event
                    // to the console while the previous incident is still the one on screen
                    lateArrival[0] = recordedElsewhere(watched, EventType.NOTE, Payload.of("text", "deployed v42"));
                    model.accept(List.of(lateArrival[0]));
                }
                return read;
            }
        };
        model = new IncidentViewModel(new IncidentService(racing, clock), new DirectTaskRunner(), clock, Map.of());
        loadInitial();

        model.open(watched);

        assertThat(model.events()).extracting(Event::id).contains(lateArrival[0].id());
    }
}
