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
    /** {@code itemId} (a {@code policy.json} checklist id), {@code title}: the user ticked it. */
    CHECKLIST_ITEM_DONE("Checklist"),
    /** {@code itemId}, {@code title}, {@code reason}: the user decided it does not apply. */
    CHECKLIST_ITEM_SKIPPED("Checklist"),
    /**
     * {@code messageId} (UUID), {@code audience} (a {@code settings.Audience} name),
     * {@code channels} (comma-separated channel ids), {@code subject}, {@code body}, optional
     * {@code nextUpdateAt} (UTC instant promised in the message), optional {@code checklistItemId}:
     * a message handed to the outbox, in the same transaction as its outbox rows.
     */
    MESSAGE_QUEUED("Message"),
    /**
     * {@code messageId}, {@code channel}, {@code sentAt} (UTC instant the request left Conn),
     * optional {@code externalId} (e.g. the Statuspage incident id), optional {@code markedByUser}
     * (true when the user confirmed a delivery Conn could not know about).
     */
    MESSAGE_SENT("Message"),
    /** {@code messageId}, {@code channel}, {@code reason}: delivery failed for good. */
    MESSAGE_FAILED("Message"),
    /**
     * {@code responderId} (stable id, e.g. a UUID, minted when first added), {@code name},
     * optional {@code handle} (chat or phone), optional {@code timeZone} (IANA id). Joining again
     * after leaving reuses the id.
     */
    RESPONDER_JOINED("Responder"),
    /** {@code responderId}, optional {@code person} (display name, for the timeline). */
    RESPONDER_LEFT("Responder"),
    /** {@code responderId}, optional {@code person}. */
    BREAK_STARTED("Break"),
    /** {@code responderId}, optional {@code person}. */
    BREAK_ENDED("Break"),
    /**
     * {@code role} (a {@code command.Role} name, e.g. INCIDENT_COMMANDER), {@code person} (display
     * name), optional {@code responderId}. A direct assignment with no hand-off (first holder, or
     * the IC delegating a role it holds by default).
     */
    ROLE_ASSIGNED("Role"),
    /**
     * {@code offerId}, {@code role}, {@code from} and optional {@code fromId} (the holder),
     * {@code to} and {@code toId} (the receiver), {@code readBackCode} (e.g. K7-DELTA), optional
     * {@code brief} (the hand-off brief as sent or read aloud).
     */
    HANDOFF_OFFERED("Hand-off"),
    /**
     * {@code offerId}, {@code role}, {@code to} (display name), optional {@code toId},
     * {@code method} (READ_BACK, IN_PERSON or VOICE_WITHOUT_CODE): the receiver acknowledged and
     * now holds the role.
     */
    HANDOFF_ACKNOWLEDGED("Hand-off"),
    /** {@code offerId}, optional {@code reason}. */
    HANDOFF_DECLINED("Hand-off"),
    /**
     * {@code offerId}: the ACK timeout passed; the holder keeps the role. Its {@code occurredAt} is
     * the expiry time (offer time plus the policy timeout), not the moment Conn noticed.
     */
    HANDOFF_EXPIRED("Hand-off"),
    /**
     * A chart of the impact panel as the IC saw it: {@code queryId}, {@code name}, {@code sourceId},
     * {@code query}, optional {@code unit}, {@code from} and {@code to} (UTC instants of the charted
     * window), {@code fetchedAt} (UTC instant the data was fetched), {@code raw} (the source's
     * response body exactly as returned, a JSON string; omitted with {@code rawOmitted: true} when
     * over 4 MiB), {@code png} (base64 PNG of the chart, at most 2 MiB encoded).
     */
    METRIC_SNAPSHOT("Snapshot"),
    /** optional {@code text}. Sets the mitigated milestone. */
    MITIGATED("Mitigated"),
    /** optional {@code text}. Sets status to resolved and the resolved milestone. */
    RESOLVED("Resolved"),
    /**
     * {@code itemId} (stable id), {@code text}, {@code kind} (MITIGATE, PREVENT or PROCESS),
     * optional {@code owner} (the DRI), optional {@code due} (ISO-8601 date), optional
     * {@code ticket} (a URL or key), {@code status} (OPEN, IN_PROGRESS, DONE, WONT_DO), optional
     * {@code rootCause} (the root cause number it answers), optional {@code elsewhere} (true for
     * items answering "where else could this cause bite?"). See {@code postmortem.ActionItem}.
     */
    ACTION_ITEM_ADDED("Action item"),
    /** {@code itemId} and any of the fields of {@link #ACTION_ITEM_ADDED} that changed. */
    ACTION_ITEM_UPDATED("Action item"),
    /**
     * {@code field} (a postmortem section key, e.g. {@code summary}, {@code rootCause.1.why.2};
     * see {@code postmortem.PostmortemField}), {@code text} (the whole new text; empty clears it).
     */
    POSTMORTEM_FIELD_SET("Postmortem"),
    /** {@code correctedEventId}, {@code text}: the new text of an earlier entry. */
    EVENT_CORRECTED("Correction"),
    /** {@code retractedEventId}, optional {@code reason}: an earlier entry withdrawn. */
    EVENT_RETRACTED("Retraction"),
    /** {@code offerId}, optional {@code reason}: the holder took the offer back before an ACK. */
    HANDOFF_WITHDRAWN("Hand-off"),
    /** {@code responderId}, {@code person}: who takes command next if the IC must hand off. */
    NEXT_IC_DESIGNATED("Role"),
    /**
     * {@code taskId}, {@code responderId}, {@code person}, {@code text}, {@code checkBackAt}
     * (UTC instant): a time-boxed task ("Bob: check the DB failover, back to me in 3 min").
     */
    TASK_ASSIGNED("Task"),
    /** {@code taskId}: the assignee confirmed the task. */
    TASK_ACKNOWLEDGED("Task"),
    /** {@code taskId}, optional {@code text} (the result). */
    TASK_DONE("Task"),
    /** {@code taskId}, optional {@code reason}. */
    TASK_CANCELLED("Task"),
    /**
     * {@code responderId}, {@code person}, {@code level} (a {@code fatigue.FatigueLevel} name):
     * a fatigue threshold was crossed and the IC was alerted.
     */
    FATIGUE_ALERTED("Fatigue"),
    /**
     * An impact query added or edited for this incident: {@code queryId} (stable, minted when
     * added), {@code name}, {@code sourceId} (a monitoring source id from settings), {@code query}
     * (PromQL or Datadog query), optional {@code unit} (e.g. "%", "ms", "req/s"), optional
     * {@code threshold} (number, drawn as the SLO line). The latest event per {@code queryId} wins.
     */
    IMPACT_QUERY_SET("Impact query"),
    /** {@code queryId}: the impact query was removed from the incident's panel. */
    IMPACT_QUERY_REMOVED("Impact query"),
    /**
     * {@code milestone} (a {@code postmortem.Milestone} name: IMPACT_STARTED, DETECTED,
     * ACKNOWLEDGED, MITIGATED, RESOLVED), {@code at} (UTC instant), {@code reason}: sets or edits
     * one milestone (FireHydrant's milestone model); the latest recorded one wins.
     */
    MILESTONE_SET("Milestone"),
    /**
     * {@code services} and {@code categories}: JSON arrays of strings, the affected services and
     * root-cause categories of the incident. Replaces the previous tags as a whole.
     */
    INCIDENT_TAGGED("Tags"),
    /**
     * {@code itemId}, {@code title}, {@code until} (UTC instant): a checklist item put off; it is
     * due again at {@code until}.
     */
    CHECKLIST_ITEM_SNOOZED("Checklist"),
    /**
     * {@code messageId}, {@code channel}, optional {@code reason}: the message may have reached a
     * receiver that cannot de-duplicate, and no answer was stored (Conn was stopped mid-send, or
     * the answer was lost); the user decides whether to resend or mark it sent.
     */
    MESSAGE_DELIVERY_UNKNOWN("Message"),
    /**
     * {@code date} (optional, {@code yyyy-MM-dd}), {@code authors}, {@code status} (DRAFT,
     * IN_REVIEW, FINAL), {@code reviewers}: the postmortem document's header, replaced as a whole.
     */
    POSTMORTEM_HEADER_SET("Postmortem"),
    /** {@code entryId}, {@code starred}: a timeline entry starred (a key event) or unstarred. */
    ENTRY_STARRED("Star"),
    /**
     * {@code messageId}, {@code channel} ({@code tickets:jira|github|linear}), {@code actionItemId},
     * {@code incidentTitle}, {@code severity}, {@code text}, {@code kind}, optional {@code owner},
     * optional {@code due}: a ticket asked for an action item, in the same transaction as its outbox
     * row (issue 16). Its outcome is the row's {@code MESSAGE_SENT} ({@code externalId} = the ticket
     * link) with an {@code ACTION_ITEM_UPDATED} setting the item's {@code ticket}.
     */
    TICKET_REQUESTED("Ticket"),
    /**
     * {@code messageId}, {@code channel} ({@code pagerduty:<target id>}), {@code action} (trigger or
     * resolve), {@code targetId}, {@code targetName}, {@code dedupKey}, {@code incidentTitle}, {@code
     * severity}, optional {@code message}, optional {@code link}: a PagerDuty event handed to the
     * outbox with its row.
     */
    PAGE_REQUESTED("Page"),
    /** {@code messageId}, {@code dedupKey}, {@code targetId}: PagerDuty accepted the page. */
    PAGE_SENT("Page"),
    /** {@code dedupKey}, {@code targetId}, optional {@code by}, optional {@code at}: acknowledged. */
    PAGE_ACKNOWLEDGED("Page"),
    /** {@code messageId}, {@code dedupKey}, {@code targetId}: PagerDuty accepted the resolve. */
    PAGE_RESOLVED("Page");

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
        return this == EVENT_CORRECTED || this == EVENT_RETRACTED || this == ENTRY_STARRED;
    }
}
