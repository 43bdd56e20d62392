package dev.conn.postmortem;

import static dev.conn.postmortem.Typed.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.incident.Event;
import dev.conn.incident.HeaderEvent;
import dev.conn.incident.IncidentId;
import dev.conn.incident.Severity;
import dev.conn.testing.Events;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IncidentHistoryTest {
    private static final Instant T0 = Instant.parse("2026-10-01T10:00:00Z");

    /** An incident declared {@code day} days after T0, mitigated after {@code ttmMinutes}, tagged. */
    private static IncidentHistory.Row incident(int day, Severity sev, int ttmMinutes, String service, String cause) {
        IncidentId id = Events.newIncident();
        Instant at = T0.plus(Duration.ofDays(day));
        List<Event> events = new ArrayList<>();
        events.add(Events.declared(id, at, sev, "alice"));
        events.add(event(id, at.plus(Duration.ofMinutes(ttmMinutes)), new HeaderEvent.Mitigated(Optional.empty())));
        events.add(event(id, at.plusSeconds(7200), Typed.tags(List.of(service), List.of(cause))));
        return IncidentHistory.row(events);
    }

    private final List<IncidentHistory.Row> rows = List.of(
            incident(0, Severity.SEV1, 10, "dns", "capacity"),
            incident(3, Severity.SEV2, 30, "dns", "config change"),
            incident(10, Severity.SEV2, 20, "checkout", "capacity"),
            incident(20, Severity.SEV3, 40, "dns", "capacity"),
            incident(25, Severity.SEV3, 60, "search", "dependency"));

    @Test
    void summaryCountsBySeverityTakesMediansAndRanksTags() {
        IncidentHistory.Summary s = IncidentHistory.summarise(rows);

        assertThat(s.total()).isEqualTo(5);
        assertThat(s.bySeverity())
                .containsEntry(Severity.SEV1, 1)
                .containsEntry(Severity.SEV2, 2)
                .containsEntry(Severity.SEV3, 2)
                .containsEntry(Severity.SEV4, 0);
        assertThat(s.medianTtm()).contains(Duration.ofMinutes(30));
        assertThat(s.medianTtr()).isEmpty();
        assertThat(s.topServices().get(0)).isEqualTo(new IncidentHistory.Tally("dns", 3, 60));
        assertThat(s.topCategories().get(0)).isEqualTo(new IncidentHistory.Tally("capacity", 3, 60));
        assertThat(IncidentHistory.describe(s))
                .contains("Top services: dns 60 % (3), checkout 20 % (1), search 20 % (1)");
    }

    @Test
    void anEvenCountTakesTheMeanOfTheMiddleTwo() {
        assertThat(IncidentHistory.summarise(rows.subList(0, 4)).medianTtm()).contains(Duration.ofMinutes(25));
    }

    @Test
    void filtersBySeverityServiceAndDate() {
        IncidentHistory.Filter f = new IncidentHistory.Filter(
                Optional.empty(), Optional.of("DNS"), Optional.of(T0.plus(Duration.ofDays(2))), Optional.empty());

        assertThat(rows.stream().filter(f::test).map(r -> r.state().severity()))
                .containsExactly(Severity.SEV2, Severity.SEV3);
        assertThat(
                        rows.stream()
                                .filter(new IncidentHistory.Filter(
                                        Optional.of(Severity.SEV3),
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.empty())::test))
                .hasSize(2);
    }

    @Test
    void noIncidentsGiveAnHonestEmptySummary() {
        assertThat(IncidentHistory.describe(IncidentHistory.summarise(List.of())))
                .containsExactly(
                        "Incidents: 0 (SEV1 0, SEV2 0, SEV3 0, SEV4 0)",
                        "Median TTD — · TTM — · TTR —",
                        "Top root-cause categories: none tagged",
                        "Top services: none tagged");
    }
}
