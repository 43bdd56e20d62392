package dev.conn.integrations;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a page stands in PagerDuty, read through the REST API's incident list by the page's
 * {@code dedup_key} (PagerDuty calls it the incident key;
 * https://developer.pagerduty.com/api-reference/9d0b4b12e36f9-list-incidents).
 *
 * @param state triggered, acknowledged, resolved, or not found
 * @param acknowledgedBy who acknowledged, if someone did
 * @param acknowledgedAt when (UTC), if known
 * @param incidentUrl the PagerDuty incident's page, if found
 */
public record PageStatus(
        State state, Optional<String> acknowledgedBy, Optional<Instant> acknowledgedAt, Optional<String> incidentUrl) {

    /** PagerDuty's incident states, and "no incident has this key". */
    public enum State {
        /** Paging; nobody has acknowledged yet. */
        TRIGGERED,
        /** Someone acknowledged: they are on it. */
        ACKNOWLEDGED,
        /** Resolved in PagerDuty. */
        RESOLVED,
        /** No incident has this key (not yet created, or grouped under another alert's incident). */
        NOT_FOUND
    }

    /** Normalises null optionals. */
    public PageStatus {
        Objects.requireNonNull(state, "state");
        acknowledgedBy = acknowledgedBy == null ? Optional.empty() : acknowledgedBy;
        acknowledgedAt = acknowledgedAt == null ? Optional.empty() : acknowledgedAt;
        incidentUrl = incidentUrl == null ? Optional.empty() : incidentUrl;
    }

    /** @return no incident found */
    public static PageStatus notFound() {
        return new PageStatus(State.NOT_FOUND, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
