package dev.conn.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeFormatTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void timeOfTodayShowsWithoutDate() {
        Instant t = Instant.parse("2026-11-21T19:32:05Z"); // 14:32:05 in New York

        assertThat(TimeFormat.seconds(t, NEW_YORK, LocalDate.of(2026, 11, 21))).isEqualTo("14:32:05");
    }

    @Test
    void timeOfYesterdayShowsWithItsDate() {
        Instant t = Instant.parse("2026-11-21T04:50:12Z"); // still the 20th in New York

        assertThat(TimeFormat.seconds(t, NEW_YORK, LocalDate.of(2026, 11, 21))).isEqualTo("2026-11-20 23:50:12");
    }

    @Test
    void minutesOfYesterdayShowWithTheirDate() {
        Instant t = Instant.parse("2026-11-21T04:50:12Z");

        assertThat(TimeFormat.minutes(t, NEW_YORK, LocalDate.of(2026, 11, 21))).isEqualTo("2026-11-20 23:50");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Z", "UTC", "Etc/UTC"})
    void utcTimesCarryZ(String zone) {
        Instant t = Instant.parse("2026-11-21T14:32:05Z");

        assertThat(TimeFormat.seconds(t, ZoneId.of(zone), LocalDate.of(2026, 11, 21)))
                .isEqualTo("14:32:05Z");
    }

    @Test
    void elapsedReadsAsHoursMinutesSecondsAndDaysFromADayOn() {
        assertThat(TimeFormat.elapsed(java.time.Duration.ofSeconds(4025))).isEqualTo("1:07:05");
        assertThat(TimeFormat.elapsed(java.time.Duration.ofHours(51).plusMinutes(15)))
                .isEqualTo("2d 03:15:00");
        assertThat(TimeFormat.elapsed(java.time.Duration.ofSeconds(-5))).isEqualTo("0:00:00");
    }

    @Test
    void utcClockAndAlertTimesSayUtc() {
        Instant t = Instant.parse("2026-11-21T14:32:05Z");

        assertThat(TimeFormat.utcSeconds(t)).isEqualTo("14:32:05 UTC");
        assertThat(TimeFormat.utcMinutes(t)).isEqualTo("14:32 UTC");
        assertThat(TimeFormat.utcDateMinutes(t)).isEqualTo("2026-11-21 14:32Z");
        assertThat(TimeFormat.dateTime(t, NEW_YORK)).isEqualTo("2026-11-21 09:32:05");
    }

    @Test
    void localTimesCarryNoZ() {
        Instant t = Instant.parse("2026-11-21T19:32:05Z");

        assertThat(TimeFormat.seconds(t, NEW_YORK, LocalDate.of(2026, 11, 21))).doesNotEndWith("Z");
    }
}
