package dev.conn.integrations;

import dev.conn.incident.Severity;
import java.util.Objects;

/**
 * How Conn's SEV levels read in other tools.
 *
 * <p>PagerDuty Events API v2 {@code payload.severity} is one of {@code critical}, {@code error},
 * {@code warning}, {@code info} ("the perceived severity of the status the event is describing",
 * https://developer.pagerduty.com/docs/events-api-v2/trigger-events/). PagerDuty's own incident
 * response guide defines SEV1 as critical and SEV4 as minor with no customer impact
 * (https://response.pagerduty.com/before/severity_levels/), so the levels map in order: SEV1
 * critical, SEV2 error, SEV3 warning, SEV4 info.
 */
public final class SeverityMapping {
    private SeverityMapping() {}

    /**
     * @param severity the incident's severity
     * @return the PagerDuty event severity
     */
    public static String pagerDuty(Severity severity) {
        return switch (Objects.requireNonNull(severity, "severity")) {
            case SEV1 -> "critical";
            case SEV2 -> "error";
            case SEV3 -> "warning";
            case SEV4 -> "info";
        };
    }
}
