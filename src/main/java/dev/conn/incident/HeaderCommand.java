package dev.conn.incident;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What a user can ask of an incident's header; decided by {@link HeaderDecider}. */
public sealed interface HeaderCommand {

    /**
     * Opens an incident.
     *
     * @param title what is broken, in a few words (at most 200 characters)
     * @param severity SEV1..SEV4
     * @param summary what is known so far (may be blank)
     * @param impactStartedAt when users started to be affected, if known (UTC)
     * @param commander the incident commander (the service puts the declarer here when none is named)
     */
    record Declare(String title, Severity severity, String summary, Optional<Instant> impactStartedAt, String commander)
            implements HeaderCommand {
        /** Normalises nulls. */
        public Declare {
            title = title == null ? "" : title;
            Objects.requireNonNull(severity, "severity");
            summary = summary == null ? "" : summary;
            impactStartedAt = impactStartedAt == null ? Optional.empty() : impactStartedAt;
            commander = commander == null ? "" : commander;
        }

        /**
         * @param d what the declare dialog or the CLI collected
         * @return the command
         */
        public static Declare of(Declaration d) {
            return new Declare(d.title(), d.severity(), d.summary(), d.impactStartedAt(), d.commander());
        }
    }

    /**
     * @param severity the new severity
     * @param why optional reason
     * @param at when, if back-dated
     */
    record ChangeSeverity(Severity severity, Optional<String> why, Optional<Instant> at) implements HeaderCommand {}

    /**
     * @param status the new status
     * @param why optional reason
     * @param at when, if back-dated
     */
    record ChangeStatus(Status status, Optional<String> why, Optional<Instant> at) implements HeaderCommand {}

    /**
     * @param why what mitigated it, optional
     * @param at when, if back-dated
     */
    record MarkMitigated(Optional<String> why, Optional<Instant> at) implements HeaderCommand {}

    /**
     * @param why how it ended, optional
     * @param at when, if back-dated
     */
    record Resolve(Optional<String> why, Optional<Instant> at) implements HeaderCommand {}
}
