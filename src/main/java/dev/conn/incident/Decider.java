package dev.conn.incident;

import java.time.Clock;
import java.util.Set;

/**
 * A feature's decision logic, pure: it folds the events it reads into a state, and decides a
 * command against that state and the clock, returning the events to append or a refusal in the
 * user's words (the decider pattern of functional event sourcing). No I/O: {@link IncidentLog}
 * reads, folds, calls {@link #decide} and appends.
 *
 * @param <C> the feature's command type (typed records: {@code OfferHandoff}, {@code SetMilestone})
 * @param <S> the folded state the decisions need
 */
public interface Decider<C, S> {

    /**
     * @return the event types {@link #evolve} reads; an event of one of these types appended by
     *     someone else between the read and the append makes the decision stale, so it is made again
     */
    Set<EventType> reads();

    /**
     * The event types one command's decision reads: by default all of {@link #reads()}. A decider
     * whose commands need less (adding a note needs only the declaration, not every other note)
     * narrows it, so the one writer reads less and the decision goes stale only when what it read
     * changed.
     *
     * @param command the command about to be decided
     * @return a subset of {@link #reads()}
     */
    default Set<EventType> reads(C command) {
        return reads();
    }

    /** @return the state of an incident with none of the events read */
    S initial();

    /**
     * @param state the state so far
     * @param event the next event of a type in {@link #reads()}, in storage order
     * @return the state after it
     */
    S evolve(S state, Event event);

    /**
     * @param command what the user (or the dispatcher, or a timer) asks for
     * @param state the incident's state folded from {@link #reads()}
     * @param clock "now"
     * @return the events to append, or a refusal saying why in the user's words
     */
    Decision decide(C command, S state, Clock clock);
}
