package dev.conn.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReadBackCodeTest {

    @Test
    void generatedCodesAreALetterADigitAHyphenAndASpellingAlphabetWord() {
        SplittableRandom random = new SplittableRandom(1);

        IntStream.range(0, 500).mapToObj(i -> ReadBackCode.generate(random)).forEach(code -> {
            assertThat(code.value()).matches("[A-HJ-NP-Z][2-9]-[A-Z]+");
            assertThat(ReadBackCode.WORDS).contains(code.value().substring(3));
        });
    }

    @Test
    void sameSeedGivesTheSameCodes() {
        SplittableRandom a = new SplittableRandom(42);
        SplittableRandom b = new SplittableRandom(42);

        for (int i = 0; i < 20; i++) {
            assertThat(ReadBackCode.generate(a)).isEqualTo(ReadBackCode.generate(b));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"K7-DELTA", "k7-delta", "K7 DELTA", "k7delta", " K 7 - D E L T A "})
    void readBackMatchesIgnoringCaseSpacesAndHyphens(String spoken) {
        assertThat(new ReadBackCode("K7-DELTA").matches(spoken)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"K7-ECHO", "K1-DELTA", "7K-DELTA", "K7-DELT", "", "DELTA"})
    void anyOtherReadBackDoesNotMatch(String spoken) {
        assertThat(new ReadBackCode("K7-DELTA").matches(spoken)).isFalse();
    }

    @Test
    void nullReadBackDoesNotMatch() {
        assertThat(new ReadBackCode("K7-DELTA").matches(null)).isFalse();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"K7\u00a0DELTA", "K7\u2212DELTA", "k7\u202fdelta", "\uff2b\uff17-DELTA"})
    void codeTypedWithNoBreakSpacesMinusSignsOrFullWidthCharactersStillMatches(String spoken) {
        assertThat(new ReadBackCode("K7-DELTA").matches(spoken)).isTrue();
    }
}
