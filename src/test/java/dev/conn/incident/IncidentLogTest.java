package dev.conn.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conn.testing.InMemoryEventStore;
import dev.conn.testing.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IncidentLogTest {
    private static final Instant T0 = Instant.parse("2026-12-05T09:00:00Z");
    private final InMemoryEventStore store = new InMemoryEventStore();
    private final MutableClock clock = new MutableClock(T0);
    private final IncidentLog log = new IncidentLog(store, clock);
    private final HeaderDecider header = new HeaderDecider();
    private final IncidentId id = new IncidentId(Event.newId());

    private void declare() {
        log.execute(
                id,
                header,
                new HeaderCommand.Declare("Checkout errors", Severity.SEV2, "", Optional.empty(), "Ada"),
                "Ada");
    }

    @Test
    void aCommandReadsTheLogOnceAndWritesOnce() {
        declare();
        store.resetCounts();
        log.execute(
                id, header, new HeaderCommand.ChangeSeverity(Severity.SEV1, Optional.empty(), Optional.empty()), "Ada");
        assertThat(store.calls("read")).isEqualTo(1);
        assertThat(store.calls("append")).isEqualTo(1);
    }

    @Test
    void whatIsAppendedIsPublishedToSubscribersAfterTheAppend() {
        List<EventType> seen = new ArrayList<>();
        store.subscribe(events -> events.forEach(e -> seen.add(e.type())));
        declare();
        log.execute(
                id,
                header,
                new HeaderCommand.ChangeStatus(Status.IDENTIFIED, Optional.empty(), Optional.empty()),
                "Ada");
        assertThat(seen).containsExactly(EventType.INCIDENT_DECLARED, EventType.STATUS_CHANGED);
        assertThat(store.appendedHere(store.readIncident(id).get(1).id())).isTrue();
    }

    @Test
    void aRefusalStoresNothingAndSpeaksTheUsersLanguage() {
        declare();
        assertThatThrownBy(() -> log.execute(
                        id,
                        header,
                        new HeaderCommand.ChangeSeverity(Severity.SEV2, Optional.empty(), Optional.empty()),
                        "Ada"))
                .isInstanceOf(CommandRefusedException.class)
                .hasMessage("The severity is already SEV2");
        assertThat(store.readIncident(id)).hasSize(1);
    }

    @Test
    void aDecisionMadeStaleByAnotherWriterIsMadeAgainOnTheFreshLog() {
        declare();
        // another console resolves the incident between this console's read and its append
        InMemoryEventStore racing = store;
        boolean[] raced = {false};
        EventStore interleaving = new dev.conn.testing.ForwardingEventStore(racing) {
            @Override
            public List<Event> append(Append append) {
                if (!raced[0]) {
                    raced[0] = true;
                    new IncidentLog(racing, clock)
                            .execute(id, header, new HeaderCommand.Resolve(Optional.empty(), Optional.empty()), "Bob");
                }
                return super.append(append);
            }
        };
        assertThatThrownBy(() -> new IncidentLog(interleaving, clock)
                        .execute(id, header, new HeaderCommand.Resolve(Optional.empty(), Optional.empty()), "Ada"))
                .isInstanceOf(CommandRefusedException.class)
                .hasMessage("The incident is already resolved");
        assertThat(store.readIncident(id))
                .extracting(Event::type)
                .containsExactly(EventType.INCIDENT_DECLARED, EventType.RESOLVED);
    }

    @Test
    void entriesDatedInTheFutureAreRefused() {
        declare();
        assertThatThrownBy(() -> log.execute(
                        id,
                        new EntryDecider(),
                        new EntryCommand.Add(
                                Event.newId(), EntryCommand.Kind.NOTE, "x", Optional.of(T0.plusSeconds(600))),
                        "Ada"))
                .isInstanceOf(CommandRefusedException.class)
                .hasMessageContaining("future");
    }

    @Test
    void anEntryLongerThanImportAcceptsIsRefusedWithTheSharedMessage() {
        declare();
        String huge = "x".repeat(EventLimits.MAX_TEXT + 9);
        assertThatThrownBy(() -> log.execute(
                        id,
                        new EntryDecider(),
                        new EntryCommand.Add(Event.newId(), EntryCommand.Kind.NOTE, huge, Optional.empty()),
                        "Ada"))
                .isInstanceOf(CommandRefusedException.class)
                .hasMessage(EventLimits.tooLong("note", "text", huge.length()));
    }

    @Test
    void retryingAnEntryWithItsIdStoresItOnce() {
        declare();
        var add = new EntryCommand.Add(Event.newId(), EntryCommand.Kind.NOTE, "deployed v42", Optional.empty());
        assertThat(log.execute(id, new EntryDecider(), add, "Ada")).hasSize(1);
        assertThat(log.execute(id, new EntryDecider(), add, "Ada")).isEmpty();
        assertThat(store.readIncident(id)).hasSize(2);
    }
}
