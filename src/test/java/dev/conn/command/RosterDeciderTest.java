package dev.conn.command;

import static dev.conn.command.People.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.conn.incident.CommandRefusedException;
import dev.conn.incident.IncidentId;
import dev.conn.incident.Role;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who is in the response and in which role, decided by {@link RosterDecider} through the one writer. */
class RosterDeciderTest {
    private final People p = new People();

    @Test
    void addedResponderIsOnDutyWithHandleAndTimeZone() {
        Responder dan = p.run(
                        new RosterCommand.AddResponder(
                                " Dan ", Optional.of("@dan"), Optional.of(ZoneId.of("Asia/Tokyo"))),
                        "Alice")
                .responder();

        assertThat(dan.name()).isEqualTo("Dan");
        assertThat(dan.presence()).isEqualTo(Presence.ON_DUTY);
        assertThat(p.roster().responder(dan.id()).orElseThrow().timeZone()).contains(ZoneId.of("Asia/Tokyo"));
        assertThat(p.roster().responder(dan.id()).orElseThrow().handle()).contains("@dan");
    }

    @Test
    void addingSomeoneAlreadyInTheResponseIsRefused() {
        assertThatThrownBy(() -> p.join("bob"))
                .isInstanceOf(CommandRefusedException.class)
                .hasMessage("bob is already in the response (on duty)");
    }

    @Test
    void aBlankNameIsRefused() {
        assertThatThrownBy(() -> p.join("  "))
                .isInstanceOf(CommandRefusedException.class)
                .hasMessage("Give the responder's name");
    }

    @Test
    void responderWhoLeftJoinsAgainUnderTheSameId() {
        p.run(new RosterCommand.Leave(p.bob), "Alice");

        assertThat(p.join("Bob")).isEqualTo(p.bob);
        assertThat(p.roster().responder(p.bob).orElseThrow().isOnDuty()).isTrue();
    }

    @Test
    void responderWhoLeftJoinsAgainByTheirId() {
        p.run(new RosterCommand.Leave(p.bob), "Alice");

        Responder bob = p.run(new RosterCommand.Join(p.bob), "Alice").responder();

        assertThat(bob.id()).isEqualTo(p.bob);
        assertThat(bob.isOnDuty()).isTrue();
        assertThrows(CommandRefusedException.class, () -> p.run(new RosterCommand.Join(p.bob), "Alice"));
    }

    @Test
    void leavingTwiceIsRefusedSayingWhen() {
        p.minutes(3);
        p.run(new RosterCommand.Leave(p.bob), "Alice");

        assertThatThrownBy(() -> p.run(new RosterCommand.Leave(p.bob), "Alice"))
                .isInstanceOf(CommandRefusedException.class)
                .hasMessage("Bob already left at 14:03 UTC");
    }

    @Test
    void delegatedRoleIsNotReassignedWithoutAHandoff() {
        p.run(new RosterCommand.AssignRole(Role.SCRIBE, p.carol), "Alice");

        assertThatThrownBy(() -> p.run(new RosterCommand.AssignRole(Role.SCRIBE, p.bob), "Alice"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Carol holds the Scribe role; pass it by a hand-off that Bob acknowledges");
    }

    @Test
    void commandIsNotAssignedDirectlyWhileSomeoneIsInCommand() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> p.run(new RosterCommand.AssignRole(Role.INCIDENT_COMMANDER, p.bob), "Bob"));

        assertThat(e.getMessage()).contains("Alice is in command");
    }

    @Test
    void aRoleWithAPendingOfferIsNotAssigned() {
        p.offer(Role.SCRIBE, p.bob, "Alice");

        assertThatThrownBy(() -> p.run(new RosterCommand.AssignRole(Role.SCRIBE, p.carol), "Alice"))
                .isInstanceOf(CommandRefusedException.class)
                .hasMessage("A hand-off of the Scribe role to Bob is pending until 14:05 UTC; withdraw it first");
    }

    @Test
    void commanderOnBreakWithoutHandoffIsLeaderlessAndSomeoneCanTakeCommandDirectly() {
        p.minutes(30);
        p.run(new RosterCommand.StartBreak(p.alice), "Alice");
        assertThat(p.roster().isLeaderless()).isTrue();
        p.minutes(2);

        p.run(new RosterCommand.AssignRole(Role.INCIDENT_COMMANDER, p.bob), "Bob");

        Roster r = p.roster();
        assertThat(r.isLeaderless()).isFalse();
        assertThat(r.commander().orElseThrow().person()).isEqualTo("Bob");
        assertThat(p.incidents.state(p.incident).commander()).isEqualTo("Bob");
        assertThat(r.leaderlessIntervals()).singleElement().satisfies(gap -> assertThat(gap.length(p.clock.instant()))
                .isEqualTo(Duration.ofMinutes(2)));
    }

    @Test
    void breaksStartAndEndOnlyFromTheRightState() {
        assertThrows(IllegalStateException.class, () -> p.run(new RosterCommand.EndBreak(p.bob), "Bob"));
        p.run(new RosterCommand.StartBreak(p.bob), "Bob");
        assertThatThrownBy(() -> p.run(new RosterCommand.StartBreak(p.bob), "Bob"))
                .isInstanceOf(CommandRefusedException.class)
                .hasMessage("Bob is not on duty (on break since 14:00 UTC)");

        assertThat(p.run(new RosterCommand.EndBreak(p.bob), "Bob").responder().isOnDuty())
                .isTrue();
    }

    @Test
    void nextIcIsDesignatedButNotTheCommanderItself() {
        assertThat(p.run(new RosterCommand.DesignateNextIc(p.bob), "Alice")
                        .nextCommander()
                        .orElseThrow()
                        .person())
                .isEqualTo("Bob");
        assertThrows(IllegalStateException.class, () -> p.run(new RosterCommand.DesignateNextIc(p.alice), "Alice"));
        assertThrows(IllegalStateException.class, () -> p.run(new RosterCommand.DesignateNextIc(p.bob), "Alice"));
    }

    @Test
    void anUnknownResponderIsRefusedByName() {
        assertThatThrownBy(() -> p.run(new RosterCommand.Leave("nobody"), "Alice"))
                .isInstanceOf(CommandRefusedException.class)
                .hasMessage("No responder nobody in this incident");
    }

    @Test
    void anUndeclaredIncidentIsRefused() {
        assertThatThrownBy(() -> p.people.execute(
                        new IncidentId(dev.conn.incident.Event.newId()),
                        new RosterCommand.AddResponder("Dan", Optional.empty(), Optional.empty()),
                        "Alice"))
                .isInstanceOf(CommandRefusedException.class)
                .hasMessage("No such incident; declare it first");
    }

    @Test
    void theResponderJoinedAtTheDecisionsInstant() {
        p.minutes(7);

        Responder dan = p.run(new RosterCommand.AddResponder("Dan", Optional.empty(), Optional.empty()), "Alice")
                .responder();

        assertThat(dan.joinedAt()).isEqualTo(T0.plus(Duration.ofMinutes(7)));
    }
}
