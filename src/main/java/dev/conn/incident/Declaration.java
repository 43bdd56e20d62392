package dev.conn.incident;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the declarer says when opening an incident.
 *
 * @param title short title, 1 to 200 characters after trimming
 * @param severity initial severity
 * @param summary optional description, may be empty
 * @param impactStartedAt when customer impact began (UTC), if known; not after the declaration
 * @param commander the incident commander of record (the person at the keyboard)
 */
public record Declaration(
        String title, Severity severity, String summary, Optional<Instant> impactStartedAt, String commander) {
    /** @throws NullPointerException if a field is null */
    public Declaration {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(impactStartedAt, "impactStartedAt");
        Objects.requireNonNull(commander, "commander");
    }
}
