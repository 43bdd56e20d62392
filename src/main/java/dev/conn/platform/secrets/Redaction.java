package dev.conn.platform.secrets;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one pattern scrubber: removes secret-looking values from text, case-insensitively, for the
 * log, for text stored in the database, and for exports. Follows OWASP's logging cheat sheet,
 * "data to exclude" (https://cheatsheetseries.owasp.org/cheatsheets/Logging_Cheat_Sheet.html).
 *
 * <p>{@link #credentials} removes what has the shape of a credential, anywhere in a text:
 *
 * <ul>
 *   <li>{@code Authorization} / {@code Proxy-Authorization} header values, {@code Bearer} and
 *       {@code Basic} credentials;
 *   <li>{@code token=}, {@code password:}, {@code api_key=}, {@code "secret": "…"} style pairs, and
 *       URL query parameters that carry a signature or key ({@code sig}, {@code signature},
 *       {@code code}, {@code key}, {@code access_token}, {@code X-Amz-Signature}, …);
 *   <li>the user and password in any URL ({@code https://user:pass@host}, {@code smtp://…});
 *   <li>incoming-webhook URLs, whose path is the credential, with or without a scheme: Slack
 *       ({@code hooks.slack.com/…}, https://api.slack.com/messaging/webhooks), Microsoft Teams
 *       ({@code *.webhook.office.com/…}), Discord ({@code discord.com/api/webhooks/…}, {@code
 *       discordapp.com}, https://discord.com/developers/docs/resources/webhook), and the path of
 *       any {@code http(s)} URL containing {@code hook} or {@code webhook};
 *   <li>well-known token formats: Slack {@code xoxb-}/{@code xoxp-}/… and {@code xapp-}, GitHub
 *       {@code ghp_…} and {@code github_pat_…}, JWTs ({@code eyJ….….…}).
 * </ul>
 *
 * <p>{@link #patterns} adds two heuristics for log lines: every URL query string, and long
 * random-looking strings (32+ letters and digits; UUIDs are kept, since they tie a log line to the
 * timeline). Exports use {@link #credentials} only, since a postmortem needs the trace ids, commit
 * hashes and dashboard links those heuristics would remove.
 *
 * <p>Patterns cannot know every secret: {@link KnownSecrets} also removes the values this process
 * resolved. Both are idempotent: scrubbing scrubbed text changes nothing.
 */
public final class Redaction {
    /** What a removed value is replaced with. */
    public static final String MASK = "[redacted]";

    /**
     * A pattern, its replacement, and the lower-case words without which it cannot match: a rule
     * runs only on text holding one of them, so text without anything secret-looking (most of an
     * incident) costs one lower-casing and a few {@code indexOf}s, not a dozen regex scans.
     */
    private record Rule(Pattern pattern, String replacement, List<String> triggers) {
        String apply(String text, String lower) {
            for (String t : triggers) {
                if (lower.contains(t)) {
                    return pattern.matcher(text).replaceAll(replacement);
                }
            }
            return text;
        }
    }

    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** Characters that end a URL in running text, JSON, HTML or a log line. */
    private static final String URL_CHAR = "[^\\s\"'<>`]";

    /** No letter, digit, dot or hyphen before a scheme-less host (so {@code xhooks.slack.com} is no match). */
    private static final String HOST_START = "(?<![\\w.\\-])";

    private static Rule rule(String regex, String replacement, String... triggers) {
        return new Rule(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), replacement, List.of(triggers));
    }

    private static final List<Rule> CREDENTIALS = List.of(
            rule("(authorization|proxy-authorization)(\\s*[:=]\\s*)[^\\r\\n,;]+", "$1$2" + MASK, "authorization"),
            // the credential after Bearer/Basic is random: a digit, a lower-to-upper change or base64
            // punctuation, so "basic troubleshooting" stays
            new Rule(
                    Pattern.compile(
                            "\\b((?i:bearer|basic))\\s+(?=[A-Za-z0-9._~+/=\\-]*(?:\\d|[a-z][A-Z]|[+/=]))[A-Za-z0-9._~+/=\\-]{8,}"),
                    "$1 " + MASK,
                    List.of("bearer", "basic")),
            rule(
                    "(?<![A-Za-z_\\-\"'])([\"']?[A-Za-z_\\-]{0,40}(?:token|secret|password|passwd|pwd|api[_\\-]?key"
                            + "|apikey|private[_\\-]?key|dd-api-key|dd-application-key)[\"']?\\s*[:=]\\s*[\"']?)"
                            + "[^\\s\"',;&}]+",
                    "$1" + MASK,
                    "token",
                    "secret",
                    "pass",
                    "pwd",
                    "key"),
            rule(
                    "([?&](?:sig|signature|code|key|auth|access_token|x-amz-signature|x-amz-credential"
                            + "|x-amz-security-token|x-goog-signature|x-goog-credential)=)[^&\\s\"'<>#]+",
                    "$1" + MASK,
                    "="),
            rule(
                    "\\b([a-z][a-z0-9+.\\-]{0,30}://)[^/\\s:@\"'<>]{1,256}:[^/\\s@\"'<>]{1,256}@",
                    "$1" + MASK + "@",
                    "://"),
            rule(
                    "(" + HOST_START + "(?:https?://)?hooks\\.slack(?:-gov)?\\.com)/" + URL_CHAR + "*",
                    "$1/" + MASK,
                    "hooks.slack"),
            rule(
                    "(" + HOST_START + "(?:https?://)?[a-z0-9.\\-]*\\.webhook\\.office\\.com)/" + URL_CHAR + "*",
                    "$1/" + MASK,
                    "webhook.office"),
            rule(
                    "(" + HOST_START
                            + "(?:https?://)?(?:[a-z0-9\\-]+\\.)?discord(?:app)?\\.com/api(?:/v\\d+)?/webhooks)/"
                            + URL_CHAR + "*",
                    "$1/" + MASK,
                    "discord"),
            rule("(?<![A-Za-z0-9\\-])(?:xox[abeoprs]|xapp)-[A-Za-z0-9\\-]+", MASK, "xox", "xapp-"),
            rule("\\bgh[pousr]_[A-Za-z0-9]{20,}", MASK, "gh"),
            rule("\\bgithub_pat_[A-Za-z0-9_]{20,}", MASK, "github_pat_"),
            new Rule(
                    Pattern.compile("(?<![A-Za-z0-9_\\-])eyJ[A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+"),
                    MASK,
                    List.of("eyj")));

    /**
     * A URL in running text, taken whole (possessive: never backtracks), so the two rules below
     * look into each URL once and a megabyte of URL-like text is scanned in linear time.
     */
    private static final Pattern URL = Pattern.compile("https?://" + URL_CHAR + "++", Pattern.CASE_INSENSITIVE);

    /** Any URL whose path mentions a hook: the path goes ({@code https://host/[redacted]}). */
    private static String hookPath(String url) {
        int slash = url.indexOf('/', url.indexOf("//") + 2);
        if (slash < 0
                || !url.substring(slash).toLowerCase(java.util.Locale.ROOT).contains("hook")) {
            return url;
        }
        return url.substring(0, slash) + "/" + MASK;
    }

    /** Any URL's query string goes ({@code https://host/path?[redacted]}); for logs. */
    private static String queryString(String url) {
        int q = url.indexOf('?');
        return q < 0 || q == url.length() - 1 ? url : url.substring(0, q + 1) + MASK;
    }

    private static String eachUrl(String text, java.util.function.UnaryOperator<String> f) {
        Matcher m = URL.matcher(text);
        StringBuilder sb = null;
        while (m.find()) {
            if (sb == null) {
                sb = new StringBuilder(text.length());
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(f.apply(m.group())));
        }
        if (sb == null) {
            return text;
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Whole runs only: a lookbehind, not a word boundary, so a long hyphenated run is tried once. */
    private static final Pattern LONG_RANDOM =
            Pattern.compile("(?<![A-Za-z0-9_\\-])[A-Za-z0-9_\\-]{32,}(?![A-Za-z0-9_\\-])");

    private Redaction() {}

    /**
     * Removes credential-shaped values (see the class comment): what exports and stored text need.
     *
     * @param text any text (may be null)
     * @return the text with credential-shaped values replaced by {@link #MASK}
     */
    public static String credentials(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        // a replacement only removes text and adds "[redacted]", which holds no trigger: the
        // triggers of the original text are enough
        String lower = text.toLowerCase(Locale.ROOT);
        String out = text;
        for (Rule r : CREDENTIALS) {
            out = r.apply(out, lower);
        }
        return lower.contains("hook") ? eachUrl(out, Redaction::hookPath) : out;
    }

    /**
     * Removes credential-shaped values, every URL query string and long random-looking strings
     * (UUIDs kept): what a log line needs.
     *
     * @param text any text (may be null)
     * @return the text with secret-looking values replaced by {@link #MASK}
     */
    public static String patterns(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = credentials(text);
        if (out.indexOf('?') >= 0) {
            out = eachUrl(out, Redaction::queryString);
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
