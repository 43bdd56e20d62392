package dev.conn.incident;

import static dev.conn.testing.Events.incident;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.conn.platform.db.Database;
import dev.conn.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncidentServiceTest {
    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private Database db;
    private EventStore store;
    private IncidentService service;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        store = EventStore.jdbc(db.dataSource());
        service = new IncidentService(store, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Declaration declaration(String title, String commander) {
        return new Declaration(title, Severity.SEV2, "", Optional.empty(), commander);
    }

    private IncidentId declare(String title) {
        return service.declare(declaration(title, ""), "alice").incidentId();
    }

    private Event note(IncidentId id, String text) {
        return add(id, text, Optional.empty(), "alice");
    }

    private Event resolve(IncidentId id) {
        return service.change(id, new HeaderCommand.Resolve(Optional.empty(), Optional.empty()), "alice");
    }

    private Event add(IncidentId id, String text, Optional<Instant> at, String author) {
        return service.add(id, new EntryCommand.Add(Event.newId(), EntryCommand.Kind.NOTE, text, at), author);
    }

    /** Stores a declaration under a chosen id, so id prefixes are known in advance. */
    private void declareWithId(IncidentId id) {
        dev.conn.testing.Events.seed(
                store,
                Event.of(
                        Event.newId(),
                        id,
                        T0,
                        T0,
                        "alice",
                        new HeaderEvent.IncidentDeclared(
                                "Incident " + id.shortForm(),
                                Severity.SEV3,
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of("alice"))));
    }

    @Test
    void declaringMakesTheIncidentActive() {
        IncidentId id = declare("Checkout errors in EU");

        assertThat(service.activeIncident()).contains(id);
        assertThat(store.activeIncident()).contains(id);
    }

    @Test
    void declaringWithoutACommanderMakesTheDeclarerTheCommanderOfRecord() {
        IncidentId id = service.declare(declaration("Checkout errors in EU", "  "), "alice")
                .incidentId();

        assertThat(service.state(id).commander()).isEqualTo("alice");
    }

    @Test
    void declaringWithACommanderMakesThemTheCommanderOfRecord() {
        IncidentId id = service.declare(declaration("Checkout errors in EU", " bob "), "alice")
                .incidentId();

        assertThat(service.state(id).commander()).isEqualTo("bob");
    }

    @Test
    void declaredIncidentIsOpenInvestigatingAtTheDeclaredSeverity() {
        IncidentId id = service.declare(
                        new Declaration(
                                "  Checkout errors  ",
                                Severity.SEV1,
                                "Card payments fail",
                                Optional.of(T0.minus(Duration.ofMinutes(15))),
                                "alice"),
                        "alice")
                .incidentId();

        IncidentState s = service.state(id);
        assertThat(s.title()).isEqualTo("Checkout errors");
        assertThat(s.summary()).isEqualTo("Card payments fail");
        assertThat(s.severity()).isEqualTo(Severity.SEV1);
        assertThat(s.status()).isEqualTo(Status.INVESTIGATING);
        assertThat(s.declaredAt()).isEqualTo(T0);
        assertThat(s.impactStartedAt()).contains(T0.minus(Duration.ofMinutes(15)));
    }

    @Test
    void declaringABlankTitleIsRefused() {
        assertThrows(CommandRefusedException.class, () -> service.declare(declaration("   ", ""), "alice"));
    }

    @Test
    void declaringImpactInTheFutureIsRefused() {
        Declaration d = new Declaration(
                "Checkout errors", Severity.SEV1, "", Optional.of(T0.plus(Duration.ofMinutes(10))), "alice");

        assertThrows(CommandRefusedException.class, () -> service.declare(d, "alice"));
    }

    @Test
    void latestDeclarationBecomesActive() {
        declare("first");
        clock.advance(Duration.ofMinutes(1));
        IncidentId second = declare("second");

        assertThat(service.activeIncident()).contains(second);
    }

    @Test
    void activatingAnIncidentMakesItActive() {
        IncidentId first = declare("first");
        declare("second");

        service.activate(first);

        assertThat(service.activeIncident()).contains(first);
    }

    @Test
    void recordStampsEntriesWithTheClock() {
        IncidentId id = declare("Checkout errors");
        clock.advance(Duration.ofMinutes(7));

        Event e = note(id, "Paged the DBA");

        assertThat(e.occurredAt()).isEqualTo(T0.plus(Duration.ofMinutes(7)));
        assertThat(e.recordedAt()).isEqualTo(T0.plus(Duration.ofMinutes(7)));
    }

    @Test
    void recordKeepsTheBackDatedTimeAndStampsRecordedAtWithNow() {
        IncidentId id = declare("Checkout errors");
        clock.advance(Duration.ofMinutes(30));

        Event e = add(id, "Paged the DBA", Optional.of(T0.plus(Duration.ofMinutes(5))), "alice");

        assertThat(e.occurredAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(e.recordedAt()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
    }

    @Test
    void recordRefusesFutureTimes() {
        IncidentId id = declare("Checkout errors");
        Optional<Instant> future = Optional.of(T0.plus(Duration.ofMinutes(5)));

        assertThrows(CommandRefusedException.class, () -> add(id, "x", future, "alice"));
        assertThat(service.timeline(id)).hasSize(1);
    }

    @Test
    void recordAcceptsTimesWithinTheClockSkewTolerance() {
        IncidentId id = declare("Checkout errors");
        Optional<Instant> slightlyAhead = Optional.of(T0.plus(Duration.ofSeconds(30)));

        Event e = add(id, "x", slightlyAhead, "alice");

        assertThat(e.occurredAt()).isEqualTo(T0.plus(Duration.ofSeconds(30)));
    }

    @Test
    void recordRefusesAStatusTheIncidentAlreadyHas() {
        IncidentId id = declare("Checkout errors");

        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> service.change(
                        id,
                        new HeaderCommand.ChangeStatus(Status.INVESTIGATING, Optional.empty(), Optional.empty()),
                        "alice"));
        assertThat(e.getMessage()).contains("already investigating");
    }

    @Test
    void recordRefusesTheSeverityTheIncidentAlreadyHas() {
        IncidentId id = declare("Checkout errors");

        assertThrows(
                IllegalStateException.class,
                () -> service.change(
                        id,
                        new HeaderCommand.ChangeSeverity(Severity.SEV2, Optional.empty(), Optional.empty()),
                        "alice"));
    }

    @Test
    void resolvingTwiceIsRefused() {
        IncidentId id = declare("Checkout errors");
        resolve(id);

        assertThrows(IllegalStateException.class, () -> resolve(id));
    }

    @Test
    void recordRefusesAnUnknownIncident() {
        assertThrows(IllegalStateException.class, () -> note(new IncidentId(Event.newId()), "x"));
    }

    @Test
    void recordRefusesANoteWithoutText() {
        IncidentId id = declare("Checkout errors");

        assertThrows(CommandRefusedException.class, () -> note(id, "   "));
    }

    @Test
    void recordRefusesASecondDeclaration() {
        IncidentId id = declare("Checkout errors");

        assertThrows(
                IllegalArgumentException.class,
                () -> service.change(
                        id, new HeaderCommand.Declare("again", Severity.SEV2, "", Optional.empty(), "alice"), "alice"));
    }

    @Test
    void recordRefusesABlankAuthor() {
        IncidentId id = declare("Checkout errors");

        assertThrows(CommandRefusedException.class, () -> add(id, "x", Optional.empty(), " "));
    }

    @Test
    void correctAppendsACorrectionPointingAtTheOriginal() {
        IncidentId id = declare("Checkout errors");
        Event original = note(id, "Rolled back payments-api");
        clock.advance(Duration.ofMinutes(2));

        Event correction = service.correct(original, "Rolled back checkout-api", "bob");

        assertThat(correction.type()).isEqualTo(EventType.EVENT_CORRECTED);
        assertThat(correction.payload().text("correctedEventId"))
                .contains(original.id().toString());
        assertThat(correction.payload().text("text")).contains("Rolled back checkout-api");
        assertThat(correction.author()).isEqualTo("bob");
        assertThat(service.timeline(id)).last().isEqualTo(correction);
    }

    @Test
    void correctLeavesTheOriginalEventUnchangedInTheStore() {
        IncidentId id = declare("Checkout errors");
        Event original = note(id, "Rolled back payments-api");

        service.correct(original, "Rolled back checkout-api", "bob");

        assertThat(store.readIncident(id))
                .filteredOn(e -> e.id().equals(original.id()))
                .containsExactly(original);
    }

    @Test
    void correctRefusesEntriesThatAreNotFreeText() {
        IncidentId id = declare("Checkout errors");
        Event status = service.change(
                id, new HeaderCommand.ChangeStatus(Status.IDENTIFIED, Optional.empty(), Optional.empty()), "alice");

        assertThrows(IllegalStateException.class, () -> service.correct(status, "something else", "bob"));
    }

    @Test
    void correctRefusesBlankText() {
        IncidentId id = declare("Checkout errors");
        Event original = note(id, "Rolled back payments-api");

        assertThrows(CommandRefusedException.class, () -> service.correct(original, " ", "bob"));
    }

    @Test
    void incidentsListsOpenOnesBeforeResolvedOnesNewestFirst() {
        IncidentId oldest = declare("oldest, open");
        clock.advance(Duration.ofMinutes(10));
        IncidentId middle = declare("middle, open");
        clock.advance(Duration.ofMinutes(10));
        IncidentId newest = declare("newest, resolved");
        resolve(newest);

        List<IncidentState> listed = service.incidents();

        assertThat(listed).extracting(IncidentState::id).containsExactly(middle, oldest, newest);
    }

    @Test
    void incidentsIsEmptyBeforeAnyDeclaration() {
        assertThat(service.incidents()).isEmpty();
        assertThat(service.activeIncident()).isEmpty();
    }

    @Test
    void resolveIncidentIdFindsAnIncidentByAUniquePrefix() {
        declareWithId(incident("aaaa1111-0000-7000-8000-000000000001"));
        declareWithId(incident("aaaa2222-0000-7000-8000-000000000002"));

        assertThat(service.resolveIncidentId("aaaa2")).isEqualTo(incident("aaaa2222-0000-7000-8000-000000000002"));
    }

    @Test
    void resolveIncidentIdIgnoresCaseAndSurroundingSpace() {
        declareWithId(incident("aaaa1111-0000-7000-8000-000000000001"));

        assertThat(service.resolveIncidentId("  AAAA1111 "))
                .isEqualTo(incident("aaaa1111-0000-7000-8000-000000000001"));
    }

    @Test
    void resolveIncidentIdAcceptsTheFullId() {
        declareWithId(incident("aaaa1111-0000-7000-8000-000000000001"));

        assertThat(service.resolveIncidentId("aaaa1111-0000-7000-8000-000000000001"))
                .isEqualTo(incident("aaaa1111-0000-7000-8000-000000000001"));
    }

    @Test
    void ambiguousPrefixIsRefusedSayingHowManyMatch() {
        declareWithId(incident("aaaa1111-0000-7000-8000-000000000001"));
        declareWithId(incident("aaaa2222-0000-7000-8000-000000000002"));

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> service.resolveIncidentId("aaaa"));
        assertThat(e.getMessage()).contains("'aaaa' matches 2 incidents").contains("give more of the id");
    }

    @Test
    void unknownPrefixIsRefusedPointingToTheIncidentList() {
        declareWithId(incident("aaaa1111-0000-7000-8000-000000000001"));

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> service.resolveIncidentId("bbbb"));
        assertThat(e.getMessage()).contains("No incident matches 'bbbb'").contains("conn incidents");
    }

    @Test
    void prefixShorterThanFourCharactersIsRefused() {
        declareWithId(incident("aaaa1111-0000-7000-8000-000000000001"));

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> service.resolveIncidentId("aaa"));
        assertThat(e.getMessage()).contains("at least 4 characters");
    }

    @Test
    void twoIncidentsDeclaredInTheSameMinuteHaveDifferentShortIds() {
        // The CLI prints shortForm() as the id column and accepts it back with --incident.
        IncidentId first = declare("first");
        IncidentId second = declare("second");

        assertThat(first.shortForm()).isNotEqualTo(second.shortForm());
    }

    @Test
    void shortIdPrintedByTheCliResolvesBackToItsIncident() {
        IncidentId first = declare("first");
        declare("second");

        assertThat(service.resolveIncidentId(first.shortForm())).isEqualTo(first);
    }
}
