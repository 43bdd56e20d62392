package dev.conn.timeline;

import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.TimelineEvent;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * One row of the timeline: an event with any corrections applied. The original event is kept
 * unchanged; {@link #originalText()} holds what it said before the first correction.
 *
 * @param event the original event
 * @param text the text to show: the latest correction, or the event's own description
 * @param originalText the text before any correction, or empty if never corrected
 * @param correctedBy who made the latest correction, or empty
 * @param correctedAt when the latest correction was recorded (UTC), or empty
 * @param retracted true if the entry was withdrawn (shown struck through, never hidden)
 */
public record TimelineEntry(
        Event event,
        String text,
        Optional<String> originalText,
        Optional<String> correctedBy,
        Optional<Instant> correctedAt,
        boolean retracted) {

    /**
     * @param event an event
     * @return its row before any amendment
     */
    public static TimelineEntry of(Event event) {
        return new TimelineEntry(event, describe(event), Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    /**
     * @param event an event
     * @param tasks task assignments by task id, from the same log: a task's outcome names its task
     * @return its row before any amendment
     */
    static TimelineEntry of(
            Event event,
            java.util.function.Function<String, Optional<dev.conn.incident.CommandEvent.TaskAssigned>> tasks) {
        return new TimelineEntry(
                event, EntryText.of(event, tasks), Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    /** @return true if the text was corrected at least once */
    public boolean isCorrected() {
        return originalText.isPresent();
    }

    /** @return the event's type */
    public EventType type() {
        return event.type();
    }

    /**
     * @param query lower-case search text
     * @return true if the text, the original text, the author or the type label contains it
     */
    public boolean matches(String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        String q = query.strip().toLowerCase(Locale.ROOT);
        return text.toLowerCase(Locale.ROOT).contains(q)
                || originalText.map(t -> t.toLowerCase(Locale.ROOT).contains(q)).orElse(false)
                || event.author().toLowerCase(Locale.ROOT).contains(q)
                || event.type().label().toLowerCase(Locale.ROOT).contains(q);
    }

    TimelineEntry corrected(Event correction, TimelineEvent.EventCorrected body) {
        return new TimelineEntry(
                event,
                body.text(),
                Optional.of(originalText.orElse(text)),
                Optional.of(correction.author()),
                Optional.of(correction.recordedAt()),
                retracted);
    }

    /** @return this row with another text before any correction (a message's delivery state) */
    TimelineEntry withText(String newText) {
        return new TimelineEntry(event, newText, originalText, correctedBy, correctedAt, retracted);
    }

    TimelineEntry withdrawn() {
        return new TimelineEntry(event, text, originalText, correctedBy, correctedAt, true);
    }

    /**
     * The one-line text of an event as the timeline and exports show it.
     *
     * @param e an event
     * @return its description, e.g. "Status: identified. Bad deploy of payments-api"
     */
    public static String describe(Event e) {
        return EntryText.of(e);
    }
}
