package dev.conn.incident;

import static dev.conn.testing.Events.declared;
import static dev.conn.testing.Events.event;
import static dev.conn.testing.Events.newIncident;
import static dev.conn.testing.Events.note;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.conn.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IncidentStateTest {
    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");

    private final IncidentId incident = newIncident();
    private final MutableClock clock = new MutableClock(T0);

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    private Event statusChanged(int minutes, String status) {
        return event(incident, EventType.STATUS_CHANGED, at(minutes), Payload.of("status", status));
    }

    /** A command event of this incident, typed as the command feature records it. */
    private Event command(int minutes, CommandEvent body) {
        return Event.of(Event.newId(), incident, at(minutes), at(minutes), "alice", body);
    }

    private Event commandAssigned(int minutes, String person) {
        return command(minutes, new CommandEvent.RoleAssigned(Role.INCIDENT_COMMANDER, person, Optional.empty()));
    }

    private Event commandOffered(int minutes, String offerId, String from, String to, Optional<Instant> expiresAt) {
        return command(
                minutes,
                new CommandEvent.HandoffOffered(
                        offerId,
                        Role.INCIDENT_COMMANDER,
                        from,
                        Optional.empty(),
                        to,
                        to,
                        "K7-DELTA",
                        Optional.empty(),
                        expiresAt));
    }

    private Event commandAcknowledged(int minutes, String offerId, String to) {
        return command(
                minutes,
                new CommandEvent.HandoffAcknowledged(
                        offerId, Role.INCIDENT_COMMANDER, to, Optional.empty(), AckMethod.READ_BACK));
    }

    private Event resolved(int minutes) {
        return event(incident, EventType.RESOLVED, at(minutes), Payload.empty());
    }

    @Test
    void declarationAloneGivesTitleSeverityInvestigatingAndCommander() {
        IncidentState s = IncidentState.fold(List.of(declared(incident, T0, Severity.SEV2, "alice")));

        assertThat(s.id()).isEqualTo(incident);
        assertThat(s.title()).isEqualTo("Checkout errors");
        assertThat(s.severity()).isEqualTo(Severity.SEV2);
        assertThat(s.status()).isEqualTo(Status.INVESTIGATING);
        assertThat(s.commander()).isEqualTo("alice");
        assertThat(s.declaredAt()).isEqualTo(T0);
        assertThat(s.isOpen()).isTrue();
    }

    @Test
    void severityChangeSetsSeverity() {
        IncidentState s = IncidentState.fold(List.of(
                declared(incident, T0, Severity.SEV3, "alice"),
                event(incident, EventType.SEVERITY_CHANGED, at(5), Payload.of("severity", "SEV1"))));

        assertThat(s.severity()).isEqualTo(Severity.SEV1);
    }

    @Test
    void statusChangeSetsStatus() {
        IncidentState s = IncidentState.fold(
                List.of(declared(incident, T0, Severity.SEV2, "alice"), statusChanged(5, "identified")));

        assertThat(s.status()).isEqualTo(Status.IDENTIFIED);
    }

    @Test
    void commanderRoleAssignmentMakesThatPersonCommander() {
        IncidentState s =
                IncidentState.fold(List.of(declared(incident, T0, Severity.SEV2, "alice"), commandAssigned(5, "bob")));

        assertThat(s.commander()).isEqualTo("bob");
    }

    @Test
    void assignmentOfAnotherRoleLeavesCommanderUnchanged() {
        IncidentState s = IncidentState.fold(List.of(
                declared(incident, T0, Severity.SEV2, "alice"),
                command(5, new CommandEvent.RoleAssigned(Role.SCRIBE, "bob", Optional.empty()))));

        assertThat(s.commander()).isEqualTo("alice");
    }

    @Test
    void acknowledgedCommanderHandoffMakesReceiverCommander() {
        IncidentState s = IncidentState.fold(List.of(
                declared(incident, T0, Severity.SEV2, "alice"),
                commandAssigned(5, "bob"),
                commandOffered(50, "o1", "bob", "carol", Optional.empty()),
                commandAcknowledged(60, "o1", "carol")));

        assertThat(s.commander()).isEqualTo("carol");
    }

    @Test
    void acknowledgementWithoutAKnownOfferDoesNotChangeTheCommander() {
        IncidentState s = IncidentState.fold(
                List.of(declared(incident, T0, Severity.SEV2, "alice"), commandAcknowledged(60, "nope", "carol")));

        assertThat(s.commander()).isEqualTo("alice");
    }

    @Test
    void acknowledgementAfterTheStoredExpiryDoesNotChangeTheCommander() {
        IncidentState s = IncidentState.fold(List.of(
                declared(incident, T0, Severity.SEV2, "alice"),
                commandOffered(10, "o1", "alice", "carol", Optional.of(at(15))),
                commandAcknowledged(20, "o1", "carol")));

        assertThat(s.commander()).isEqualTo("alice");
    }

    @Test
    void elapsedSinceImpactStartCountsFromTheGivenImpactStart() {
        Event declaration = event(
                incident,
                EventType.INCIDENT_DECLARED,
                T0,
                Payload.of(
                        "title",
                        "Checkout errors",
                        "severity",
                        "SEV1",
                        "commander",
                        "alice",
                        "impactStartedAt",
                        T0.minus(Duration.ofMinutes(20))));
        IncidentState s = IncidentState.fold(List.of(declaration));
        clock.advance(Duration.ofMinutes(10));

        assertThat(s.sinceImpactStart(clock.instant())).isEqualTo(Duration.ofMinutes(30));
        assertThat(s.sinceDeclared(clock.instant())).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void elapsedSinceImpactStartCountsFromDeclarationWhenNoImpactStartWasGiven() {
        IncidentState s = IncidentState.fold(List.of(declared(incident, T0, Severity.SEV1, "alice")));
        clock.advance(Duration.ofMinutes(42));

        assertThat(s.impactStartedAt()).isEmpty();
        assertThat(s.sinceImpactStart(clock.instant())).isEqualTo(Duration.ofMinutes(42));
    }

    @Test
    void elapsedStopsCountingAtResolution() {
        IncidentState s = IncidentState.fold(List.of(declared(incident, T0, Severity.SEV1, "alice"), resolved(45)));
        clock.set(at(45));
        Duration atResolution = s.sinceDeclared(clock.instant());
        clock.advance(Duration.ofHours(3));

        assertThat(s.sinceDeclared(clock.instant())).isEqualTo(atResolution).isEqualTo(Duration.ofMinutes(45));
        assertThat(s.sinceImpactStart(clock.instant())).isEqualTo(Duration.ofMinutes(45));
    }

    @Test
    void elapsedIsNeverNegativeWhenTheClockIsBehindTheDeclaration() {
        IncidentState s = IncidentState.fold(List.of(declared(incident, T0, Severity.SEV1, "alice")));
        clock.set(T0.minus(Duration.ofMinutes(1)));

        assertThat(s.sinceDeclared(clock.instant())).isEqualTo(Duration.ZERO);
    }

    @Test
    void resolvedEventSetsStatusResolvedAndMitigatedMilestones() {
        IncidentState s = IncidentState.fold(List.of(declared(incident, T0, Severity.SEV1, "alice"), resolved(45)));

        assertThat(s.status()).isEqualTo(Status.RESOLVED);
        assertThat(s.isOpen()).isFalse();
        assertThat(s.resolvedAt()).contains(at(45));
        assertThat(s.mitigatedAt()).contains(at(45));
    }

    @Test
    void statusChangeToResolvedSetsResolvedAt() {
        IncidentState s = IncidentState.fold(
                List.of(declared(incident, T0, Severity.SEV1, "alice"), statusChanged(30, "resolved")));

        assertThat(s.resolvedAt()).contains(at(30));
    }

    @Test
    void reopeningAfterResolutionClearsResolvedAt() {
        IncidentState s = IncidentState.fold(List.of(
                declared(incident, T0, Severity.SEV1, "alice"), resolved(30), statusChanged(40, "investigating")));

        assertThat(s.status()).isEqualTo(Status.INVESTIGATING);
        assertThat(s.resolvedAt()).isEmpty();
        assertThat(s.isOpen()).isTrue();
    }

    @Test
    void elapsedResumesCountingAfterReopening() {
        IncidentState s = IncidentState.fold(List.of(
                declared(incident, T0, Severity.SEV1, "alice"), resolved(30), statusChanged(40, "investigating")));
        clock.set(at(90));

        assertThat(s.sinceDeclared(clock.instant())).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void backDatedStatusChangeDoesNotOverrideLaterOne() {
        Event monitoring = statusChanged(30, "monitoring");
        Event backDatedIdentified = statusChanged(10, "identified"); // recorded after, happened before

        IncidentState s = IncidentState.fold(
                List.of(declared(incident, T0, Severity.SEV1, "alice"), monitoring, backDatedIdentified));

        assertThat(s.status()).isEqualTo(Status.MONITORING);
    }

    @Test
    void foldGivesTheSameStateWhateverOrderTheEventsCome() {
        List<Event> events = new ArrayList<>(List.of(
                declared(incident, T0, Severity.SEV3, "alice"),
                event(incident, EventType.SEVERITY_CHANGED, at(2), Payload.of("severity", "SEV2")),
                statusChanged(5, "identified"),
                event(incident, EventType.MITIGATED, at(20), Payload.empty()),
                statusChanged(25, "monitoring"),
                commandAssigned(26, "bob"),
                note(incident, at(27), "Error rate back to baseline")));
        IncidentState inOrder = IncidentState.fold(events);

        Collections.shuffle(events, new Random(42));

        assertThat(IncidentState.fold(events)).isEqualTo(inOrder);
    }

    @Test
    void foldWithoutDeclarationThrows() {
        List<Event> events = List.of(note(incident, T0, "orphan"), statusChanged(5, "identified"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IncidentState.fold(events));
        assertThat(e.getMessage()).contains("INCIDENT_DECLARED");
    }

    @Test
    void foldOfNoEventsThrows() {
        assertThrows(IllegalArgumentException.class, () -> IncidentState.fold(List.of()));
    }

    @Test
    void foldRefusesEventsOfTwoIncidents() {
        List<Event> events =
                List.of(declared(incident, T0, Severity.SEV1, "alice"), note(newIncident(), at(1), "elsewhere"));

        assertThrows(IllegalArgumentException.class, () -> IncidentState.fold(events));
    }
}
