package dev.conn.incident;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies one incident. A UUID v7 (time-ordered, RFC 9562 section 5.7) minted when the incident
 * is declared.
 *
 * @param value the UUID
 */
public record IncidentId(UUID value) {
    /** @throws NullPointerException if {@code value} is null */
    public IncidentId {
        Objects.requireNonNull(value, "value");
    }

    /**
     * Parses the canonical 36-character form. Short prefixes typed by a user are resolved by
     * {@code IncidentService#resolveIncidentId}.
     *
     * @param text a UUID such as {@code 019a4c2e-...}
     * @return the id
     * @throws IllegalArgumentException if {@code text} is not a UUID
     */
    public static IncidentId parse(String text) {
        return new IncidentId(UUID.fromString(text.trim()));
    }

    /**
     * The last 8 hex digits: random bits of the UUID v7, so incidents declared in the same minute
     * still differ (the leading digits are a timestamp that changes only every 65 s).
     *
     * @return 8 lower-case hex digits, enough to tell incidents apart on screen and in the CLI
     */
    public String shortForm() {
        String s = value.toString();
        return s.substring(s.length() - 8);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
