package dev.conn.app;

import dev.conn.platform.secrets.KnownSecrets;
import dev.conn.platform.secrets.Redaction;

/**
 * Removes secrets from a log line before it reaches the log file or the console: every value the
 * process resolved ({@link KnownSecrets}), then every secret-looking pattern ({@link
 * Redaction#patterns}: Authorization headers, {@code token=}/{@code password=}/{@code api_key=}
 * style pairs, credentials and query strings in URLs, webhook URLs of Slack, Teams, Discord and
 * any {@code /hooks/} path with or without a scheme, Slack, GitHub and JWT tokens, and long
 * random-looking strings), case-insensitively. Event and incident ids (UUIDs) are kept: they are
 * how a log line is tied to the timeline. Follows OWASP's logging cheat sheet, "data to exclude"
 * (https://cheatsheetseries.owasp.org/cheatsheets/Logging_Cheat_Sheet.html).
 */
public final class LogRedactor {
    /** What a removed value is replaced with. */
    public static final String MASK = Redaction.MASK;

    private LogRedactor() {}

    /**
     * @param line a formatted log line (may be null)
     * @return the line with secret-looking values replaced by {@link #MASK}
     */
    public static String redact(String line) {
        return Redaction.patterns(line);
    }

    /**
     * @param line a formatted log line (may be null)
     * @param known the process's resolved secret values
     * @return the line without those values and without secret-looking values
     */
    public static String redact(String line, KnownSecrets known) {
        return known.scrub(line);
    }
}
