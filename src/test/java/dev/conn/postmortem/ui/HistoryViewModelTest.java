package dev.conn.postmortem.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.incident.Declaration;
import dev.conn.incident.Event;
import dev.conn.incident.HeaderCommand;
import dev.conn.incident.HeaderDecider;
import dev.conn.incident.IncidentId;
import dev.conn.incident.Severity;
import dev.conn.platform.fx.DirectTaskRunner;
import dev.conn.postmortem.IncidentHistory;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The History tab follows the incidents as they change, without Refresh (issue 14, item 12). */
class HistoryViewModelTest {
    private final Console console = new Console(new DirectTaskRunner());
    private final HistoryViewModel history =
            new HistoryViewModel(console.service, console.incident, new DirectTaskRunner());

    private IncidentHistory.Row row(IncidentId id) {
        return history.rows().stream()
                .filter(r -> r.state().id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private List<Event> resolveElsewhere(IncidentId id) {
        return console.service
                .log()
                .execute(id, new HeaderDecider(), new HeaderCommand.Resolve(Optional.empty(), Optional.empty()), "bob");
    }

    @Test
    void theOpenIncidentsRowFollowsItsEventsWithoutReadingTheLog() {
        history.reload();
        console.clock.advance(Duration.ofMinutes(45));
        List<Event> resolved = resolveElsewhere(console.id);
        console.elsewhere.tag(console.id, List.of("dns"), List.of("capacity"), "bob");
        List<Event> tagged =
                console.service.events(console.id, java.util.Set.of(dev.conn.incident.EventType.INCIDENT_TAGGED));
        console.store.resetCounts();

        List.of(resolved, tagged).forEach(console.incident::accept);

        assertThat(row(console.id).state().isOpen()).isFalse();
        assertThat(row(console.id).milestones().summaryLine()).isEqualTo("TTD 15m · TTA 15m · TTM 1h 00m · TTR 1h 00m");
        assertThat(row(console.id).services()).containsExactly("dns");
        assertThat(history.summaryProperty().get()).contains("Top services: dns 100 % (1)");
        // the console's incident list takes the header events in memory (issue 12 item 5), and the
        // history reads nothing more: the log is not read at all
        assertThat(console.store.calls("read")).isZero();
    }

    @Test
    void anotherIncidentChangedElsewhereIsReadAgainOnItsOwn() {
        IncidentId other = console.service
                .declare(new Declaration("Slow search", Severity.SEV3, "", Optional.empty(), "bob"), "bob")
                .incidentId();
        history.reload();
        assertThat(history.rows()).hasSize(2);
        console.clock.advance(Duration.ofMinutes(10));

        resolveElsewhere(other);
        console.incident.accept(List.of()); // nothing of the open incident; the list is refreshed below
        console.incident.incidents().setAll(console.service.incidents()); // as the console's list refresh does

        assertThat(row(other).state().isOpen()).isFalse();
        assertThat(row(console.id).state().isOpen()).isTrue();
    }

    @Test
    void filtersApplyToTheRowsAsTheyChange() {
        history.reload();
        history.severityProperty().set(Severity.SEV2);
        assertThat(history.rows()).isEmpty();
        assertThat(history.summaryProperty().get()).startsWith("Incidents: 0");

        history.severityProperty().set(Severity.SEV1);

        assertThat(history.rows())
                .singleElement()
                .satisfies(r -> assertThat(r.state().title()).isEqualTo("DNS cache leak"));
    }
}
