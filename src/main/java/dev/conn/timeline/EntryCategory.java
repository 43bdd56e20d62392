package dev.conn.timeline;

import dev.conn.incident.EventType;

/** The groups the timeline filter offers; every event type belongs to exactly one. */
public enum EntryCategory {
    NOTES("Notes", "•"),
    DECISIONS("Decisions", "◆"),
    ACTIONS("Actions (changes to production)", "▶"),
    MILESTONES("Status, severity and milestones", "⚑"),
    COMMS("Communication", "✉"),
    PEOPLE("People and hand-offs", "☺"),
    OTHER("Metrics and impact queries", "≡"),
    /** Postmortem edits and action items: hidden under the default filter (issue 14 item 11). */
    POSTMORTEM("Postmortem edits", "✎");

    private final String label;
    private final String glyph;

    EntryCategory(String label, String glyph) {
        this.label = label;
        this.glyph = glyph;
    }

    /**
     * @return a one-character icon shown before the type label, so a kind of entry is told apart
     *     without relying on colour (DejaVu Sans, the default font on Linux, has each glyph)
     */
    public String glyph() {
        return glyph;
    }

    /** @return the name shown in the filter */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }

    /**
     * @return the categories the timeline shows until the user picks others: all but {@link
     *     #POSTMORTEM}, whose edits come every pause in typing and would bury the incident's story
     */
    public static java.util.Set<EntryCategory> shownByDefault() {
        return java.util.EnumSet.complementOf(java.util.EnumSet.of(POSTMORTEM));
    }

    /**
     * @param type an event type
     * @return its category
     */
    public static EntryCategory of(EventType type) {
        return switch (type) {
            case NOTE -> NOTES;
            case DECISION -> DECISIONS;
            case ACTION_TAKEN -> ACTIONS;
            case INCIDENT_DECLARED, SEVERITY_CHANGED, STATUS_CHANGED, MITIGATED, RESOLVED, MILESTONE_SET -> MILESTONES;
            case CHECKLIST_ITEM_DONE, CHECKLIST_ITEM_SKIPPED, MESSAGE_QUEUED, MESSAGE_SENT, MESSAGE_FAILED -> COMMS;
            case CHECKLIST_ITEM_SNOOZED, MESSAGE_DELIVERY_UNKNOWN, TICKET_REQUESTED -> COMMS;
            case PAGE_REQUESTED, PAGE_SENT, PAGE_ACKNOWLEDGED, PAGE_RESOLVED -> PEOPLE;
            case RESPONDER_JOINED,
                    RESPONDER_LEFT,
                    BREAK_STARTED,
                    BREAK_ENDED,
                    ROLE_ASSIGNED,
                    HANDOFF_OFFERED,
                    HANDOFF_ACKNOWLEDGED,
                    HANDOFF_DECLINED,
                    HANDOFF_EXPIRED,
                    HANDOFF_WITHDRAWN,
                    NEXT_IC_DESIGNATED,
                    TASK_ASSIGNED,
                    TASK_ACKNOWLEDGED,
                    TASK_DONE,
                    TASK_CANCELLED,
                    FATIGUE_ALERTED -> PEOPLE;
            case METRIC_SNAPSHOT,
                    IMPACT_QUERY_SET,
                    IMPACT_QUERY_REMOVED,
                    EVENT_CORRECTED,
                    EVENT_RETRACTED,
                    ENTRY_STARRED -> OTHER;
            case ACTION_ITEM_ADDED,
                    ACTION_ITEM_UPDATED,
                    POSTMORTEM_FIELD_SET,
                    INCIDENT_TAGGED,
                    POSTMORTEM_HEADER_SET -> POSTMORTEM;
        };
    }
}
