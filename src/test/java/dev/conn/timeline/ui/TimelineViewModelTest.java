package dev.conn.timeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.incident.Declaration;
import dev.conn.incident.EntryCommand;
import dev.conn.incident.Event;
import dev.conn.incident.EventStore;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.incident.Severity;
import dev.conn.incident.StoreException;
import dev.conn.incident.TimelineEvent;
import dev.conn.incident.ui.IncidentViewModel;
import dev.conn.platform.db.Database;
import dev.conn.platform.fx.DirectTaskRunner;
import dev.conn.platform.fx.TaskRunner;
import dev.conn.settings.PolicyFile;
import dev.conn.settings.Settings;
import dev.conn.settings.SettingsFile;
import dev.conn.settings.ui.SettingsViewModel;
import dev.conn.testing.ForwardingEventStore;
import dev.conn.testing.ManualTaskRunner;
import dev.conn.testing.MutableClock;
import dev.conn.timeline.EntryCategory;
import dev.conn.timeline.TimelineEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The timeline view model over a real H2 store; JavaFX properties work without the FX toolkit. */
class TimelineViewModelTest {
    private static final Instant T0 = Instant.parse("2026-11-21T14:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private final List<String> errors = new ArrayList<>();
    private Database db;
    private EventStore store;
    private IncidentService service;
    private IncidentViewModel incident;
    private TimelineViewModel timeline;

    @BeforeEach
    void openStore() {
        db = Database.open(dir);
        store = EventStore.jdbc(db.dataSource());
    }

    @AfterEach
    void closeStore() {
        db.close();
    }

    /** Builds the view models as the window has them, over {@code over} and {@code tasks}. */
    private void build(EventStore over, TaskRunner tasks) {
        service = new IncidentService(over, clock);
        incident = new IncidentViewModel(service, tasks, clock, Map.of());
        incident.authorProperty().set("Ana Ops");
        SettingsFile file = new SettingsFile(dir);
        SettingsViewModel settings = new SettingsViewModel(
                Settings.defaults().withAuthorName("Ana Ops"), file, PolicyFile.defaults(), tasks);
        timeline = new TimelineViewModel(incident, settings, clock, tasks);
    }

    private void buildDirect() {
        build(store, new DirectTaskRunner());
    }

    private IncidentId declare(String title) {
        incident.declare(new Declaration(title, Severity.SEV2, "", Optional.empty(), ""), "Ana Ops", errors::add);
        assertThat(errors).isEmpty();
        return incident.current().orElseThrow().id();
    }

    /** Submits a line a minute after the previous one, so rows have distinct times. */
    private void submit(String line) {
        clock.advance(Duration.ofMinutes(1));
        timeline.submit(line, () -> {});
        assertThat(timeline.captureMessageProperty().get()).isEmpty();
    }

    private List<String> visibleTexts() {
        return timeline.visibleRows().stream().map(TimelineEntry::text).toList();
    }

    private TimelineEntry row(String text) {
        return timeline.visibleRows().stream()
                .filter(r -> r.text().equals(text))
                .findFirst()
                .orElseThrow();
    }

    private static String text(Event note) {
        return ((TimelineEvent.Note) note.body()).text();
    }

    /** Another process on the same database (the CLI): its appends are not published here. */
    private Event actionFromCli(IncidentId id, String text) {
        return new IncidentService(EventStore.jdbc(db.dataSource()), clock)
                .add(
                        id,
                        new EntryCommand.Add(Event.newId(), EntryCommand.Kind.ACTION, text, Optional.empty()),
                        "deploy-bot");
    }

    private List<Event> storedNotes(IncidentId id) {
        return service.timeline(id).stream()
                .filter(e -> e.type() == EventType.NOTE)
                .toList();
    }

    // --- filter and search -----------------------------------------------------------------------

    @Test
    void filteringByCategoryHidesOtherKindsOfEntry() {
        buildDirect();
        declare("Checkout errors in EU");
        submit("/decision roll back payments-api");
        submit("/action restarted payments-api pods");
        submit("error rate at 14 percent");

        timeline.shownCategoriesProperty().set(EnumSet.of(EntryCategory.DECISIONS));

        assertThat(visibleTexts()).containsExactly("roll back payments-api");
        assertThat(timeline.totalRows()).isEqualTo(4);
    }

    @Test
    void searchMatchesTheEntryText() {
        buildDirect();
        declare("Checkout errors in EU");
        submit("error rate at 14 percent");
        submit("db failover to replica-2");

        timeline.searchTextProperty().set("FAILOVER");

        assertThat(visibleTexts()).containsExactly("db failover to replica-2");
    }

    @Test
    void searchMatchesTheAuthor() {
        buildDirect();
        declare("Checkout errors in EU");
        submit("error rate at 14 percent");
        incident.authorProperty().set("Bo Night");
        submit("paged the DBA");

        timeline.searchTextProperty().set("bo night");

        assertThat(visibleTexts()).containsExactly("paged the DBA");
    }

    @Test
    void searchMatchesTheTextAnEntryHadBeforeItWasCorrected() {
        buildDirect();
        declare("Checkout errors in EU");
        submit("db failover to replica-2");
        submit("error rate at 14 percent");
        timeline.correct(row("db failover to replica-2"), "db failover to replica-3", errors::add);

        timeline.searchTextProperty().set("replica-2");

        assertThat(visibleTexts()).containsExactly("db failover to replica-3");
    }

    // --- order -----------------------------------------------------------------------------------

    @Test
    void newestEntryComesFirstByDefault() {
        buildDirect();
        declare("Checkout errors in EU");
        submit("first");
        submit("second");

        assertThat(visibleTexts()).startsWith("second", "first");
    }

    @Test
    void oldestFirstPutsTheDeclarationAtTheTop() {
        buildDirect();
        declare("Checkout errors in EU");
        submit("first");
        submit("second");

        timeline.newestFirstProperty().set(false);

        assertThat(visibleTexts()).hasSize(3);
        assertThat(visibleTexts().get(0)).startsWith("Declared SEV2: Checkout errors in EU");
        assertThat(visibleTexts()).endsWith("first", "second");
    }

    @Test
    void backDatedEntrySortsIntoPlace() {
        buildDirect();
        declare("Checkout errors in EU");
        clock.advance(Duration.ofMinutes(10));
        submit("responder paged"); // 14:11
        submit("@-10m alert fired for checkout latency"); // 14:02

        timeline.newestFirstProperty().set(false);

        assertThat(visibleTexts()).hasSize(3);
        assertThat(visibleTexts().get(0)).startsWith("Declared");
        assertThat(visibleTexts()).endsWith("alert fired for checkout latency", "responder paged");
    }

    // --- submitting ------------------------------------------------------------------------------

    @Test
    void linesSubmittedWhileTheFirstIsStillSavingAreQueuedAndSavedOnceInOrder() {
        ManualTaskRunner tasks = new ManualTaskRunner();
        build(store, tasks);
        tasks.runAll();
        incident.declare(
                new Declaration("Checkout errors in EU", Severity.SEV2, "", Optional.empty(), ""),
                "Ana Ops",
                errors::add);
        tasks.runAll();
        IncidentId id = incident.current().orElseThrow().id();
        List<String> saved = new ArrayList<>();

        assertThat(timeline.submit("first", () -> saved.add("first"))).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(timeline.submit("second", () -> saved.add("second"))).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(timeline.submit("third", () -> saved.add("third"))).isTrue();
        assertThat(tasks.pending()).as("one save at a time").isEqualTo(1);
        assertThat(timeline.pendingCapturesProperty().get()).isEqualTo("Saving 3 lines…");
        clock.advance(Duration.ofMinutes(1)); // the disk is slow
        tasks.runAll();

        assertThat(saved).containsExactly("first", "second", "third");
        assertThat(storedNotes(id)).extracting(TimelineViewModelTest::text).containsExactly("first", "second", "third");
        assertThat(storedNotes(id))
                .as("each entry keeps the time its Enter was pressed")
                .extracting(Event::occurredAt)
                .containsExactly(T0, T0.plusSeconds(1), T0.plusSeconds(2));
        assertThat(timeline.savingProperty().get()).isFalse();
        assertThat(timeline.pendingCapturesProperty().get()).isEmpty();
    }

    @Test
    void aLineThatDoesNotParseIsNotTakenAndDoesNotDisturbTheQueue() {
        ManualTaskRunner tasks = new ManualTaskRunner();
        build(store, tasks);
        tasks.runAll();
        incident.declare(
                new Declaration("Checkout errors in EU", Severity.SEV2, "", Optional.empty(), ""),
                "Ana Ops",
                errors::add);
        tasks.runAll();
        IncidentId id = incident.current().orElseThrow().id();

        timeline.submit("first", () -> {});
        assertThat(timeline.submit("/rollback now", () -> {})).isFalse();
        tasks.runAll();

        assertThat(timeline.captureMessageProperty().get()).contains("/rollback");
        assertThat(storedNotes(id)).extracting(TimelineViewModelTest::text).containsExactly("first");
    }

    /**
     * Stores the event, then fails once, as a sync or a reply lost after the commit would: the
     * caller hears of a failure, and the store announces nothing (it never got to publish).
     */
    private static final class FailsOnceAfterCommit extends ForwardingEventStore {
        final List<UUID> appended = new ArrayList<>();
        boolean armed;
        private boolean silent;

        FailsOnceAfterCommit(EventStore delegate) {
            super(delegate);
        }

        @Override
        public List<Event> append(dev.conn.incident.Append append) {
            silent = armed;
            List<Event> stored;
            try {
                stored = super.append(append);
            } finally {
                silent = false;
            }
            append.events().forEach(e -> appended.add(e.id()));
            if (armed) {
                armed = false;
                throw new StoreException("disk sync failed", null);
            }
            return stored;
        }

        @Override
        public Subscription subscribe(java.util.function.Consumer<List<Event>> subscriber) {
            return super.subscribe(batch -> {
                if (!silent) {
                    subscriber.accept(batch);
                }
            });
        }
    }

    @Test
    void failedSaveShowsWhyAndKeepsTheLineOffTheTimeline() {
        FailsOnceAfterCommit failing = new FailsOnceAfterCommit(store);
        build(failing, new DirectTaskRunner());
        declare("Checkout errors in EU");
        failing.armed = true;
        List<String> saved = new ArrayList<>();

        timeline.submit("db failover to replica-2", () -> saved.add("saved"));

        assertThat(saved).isEmpty();
        assertThat(timeline.captureMessageProperty().get()).contains("disk sync failed");
        assertThat(visibleTexts()).doesNotContain("db failover to replica-2");
        assertThat(timeline.savingProperty().get()).isFalse();
    }

    @Test
    void aLineEnteredAfterAFailedSaveIsSavedAfterTheFailedOneIsRetried() {
        FailsOnceAfterCommit failing = new FailsOnceAfterCommit(store);
        build(failing, new DirectTaskRunner());
        IncidentId id = declare("Checkout errors in EU");
        failing.appended.clear();
        failing.armed = true;

        timeline.submit("first", () -> {});
        assertThat(timeline.pendingCapturesProperty().get()).isEqualTo("Not saved yet: “first”");
        timeline.submit("second", () -> {});

        assertThat(storedNotes(id)).extracting(TimelineViewModelTest::text).containsExactly("first", "second");
        assertThat(failing.appended).hasSize(3);
        assertThat(failing.appended.get(1)).as("the retry keeps the id").isEqualTo(failing.appended.get(0));
        assertThat(timeline.captureMessageProperty().get()).isEmpty();
        assertThat(timeline.pendingCapturesProperty().get()).isEmpty();
    }

    @Test
    void aFailedLineTakenBackAndEnteredUnchangedIsStoredOnce() {
        FailsOnceAfterCommit failing = new FailsOnceAfterCommit(store);
        build(failing, new DirectTaskRunner());
        IncidentId id = declare("Checkout errors in EU");
        failing.armed = true;
        timeline.submit("db failover to replica-2", () -> {});

        assertThat(timeline.takeBackFailedLine()).contains("db failover to replica-2");
        assertThat(timeline.pendingCapturesProperty().get()).isEmpty();
        timeline.submit("db failover to replica-2", () -> {});

        assertThat(storedNotes(id)).hasSize(1);
        assertThat(timeline.takeBackFailedLine()).isEmpty();
    }

    @Test
    void lineWhoseSaveFailedIsSentAgainWithTheSameEventId() {
        FailsOnceAfterCommit failing = new FailsOnceAfterCommit(store);
        build(failing, new DirectTaskRunner());
        declare("Checkout errors in EU");
        failing.appended.clear();
        failing.armed = true;

        timeline.submit("db failover to replica-2", () -> {});
        timeline.submit("db failover to replica-2", () -> {});

        assertThat(failing.appended).hasSize(2);
        assertThat(failing.appended.get(1)).isEqualTo(failing.appended.get(0));
    }

    @Test
    void resubmittingAfterAFailureThatHappenedAfterTheCommitStoresOneEvent() {
        FailsOnceAfterCommit failing = new FailsOnceAfterCommit(store);
        build(failing, new DirectTaskRunner());
        IncidentId id = declare("Checkout errors in EU");
        failing.armed = true;
        List<String> saved = new ArrayList<>();

        timeline.submit("db failover to replica-2", () -> {});
        timeline.submit("db failover to replica-2", () -> saved.add("saved"));

        assertThat(saved).containsExactly("saved");
        assertThat(storedNotes(id)).hasSize(1);
        assertThat(visibleTexts()).containsOnlyOnce("db failover to replica-2");
        assertThat(timeline.captureMessageProperty().get()).isEmpty();
    }

    @Test
    void entryRetriedAfterAFailureShowsTheTimeItWasStoredWith() {
        FailsOnceAfterCommit failing = new FailsOnceAfterCommit(store);
        build(failing, new DirectTaskRunner());
        IncidentId id = declare("Checkout errors in EU");
        failing.armed = true;
        timeline.submit("db failover to replica-2", () -> {});
        clock.advance(Duration.ofMinutes(2)); // the IC notices the error and presses Enter again

        timeline.submit("db failover to replica-2", () -> {});

        Event stored = storedNotes(id).get(0);
        assertThat(row("db failover to replica-2").event().occurredAt()).isEqualTo(stored.occurredAt());
    }

    @Test
    void editedLineAfterAFailureIsANewEntry() {
        FailsOnceAfterCommit failing = new FailsOnceAfterCommit(store);
        build(failing, new DirectTaskRunner());
        IncidentId id = declare("Checkout errors in EU");
        failing.armed = true;

        timeline.submit("db failover to replica-2", () -> {});
        timeline.submit("db failover to replica-3", () -> {});

        assertThat(storedNotes(id))
                .extracting(TimelineViewModelTest::text)
                .containsExactly("db failover to replica-2", "db failover to replica-3");
    }

    // --- corrections -----------------------------------------------------------------------------

    @Test
    void correctionReplacesTheRowTextAndKeepsTheOriginal() {
        buildDirect();
        declare("Checkout errors in EU");
        submit("db failover to replica-2");

        timeline.correct(row("db failover to replica-2"), "db failover to replica-3", errors::add);

        assertThat(errors).isEmpty();
        assertThat(visibleTexts()).hasSize(2); // the correction is not a row of its own
        assertThat(visibleTexts().get(0)).isEqualTo("db failover to replica-3");
        assertThat(row("db failover to replica-3").originalText()).contains("db failover to replica-2");
        assertThat(row("db failover to replica-3").correctedBy()).contains("Ana Ops");
    }

    // --- stars (issue 16: key events of the postmortem) --------------------------------------------

    @Test
    void aStarredEntryIsMarkedAsAKeyEventAndStarringAgainTakesTheStarAway() {
        buildDirect();
        declare("Checkout errors in EU");
        submit("resolver pods OOMKilled");
        TimelineEntry note = row("resolver pods OOMKilled");

        timeline.toggleStar(note, errors::add);

        assertThat(errors).isEmpty();
        assertThat(timeline.remark(note.event()))
                .hasValueSatisfying(r -> assertThat(r).startsWith("★ (a key event"));
        assertThat(visibleTexts()).hasSize(2); // the star is a mark on its entry, not a row
        assertThat(service.timeline(note.event().incidentId()).stream()
                        .filter(e -> e.type() == dev.conn.incident.EventType.ENTRY_STARRED))
                .singleElement()
                .satisfies(e -> assertThat(e.author()).isEqualTo("Ana Ops"));

        clock.advance(Duration.ofSeconds(1));
        timeline.toggleStar(note, errors::add);

        assertThat(timeline.remark(note.event())).isEmpty();
    }

    // --- rebuilding ------------------------------------------------------------------------------

    @Test
    void eventsArrivingWhileTheRowsAreRebuiltAreCaughtUpAfterwards() {
        IncidentService direct = new IncidentService(store, clock);
        IncidentId first = direct.declare(
                        new Declaration("DNS outage", Severity.SEV1, "", Optional.empty(), ""), "Ana Ops")
                .incidentId();
        clock.advance(Duration.ofMinutes(1));
        direct.declare(new Declaration("Checkout errors in EU", Severity.SEV2, "", Optional.empty(), ""), "Ana Ops");
        ManualTaskRunner tasks = new ManualTaskRunner();
        build(store, tasks);
        incident.loadInitial(e -> {});
        tasks.runAll();

        incident.open(first);
        tasks.runNext(); // the incident is read and shown; its rows are now being rebuilt
        assertThat(timeline.rebuildingProperty().get()).isTrue();
        clock.advance(Duration.ofMinutes(1));
        Event fromCli = actionFromCli(first, "deployed payments-api v42");
        incident.accept(List.of(fromCli));
        tasks.runAll();

        assertThat(timeline.rebuildingProperty().get()).isFalse();
        assertThat(visibleTexts()).hasSize(2);
        assertThat(visibleTexts().get(0)).isEqualTo("deployed payments-api v42");
        assertThat(visibleTexts().get(1)).startsWith("Declared SEV1: DNS outage");
    }

    @Test
    void activeIncidentOpenedAtStartupHasItsRowsBuiltInTheBackground() {
        new IncidentService(store, clock)
                .declare(new Declaration("Checkout errors in EU", Severity.SEV2, "", Optional.empty(), ""), "Ana Ops");
        ManualTaskRunner tasks = new ManualTaskRunner();
        build(store, tasks);
        tasks.runAll();

        incident.loadInitial(e -> {});
        tasks.runNext(); // the log is read and handed over

        assertThat(timeline.rebuildingProperty().get()).isTrue();
        tasks.runAll();
        assertThat(timeline.rebuildingProperty().get()).isFalse();
        assertThat(visibleTexts()).hasSize(1);
    }

    // --- scrolling -------------------------------------------------------------------------------

    @Test
    void scrollRequestGoesUpOnceTheUsersOwnEntryIsSaved() {
        buildDirect();
        declare("Checkout errors in EU");
        int before = timeline.scrollRequests().get();

        submit("error rate at 14 percent");

        assertThat(timeline.scrollRequests().get()).isGreaterThan(before);
    }

    @Test
    void scrollRequestGoesUpWhenTheActiveIncidentOpensAtStartup() {
        new IncidentService(store, clock)
                .declare(new Declaration("Checkout errors in EU", Severity.SEV2, "", Optional.empty(), ""), "Ana Ops");
        buildDirect();
        int before = timeline.scrollRequests().get();

        incident.loadInitial(e -> {});

        assertThat(incident.current()).isPresent();
        assertThat(timeline.scrollRequests().get()).isGreaterThan(before);
    }

    @Test
    void scrollRequestGoesUpWhenAnotherIncidentIsOpened() {
        buildDirect();
        IncidentId first = declare("DNS outage");
        clock.advance(Duration.ofMinutes(1));
        declare("Checkout errors in EU");
        int before = timeline.scrollRequests().get();

        incident.open(first);

        assertThat(timeline.scrollRequests().get()).isGreaterThan(before);
    }

    @Test
    void scrollRequestStaysWhenAnotherProcessesEventArrives() {
        buildDirect();
        IncidentId id = declare("Checkout errors in EU");
        int before = timeline.scrollRequests().get();
        clock.advance(Duration.ofMinutes(1));
        Event fromCli = actionFromCli(id, "deployed payments-api v42");

        incident.accept(List.of(fromCli));

        assertThat(visibleTexts()).contains("deployed payments-api v42");
        assertThat(timeline.scrollRequests().get()).isEqualTo(before);
    }
}
