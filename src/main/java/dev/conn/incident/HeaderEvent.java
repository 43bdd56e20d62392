package dev.conn.incident;

import static dev.conn.incident.EventBody.opt;
import static dev.conn.incident.EventBody.required;

import java.time.Instant;
import java.util.Optional;

/** Events that change an incident's header: declaration, severity, status, mitigation, resolution. */
public sealed interface HeaderEvent extends EventBody {

    /**
     * An incident is opened.
     *
     * @param title what is broken, in a few words
     * @param severity SEV1..SEV4
     * @param summary what is known so far
     * @param impactStartedAt when users started to be affected (UTC), if known
     * @param commander the incident commander of record (absent in logs of early versions)
     */
    record IncidentDeclared(
            String title,
            Severity severity,
            Optional<String> summary,
            Optional<Instant> impactStartedAt,
            Optional<String> commander)
            implements HeaderEvent {
        /** @throws IllegalArgumentException naming a missing required field */
        public IncidentDeclared {
            required(title, "title");
            required(severity, "severity");
            summary = opt(summary);
            impactStartedAt = opt(impactStartedAt);
            commander = opt(commander);
        }

        @Override
        public EventType type() {
            return EventType.INCIDENT_DECLARED;
        }
    }

    /**
     * @param severity the new severity
     * @param text why, if given
     */
    record SeverityChanged(Severity severity, Optional<String> text) implements HeaderEvent {
        /** @throws IllegalArgumentException naming a missing required field */
        public SeverityChanged {
            required(severity, "severity");
            text = opt(text);
        }

        @Override
        public EventType type() {
            return EventType.SEVERITY_CHANGED;
        }
    }

    /**
     * @param status the new status
     * @param text why, if given
     */
    record StatusChanged(Status status, Optional<String> text) implements HeaderEvent {
        /** @throws IllegalArgumentException naming a missing required field */
        public StatusChanged {
            required(status, "status");
            text = opt(text);
        }

        @Override
        public EventType type() {
            return EventType.STATUS_CHANGED;
        }
    }

    /** @param text what mitigated it, if given; sets the mitigated milestone */
    record Mitigated(Optional<String> text) implements HeaderEvent {
        /** Normalises a null optional. */
        public Mitigated {
            text = opt(text);
        }

        @Override
        public EventType type() {
            return EventType.MITIGATED;
        }
    }

    /** @param text how it ended, if given; sets status to resolved and the resolved milestone */
    record Resolved(Optional<String> text) implements HeaderEvent {
        /** Normalises a null optional. */
        public Resolved {
            text = opt(text);
        }

        @Override
        public EventType type() {
            return EventType.RESOLVED;
        }
    }
}
