package dev.conn.command.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.FatigueLevel;
import dev.conn.incident.Role;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Fatigue alerts raised from the duty log kept folded, recorded through the fatigue decider. */
class FatigueAlertsViewModelTest {
    private final Screen screen = new Screen();
    private final FatigueAlertsViewModel fatigue = screen.fatigue();
    private final PeopleListViewModel people = screen.list();

    private String add(String name) {
        people.addResponder(name, Optional.empty(), Optional.empty(), screen.errors::add);
        return people.roster().responders().stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow()
                .id();
    }

    /** The alerts about Bob; Ana Ops, the declaring commander, is on duty since T0 too. */
    private java.util.List<FatigueAlertsViewModel.FatigueAlertRow> bobs(FatigueAlertsViewModel vm) {
        return vm.alerts().stream()
                .filter(a -> a.crossing().person().equals("Bob"))
                .toList();
    }

    private long stored(EventType type) {
        return screen.stored().stream().filter(t -> t == type).count();
    }

    @Test
    void ninetyOneMinutesOnDutyRaisesOneBreakAlertAndRecordsIt() {
        add("Bob");

        screen.tick(Duration.ofMinutes(91));
        screen.tick(Duration.ofSeconds(1));

        assertThat(bobs(fatigue)).singleElement().satisfies(a -> {
            assertThat(a.crossing().level()).isEqualTo(FatigueLevel.BREAK_SUGGESTED);
            assertThat(a.text())
                    .isEqualTo("Bob reached the break threshold at 15:30 UTC (continuous duty without a real"
                            + " break): suggest a break.");
            assertThat(a.heldRole()).isEmpty();
        });
        assertThat(stored(EventType.FATIGUE_ALERTED)).isEqualTo(2); // Bob's and Ana's
        assertThat(people.responders().get(1).level()).isEqualTo(FatigueLevel.BREAK_SUGGESTED);
        assertThat(people.responders().get(1).continuousDuty()).isEqualTo("1:31");
    }

    @Test
    void aRoleHolderCrossingAThresholdIsOfferedAHandOffOfTheirRole() {
        String bob = add("Bob");
        people.assignRole(Role.SCRIBE, bob);

        screen.tick(Duration.ofMinutes(91));

        assertThat(bobs(fatigue)).singleElement().satisfies(a -> assertThat(a.heldRole())
                .contains(Role.SCRIBE));
    }

    @Test
    void analertAlreadyRecordedByAnotherConsoleIsNotRaisedAgain() {
        add("Bob");
        screen.tick(Duration.ofMinutes(91));
        assertThat(fatigue.alerts()).hasSize(2);

        FatigueAlertsViewModel second = screen.fatigue(); // a console opened later on the same log
        screen.tick(Duration.ofSeconds(1));

        assertThat(second.alerts()).isEmpty();
        assertThat(stored(EventType.FATIGUE_ALERTED)).isEqualTo(2);
    }

    @Test
    void aDismissedAlertIsGoneAndNotRaisedAgain() {
        add("Bob");
        screen.tick(Duration.ofMinutes(91));

        List.copyOf(fatigue.alerts()).forEach(fatigue::dismiss);
        screen.tick(Duration.ofSeconds(1));

        assertThat(fatigue.alerts()).isEmpty();
    }

    @Test
    void theDeclaringCommanderIsOnTheRosterAndAlertedLikeAnyResponder() {
        screen.tick(Duration.ofMinutes(91));

        assertThat(people.responders()).singleElement().satisfies(r -> {
            assertThat(r.responder().name()).isEqualTo("Ana Ops");
            assertThat(r.roles()).contains("Incident Commander");
            assertThat(r.continuousDuty()).isEqualTo("1:31");
        });
        assertThat(fatigue.alerts()).singleElement().satisfies(a -> assertThat(a.heldRole())
                .contains(Role.INCIDENT_COMMANDER));
    }

    @Test
    void onceResolvedDutyEndsAndNoFatigueAlertIsShownOrRaised() {
        add("Bob");
        screen.tick(Duration.ofMinutes(91));
        assertThat(fatigue.alerts()).hasSize(2);

        screen.incident.changeHeader(
                new dev.conn.incident.HeaderCommand.Resolve(Optional.empty(), Optional.empty()),
                e -> {},
                screen.errors::add,
                screen.errors::add);
        screen.tick(Duration.ofHours(5));

        assertThat(fatigue.alerts()).isEmpty();
        assertThat(stored(EventType.FATIGUE_ALERTED)).isEqualTo(2);
        assertThat(people.responders())
                .allSatisfy(r -> assertThat(r.presence()).isEqualTo("STOOD DOWN"))
                .allSatisfy(r -> assertThat(r.continuousDuty()).isEqualTo("0:00"));
    }

    @Test
    void theAlertIsRecordedAtTheTickThatRaisedIt() {
        add("Bob");

        screen.tick(Duration.ofMinutes(91));

        Event alerted = screen.incident.events().stream()
                .filter(e -> e.type() == EventType.FATIGUE_ALERTED)
                .findFirst()
                .orElseThrow();
        assertThat(alerted.occurredAt()).isEqualTo(Screen.T0.plus(Duration.ofMinutes(91)));
        assertThat(alerted.author()).isEqualTo("Ana Ops");
    }
}
