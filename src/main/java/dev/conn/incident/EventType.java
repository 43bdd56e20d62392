package dev.conn.incident;

/**
 * What kind of thing happened. Types are only ever added, never repurposed or removed, because
 * old logs and exported bundles must keep their meaning. Each type documents its payload fields;
 * every instant in a payload is an ISO-8601 string in UTC.
 */
public enum EventType {
    /** {@code title}, {@code severity} (SEV1..SEV4), optional {@code summary}, optional
     * {@code impactStartedAt}, {@code commander} (the incident commander of record). */
    INCIDENT_DECLARED("Declared"),
    /** {@code severity}, optional {@code text} (why). */
    SEVERITY_CHANGED("Severity"),
    /** {@code status} (investigating, identified, monitoring, resolved), optional {@code text}. */
    STATUS_CHANGED("Status"),
    /** {@code text}. */
    NOTE("Note"),
    /** {@code text}. */
    DECISION("Decision"),
    /** {@code text}: a change made to production (rollback, restart, failover, config). */
    ACTION_TAKEN("Action"),
    CHECKLIST_ITEM_DONE("Checklist"),
    CHECKLIST_ITEM_SKIPPED("Checklist"),
    MESSAGE_QUEUED("Message"),
    MESSAGE_SENT("Message"),
    MESSAGE_FAILED("Message"),
    RESPONDER_JOINED("Responder"),
    RESPONDER_LEFT("Responder"),
    BREAK_STARTED("Break"),
    BREAK_ENDED("Break"),
    /** {@code role} (e.g. INCIDENT_COMMANDER), {@code person}. */
    ROLE_ASSIGNED("Role"),
    HANDOFF_OFFERED("Hand-off"),
    /** {@code role}, {@code to}: the receiver who acknowledged and now holds the role. */
    HANDOFF_ACKNOWLEDGED("Hand-off"),
    HANDOFF_DECLINED("Hand-off"),
    HANDOFF_EXPIRED("Hand-off"),
    METRIC_SNAPSHOT("Snapshot"),
    /** optional {@code text}. Sets the mitigated milestone. */
    MITIGATED("Mitigated"),
    /** optional {@code text}. Sets status to resolved and the resolved milestone. */
    RESOLVED("Resolved"),
    ACTION_ITEM_ADDED("Action item"),
    ACTION_ITEM_UPDATED("Action item"),
    POSTMORTEM_FIELD_SET("Postmortem"),
    /** {@code correctedEventId}, {@code text}: the new text of an earlier entry. */
    EVENT_CORRECTED("Correction"),
    /** {@code retractedEventId}, optional {@code reason}: an earlier entry withdrawn. */
    EVENT_RETRACTED("Retraction");

    private final String label;

    EventType(String label) {
        this.label = label;
    }

    /** @return a short human label for the timeline, e.g. "Decision" */
    public String label() {
        return label;
    }

    /** @return true for entries whose text the user typed and may therefore correct */
    public boolean isFreeText() {
        return this == NOTE || this == DECISION || this == ACTION_TAKEN;
    }

    /** @return true for events that only amend another event and are not timeline rows */
    public boolean isAmendment() {
        return this == EVENT_CORRECTED || this == EVENT_RETRACTED;
    }
}
