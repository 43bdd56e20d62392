package dev.conn.shell;

import java.util.Locale;
import java.util.OptionalInt;

/**
 * Fuzzy matching for the command palette, in the manner of Sublime Text's and VS Code's "Go to
 * anything": every character of the query must appear in the candidate in order (case-insensitive);
 * matches at word starts and in unbroken runs score higher, so "dec" and "di" both rank "Declare
 * incident" first. Pure and fast: one pass over the candidate.
 */
public final class FuzzyMatch {
    private FuzzyMatch() {}

    /**
     * @param query what the user typed; blank matches everything with score 0
     * @param candidate an action's name
     * @return the score (higher is better) or empty if {@code query} is not a subsequence of
     *     {@code candidate}
     */
    public static OptionalInt score(String query, String candidate) {
        String q = query.strip().toLowerCase(Locale.ROOT).replace(" ", "");
        if (q.isEmpty()) {
            return OptionalInt.of(0);
        }
        String c = candidate.toLowerCase(Locale.ROOT);
        int score = 0;
        int qi = 0;
        int run = 0;
        for (int ci = 0; ci < c.length() && qi < q.length(); ci++) {
            if (c.charAt(ci) == q.charAt(qi)) {
                boolean wordStart = ci == 0 || !Character.isLetterOrDigit(c.charAt(ci - 1));
                run++;
                score += 1 + (wordStart ? 8 : 0) + (run > 1 ? 4 * run : 0) + (ci == 0 ? 4 : 0);
                qi++;
            } else {
                run = 0;
            }
        }
        if (qi < q.length()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(score * 100 - c.length()); // shorter names win a tie
    }
}
