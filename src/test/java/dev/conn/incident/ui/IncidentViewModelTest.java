package dev.conn.incident.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.incident.Declaration;
import dev.conn.incident.EntryCommand;
import dev.conn.incident.Event;
import dev.conn.incident.EventStore;
import dev.conn.incident.EventType;
import dev.conn.incident.HeaderCommand;
import dev.conn.incident.HeaderEvent;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.incident.IncidentState;
import dev.conn.incident.Severity;
import dev.conn.incident.Status;
import dev.conn.incident.TimelineEvent;
import dev.conn.platform.db.Database;
import dev.conn.platform.fx.DirectTaskRunner;
import dev.conn.testing.InMemoryEventStore;
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
 * The incident view model over a real H2 store, with store calls run on this thread. "Elsewhere"
 * is a second store on the same database: another process, whose appends this view model's store
 * does not publish, so they arrive only as the live follower hands them over ({@code accept}).
 */
class IncidentViewModelTest {
    private static final Instant T0 = Instant.parse("2026-11-21T14:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private final List<Throwable> loadErrors = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private Database db;
    private IncidentService service;
    private IncidentService elsewhere;
    private IncidentViewModel model;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        service = new IncidentService(EventStore.jdbc(db.dataSource()), clock);
        elsewhere = new IncidentService(EventStore.jdbc(db.dataSource()), clock);
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
        return elsewhere
                .declare(new Declaration(title, Severity.SEV2, "", Optional.empty(), ""), "Ana Ops")
                .incidentId();
    }

    private Event noteElsewhere(IncidentId id, String text) {
        clock.advance(Duration.ofMinutes(1));
        return elsewhere.add(
                id, new EntryCommand.Add(Event.newId(), EntryCommand.Kind.NOTE, text, Optional.empty()), "deploy-bot");
    }

    private Event changedElsewhere(IncidentId id, HeaderCommand change) {
        clock.advance(Duration.ofMinutes(1));
        return elsewhere.change(id, change, "deploy-bot");
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
        changedElsewhere(old, new HeaderCommand.Resolve(Optional.empty(), Optional.empty()));
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
        Event note = noteElsewhere(id, "paged the DBA");

        model.accept(List.of(note));
        model.accept(List.of(note));

        assertThat(model.events()).hasSize(2);
    }

    @Test
    void acceptIgnoresEventsThatCameWithTheOpenedLog() {
        IncidentId id = declared("Checkout errors in EU");
        Event note = noteElsewhere(id, "paged the DBA");
        loadInitial();

        model.accept(List.of(note));

        assertThat(model.events()).hasSize(2);
    }

    @Test
    void acceptOfAStatusChangeUpdatesTheHeader() {
        IncidentId id = declared("Checkout errors in EU");
        loadInitial();
        Event change = changedElsewhere(
                id, new HeaderCommand.ChangeStatus(Status.MONITORING, Optional.empty(), Optional.empty()));

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
        Event change = changedElsewhere(
                other, new HeaderCommand.ChangeSeverity(Severity.SEV1, Optional.empty(), Optional.empty()));

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
        Event change = changedElsewhere(
                other, new HeaderCommand.ChangeSeverity(Severity.SEV1, Optional.empty(), Optional.empty()));

        model.accept(List.of(change));

        assertThat(listed(other).severity()).isEqualTo(Severity.SEV1);
    }

