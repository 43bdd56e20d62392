package dev.conn.incident;

/**
 * Who a communication is for; each has its own "next update due" countdown.
 * After PagerDuty's external communication guidelines
 * (https://response.pagerduty.com/during/external_communication_guidelines/).
 */
public enum Audience {
    /** Responders and leadership: the internal outage notification. */
    RESPONDERS,
    /** The public status page. */
    STATUS_PAGE,
    /** Stakeholders and executives. */
    STAKEHOLDERS,
    /** The state summary kept for the response team (SRE book, incident document). */
    STATE_SUMMARY
}
