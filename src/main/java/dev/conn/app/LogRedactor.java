package dev.conn.app;

/**
 * Removes secret-looking values from a log line before it reaches the log file: Authorization
 * headers, {@code token=}/{@code password=}/{@code api_key=} style pairs, credentials and query
 * strings in URLs, webhook URL paths (Slack, Teams, any {@code /hooks/} or {@code webhook} path),
 * well-known token formats (Slack {@code xox?-}, GitHub {@code ghp_}, JWTs) and long random-looking
 * strings. Event and incident ids (UUIDs) are kept: they are how a log line is tied to the
 * timeline. Follows OWASP's logging cheat sheet, "data to exclude"
 * (https://cheatsheetseries.owasp.org/cheatsheets/Logging_Cheat_Sheet.html).
 */
public final class LogRedactor {
    /** What a removed value is replaced with. */
    public static final String MASK = dev.conn.platform.secrets.Redaction.MASK;

    private LogRedactor() {}

    /**
     * @param line a formatted log line (may be null)
     * @return the line with secret-looking values replaced by {@link #MASK}
     */
    public static String redact(String line) {
        return dev.conn.platform.secrets.Redaction.patterns(line);
    }
}
