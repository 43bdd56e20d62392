package dev.conn.shell;

import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Fuzzy matching for the command palette, in the manner of Sublime Text's, VS Code's and fzf's
 * "Go to anything": every character of the query must appear in the candidate in order
 * (case-insensitive, spaces in the query ignored).
 *
 * <p>Of all the ways the query's letters can be placed in the candidate, the best one is scored (a
 * dynamic program over query prefix × candidate prefix, trying every start of every run of
 * consecutive letters, as fzf's "v2" algorithm and VS Code's {@code fuzzyScore} do), not the first
 * letters found: "hand" in "Withdraw hand-off offer" is scored as the word "hand", not as the h and a
 * of "withdraw". Each letter earns 1, 8 more at a word start, 4 more at the very start, and 4 × its
 * place in a run of consecutive letters from the second on.
 *
 * <p>Matches come in two tiers, and every match of the first outranks every match of the second:
 *
 * <ol>
 *   <li>clean: the whole query is one substring of the candidate, or every run of consecutive
 *       letters begins at a word start ("decl inc" and "di" for "Declare incident", "hand" for
 *       "Withdraw hand-off offer");
 *   <li>scattered: some run begins inside a word ("hand" as the h of "Help" and the "and" inside
 *       "Command palette").
 * </ol>
 *
 * <p>Pure; O(query × candidate × longest run) per candidate, microseconds for menu names.
 */
public final class FuzzyMatch {
    private FuzzyMatch() {}

    /** Added to the score of a clean match: above any scattered match's score. */
    static final int CLEAN = 1 << 30;

    private static final int NONE = Integer.MIN_VALUE;

    /**
     * @param query what the user typed; blank matches everything with score 0
     * @param candidate an action's name
     * @return the score (higher is better: clean matches first, then by the best placement's
     *     points, then shorter names) or empty if {@code query} is not a subsequence of {@code
     *     candidate}
     */
    public static OptionalInt score(String query, String candidate) {
        String q = query.strip().toLowerCase(Locale.ROOT).replace(" ", "");
        if (q.isEmpty()) {
            return OptionalInt.of(0);
        }
        String c = candidate.toLowerCase(Locale.ROOT);
        int clean = best(q, c, true);
        if (clean != NONE) {
            return OptionalInt.of(CLEAN + clean * 100 - c.length()); // shorter names win a tie
        }
        int any = best(q, c, false);
        return any == NONE ? OptionalInt.empty() : OptionalInt.of(any * 100 - c.length());
    }

    /**
     * @param q the query, lower case, no spaces, not empty
     * @param c the candidate, lower case
     * @param clean true to allow only runs that begin at a word start or cover the whole query
     * @return the points of the best placement of {@code q} in {@code c}, or {@link #NONE}
     */
    private static int best(String q, String c, boolean clean) {
        int m = q.length();
        int n = c.length();
        if (m > n) {
            return NONE;
        }
        // letter points without the run bonus, summed: base[j] = points of c[0, j)
        int[] base = new int[n + 1];
        for (int p = 0; p < n; p++) {
            base[p + 1] = base[p] + 1 + (wordStart(c, p) ? 8 : 0) + (p == 0 ? 4 : 0);
        }
        // at[i][j]: the best points of q[0, i) placed inside c[0, j), NONE when it does not fit
        int[][] at = new int[m + 1][n + 1];
        for (int i = 1; i <= m; i++) {
            Arrays.fill(at[i], NONE);
        }
        for (int i = 1; i <= m; i++) {
            for (int j = i; j <= n; j++) {
                int b = at[i][j - 1];
                // q[i - len, i) as one run ending at c[j - 1], for every run length that matches
                for (int len = 1; len <= i && q.charAt(i - len) == c.charAt(j - len); len++) {
                    int start = j - len;
                    int before = at[i - len][start];
                    if (before == NONE || (clean && len < m && !wordStart(c, start))) {
                        continue;
                    }
                    // 4 × k for the k-th letter of the run, k = 2..len
                    int points = base[j] - base[start] + 2 * len * (len + 1) - 4;
                    b = Math.max(b, before + points);
                }
                at[i][j] = b;
            }
        }
        return at[m][n];
    }

    private static boolean wordStart(String c, int p) {
        return p == 0 || !Character.isLetterOrDigit(c.charAt(p - 1));
    }
}
