package dev.conn.command;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The code a hand-off brief carries and the receiver reads back to prove it arrived: a letter and
 * a digit, a hyphen, and a NATO/ICAO spelling-alphabet word, e.g. {@code K7-DELTA} (ICAO Annex 10
 * radiotelephony spelling alphabet). Letters I and O and digits 0 and 1 are left out because they
 * are read as each other; Alfa, Juliett and X-ray are left out because people spell them
 * differently (Alpha, Juliet, Xray) and a correct read-back must never be refused for spelling.
 *
 * @param value the code as shown on the brief, e.g. {@code K7-DELTA}
 */
public record ReadBackCode(String value) {
    private static final String LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";

    /** The words a code ends with, in ICAO order. */
    public static final List<String> WORDS = List.of(
            "BRAVO",
            "CHARLIE",
            "DELTA",
            "ECHO",
            "FOXTROT",
            "GOLF",
            "HOTEL",
            "INDIA",
            "KILO",
            "LIMA",
            "MIKE",
            "NOVEMBER",
            "OSCAR",
            "PAPA",
            "QUEBEC",
            "ROMEO",
            "SIERRA",
            "TANGO",
            "UNIFORM",
            "VICTOR",
            "WHISKEY",
            "YANKEE",
            "ZULU");

    /** @throws NullPointerException if {@code value} is null */
    public ReadBackCode {
        Objects.requireNonNull(value, "value");
    }

    /**
     * Draws a new code.
     *
     * @param random the source of randomness; inject a seeded generator for deterministic tests
     * @return a code such as {@code K7-DELTA}
     */
    public static ReadBackCode generate(RandomGenerator random) {
        char letter = LETTERS.charAt(random.nextInt(LETTERS.length()));
        char digit = DIGITS.charAt(random.nextInt(DIGITS.length()));
        String word = WORDS.get(random.nextInt(WORDS.size()));
        return new ReadBackCode("" + letter + digit + "-" + word);
    }

    /**
     * Checks a read-back. Case, spaces and hyphens do not matter: {@code "k7 delta"} and
     * {@code "K7DELTA"} both match {@code K7-DELTA}; anything else does not.
     *
     * @param spoken what the receiver read back; may be null
     * @return true if it is this code
     */
    public boolean matches(String spoken) {
        String expected = normalize(value);
        return spoken != null && !expected.isEmpty() && expected.equals(normalize(spoken));
    }

    /**
     * Compatibility-normalises (NFKC: full-width letters and digits become plain ones), then drops
     * every kind of space (including no-break spaces) and dash (including U+2212 minus), so a code
     * typed from a phone or pasted from chat still matches.
     */
    private static String normalize(String s) {
        String n = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC);
        return n.replaceAll("[\\s\\p{Z}\\p{Pd}\\u2212]", "").toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
