package dev.conn.incident;

import static dev.conn.testing.Events.declared;
import static dev.conn.testing.Events.newIncident;
import static dev.conn.testing.Events.note;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.conn.platform.db.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batch (an import) is stored whole or not at all, and never contradicts the log (issue 11, findings 6 and 7). */
class AppendAllTest {
    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");

    @TempDir
    Path dir;

    private Database db;
    private EventStore store;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        store = EventStore.jdbc(db.dataSource());
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** A batch through the store's only write, as an import stores it: how many were new. */
    private int appendAll(List<Event> events) {
        return store.append(new Append(events, Optional.empty(), Origin.IMPORTED))
                .size();
    }

    private static List<Event> incident(IncidentId id, int size) {
        List<Event> events = new ArrayList<>();
        events.add(declared(id, T0, Severity.SEV2, "alice"));
        for (int i = 1; i < size; i++) {
            events.add(note(id, T0.plus(Duration.ofSeconds(i)), "note " + i));
        }
        return events;
    }

    @Test
    void aFailureInTheSecondThousandStoresNothingAtAll() {
        IncidentId id = newIncident();
        List<Event> events = incident(id, 1_500);
        Event bad = events.get(1_401);
        // a year H2 cannot store: binding it fails after the first batch of 1,000 was sent
        events.set(
                1_401,
                new Event(
                        bad.id(),
                        id,
                        Instant.parse("+1000000000-01-01T00:00:00Z"),
                        bad.recordedAt(),
                        bad.author(),
                        bad.type(),
                        bad.payload()));

        StoreException e = assertThrows(StoreException.class, () -> appendAll(events));

        assertThat(e.getMessage()).contains("none was saved").contains(bad.id().toString());
        assertThat(store.readIncident(id)).isEmpty();
        assertThat(store.lastSequence()).isZero();
    }

    @Test
    void anIdStoredForAnotherIncidentIsRefusedByNameAndNothingIsStored() {
        IncidentId first = newIncident();
        List<Event> stored = incident(first, 3);
        appendAll(stored);
        IncidentId second = newIncident();
        List<Event> batch = new ArrayList<>(incident(second, 5));
        Event reused = stored.get(2);
        batch.set(3, new Event(reused.id(), second, T0, T0, "bob", EventType.NOTE, Payload.of("text", "other")));

        EventConflictException e = assertThrows(EventConflictException.class, () -> appendAll(batch));

        assertThat(e.kind()).isEqualTo(EventConflictException.Kind.ID_OF_ANOTHER_INCIDENT);
        assertThat(e.eventId()).isEqualTo(reused.id());
        assertThat(e.storedIncident()).isEqualTo(first);
        assertThat(e.getMessage()).contains(reused.id().toString()).contains(first.shortForm());
        assertThat(store.readIncident(second)).isEmpty();
        assertThat(store.readIncident(first)).hasSize(3);
    }

    @Test
    void aSecondDeclarationOfAStoredIncidentIsRefusedAndTheTitleStays() {
        IncidentId id = newIncident();
        appendAll(incident(id, 2));
        Event again = new Event(
                Event.newId(),
                id,
                T0.plusSeconds(60),
                T0.plusSeconds(60),
                "mallory",
                EventType.INCIDENT_DECLARED,
                Payload.of("title", "Renamed by an import", "severity", "SEV4", "commander", "mallory"));

        EventConflictException e = assertThrows(EventConflictException.class, () -> appendAll(List.of(again)));

        assertThat(e.kind()).isEqualTo(EventConflictException.Kind.SECOND_DECLARATION);
        assertThat(e.eventId()).isEqualTo(again.id());
        assertThat(IncidentState.fold(store.readIncident(id)).title()).isEqualTo("Checkout errors");
        assertThat(store.readIncident(id)).hasSize(2);
    }

    @Test
    void storingTheSameBatchAgainAddsNothing() {
        IncidentId id = newIncident();
        List<Event> events = incident(id, 1_200);

        assertThat(appendAll(events)).isEqualTo(1_200);
        assertThat(appendAll(events)).isZero();
        assertThat(store.readIncident(id)).hasSize(1_200);
    }
}
