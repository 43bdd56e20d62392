package dev.conn.command;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What the People panel asks of PagerDuty (issue 16 §2), decided by {@link PageDecider}. */
public sealed interface PageCommand {

    /**
     * Page a service or team: a PagerDuty Events API v2 {@code trigger}.
     *
     * @param targetId the target's id from {@code integrations.pagerDuty.targets}
     * @param targetName its display name
     * @param message what the pager says besides the incident's title, if anything
     * @param link a link sent with the page (the bridge, the dashboard), if any
     */
    record Page(String targetId, String targetName, Optional<String> message, Optional<String> link)
            implements PageCommand {
        /** @throws NullPointerException if the target is null */
        public Page {
            Objects.requireNonNull(targetId, "targetId");
            targetName = targetName == null || targetName.isBlank() ? targetId : targetName;
            message = message == null
                    ? Optional.empty()
                    : message.map(String::strip).filter(m -> !m.isEmpty());
            link = link == null ? Optional.empty() : link.map(String::strip).filter(l -> !l.isEmpty());
        }
    }

    /**
     * Resolve the page of one target: a PagerDuty {@code resolve} with its {@code dedup_key}.
     *
     * @param targetId the target
     */
    record ResolvePage(String targetId) implements PageCommand {}

    /** Resolve every page still open (when the incident resolves). */
    record ResolveAllPages() implements PageCommand {}

    /**
     * Record that PagerDuty shows the page acknowledged (read with the REST API key).
     *
     * @param targetId the target
     * @param by who acknowledged, if PagerDuty said
     * @param at when (UTC), if PagerDuty said
     */
    record RecordAcknowledgement(String targetId, Optional<String> by, Optional<Instant> at) implements PageCommand {}
}
