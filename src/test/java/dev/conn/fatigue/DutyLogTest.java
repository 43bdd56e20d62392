package dev.conn.fatigue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.FatigueLevel;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DutyLogTest {
    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");

    private final DutyEvents events = new DutyEvents();

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void joiningAndLeavingGiveOneDutySpan() {
        events.joined("bob", at(0)).left("bob", at(60));

        ResponderDuty bob = events.responder("bob");

        assertThat(bob.name()).isEqualTo("Bob");
        assertThat(bob.stints()).containsExactly(TimeSpan.closed(at(0), at(60)));
        assertThat(bob.dutySpans()).containsExactly(TimeSpan.closed(at(0), at(60)));
    }

    @Test
    void theDeclaringCommanderIsOnDutyFromTheDeclaration() {
        events.add(at(0), declared("Alice")).joined("bob", at(5));

        DutyLog log = DutyLog.fold(events.log);

        assertThat(log.responders()).extracting(ResponderDuty::name).containsExactly("Alice", "Bob");
        ResponderDuty alice = log.responders().get(0);
        assertThat(alice.responderId()).isEqualTo(DutyLog.declaredCommanderId(events.log.get(0)));
        assertThat(alice.stints()).containsExactly(TimeSpan.open(at(0)));
    }

    @Test
    void resolvingEndsEveryonesDutyAndReopeningStartsItAgain() {
        events.add(at(0), declared("Alice"))
                .joined("bob", at(5))
                .breakStarted("bob", at(50))
                .add(at(60), new dev.conn.incident.HeaderEvent.Resolved(java.util.Optional.empty()));

        DutyLog resolved = DutyLog.fold(events.log);
        assertThat(resolved.responders().get(0).stints()).containsExactly(TimeSpan.closed(at(0), at(60)));
        ResponderDuty bob = resolved.responder("bob").orElseThrow();
        assertThat(bob.stints()).containsExactly(TimeSpan.closed(at(5), at(60)));
        assertThat(bob.breaks()).containsExactly(TimeSpan.closed(at(50), at(60)));

        events.add(
                at(90),
                new dev.conn.incident.HeaderEvent.StatusChanged(
                        dev.conn.incident.Status.INVESTIGATING, java.util.Optional.empty()));
        DutyLog reopened = DutyLog.fold(events.log);
        assertThat(reopened.responder("bob").orElseThrow().stints())
                .containsExactly(TimeSpan.closed(at(5), at(60)), TimeSpan.open(at(90)));
    }

    private static dev.conn.incident.HeaderEvent.IncidentDeclared declared(String commander) {
        return new dev.conn.incident.HeaderEvent.IncidentDeclared(
                "Checkout errors",
                dev.conn.incident.Severity.SEV1,
                java.util.Optional.empty(),
                java.util.Optional.empty(),
                java.util.Optional.of(commander));
    }

    @Test
    void aResponderStillPresentHasAnOpenDutySpan() {
        events.joined("bob", at(0));

        assertThat(events.responder("bob").dutySpans()).containsExactly(TimeSpan.open(at(0)));
    }

    @Test
    void breaksAreCutOutOfDuty() {
        events.joined("bob", at(0)).onBreak("bob", at(30), at(40)).onBreak("bob", at(70), at(90));

        assertThat(events.responder("bob").dutySpans())
                .containsExactly(
                        TimeSpan.closed(at(0), at(30)), TimeSpan.closed(at(40), at(70)), TimeSpan.open(at(90)));
    }

    @Test
    void eventsInAnyOrderFoldToTheSameLog() {
        events.joined("bob", at(0))
                .joined("ann", "Europe/Berlin", at(5))
                .onBreak("bob", at(30), at(40))
                .left("ann", at(50))
                .alerted("bob", FatigueLevel.BREAK_SUGGESTED, at(90))
                .left("bob", at(100))
                .joined("ann", at(120));
        List<ResponderDuty> inOrder = events.fold().responders();
        List<Event> shuffled = new ArrayList<>(events.log);
        Collections.shuffle(shuffled, new Random(42));

        assertThat(DutyLog.fold(shuffled).responders()).isEqualTo(inOrder);
    }

    @Test
    void rejoiningAfterLeavingReusesTheResponderAndAddsAStint() {
        events.joined("bob", at(0)).left("bob", at(60)).joined("bob", at(120));

        DutyLog log = events.fold();

        assertThat(log.responders()).hasSize(1);
        assertThat(log.responder("bob").orElseThrow().dutySpans())
                .containsExactly(TimeSpan.closed(at(0), at(60)), TimeSpan.open(at(120)));
    }

    @Test
    void leavingDuringABreakEndsTheBreakToo() {
        events.joined("bob", at(0))
                .breakStarted("bob", at(30))
                .left("bob", at(45))
                .joined("bob", at(100));

        ResponderDuty bob = events.responder("bob");

        assertThat(bob.breaks()).containsExactly(TimeSpan.closed(at(30), at(45)));
        assertThat(bob.dutySpans()).containsExactly(TimeSpan.closed(at(0), at(30)), TimeSpan.open(at(100)));
    }

    @Test
    void strayEventsChangeNothing() {
        events.breakStarted("bob", at(-10))
                .left("bob", at(-5))
                .joined("bob", at(0))
                .joined("bob", at(5))
                .breakEnded("bob", at(10))
                .breakStarted("bob", at(20))
                .breakStarted("bob", at(25))
                .breakEnded("bob", at(30))
                .add(EventType.BREAK_STARTED, at(35), "{}")
                .breakEnded("carol", at(40));

        DutyLog log = events.fold();

        assertThat(log.responders()).extracting(ResponderDuty::responderId).containsExactly("bob");
        assertThat(log.responder("bob").orElseThrow().dutySpans())
                .containsExactly(TimeSpan.closed(at(0), at(20)), TimeSpan.open(at(30)));
    }

    @Test
    void aRetractedBreakIsLeftOut() {
        events.joined("bob", at(0)).breakStarted("bob", at(30));
        Event mistaken = events.last();
        events.log.add(events.retraction(mistaken, at(31)));

        assertThat(events.responder("bob").dutySpans()).containsExactly(TimeSpan.open(at(0)));
    }

    @Test
    void theResponderTimeZoneComesFromTheLatestJoinThatGaveAValidOne() {
        events.joined("bob", "Asia/Tokyo", at(0))
                .left("bob", at(10))
                .joined("bob", "Not/AZone", at(20))
                .joined("ann", at(0));

        DutyLog log = events.fold();

        assertThat(log.responder("bob").orElseThrow().timeZone()).contains(ZoneId.of("Asia/Tokyo"));
        assertThat(log.responder("ann").orElseThrow().timeZone()).isEmpty();
        assertThat(log.responder("ann").orElseThrow().zoneOr(ZoneId.of("UTC"))).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    void fatigueAlertsAreKeptPerResponderAndUnknownLevelsSkipped() {
        events.joined("bob", at(0))
                .alerted("bob", FatigueLevel.BREAK_SUGGESTED, at(90))
                .add(
                        EventType.FATIGUE_ALERTED,
                        at(95),
                        "{\"responderId\":\"bob\",\"person\":\"Bob\",\"level\":\"SLEEPY\"}");

        assertThat(events.responder("bob").alerts())
                .containsExactly(new FatigueAlert(at(90), FatigueLevel.BREAK_SUGGESTED));
    }

    @Test
    void eventsOfTwoIncidentsAreRejected() {
        events.joined("bob", at(0));
        events.log.add(DutyEvents.noteElsewhere(at(1)));

        assertThrows(IllegalArgumentException.class, () -> DutyLog.fold(events.log));
    }

    @Test
    void theRecordAsOfAnInstantIgnoresLaterEvents() {
        events.joined("bob", at(0))
                .breakStarted("bob", at(30))
                .breakEnded("bob", at(40))
                .left("bob", at(60));
        ResponderDuty bob = events.responder("bob");

        assertThat(bob.asOf(at(35)).dutySpans()).containsExactly(TimeSpan.closed(at(0), at(30)));
        assertThat(bob.statusAt(at(-1))).isEqualTo(DutyStatus.OFF_DUTY);
        assertThat(bob.statusAt(at(0))).isEqualTo(DutyStatus.ON_DUTY);
        assertThat(bob.statusAt(at(35))).isEqualTo(DutyStatus.ON_BREAK);
        assertThat(bob.statusAt(at(50))).isEqualTo(DutyStatus.ON_DUTY);
        assertThat(bob.statusAt(at(60))).isEqualTo(DutyStatus.OFF_DUTY);
    }

    @Test
    void respondersAreListedInOrderOfFirstJoining() {
        events.joined("carol", at(0)).joined("ann", at(5)).joined("bob", at(10)).joined("carol", at(20));

        assertThat(events.fold().responders())
                .extracting(ResponderDuty::responderId)
                .containsExactly("carol", "ann", "bob");
    }
}
