package dev.conn.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conn.incident.Event;
import dev.conn.incident.EventBody;
import dev.conn.incident.HeaderEvent;
import dev.conn.incident.ImpactEvent;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentState;
import dev.conn.incident.Severity;
import dev.conn.incident.TimelineEvent;
import dev.conn.testing.Events;
import dev.conn.timeline.TimelineEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ImpactQueryTest {
    static final Instant T = Instant.parse("2025-03-14T09:50:00Z");
    final IncidentId incident = Events.newIncident();

    Event set(ImpactQuery q, int minute) {
        return event(T.plusSeconds(60L * minute), q.toEvent());
    }

    Event event(Instant at, EventBody body) {
        return Event.of(Event.newId(), incident, at, at, "alice", body);
    }

    @Test
    void latestSetWinsAndRemovedQueriesDisappearInFirstAddedOrder() {
        ImpactQuery errors = ImpactQuery.create("Error ratio", "prod", "errors", "%", OptionalDouble.of(1));
        ImpactQuery latency = ImpactQuery.create("p99", "prod", "latency", "ms", OptionalDouble.empty());
        ImpactQuery rate = ImpactQuery.create("Rate", "prod", "rate", "", OptionalDouble.empty());
        ImpactQuery errorsEdited =
                new ImpactQuery(errors.queryId(), "Error ratio (EU)", "prod", "errors_eu", "%", OptionalDouble.of(2));

        List<ImpactQuery> now = ImpactQuery.fold(List.of(
                set(errors, 0),
                set(latency, 1),
                set(rate, 2),
                Events.note(incident, T, "unrelated"),
                set(errorsEdited, 3),
                event(T.plusSeconds(240), new ImpactEvent.ImpactQueryRemoved(latency.queryId()))));

        assertThat(now).containsExactly(errorsEdited, rate);
    }

    @Test
    void storedEventRoundTripKeepsThresholdAndUnit() {
        ImpactQuery q = ImpactQuery.create("Error ratio", "prod", "sum(x)", "%", OptionalDouble.of(1.5));
        Event e = set(q, 0);
        Event read =
                Event.stored(e.id(), incident, e.occurredAt(), e.recordedAt(), e.author(), e.type(), e.payloadJson());
        assertThat(ImpactQuery.of((ImpactEvent.ImpactQuerySet) read.body())).isEqualTo(q);
        assertThat(e.payloadJson()).contains("\"unit\":\"%\"").contains("\"threshold\":1.5");
    }

    @Test
    void aQueryNeedsNameSourceAndText() {
        assertThatThrownBy(() -> ImpactQuery.create(" ", "prod", "x", "", OptionalDouble.empty()))
                .hasMessage("An impact query needs a name");
        assertThatThrownBy(() -> ImpactQuery.create("n", "prod", "", "", OptionalDouble.empty()))
                .hasMessage("Type the query (PromQL or Datadog)");
    }

    @Test
    void timelineDescribesQueryEvents() {
        ImpactQuery q = ImpactQuery.create("Error ratio", "prod", "sum(errors)", "%", OptionalDouble.of(1));
        assertThat(TimelineEntry.describe(set(q, 0)))
                .isEqualTo("Impact query \"Error ratio\": sum(errors) (threshold 1.0%)");
    }

    @Test
    void presetsAreValidQueriesIncludingHistogramQuantile() {
        assertThat(ImpactPresets.prometheus())
                .extracting(ImpactPresets.Preset::name)
                .containsExactly("Error ratio", "p99 latency", "Request rate");
        assertThat(ImpactPresets.prometheus().get(1).toQuery("prod").query()).contains("histogram_quantile(0.99");
    }

    @Test
    void windowRunsFromAnHourBeforeImpactToNowThenToHalfAnHourAfterResolution() {
        Instant declared = Instant.parse("2025-03-14T09:45:00Z");
        Instant impact = Instant.parse("2025-03-14T09:40:00Z");
        IncidentState open = IncidentState.fold(List.of(event(
                declared,
                new HeaderEvent.IncidentDeclared(
                        "Checkout errors", Severity.SEV1, Optional.empty(), Optional.of(impact), Optional.of("ana")))));
        ImpactWindow w = ImpactWindow.of(open, Instant.parse("2025-03-14T10:30:00Z"));
        assertThat(w.from()).isEqualTo(Instant.parse("2025-03-14T08:40:00Z"));
        assertThat(w.to()).isEqualTo(Instant.parse("2025-03-14T10:30:00Z"));

        Instant resolvedAt = Instant.parse("2025-03-14T10:10:00Z");
        IncidentState resolved = IncidentState.fold(List.of(
                Events.declared(incident, declared, Severity.SEV2, "ana"),
                event(resolvedAt, new HeaderEvent.Resolved(Optional.empty()))));
        ImpactWindow after = ImpactWindow.of(resolved, Instant.parse("2025-03-15T00:00:00Z"));
        assertThat(after.from()).isEqualTo(Instant.parse("2025-03-14T08:45:00Z"));
        assertThat(after.to()).isEqualTo(Instant.parse("2025-03-14T10:40:00Z"));
    }

    @Test
    void entryMarkersAreActionsAndChangesInsideTheWindowAndMilestonesAreTheirOwn() {
        ImpactWindow w = new ImpactWindow(T.minusSeconds(3600), T.plusSeconds(3600));
        Event declared = Events.declared(incident, T, Severity.SEV1, "ana");
        Event action = event(T.plusSeconds(600), new TimelineEvent.ActionTaken("rollback"));
        Event note = Events.note(incident, T.plusSeconds(700), "just a note");
        Event tooLate = event(T.plusSeconds(7200), new HeaderEvent.Mitigated(Optional.empty()));
        assertThat(w.markers(List.of(action, note, declared, tooLate))).containsExactly(action);
        // the declaration is drawn as the milestone marker; the late mitigation is outside the window
        assertThat(ImpactMarker.of(List.of(action, note, declared, tooLate), w))
                .extracting(ImpactMarker::at, ImpactMarker::milestone, ImpactMarker::label)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(T, true, "Impact started, detected, acknowledged"),
                        org.assertj.core.groups.Tuple.tuple(T.plusSeconds(600), false, "Action"));
    }
}
