package dev.conn.postmortem;

import dev.conn.incident.Decider;
import dev.conn.incident.Decision;
import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import java.time.Clock;
import java.util.Set;

/**
 * What the postmortem's deciders share: they fold the events they read into a {@link
 * PostmortemFold} and refuse every command for an incident that was never declared. Pure: no I/O,
 * time only from the clock passed in.
 *
 * @param <C> the commands the decider handles
 */
abstract class PostmortemDecider<C extends PostmortemCommand> implements Decider<C, PostmortemFold> {
    /** What to tell the user when the incident does not exist. */
    static final String NO_INCIDENT = "No such incident: declare or open one first (Ctrl+N)";

    private final Set<EventType> reads;

    /** @param reads the event types this decider's rules need (the declaration among them) */
    PostmortemDecider(Set<EventType> reads) {
        this.reads = Set.copyOf(reads);
    }

    @Override
    public final Set<EventType> reads() {
        return reads;
    }

    @Override
    public final PostmortemFold initial() {
        return new PostmortemFold();
    }

    @Override
    public final PostmortemFold evolve(PostmortemFold state, Event event) {
        state.add(event);
        return state;
    }

    @Override
    public final Decision decide(C command, PostmortemFold state, Clock clock) {
        if (!state.declared()) {
            return Decision.refuse(NO_INCIDENT);
        }
        return decideDeclared(command, state, clock);
    }

    /**
     * @param command the command
     * @param state the incident's postmortem state, declared
     * @param clock now
     * @return the events to append, or a refusal in the user's words
     */
    abstract Decision decideDeclared(C command, PostmortemFold state, Clock clock);
}
