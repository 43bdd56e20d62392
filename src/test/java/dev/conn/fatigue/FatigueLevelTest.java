package dev.conn.fatigue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.incident.FatigueLevel;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FatigueLevelTest {

    @Test
    void levelsAreOrderedFromRestedToCritical() {
        assertThat(Arrays.stream(FatigueLevel.values()).sorted())
                .containsExactly(
                        FatigueLevel.RESTED,
                        FatigueLevel.BREAK_SUGGESTED,
                        FatigueLevel.HANDOFF_URGED,
                        FatigueLevel.CRITICAL);
        assertThat(FatigueLevel.CRITICAL.isAtLeast(FatigueLevel.HANDOFF_URGED)).isTrue();
        assertThat(FatigueLevel.BREAK_SUGGESTED.isAtLeast(FatigueLevel.HANDOFF_URGED))
                .isFalse();
    }

    @ParameterizedTest(name = "{0} reads \"{1}\"")
    @CsvSource({
        "RESTED, Rested",
        "BREAK_SUGGESTED, Break suggested",
        "HANDOFF_URGED, Hand-off urged",
        "CRITICAL, Critical"
    })
    void eachLevelHasADisplayLabel(FatigueLevel level, String label) {
        assertThat(level.label()).isEqualTo(label);
    }

    @ParameterizedTest(name = "{0} is reached at {1} min with the shipped policy")
    @CsvSource({"BREAK_SUGGESTED, 90", "HANDOFF_URGED, 240", "CRITICAL, 720"})
    void thresholdsComeFromThePolicy(FatigueLevel level, int minutes) {
        assertThat(FatigueThresholds.of(level, DutyEvents.DEFAULTS)).contains(Duration.ofMinutes(minutes));
    }

    @Test
    void restedHasNoThreshold() {
        assertThat(FatigueThresholds.of(FatigueLevel.RESTED, DutyEvents.DEFAULTS))
                .isEmpty();
    }

    @Test
    void levelsParseByNameAndUnknownNamesGiveNothing() {
        assertThat(FatigueLevel.parse("handoff_urged")).contains(FatigueLevel.HANDOFF_URGED);
        assertThat(FatigueLevel.parse("SLEEPY")).isEmpty();
    }
}
