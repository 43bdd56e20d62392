package dev.conn.fatigue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.incident.CommandEvent;
import dev.conn.incident.EventCodec;
import dev.conn.incident.EventType;
import dev.conn.incident.FatigueLevel;
import dev.conn.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FatigueMonitorTest {
    /** 09:00 UTC: with UTC night hours 23:00-08:00, the next 14 hours are day. */
    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");

    private final DutyEvents events = new DutyEvents();
    private final MutableClock clock = new MutableClock(T0);
    private final FatigueMonitor monitor = new FatigueMonitor(DutyEvents.DEFAULTS, ZoneOffset.UTC);
    private final List<FatigueCrossing> alerted = new ArrayList<>();

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    /**
     * Checks once a minute until {@code end}, as the console's ticker would, recording a
     * {@code FATIGUE_ALERTED} event for every crossing returned.
     */
    private void checkEveryMinuteUntil(Instant end) {
        while (!clock.instant().isAfter(end)) {
            for (FatigueCrossing c : monitor.crossings(events.fold(), clock)) {
                alerted.add(c);
                events.add(clock.instant(), c.event());
            }
            clock.advance(Duration.ofMinutes(1));
        }
    }

    private static FatigueCrossing crossing(String id, FatigueLevel level, Instant at) {
        return new FatigueCrossing(id, DutyEvents.nameOf(id), level, at);
    }

    @Test
    void eachThresholdIsAlertedOnceAtTheMinuteItIsCrossed() {
        events.joined("bob", at(0));

        checkEveryMinuteUntil(at(14 * 60));

        assertThat(alerted)
                .containsExactly(
                        crossing("bob", FatigueLevel.BREAK_SUGGESTED, at(90)),
                        crossing("bob", FatigueLevel.HANDOFF_URGED, at(240)),
                        crossing("bob", FatigueLevel.CRITICAL, at(12 * 60)));
        assertThat(events.log)
                .filteredOn(e -> e.type() == EventType.FATIGUE_ALERTED)
                .extracting(e -> e.occurredAt())
                .containsExactly(at(90), at(240), at(12 * 60));
    }

    @Test
    void aRealBreakReArmsTheBreakPrompt() {
        events.joined("bob", at(0));
        checkEveryMinuteUntil(at(100));
        events.onBreak("bob", at(100), at(115));

        checkEveryMinuteUntil(at(115 + 100));

        assertThat(alerted)
                .containsExactly(
                        crossing("bob", FatigueLevel.BREAK_SUGGESTED, at(90)),
                        crossing("bob", FatigueLevel.BREAK_SUGGESTED, at(115 + 90)));
    }

    @Test
    void aShortBreakReArmsNothingAndDelaysTheHandOffPrompt() {
        events.joined("bob", at(0));
        checkEveryMinuteUntil(at(100));
        events.onBreak("bob", at(100), at(110));

        checkEveryMinuteUntil(at(300));

        assertThat(alerted)
                .containsExactly(
                        crossing("bob", FatigueLevel.BREAK_SUGGESTED, at(90)),
                        crossing("bob", FatigueLevel.HANDOFF_URGED, at(250)));
    }

    @Test
    void levelsAlreadyRecordedByFatigueAlertedEventsAreNotAlertedAgain() {
        events.joined("bob", at(0)).alerted("bob", FatigueLevel.BREAK_SUGGESTED, at(91));
        clock.set(at(100));

        assertThat(monitor.alreadyAlerted(events.fold(), clock.instant()))
                .containsExactly(new AlertKey("bob", FatigueLevel.BREAK_SUGGESTED));
        assertThat(monitor.crossings(events.fold(), clock)).isEmpty();
    }

    @Test
    void anAlertRecordedBeforeARealBreakNoLongerCounts() {
        events.joined("bob", at(0))
                .alerted("bob", FatigueLevel.BREAK_SUGGESTED, at(91))
                .onBreak("bob", at(95), at(120));
        clock.set(at(120 + 90));

        assertThat(monitor.alreadyAlerted(events.fold(), clock.instant())).isEmpty();
        assertThat(monitor.crossings(events.fold(), clock))
                .containsExactly(crossing("bob", FatigueLevel.BREAK_SUGGESTED, at(210)));
    }

    @Test
    void aLateCheckRaisesOnlyTheHighestContinuousLevel() {
        events.joined("bob", at(0));
        clock.set(at(250));

        assertThat(monitor.crossings(events.fold(), clock))
                .containsExactly(crossing("bob", FatigueLevel.HANDOFF_URGED, at(240)));
    }

    @Test
    void aHandOffAlertAlsoCoversTheBreakPrompt() {
        events.joined("bob", at(0)).alerted("bob", FatigueLevel.HANDOFF_URGED, at(250));
        clock.set(at(260));

        assertThat(monitor.crossings(events.fold(), clock)).isEmpty();
    }

    @Test
    void criticalReArmsOnlyAfterTheWeightedTotalDropsBelowTheThreshold() {
        Instant day1 = Instant.parse("2026-11-21T08:00:00Z");
        Instant day2 = day1.plus(Duration.ofDays(1));
        clock.set(day1);
        events.joined("bob", day1);
        checkEveryMinuteUntil(day1.plus(Duration.ofHours(12)));
        events.left("bob", day1.plus(Duration.ofHours(12))) // 20:00: 12 h in 24 h
                .joined("bob", day1.plus(Duration.ofHours(13))) // 21:00: still 12 h in 24 h
                .left("bob", day1.plus(Duration.ofMinutes(13 * 60 + 30)));
        checkEveryMinuteUntil(day1.plus(Duration.ofHours(14)));
        events.joined("bob", day2.plus(Duration.ofHours(1))); // 09:00: 11.5 h in 24 h, re-armed

        clock.set(day2.plus(Duration.ofHours(1)));
        checkEveryMinuteUntil(day2.plus(Duration.ofHours(14)));

        assertThat(alerted)
                .filteredOn(c -> c.level() == FatigueLevel.CRITICAL)
                .extracting(FatigueCrossing::reachedAt)
                .containsExactly(day1.plus(Duration.ofHours(12)), day2.plus(Duration.ofMinutes(12 * 60 + 30)));
    }

    @Test
    void aCriticalAlertStillCountsWhileTheTotalStaysAtTheThreshold() {
        Instant day1 = Instant.parse("2026-11-21T08:00:00Z");
        events.joined("bob", day1)
                .left("bob", day1.plus(Duration.ofHours(12)))
                .alerted("bob", FatigueLevel.CRITICAL, day1.plus(Duration.ofHours(12)))
                .joined("bob", day1.plus(Duration.ofHours(13)));
        clock.set(day1.plus(Duration.ofHours(13)));

        assertThat(monitor.alreadyAlerted(events.fold(), clock.instant()))
                .containsExactly(new AlertKey("bob", FatigueLevel.CRITICAL));
        assertThat(monitor.crossings(events.fold(), clock)).isEmpty();
    }

    @Test
    void aResponderOnABreakOrGoneIsNotAlerted() {
        events.joined("bob", at(0)).breakStarted("bob", at(100));
        events.joined("ann", at(0)).left("ann", at(100));
        clock.set(at(105));

        assertThat(monitor.crossings(events.fold(), clock)).isEmpty();
    }

    @Test
    void respondersAreAlertedIndependently() {
        events.joined("bob", at(0)).joined("ann", at(30));

        checkEveryMinuteUntil(at(130));

        assertThat(alerted)
                .containsExactly(
                        crossing("bob", FatigueLevel.BREAK_SUGGESTED, at(90)),
                        crossing("ann", FatigueLevel.BREAK_SUGGESTED, at(120)));
    }

    @Test
    void theCrossingEventNamesResponderPersonAndLevel() {
        FatigueCrossing c = crossing("bob", FatigueLevel.HANDOFF_URGED, at(240));

        assertThat(c.event()).isEqualTo(new CommandEvent.FatigueAlerted("bob", "Bob", FatigueLevel.HANDOFF_URGED));
        assertThat(EventCodec.encode(c.event()))
                .isEqualTo("{\"responderId\":\"bob\",\"person\":\"Bob\",\"level\":\"HANDOFF_URGED\"}");
    }

    @Test
    void theNextCheckIsTheEarliestThresholdAmongRespondersOnDuty() {
        events.joined("bob", at(0))
                .joined("ann", at(30))
                .joined("carol", at(-60))
                .left("carol", at(10));

        assertThat(monitor.nextThreshold(events.fold(), at(20)))
                .contains(new UpcomingThreshold(FatigueLevel.BREAK_SUGGESTED, at(90)));
    }

    @Test
    void checkingAtEachPredictedInstantFindsEachCrossing() {
        events.joined("bob", at(0)).onBreak("bob", at(60), at(70));
        clock.set(at(70));

        for (int i = 0; i < 3; i++) {
            UpcomingThreshold next =
                    monitor.nextThreshold(events.fold(), clock.instant()).orElseThrow();
            clock.set(next.at());
            List<FatigueCrossing> found = monitor.crossings(events.fold(), clock);
            assertThat(found).containsExactly(crossing("bob", next.level(), next.at()));
            events.alerted("bob", next.level(), clock.instant());
        }

        assertThat(events.fold().responder("bob").orElseThrow().alerts())
                .extracting(FatigueAlert::level)
                .containsExactly(FatigueLevel.BREAK_SUGGESTED, FatigueLevel.HANDOFF_URGED, FatigueLevel.CRITICAL);
    }
}
