package dev.conn.incident;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Free-text timeline entries and their amendments; decided by {@link EntryDecider}. */
public sealed interface EntryCommand {

    /** What kind of free-text entry. */
    enum Kind {
        /** Something noticed or said. */
        NOTE,
        /** Something decided. */
        DECISION,
        /** A change made to production. */
        ACTION
    }

    /**
     * @param eventId the id minted once per thing typed, so a retry cannot store it twice
     * @param kind note, decision or action
     * @param text the text
     * @param at when, if back-dated
     */
    record Add(UUID eventId, Kind kind, String text, Optional<Instant> at) implements EntryCommand {
        /** Normalises nulls. */
        public Add {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(kind, "kind");
            text = text == null ? "" : text;
            at = at == null ? Optional.empty() : at;
        }
    }

    /**
     * @param entryId the note, decision or action to correct
     * @param text its new text
     */
    record Correct(UUID entryId, String text) implements EntryCommand {}

    /**
     * @param entryId the entry to withdraw
     * @param reason why, optional
     */
    record Retract(UUID entryId, Optional<String> reason) implements EntryCommand {}

    /**
     * Stars a timeline entry as a key event of the postmortem, or takes the star away.
     *
     * @param entryId the entry's event id
     * @param starred true to star it
     */
    record Star(UUID entryId, boolean starred) implements EntryCommand {
        /** @throws NullPointerException if the entry id is null */
        public Star {
            Objects.requireNonNull(entryId, "entryId");
        }
    }
}
