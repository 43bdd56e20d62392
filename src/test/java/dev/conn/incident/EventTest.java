package dev.conn.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventTest {
    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");

    @Test
    void idsMintedOneAfterAnotherSortInCreationOrder() {
        List<UUID> minted = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            minted.add(Event.newId());
        }

        assertThat(minted).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void idsAreVersion7() {
        assertThat(Event.newId().version()).isEqualTo(7);
    }

    @Test
    void eventsAtTheSameInstantSortInCreationOrder() {
        IncidentId incident = new IncidentId(Event.newId());
        List<Event> created = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            created.add(
                    new Event(Event.newId(), incident, T0, T0, "alice", EventType.NOTE, Payload.of("text", "n" + i)));
        }
        List<Event> sorted = new ArrayList<>(created);
        java.util.Collections.reverse(sorted);

        sorted.sort(Event.BY_OCCURRENCE);

        assertThat(sorted).containsExactlyElementsOf(created);
    }

    @Test
    void missingFieldIsRefused() {
        assertThrows(
                NullPointerException.class,
                () -> new Event(Event.newId(), null, T0, T0, "alice", EventType.NOTE, Payload.empty()));
    }
}
