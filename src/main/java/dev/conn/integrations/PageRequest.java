package dev.conn.integrations;

import dev.conn.incident.IncidentId;
import dev.conn.incident.Severity;
import dev.conn.platform.secrets.Redaction;
import dev.conn.platform.text.ControlChars;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A page from "Page..." in the People panel: who is paged for which incident, and what they read.
 *
 * @param incidentId the incident
 * @param incidentTitle its title
 * @param severity its severity now (mapped by {@link SeverityMapping#pagerDuty})
 * @param targetId the paged person's or team's id from settings
 * @param targetName their name, for the summary
 * @param message what the incident commander adds ("join the bridge"), if anything
 * @param link a link for the responder (the bridge, the incident channel), if any
 * @param pagedBy who pages (the person at the keyboard)
 * @param at when the page was asked for (UTC): the event's {@code payload.timestamp}
 */
public record PageRequest(
        IncidentId incidentId,
        String incidentTitle,
        Severity severity,
        String targetId,
        String targetName,
        Optional<String> message,
        Optional<String> link,
        String pagedBy,
        Instant at) {

    /** Longest summary PagerDuty keeps, in characters (Events API v2 {@code payload.summary}). */
    public static final int MAX_SUMMARY = 1024;

    /**
     * Checks the fields; the dedup key is checked here, so a bad target id is refused before
     * anything is queued.
     *
     * @throws IllegalArgumentException if the target id cannot be part of a dedup key, or the link
     *     is not an http(s) URL
     * @throws NullPointerException if a required field is null
     */
    public PageRequest {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(at, "at");
        ExternalIds.pageDedupKey(incidentId, targetId);
        incidentTitle = incidentTitle == null ? "" : clean(incidentTitle);
        targetName = targetName == null || targetName.isBlank() ? targetId : clean(targetName);
        message = message == null
                ? Optional.empty()
                : message.map(PageRequest::clean).filter(m -> !m.isEmpty());
        link = link == null ? Optional.empty() : link.map(String::strip).filter(l -> !l.isEmpty());
        link.ifPresent(l -> {
            if (!l.startsWith("https://") && !l.startsWith("http://")) {
                throw new IllegalArgumentException("the page's link must start with https:// or http://");
            }
        });
        pagedBy = pagedBy == null || pagedBy.isBlank() ? "Conn" : clean(pagedBy);
    }

    /** @return the {@code dedup_key}: the same for the same incident and target */
    public String dedupKey() {
        return ExternalIds.pageDedupKey(incidentId, targetId);
    }

    /**
     * @return what the responder reads first, e.g. {@code [SEV1] Checkout failing: join the bridge},
     *     at most {@link #MAX_SUMMARY} characters
     */
    public String summary() {
        String s =
                "[" + severity + "] " + (incidentTitle.isEmpty() ? "Incident " + incidentId.shortForm() : incidentTitle)
                        + message.map(m -> ": " + m).orElse("");
        return s.length() > MAX_SUMMARY ? s.substring(0, MAX_SUMMARY - 3) + "..." : s;
    }

    private static String clean(String s) {
        return Redaction.credentials(ControlChars.oneLine(s)).strip();
    }
}
