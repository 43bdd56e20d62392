package dev.conn.fatigue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.incident.FatigueLevel;
import dev.conn.settings.Policy;
import dev.conn.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DutyClockTest {
    /** 09:00 UTC: with UTC night hours 23:00-08:00, the next 14 hours are day. */
    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");

    private static final ZoneId UTC = ZoneOffset.UTC;

    private final DutyEvents events = new DutyEvents();
    private final MutableClock clock = new MutableClock(T0);

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    private DutyClock bob() {
        return bob(DutyEvents.DEFAULTS, UTC);
    }

    private DutyClock bob(Policy.Fatigue policy, ZoneId fallback) {
        return new DutyClock(events.responder("bob"), policy, fallback);
    }

    private DutyReading readBob() {
        return bob().read(clock);
    }

    @ParameterizedTest(name = "{0} min of continuous duty is {1}")
    @CsvSource({"0, RESTED", "89, RESTED", "90, BREAK_SUGGESTED", "239, BREAK_SUGGESTED", "240, HANDOFF_URGED"})
    void continuousDutyGivesTheLevel(int minutes, FatigueLevel expected) {
        events.joined("bob", T0);
        clock.advance(Duration.ofMinutes(minutes));

        assertThat(readBob().level()).isEqualTo(expected);
        assertThat(readBob().continuousDuty()).isEqualTo(Duration.ofMinutes(minutes));
    }

    @ParameterizedTest(name = "{1} is reached at exactly {0} min")
    @CsvSource({"90, BREAK_SUGGESTED, RESTED", "240, HANDOFF_URGED, BREAK_SUGGESTED"})
    void aThresholdIsCrossedAtExactlyItsMinuteNotANanosecondBefore(
            int minutes, FatigueLevel reached, FatigueLevel before) {
        events.joined("bob", T0);
        clock.set(at(minutes).minusNanos(1));
        assertThat(readBob().level()).isEqualTo(before);

        clock.advance(Duration.ofNanos(1));

        assertThat(readBob().level()).isEqualTo(reached);
    }

    @ParameterizedTest(name = "a {0}-minute break leaves {1} min of continuous duty")
    @CsvSource({"5, 110", "10, 110", "14, 110", "15, 50", "30, 50"})
    void onlyABreakOfTheMinimumLengthResetsTheContinuousClock(int breakMinutes, int continuousMinutes) {
        events.joined("bob", at(0)).onBreak("bob", at(60), at(60 + breakMinutes));
        clock.set(at(60 + breakMinutes + 50));

        DutyReading r = readBob();

        assertThat(r.continuousDuty()).isEqualTo(Duration.ofMinutes(continuousMinutes));
        assertThat(r.dutyInLast24h()).isEqualTo(Duration.ofMinutes(110));
    }

    @Test
    void aTenMinuteBreakDoesNotResetTheClockButIsNotCountedAsDuty() {
        events.joined("bob", at(0)).onBreak("bob", at(60), at(70));
        clock.set(at(100));

        DutyReading r = readBob();

        assertThat(r.continuousSince()).contains(at(0));
        assertThat(r.continuousDuty()).isEqualTo(Duration.ofMinutes(90));
        assertThat(r.level()).isEqualTo(FatigueLevel.BREAK_SUGGESTED);
    }

    @Test
    void aFifteenMinuteBreakResetsTheClock() {
        events.joined("bob", at(0)).onBreak("bob", at(100), at(115));
        clock.set(at(115));

        DutyReading r = readBob();

        assertThat(r.continuousSince()).contains(at(115));
        assertThat(r.continuousDuty()).isZero();
        assertThat(r.level()).isEqualTo(FatigueLevel.RESTED);
    }

    @Test
    void duringABreakTheClockHoldsUntilTheMinimumHasPassedThenReads0() {
        events.joined("bob", at(0)).breakStarted("bob", at(100));

        clock.set(at(114));
        assertThat(readBob().status()).isEqualTo(DutyStatus.ON_BREAK);
        assertThat(readBob().continuousDuty()).isEqualTo(Duration.ofMinutes(100));
        assertThat(readBob().level()).isEqualTo(FatigueLevel.BREAK_SUGGESTED);

        clock.set(at(115));
        assertThat(readBob().continuousDuty()).isZero();
        assertThat(readBob().continuousSince()).isEmpty();
        assertThat(readBob().level()).isEqualTo(FatigueLevel.RESTED);
    }

    @ParameterizedTest(name = "rejoining after {0} min away leaves {1} min of continuous duty")
    @CsvSource({"2, 80", "15, 40", "60, 40"})
    void leavingAndRejoiningCountsLikeABreak(int awayMinutes, int continuousMinutes) {
        events.joined("bob", at(0)).left("bob", at(40)).joined("bob", at(40 + awayMinutes));
        clock.set(at(40 + awayMinutes + 40));

        assertThat(readBob().continuousDuty()).isEqualTo(Duration.ofMinutes(continuousMinutes));
        assertThat(readBob().dutyInLast24h()).isEqualTo(Duration.ofMinutes(80));
    }

    @Test
    void theTwentyFourHourTotalAddsUpDutyAcrossBreaksAndARejoin() {
        events.joined("bob", at(0)) // 09:00
                .onBreak("bob", at(90), at(105)) // 10:30-10:45, real
                .onBreak("bob", at(180), at(185)) // 12:00-12:05, short
                .left("bob", at(300)) // 14:00
                .joined("bob", at(660)) // 20:00
                .onBreak("bob", at(720), at(750)); // 21:00-21:30, real
        clock.set(at(840)); // 23:00

        DutyReading r = readBob();

        assertThat(r.dutyInLast24h()).isEqualTo(Duration.ofMinutes(90 + 75 + 115 + 60 + 90));
        assertThat(r.weightedDutyInLast24h()).isEqualTo(r.dutyInLast24h());
        assertThat(r.continuousSince()).contains(at(750));
        assertThat(r.continuousDuty()).isEqualTo(Duration.ofMinutes(90));
        assertThat(r.level()).isEqualTo(FatigueLevel.BREAK_SUGGESTED);
    }

    @Test
    void dutyOlderThanTwentyFourHoursFallsOutOfTheTotal() {
        events.joined("bob", at(0)).left("bob", at(240)).joined("bob", at(23 * 60));
        clock.set(at(26 * 60));

        assertThat(readBob().dutyInLast24h()).isEqualTo(Duration.ofHours(2 + 3));
    }

    @ParameterizedTest(name = "{0}: {1} to {2} local is {3} min, {4} min weighted")
    @CsvSource({
        "UTC,              2026-11-21T22:00, 2026-11-22T02:00, 240, 330",
        "Asia/Tokyo,       2026-11-21T22:00, 2026-11-22T02:00, 240, 330",
        "America/New_York, 2026-10-31T22:00, 2026-11-01T02:00, 300, 420",
        "America/New_York, 2026-03-07T22:00, 2026-03-08T04:00, 300, 420",
        "Europe/Berlin,    2026-03-28T22:00, 2026-03-29T09:00, 600, 840",
        "Europe/Berlin,    2026-10-24T22:00, 2026-10-25T09:00, 720, 1020"
    })
    void nightMinutesInTheRespondersOwnZoneCountOneAndAHalf(
            String zone, LocalDateTime from, LocalDateTime to, int plainMinutes, int weightedMinutes) {
        ZoneId z = ZoneId.of(zone);
        events.joined("bob", zone, from.atZone(z).toInstant())
                .left("bob", to.atZone(z).toInstant());
        clock.set(to.atZone(z).toInstant());

        DutyReading r = readBob();

        assertThat(r.zone()).isEqualTo(z);
        assertThat(r.dutyInLast24h()).isEqualTo(Duration.ofMinutes(plainMinutes));
        assertThat(r.weightedDutyInLast24h()).isEqualTo(Duration.ofMinutes(weightedMinutes));
    }

    @Test
    void theSameHoursWeighDifferentlyForRespondersInDifferentZones() {
        Instant from = Instant.parse("2026-11-21T13:00:00Z"); // 22:00 in Tokyo, 13:00 in London
        events.joined("bob", "Asia/Tokyo", from).left("bob", from.plus(Duration.ofHours(4)));
        events.joined("ann", "Europe/London", from).left("ann", from.plus(Duration.ofHours(4)));
        clock.set(from.plus(Duration.ofHours(4)));

        DutyLog log = events.fold();

        assertThat(new DutyClock(log.responder("bob").orElseThrow(), DutyEvents.DEFAULTS, UTC)
                        .weightedDutyInLast24h(clock.instant()))
                .isEqualTo(Duration.ofMinutes(60 + 180 * 3 / 2));
        assertThat(new DutyClock(log.responder("ann").orElseThrow(), DutyEvents.DEFAULTS, UTC)
                        .weightedDutyInLast24h(clock.instant()))
                .isEqualTo(Duration.ofHours(4));
    }

    @Test
    void aResponderWithoutAZoneIsWeighedInTheCallersZone() {
        Instant from = Instant.parse("2026-11-21T13:00:00Z");
        events.joined("bob", from).left("bob", from.plus(Duration.ofHours(4)));
        Instant end = from.plus(Duration.ofHours(4));

        assertThat(bob(DutyEvents.DEFAULTS, ZoneId.of("Asia/Tokyo")).weightedDutyInLast24h(end))
                .isEqualTo(Duration.ofMinutes(330));
        assertThat(bob(DutyEvents.DEFAULTS, UTC).weightedDutyInLast24h(end)).isEqualTo(Duration.ofMinutes(240));
    }

    @Test
    void criticalIsReachedAtTwelveHoursIn24hEvenWithRealBreaks() {
        events.joined("bob", at(-60)); // 08:00 UTC, after night hours
        for (int stint = 0; stint < 5; stint++) { // two hours on, half an hour off
            int end = -60 + stint * 150 + 120;
            events.onBreak("bob", at(end), at(end + 30));
        }
        Instant twelveHours = at(-60 + 5 * 150 + 120); // 22:30 UTC
        clock.set(twelveHours.minusNanos(1));
        assertThat(readBob().level()).isEqualTo(FatigueLevel.BREAK_SUGGESTED);

        clock.set(twelveHours);

        DutyReading r = readBob();
        assertThat(r.weightedDutyInLast24h()).isEqualTo(Duration.ofHours(12));
        assertThat(r.continuousDuty()).isEqualTo(Duration.ofHours(2));
        assertThat(r.level()).isEqualTo(FatigueLevel.CRITICAL);
    }

    @Test
    void nightHoursBringCriticalForward() {
        Instant six = Instant.parse("2026-11-21T18:00:00Z");
        events.joined("bob", six);
        Instant expected = Instant.parse("2026-11-22T03:40:00Z"); // 5 h of day + 4 h 40 at 1.5 = 12 h

        clock.set(expected.minusNanos(1));
        assertThat(readBob().level()).isEqualTo(FatigueLevel.HANDOFF_URGED);
        clock.set(expected);
        assertThat(readBob().level()).isEqualTo(FatigueLevel.CRITICAL);
        assertThat(readBob().weightedDutyInLast24h()).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void nextThresholdAtPredictsEachCrossingToTheInstant() {
        events.joined("bob", Instant.parse("2026-11-21T18:00:00Z"));
        clock.set(Instant.parse("2026-11-21T18:00:00Z"));
        List<UpcomingThreshold> seen = new ArrayList<>();

        Optional<UpcomingThreshold> next = bob().nextThreshold(clock.instant());
        while (next.isPresent()) {
            UpcomingThreshold t = next.get();
            seen.add(t);
            clock.set(t.at().minusNanos(1));
            assertThat(readBob().level()).isLessThan(t.level());
            clock.set(t.at());
            assertThat(readBob().level()).isEqualTo(t.level());
            next = bob().nextThreshold(clock.instant());
        }

        assertThat(seen)
                .containsExactly(
                        new UpcomingThreshold(FatigueLevel.BREAK_SUGGESTED, Instant.parse("2026-11-21T19:30:00Z")),
                        new UpcomingThreshold(FatigueLevel.HANDOFF_URGED, Instant.parse("2026-11-21T22:00:00Z")),
                        new UpcomingThreshold(FatigueLevel.CRITICAL, Instant.parse("2026-11-22T03:40:00Z")));
    }

    @Test
    void nextThresholdAtMovesLaterByTheLengthOfAShortBreak() {
        events.joined("bob", at(0)).onBreak("bob", at(100), at(110));

        assertThat(bob().nextThresholdAt(at(120))).contains(at(250));
        assertThat(bob().nextThreshold(at(120)).orElseThrow().level()).isEqualTo(FatigueLevel.HANDOFF_URGED);
    }

    @Test
    void nextThresholdAtStartsAfreshAfterARealBreak() {
        events.joined("bob", at(0)).onBreak("bob", at(100), at(120));

        assertThat(bob().nextThresholdAt(at(120))).contains(at(210));
    }

    @Test
    void nothingLiesAheadForAResponderOnABreakOrGone() {
        events.joined("bob", at(0)).breakStarted("bob", at(60));
        events.joined("ann", at(0)).left("ann", at(60));
        DutyLog log = events.fold();

        for (ResponderDuty r : log.responders()) {
            assertThat(new DutyClock(r, DutyEvents.DEFAULTS, UTC).nextThresholdAt(at(61)))
                    .isEmpty();
        }
    }

    @Test
    void thresholdsComeFromThePolicy() {
        Policy.Fatigue strict = new Policy.Fatigue(60, 120, 3, 20, LocalTime.of(22, 0), LocalTime.of(6, 0), 2.0);
        events.joined("bob", at(0)).onBreak("bob", at(50), at(65)); // 15 min: short under this policy

        DutyClock c = bob(strict, UTC);

        assertThat(c.level(at(74))).isEqualTo(FatigueLevel.RESTED);
        assertThat(c.level(at(75))).isEqualTo(FatigueLevel.BREAK_SUGGESTED);
        assertThat(c.nextThreshold(at(75))).contains(new UpcomingThreshold(FatigueLevel.HANDOFF_URGED, at(135)));
        assertThat(c.level(at(135))).isEqualTo(FatigueLevel.HANDOFF_URGED);
        assertThat(c.level(at(195))).isEqualTo(FatigueLevel.CRITICAL);
    }

    @Test
    void theStrictPolicyWeighsNightAtItsOwnWeightAndHours() {
        Policy.Fatigue strict = new Policy.Fatigue(60, 120, 3, 20, LocalTime.of(22, 0), LocalTime.of(6, 0), 2.0);
        Instant from = Instant.parse("2026-11-21T21:00:00Z");
        events.joined("bob", from).left("bob", from.plus(Duration.ofHours(2)));

        assertThat(bob(strict, UTC).weightedDutyInLast24h(from.plus(Duration.ofHours(2))))
                .isEqualTo(Duration.ofHours(1 + 2));
    }

    @Test
    void aReadingBeforeJoiningIsRestedAndOffDuty() {
        events.joined("bob", at(10));

        DutyReading r = bob().at(at(0));

        assertThat(r.status()).isEqualTo(DutyStatus.OFF_DUTY);
        assertThat(r.continuousDuty()).isZero();
        assertThat(r.dutyInLast24h()).isZero();
        assertThat(r.level()).isEqualTo(FatigueLevel.RESTED);
        assertThat(r.nextThreshold()).isEmpty();
    }
}
