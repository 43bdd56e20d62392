package dev.conn.incident;

import static dev.conn.testing.Events.declared;
import static dev.conn.testing.Events.event;
import static dev.conn.testing.Events.newIncident;
import static dev.conn.testing.Events.note;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conn.platform.db.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcEventStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");

    @TempDir
    Path dir;

    private Database db;
    private EventStore store;
    private final IncidentId incident = newIncident();

    @BeforeEach
    void open() {
        db = Database.open(dir);
        store = EventStore.jdbc(db.dataSource());
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private void reopen() {
        db.close();
        db = Database.open(dir);
        store = EventStore.jdbc(db.dataSource());
    }

    /** One event through the store's only write, {@link EventStore#append(Append)}: true if newly stored. */
    private boolean append(Event e) {
        return !store.append(new Append(List.of(e), Optional.empty(), Origin.DECIDED))
                .isEmpty();
    }

    /** A batch, as an import stores it: how many were newly stored. */
    private int appendAll(java.util.Collection<Event> events) {
        return store.append(new Append(List.copyOf(events), Optional.empty(), Origin.IMPORTED))
                .size();
    }

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    private List<Event> notes(int count) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(note(incident, at(i), "note " + i));
        }
        return events;
    }

    @Test
    void eventsAreReadBackInTheOrderTheyWereAppended() {
        Event late = note(incident, at(30), "appended first, happened last");
        Event early = note(incident, at(10), "appended second, happened first");
        Event middle = note(incident, at(20), "appended third");

        append(late);
        append(early);
        append(middle);

        assertThat(store.readIncident(incident)).containsExactly(late, early, middle);
    }

    @Test
    void aFailingStepInTheSameTransactionStoresNothingEvenWhenItThrowsAnUncheckedException() {
        Event e = note(incident, T0, "with an outbox row that fails");

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> store.append(new Append(List.of(e), Optional.empty(), Origin.DECIDED, Optional.of(c -> {
                            throw new IllegalStateException("step refused");
                        }))))
                .hasMessage("step refused");
        reopen();

        assertThat(store.readIncident(incident)).isEmpty();
        assertThat(append(e)).isTrue(); // the id is free: nothing half-stored
    }

    @Test
    void appendReturnsTrueWhenStored() {
        assertThat(append(note(incident, T0, "first"))).isTrue();
    }

    @Test
    void sameEventIdAppendedTwiceIsStoredOnce() {
        Event e = note(incident, T0, "Paged the DBA");
        append(e);

        boolean again = append(e);

        assertThat(again).isFalse();
        assertThat(store.readIncident(incident)).containsExactly(e);
    }

    @Test
    void reAppendingAnIdWithDifferentContentLeavesTheStoredEventAsItWas() {
        Event e = note(incident, T0, "original");
        append(e);

        append(new Event(
                e.id(), e.incidentId(), at(5), at(5), "mallory", EventType.DECISION, Payload.of("text", "rewritten")));

        assertThat(store.readIncident(incident)).containsExactly(e);
    }

    @Test
    void appendAllStoresEveryEventInIterationOrder() {
        List<Event> events = notes(5);

        int stored = appendAll(events);

        assertThat(stored).isEqualTo(5);
        assertThat(store.readIncident(incident)).containsExactlyElementsOf(events);
    }

    @Test
    void appendAllSkipsIdsAlreadyStored() {
        List<Event> events = notes(4);
        append(events.get(1));
        append(events.get(3));

        int stored = appendAll(events);

        assertThat(stored).isEqualTo(2);
        assertThat(store.readIncident(incident))
                .containsExactly(events.get(1), events.get(3), events.get(0), events.get(2));
    }

    @Test
    void appendAllStoresDuplicatesWithinTheBatchOnce() {
        Event a = note(incident, at(1), "a");
        Event b = note(incident, at(2), "b");

        int stored = appendAll(List.of(a, b, a, b, a));

        assertThat(stored).isEqualTo(2);
        assertThat(store.readIncident(incident)).containsExactly(a, b);
    }

    @Test
    void appendAllOfNothingStoresNothing() {
        assertThat(appendAll(List.of())).isZero();
    }

    @Test
    void appendAllOfMoreThanOneBatchStoresEverything() {
        List<Event> events = notes(2_500);

        assertThat(appendAll(events)).isEqualTo(2_500);
        assertThat(store.readIncident(incident)).containsExactlyElementsOf(events);
    }

    @Test
    void readAfterPagesThroughTheLogInStorageOrder() {
        List<Event> events = notes(5);
        events.forEach(this::append);

        EventStore.Batch first = store.readAfter(0, 2);
        EventStore.Batch second = store.readAfter(first.lastSequence(), 2);
        EventStore.Batch third = store.readAfter(second.lastSequence(), 2);

        assertThat(first.events()).containsExactly(events.get(0), events.get(1));
        assertThat(second.events()).containsExactly(events.get(2), events.get(3));
        assertThat(third.events()).containsExactly(events.get(4));
    }

    @Test
    void readAfterTheEndReturnsNothingAndKeepsThePosition() {
        notes(3).forEach(this::append);
        long end = store.readAfter(0, 100).lastSequence();

        EventStore.Batch batch = store.readAfter(end, 100);

        assertThat(batch.events()).isEmpty();
        assertThat(batch.lastSequence()).isEqualTo(end);
    }

    @Test
    void readAfterSeesEventsAppendedSinceTheLastRead() {
        append(note(incident, at(1), "before"));
        long position = store.readAfter(0, 100).lastSequence();
        Event later = note(incident, at(2), "after");
        append(later);

        assertThat(store.readAfter(position, 100).events()).containsExactly(later);
    }

    @Test
    void readAfterDoesNotSkipAnEventCommittedAfterALaterOne() throws Exception {
        // A slow writer (an import in one append transaction, or a second process) is inside its
        // transaction when a fast one appends. Writers take turns on the append_lock row, so the fast
        // one's sequence number comes after the slow one's commit and a follower misses neither.
        Event fast = note(incident, at(2), "fast writer");
        long position = store.readAfter(0, 100).lastSequence();
        java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (Connection slowWriter = db.dataSource().getConnection()) {
            slowWriter.setAutoCommit(false);
            try (PreparedStatement lock =
                    slowWriter.prepareStatement("SELECT id FROM append_lock WHERE id = 1 FOR UPDATE")) {
                lock.executeQuery().close();
            }
            try (PreparedStatement ps = slowWriter.prepareStatement("INSERT INTO event"
                    + " (id, incident_id, occurred_at, recorded_at, author, type, payload)"
                    + " VALUES (RANDOM_UUID(), ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'importer', 'NOTE',"
                    + " '{\"text\":\"slow writer\"}')")) {
                ps.setObject(1, incident.value());
                ps.executeUpdate();
            }
            java.util.concurrent.Future<Boolean> fastAppend = other.submit(() -> append(fast));
            Thread.sleep(300); // the fast writer is now waiting for its turn
            assertThat(fastAppend).isNotDone();
            assertThat(store.readAfter(position, 100).events()).isEmpty();
            slowWriter.commit();
            assertThat(fastAppend.get(10, java.util.concurrent.TimeUnit.SECONDS))
                    .isTrue();
        } finally {
            other.shutdownNow();
        }

        assertThat(store.readAfter(position, 100).events())
                .as("what a follower at position %d gets next", position)
                .extracting(e -> e.payload().textOrEmpty("text"))
                .containsExactly("slow writer", "fast writer");
    }

    @Test
    void readAfterCoversEveryIncident() {
        Event a = note(incident, at(1), "a");
        Event b = note(newIncident(), at(2), "b");
        append(a);
        append(b);

        assertThat(store.readAfter(0, 100).events()).containsExactly(a, b);
    }

    @Test
    void readByTypeReturnsOnlyThoseTypesOfEveryIncidentInStorageOrder() {
        IncidentId other = newIncident();
        Event declaredA = declared(incident, at(0), Severity.SEV1, "alice");
        Event declaredB = declared(other, at(1), Severity.SEV2, "bob");
        Event status = event(incident, EventType.STATUS_CHANGED, at(2), Payload.of("status", "identified"));
        append(declaredA);
        append(note(incident, at(1), "not a header event"));
        append(declaredB);
        append(status);
        append(note(other, at(3), "also not"));

        List<Event> read = store.readByType(EnumSet.of(EventType.INCIDENT_DECLARED, EventType.STATUS_CHANGED));

        assertThat(read).containsExactly(declaredA, declaredB, status);
    }

    @Test
    void readByTypeOfNoTypesReturnsNothing() {
        append(note(incident, T0, "x"));

        assertThat(store.readByType(Set.of())).isEmpty();
    }

    @Test
    void readIncidentWithTypesReturnsOnlyThatIncidentsEventsOfThoseTypes() {
        IncidentId other = newIncident();
        Event declaredA = declared(incident, at(0), Severity.SEV1, "alice");
        Event noteA = note(incident, at(1), "keep");
        Event decisionA = event(incident, EventType.DECISION, at(2), Payload.of("text", "drop"));
        append(declaredA);
        append(declared(other, at(0), Severity.SEV2, "bob"));
        append(noteA);
        append(note(other, at(1), "other incident"));
        append(decisionA);

        List<Event> read = store.readIncident(incident, EnumSet.of(EventType.INCIDENT_DECLARED, EventType.NOTE));

        assertThat(read).containsExactly(declaredA, noteA);
    }

    @Test
    void readIncidentOfUnknownIncidentIsEmpty() {
        append(note(incident, T0, "x"));

        assertThat(store.readIncident(newIncident())).isEmpty();
    }

    @Test
    void thereIsNoActiveIncidentAtFirst() {
        assertThat(store.activeIncident()).isEmpty();
    }

    @Test
    void activeIncidentRoundTrips() {
        store.setActiveIncident(incident);

        assertThat(store.activeIncident()).contains(incident);
    }

    @Test
    void settingAnotherActiveIncidentReplacesTheFirst() {
        IncidentId other = newIncident();
        store.setActiveIncident(incident);

        store.setActiveIncident(other);

        assertThat(store.activeIncident()).contains(other);
    }

    @Test
    void activeIncidentSurvivesReopening() {
        store.setActiveIncident(incident);

        reopen();

        assertThat(store.activeIncident()).contains(incident);
    }

    @Test
    void instantsRoundTripToTheNanosecond() {
        Instant occurred = Instant.parse("2026-11-21T09:12:03.123456789Z");
        Instant recorded = Instant.parse("2026-11-21T09:15:00.000000001Z");
        Event e = new Event(
                Event.newId(), incident, occurred, recorded, "alice", EventType.NOTE, Payload.of("text", "precise"));
        append(e);

        reopen();

        Event read = store.readIncident(incident).get(0);
        assertThat(read.occurredAt()).isEqualTo(occurred);
        assertThat(read.recordedAt()).isEqualTo(recorded);
    }

    @Test
    void instantsFarFromTheEpochRoundTrip() {
        Event old = note(incident, Instant.parse("1970-01-01T00:00:00.000000001Z"), "old");
        Event future = note(incident, Instant.parse("2999-12-31T23:59:59.999999999Z"), "far");
        append(old);
        append(future);

        assertThat(store.readIncident(incident)).containsExactly(old, future);
    }

    @Test
    void payloadJsonRoundTrips() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("text", "Ünïcödé \"quotes\" \\ back\\slash\nnew line 🚨");
        node.put("count", 42L);
        node.put("ratio", 0.125);
        node.put("flag", true);
        node.putNull("nothing");
        node.putObject("nested").putArray("points").add(1).add(2.5).addObject().put("k", "v");
        Event e = event(incident, EventType.METRIC_SNAPSHOT, T0, Payload.ofNode(node));
        append(e);

        reopen();

        Event read = store.readIncident(incident).get(0);
        assertThat(read.payload().json()).isEqualTo(e.payload().json());
    }

    @Test
    void parsedPayloadIsEqualAfterStorage() {
        Event e = event(
                incident,
                EventType.NOTE,
                T0,
                Payload.parse("{\"text\":\"with numbers\",\"n\":42,\"big\":9007199254740993,\"ratio\":0.5}"));
        append(e);

        assertThat(store.readIncident(incident)).containsExactly(e);
    }

    @Test
    void largePayloadRoundTrips() {
        String big = "x".repeat(1_000_000);
        Event e = note(incident, T0, big);
        append(e);

        assertThat(store.readIncident(incident).get(0).payload().textOrEmpty("text"))
                .isEqualTo(big);
    }

    @Test
    void everyFieldOfAnEventRoundTrips() {
        Event e = new Event(
                Event.newId(),
                incident,
                at(3),
                at(4),
                "Zoë O'Brien",
                EventType.HANDOFF_ACKNOWLEDGED,
                Payload.of("role", "INCIDENT_COMMANDER", "to", "bob"));
        append(e);

        reopen();

        assertThat(store.readIncident(incident)).containsExactly(e);
    }

    @Test
    void freshDirectoryGetsTheEventTables() throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                ResultSet rs = c.getMetaData().getTables(null, null, null, new String[] {"TABLE", "BASE TABLE"})) {
            List<String> tables = new ArrayList<>();
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
            }
            assertThat(tables).contains("event", "console_state");
        }
        assertThat(db.file()).exists().hasFileName("conn.mv.db");
    }

    @Test
    void reopeningAnExistingDatabaseKeepsItsEvents() {
        List<Event> events = notes(3);
        events.forEach(this::append);

        reopen();

        assertThat(store.readIncident(incident)).containsExactlyElementsOf(events);
    }

    @Test
    void appendingAfterReopeningContinuesTheLog() {
        Event before = note(incident, at(1), "before");
        append(before);
        reopen();
        Event after = note(incident, at(2), "after");

        append(after);

        assertThat(store.readIncident(incident)).containsExactly(before, after);
        assertThat(store.readAfter(0, 10).events()).containsExactly(before, after);
    }

    @Test
    void theTailIsTheNewestEntriesOfThatIncidentOnlyInStorageOrder() {
        IncidentId other = newIncident();
        List<Event> mine = new ArrayList<>();
        for (int i = 0; i < 30; i++) { // interleaved with another incident's events
            Event e = note(incident, at(i), "mine " + i);
            mine.add(e);
            appendAll(List.of(e, note(other, at(i), "other " + i)));
        }
        assertThat(store.readIncidentTail(incident, 10)).containsExactlyElementsOf(mine.subList(20, 30));
        assertThat(store.readIncidentTail(incident, 50)).containsExactlyElementsOf(mine);
        assertThat(store.readIncidentTail(newIncident(), 10)).isEmpty();
    }
}