    @Test
    void longIncidentShowsItsHeaderAndNewestEntriesFirstThenTheWholeHistory() {
        IncidentId id = declared("Long outage");
        List<Event> notes = new ArrayList<>();
        for (int i = 1; i <= IncidentViewModel.FIRST_SCREEN + 500; i++) {
            Instant at = T0.plus(Duration.ofSeconds(90 + i));
            notes.add(Event.of(Event.newId(), id, at, at, "scribe", new TimelineEvent.Note("note " + i)));
        }
        service.importEvents(notes);
        changedElsewhere(id, new HeaderCommand.ChangeStatus(Status.IDENTIFIED, Optional.empty(), Optional.empty()));
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
                    lateArrival[0] = noteElsewhere(watched, "deployed v42");
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

    @Test
    void ownEntryReachesTheTimelineOnceThroughTheStoresPublication() {
        IncidentId id = declared("Checkout errors in EU");
        loadInitial();
        List<Event> saved = new ArrayList<>();

        model.addEntry(
                new EntryCommand.Add(Event.newId(), EntryCommand.Kind.NOTE, "paged the DBA", Optional.empty()),
                saved::add,
                problems::add,
                problems::add);
        model.accept(saved); // the live follower never hands it back; if it did, it would not show twice

        assertThat(model.events())
                .extracting(Event::id)
                .containsExactly(service.timeline(id).get(0).id(), saved.get(0).id());
        assertThat(model.lastSavedAtProperty().get()).isEqualTo(clock.instant());
    }

    @Test
    void headerChangeSentFromTheConsoleUpdatesHeaderAndListThroughThePublication() {
        IncidentId id = declared("Checkout errors in EU");
        loadInitial();

        model.changeHeader(
                new HeaderCommand.ChangeStatus(Status.IDENTIFIED, Optional.empty(), Optional.empty()),
                e -> {},
                problems::add,
                problems::add);

        assertThat(model.current().orElseThrow().status()).isEqualTo(Status.IDENTIFIED);
        assertThat(listed(id).status()).isEqualTo(Status.IDENTIFIED);
    }

    @Test
    void refusedHeaderChangeSaysWhyAndStoresNothing() {
        IncidentId id = declared("Checkout errors in EU");
        loadInitial();
        List<String> refused = new ArrayList<>();

        model.changeHeader(
                new HeaderCommand.ChangeStatus(Status.INVESTIGATING, Optional.empty(), Optional.empty()),
                e -> {},
                problems::add,
                refused::add);

        assertThat(refused).containsExactly("The status is already investigating");
        assertThat(service.timeline(id)).hasSize(1);
    }

    @Test
    void incidentListFollowsHeaderEventsInMemoryWithoutReadingTheLog() {
        InMemoryEventStore counted = new InMemoryEventStore();
        IncidentService local = new IncidentService(counted, clock);
        IncidentId first = local.declare(new Declaration("DNS outage", Severity.SEV3, "", Optional.empty(), ""), "Ana")
                .incidentId();
        clock.advance(Duration.ofMinutes(1));
        IncidentId second = local.declare(
                        new Declaration("Checkout errors", Severity.SEV2, "", Optional.empty(), ""), "Ana")
                .incidentId();
        IncidentViewModel viewer = new IncidentViewModel(local, new DirectTaskRunner(), clock, Map.of());
        viewer.loadInitial(e -> {});
        counted.resetCounts();
        clock.advance(Duration.ofMinutes(1));
        Instant now = clock.instant();

        // another process resolves the first incident and raises the second: the follower hands it over
        viewer.accept(List.of(
                Event.of(Event.newId(), first, now, now, "cli", new HeaderEvent.Resolved(Optional.empty())),
                Event.of(
                        Event.newId(),
                        second,
                        now,
                        now,
                        "cli",
                        new HeaderEvent.SeverityChanged(Severity.SEV1, Optional.empty()))));

        assertThat(viewer.incidents()).extracting(IncidentState::id).containsExactly(second, first);
        assertThat(viewer.incidents().get(1).status()).isEqualTo(Status.RESOLVED);
        assertThat(viewer.current().orElseThrow().severity()).isEqualTo(Severity.SEV1);
        assertThat(counted.calls("read")).isZero();
    }

    @Test
    void tickReadsOnlyTheClock() {
        InMemoryEventStore counted = new InMemoryEventStore();
        IncidentService local = new IncidentService(counted, clock);
        local.declare(new Declaration("DNS outage", Severity.SEV3, "", Optional.empty(), ""), "Ana");
        IncidentViewModel viewer = new IncidentViewModel(local, new DirectTaskRunner(), clock, Map.of());
        viewer.loadInitial(e -> {});
        counted.resetCounts();

        for (int i = 0; i < 60; i++) {
            clock.advance(Duration.ofSeconds(1));
            viewer.tick();
        }

        assertThat(viewer.nowProperty().get()).isEqualTo(clock.instant());
        assertThat(counted.calls("read")).isZero();
        assertThat(counted.calls("append")).isZero();
    }
}
