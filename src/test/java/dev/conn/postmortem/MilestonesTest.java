package dev.conn.postmortem;

import static dev.conn.postmortem.Typed.event;
import static dev.conn.testing.Events.declared;
import static dev.conn.testing.Events.retraction;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.incident.Event;
import dev.conn.incident.HeaderEvent;
import dev.conn.incident.IncidentId;
import dev.conn.incident.Milestone;
import dev.conn.incident.Severity;
import dev.conn.testing.Events;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MilestonesTest {
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    private final IncidentId id = Events.newIncident();

    private Event declaredWithImpact(Instant declaredAt, Instant impact) {
        return event(id, declaredAt, Typed.declared(Severity.SEV1, Optional.of(impact)));
    }

    private Event set(Milestone m, Instant at, Instant recordedAt) {
        return event(id, recordedAt, recordedAt, "bob", Typed.milestone(m, at));
    }

    @Test
    void ttxAreMeasuredFromImpactStartedUsingWhenThingsHappened() {
        Event mitigated = event(
                id,
                T0.plusSeconds(3600),
                T0.plusSeconds(7200),
                "alice",
                new HeaderEvent.Mitigated(Optional.empty())); // back-dated: recorded an hour after it happened
        Milestones m = Milestones.fold(List.of(
                declaredWithImpact(T0.plusSeconds(600), T0),
                mitigated,
                event(id, T0.plusSeconds(9000), new HeaderEvent.Resolved(Optional.empty()))));

        assertThat(m.timeToDetect()).contains(Duration.ofMinutes(10));
        assertThat(m.timeToAcknowledge()).contains(Duration.ofMinutes(10));
        assertThat(m.timeToMitigate()).contains(Duration.ofHours(1));
        assertThat(m.timeToResolve()).contains(Duration.ofMinutes(150));
        assertThat(m.summaryLine()).isEqualTo("TTD 10m · TTA 10m · TTM 1h 00m · TTR 2h 30m");
    }

    @Test
    void withoutAGivenImpactStartTheDeclarationIsTheStartAndOpenIncidentsHaveNoTtmOrTtr() {
        Milestones m = Milestones.fold(List.of(declared(id, T0, Severity.SEV2, "alice")));

        assertThat(m.of(Milestone.IMPACT_STARTED)).contains(T0);
        assertThat(m.timeToAcknowledge()).contains(Duration.ZERO);
        assertThat(m.timeToMitigate()).isEmpty();
        assertThat(m.timeToResolve()).isEmpty();
        assertThat(m.summaryLine()).endsWith("TTM — · TTR —");
    }

    @Test
    void aMilestoneSetEditOverridesTheLogAndTheLatestRecordedEditWins() {
        Event first = set(Milestone.DETECTED, T0.plusSeconds(120), T0.plusSeconds(5000));
        Event later = set(Milestone.DETECTED, T0.plusSeconds(300), T0.plusSeconds(6000));
        Milestones m = Milestones.fold(List.of(later, declaredWithImpact(T0.plusSeconds(600), T0), first));

        assertThat(m.timeToDetect()).contains(Duration.ofMinutes(5));
        assertThat(m.edited()).containsEntry(Milestone.DETECTED, "from the alert log");
    }

    @Test
    void aRetractedMitigationOrEditCountsForNothing() {
        Event mitigated = event(id, T0.plusSeconds(1200), new HeaderEvent.Mitigated(Optional.empty()));
        Event edit = set(Milestone.DETECTED, T0.plusSeconds(60), T0.plusSeconds(1300));
        Milestones m = Milestones.fold(List.of(
                declaredWithImpact(T0.plusSeconds(600), T0),
                mitigated,
                edit,
                retraction(mitigated, T0.plusSeconds(1400)),
                retraction(edit, T0.plusSeconds(1500))));

        assertThat(m.timeToMitigate()).isEmpty();
        assertThat(m.timeToDetect()).contains(Duration.ofMinutes(10));
    }

    @Test
    void impactStartedLaterThanAnotherMilestoneIsAViolationNamingBoth() {
        Milestones m = Milestones.fold(List.of(declaredWithImpact(T0.plusSeconds(600), T0)));

        Optional<String> v = m.violation(Milestone.IMPACT_STARTED, T0.plusSeconds(900));

        assertThat(v)
                .get()
                .asString()
                .contains("Impact started must be the earliest")
                .contains("detected");
        assertThat(m.violation(Milestone.MITIGATED, T0.minusSeconds(60)))
                .get()
                .asString()
                .contains("before impact started");
        assertThat(m.violation(Milestone.IMPACT_STARTED, T0.minusSeconds(600))).isEmpty();
    }

    @Test
    void formatsDaysForMultiDayIncidents() {
        assertThat(Milestones.format(Optional.of(Duration.ofHours(51)))).isEqualTo("2d 03h");
        assertThat(Milestones.format(Optional.of(Duration.ofSeconds(42)))).isEqualTo("42s");
    }
}
