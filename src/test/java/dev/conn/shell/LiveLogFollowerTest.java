package dev.conn.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.incident.Declaration;
import dev.conn.incident.EntryCommand;
import dev.conn.incident.Event;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.incident.Severity;
import dev.conn.platform.fx.DirectTaskRunner;
import dev.conn.testing.InMemoryEventStore;
import dev.conn.testing.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The live follower brings what other processes append, and never this process's own events. */
class LiveLogFollowerTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T14:00:00Z"));
    private final InMemoryEventStore store = new InMemoryEventStore();
    private final IncidentService here = new IncidentService(store, clock);
    private final IncidentService cli = new IncidentService(store.otherProcess(), clock);
    private final List<Event> handed = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final LiveLogFollower follower =
            new LiveLogFollower(store, new DirectTaskRunner(), handed::addAll, errors::add);

    private Event note(IncidentService by, IncidentId id, String text) {
        return by.add(id, new EntryCommand.Add(Event.newId(), EntryCommand.Kind.NOTE, text, Optional.empty()), "Ana");
    }

    @Test
    void handsOverOnlyWhatOtherProcessesAppended() {
        IncidentId id = here.declare(new Declaration("DNS outage", Severity.SEV2, "", Optional.empty(), "Ana"), "Ana")
                .incidentId();
        follower.start();
        Event mine = note(here, id, "typed in this window");
        Event theirs = note(cli, id, "deployed payments-api v42");

        follower.poll();

        assertThat(handed).containsExactly(theirs);
        assertThat(handed).doesNotContain(mine);
        assertThat(errors).isEmpty();
    }

    @Test
    void eachEventIsHandedOverOnce() {
        IncidentId id = cli.declare(new Declaration("DNS outage", Severity.SEV2, "", Optional.empty(), "Ana"), "Ana")
                .incidentId();
        follower.startAt(0);
        follower.poll();
        Event later = note(cli, id, "rolled back");

        follower.poll();
        follower.poll();

        assertThat(handed).extracting(Event::id).doesNotHaveDuplicates().contains(later.id());
        assertThat(handed).hasSize(2);
    }
}
