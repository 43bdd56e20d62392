package dev.conn.platform.secrets;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pattern-based removal of secret-looking values from text: Authorization headers, {@code
 * token=}/{@code password=}/{@code api_key=} style pairs, credentials and query strings in URLs,
 * webhook URL paths (Slack, Teams, any {@code /hooks/} or {@code webhook} path), well-known token
 * formats (Slack {@code xox?-}, GitHub {@code ghp_}, JWTs) and long random-looking strings. Event
 * and incident ids (UUIDs) are kept. Follows OWASP's logging cheat sheet, "data to exclude"
 * (https://cheatsheetseries.owasp.org/cheatsheets/Logging_Cheat_Sheet.html).
 *
 * <p>Patterns cannot know every secret: {@link KnownSecrets} also removes the values this process
 * resolved.
 */
public final class Redaction {
    /** What a removed value is replaced with. */
    public static final String MASK = "[redacted]";

    private record Rule(Pattern pattern, String replacement) {}

    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static final List<Rule> RULES = List.of(
            new Rule(
                    Pattern.compile("(?i)(authorization|proxy-authorization)(\\s*[:=]\\s*)[^\\r\\n,;]+"),
                    "$1$2" + MASK),
            new Rule(Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=\\-]{8,}"), "$1 " + MASK),
            new Rule(
                    Pattern.compile(
                            "(?i)([\"']?[A-Za-z_\\-]*(?:token|secret|password|passwd|pwd|api[_\\-]?key|apikey|private[_\\-]?key|dd-api-key|dd-application-key)[\"']?\\s*[:=]\\s*[\"']?)[^\\s\"',;&}]+"),
                    "$1" + MASK),
            new Rule(Pattern.compile("(?i)(https?://)[^/\\s:@]+:[^/\\s@]+@"), "$1" + MASK + "@"),
            new Rule(Pattern.compile("(?i)(https?://hooks\\.slack\\.com)/[^\\s\"']*"), "$1/" + MASK),
            new Rule(Pattern.compile("(?i)(https?://[A-Za-z0-9.\\-]*webhook\\.office\\.com)/[^\\s\"']*"), "$1/" + MASK),
            new Rule(
                    Pattern.compile("(?i)(https?://[^\\s/\"']+)(/[^\\s\"']*(?:hook|webhook)[^\\s\"']*)"), "$1/" + MASK),
            new Rule(Pattern.compile("(https?://[^\\s?\"']+)\\?[^\\s\"']+"), "$1?" + MASK),
            new Rule(Pattern.compile("\\bxox[abprs]-[A-Za-z0-9\\-]+"), MASK),
            new Rule(Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{20,}"), MASK),
            new Rule(Pattern.compile("\\beyJ[A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+"), MASK));

    private static final Pattern LONG_RANDOM = Pattern.compile("\\b[A-Za-z0-9_\\-]{32,}\\b");

    private Redaction() {}

    /**
     * @param text any text (may be null)
     * @return the text with secret-looking values replaced by {@link #MASK}
     */
    public static String patterns(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (Rule r : RULES) {
            out = r.pattern().matcher(out).replaceAll(r.replacement());
        }
        Matcher m = LONG_RANDOM.matcher(out);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String word = m.group();
            boolean keep = UUID.matcher(word).matches() || !hasLettersAndDigits(word);
            m.appendReplacement(sb, Matcher.quoteReplacement(keep ? word : MASK));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static boolean hasLettersAndDigits(String s) {
        return s.chars().anyMatch(Character::isDigit) && s.chars().anyMatch(Character::isLetter);
    }
}
