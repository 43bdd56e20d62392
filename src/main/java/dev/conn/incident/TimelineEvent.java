package dev.conn.incident;

import static dev.conn.incident.EventBody.opt;
import static dev.conn.incident.EventBody.required;

import java.util.Optional;
import java.util.UUID;

/** Free-text timeline entries and the amendments that correct or withdraw them. */
public sealed interface TimelineEvent extends EventBody {

    /** A free-text entry the user typed and may correct. */
    sealed interface Entry extends TimelineEvent {
        /** @return the entry's text */
        String text();
    }

    /** @param text what the scribe noted */
    record Note(String text) implements Entry {
        /** @throws IllegalArgumentException if the text is missing */
        public Note {
            required(text, "text");
        }

        @Override
        public EventType type() {
            return EventType.NOTE;
        }
    }

    /** @param text what was decided */
    record Decision(String text) implements Entry {
        /** @throws IllegalArgumentException if the text is missing */
        public Decision {
            required(text, "text");
        }

        @Override
        public EventType type() {
            return EventType.DECISION;
        }
    }

    /** @param text a change made to production (rollback, restart, failover, config) */
    record ActionTaken(String text) implements Entry {
        /** @throws IllegalArgumentException if the text is missing */
        public ActionTaken {
            required(text, "text");
        }

        @Override
        public EventType type() {
            return EventType.ACTION_TAKEN;
        }
    }

    /**
     * @param correctedEventId the entry corrected
     * @param text its new text
     */
    record EventCorrected(UUID correctedEventId, String text) implements TimelineEvent {
        /** @throws IllegalArgumentException naming a missing required field */
        public EventCorrected {
            required(correctedEventId, "correctedEventId");
            required(text, "text");
        }

        @Override
        public EventType type() {
            return EventType.EVENT_CORRECTED;
        }
    }

    /**
     * @param retractedEventId the entry withdrawn
     * @param reason why, if given
     */
    record EventRetracted(UUID retractedEventId, Optional<String> reason) implements TimelineEvent {
        /** @throws IllegalArgumentException naming a missing required field */
        public EventRetracted {
            required(retractedEventId, "retractedEventId");
            reason = opt(reason);
        }

        @Override
        public EventType type() {
            return EventType.EVENT_RETRACTED;
        }
    }

    /**
     * Stars or unstars a timeline entry: a starred entry is a key event of the postmortem's
     * timeline. The latest in timeline order wins.
     *
     * @param entryId the entry's event id
     * @param starred true to star, false to take the star away
     */
    record EntryStarred(UUID entryId, boolean starred) implements TimelineEvent {
        /** @throws IllegalArgumentException naming a missing required field */
        public EntryStarred {
            required(entryId, "entryId");
        }

        @Override
        public EventType type() {
            return EventType.ENTRY_STARRED;
        }
    }
}
