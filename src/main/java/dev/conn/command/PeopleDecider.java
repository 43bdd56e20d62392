package dev.conn.command;

import dev.conn.incident.CommandEvent;
import dev.conn.incident.Decider;
import dev.conn.incident.Decision;
import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the people deciders share: they read the same events ({@link PeopleFold#DECIDER_TYPES}, and
 * for the hand-off brief the communication deadlines' types too),
 * fold them into a {@link PeopleFold}, and record, as part of every decision, the expiry of offers
 * whose ACK timeout has passed ({@code HANDOFF_EXPIRED}, dated at the expiry, whoever's command
 * noticed it), ahead of the command's own events. A refused command stores nothing, expiries
 * included; the console's tick ({@link HandoffCommand.ExpireDue}) records them a second later.
 * Pure: no I/O; "now" is the clock passed in, new ids come from the supplier given.
 *
 * @param <C> the commands decided
 */
public abstract sealed class PeopleDecider<C extends PeopleCommand> implements Decider<C, PeopleFold>
        permits RosterDecider, HandoffDecider, TaskDecider {
    private final Duration ackTimeout;
    private final Supplier<String> newId;
    private final Set<EventType> alsoReads;
    private final Set<EventType> reads;

    /**
     * @param ackTimeout the policy ACK timeout, for offers that did not store their expiry
     * @param newId mints ids for new responders, offers and tasks (UUID v7 text in the app)
     * @throws IllegalArgumentException if the timeout is not positive
     */
    PeopleDecider(Duration ackTimeout, Supplier<String> newId) {
        this(ackTimeout, newId, Set.of());
    }

    /**
     * @param ackTimeout the policy ACK timeout, for offers that did not store their expiry
     * @param newId mints ids
     * @param alsoReads event types read besides the people's, kept unfolded in the state's {@link
     *     PeopleFold#events()} (the communication deadlines of a hand-off brief)
     * @throws IllegalArgumentException if the timeout is not positive
     */
    PeopleDecider(Duration ackTimeout, Supplier<String> newId, Set<EventType> alsoReads) {
        new PeopleFold(ackTimeout); // checks it
        this.ackTimeout = ackTimeout;
        this.newId = Objects.requireNonNull(newId, "newId");
        this.alsoReads = Set.copyOf(alsoReads);
        Set<EventType> all = java.util.EnumSet.copyOf(PeopleFold.DECIDER_TYPES);
        all.addAll(this.alsoReads);
        this.reads = java.util.Collections.unmodifiableSet(all);
    }

    /** @return a supplier of fresh UUID v7 ids as text */
    static Supplier<String> uuids() {
        return () -> Event.newId().toString();
    }

    @Override
    public final Set<EventType> reads() {
        return reads;
    }

    @Override
    public final PeopleFold initial() {
        return new PeopleFold(ackTimeout, alsoReads);
    }

    /** Adds the event to the fold and returns the same fold (folded once, when asked). */
    @Override
    public final PeopleFold evolve(PeopleFold state, Event event) {
        state.add(event);
        return state;
    }

    @Override
    public final Decision decide(C command, PeopleFold state, Clock clock) {
        Objects.requireNonNull(command, "command");
        if (!state.isDeclared()) {
            return Decision.refuse("No such incident; declare it first");
        }
        Instant now = clock.instant();
        List<Decision.Draft> drafts = new ArrayList<>();
        for (Handoff h : state.handoffs().dueForExpiry(now)) {
            drafts.add(Decision.Draft.of(new CommandEvent.HandoffExpired(h.offerId()))
                    .at(h.expiresAt()));
        }
        try {
            drafts.addAll(decide(command, state, now));
        } catch (Refusal r) {
            return Decision.refuse(r.getMessage());
        }
        return Decision.accept(drafts);
    }

    /**
     * Decides the command itself.
     *
     * @param command the command
     * @param state the people, folded
     * @param now the decision's instant (UTC)
     * @return the events to record now
     * @throws Refusal in the user's words
     */
    abstract List<Decision.Draft> decide(C command, PeopleFold state, Instant now);

    /** @return a fresh id */
    final String newId() {
        return newId.get();
    }

    /** @return the policy ACK timeout */
    final Duration ackTimeout() {
        return ackTimeout;
    }

    /** A command refused, in the user's words (what is wrong, what to do instead). */
    static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refusal(String reason) {
            super(reason, null, false, false);
        }
    }

    static Refusal refuse(String reason) {
        return new Refusal(reason);
    }

    static Responder requireResponder(Roster roster, String responderId) {
        return roster.responder(responderId)
                .orElseThrow(() -> refuse("No responder " + responderId + " in this incident"));
    }

    static Responder requireOnDuty(Roster roster, String responderId, String toDo) {
        Responder r = requireResponder(roster, responderId);
        if (r.presence() == Presence.LEFT) {
            throw refuse(r.name() + " has left the response and cannot " + toDo);
        }
        if (r.presence() == Presence.ON_BREAK) {
            throw refuse(r.name() + " is on a break; end the break first");
        }
        return r;
    }

    static boolean isResponder(Roster roster, RoleHolder h, Responder r) {
        return roster.responderOf(h).map(x -> x.id().equals(r.id())).orElse(false);
    }

    static Optional<String> clean(Optional<String> text) {
        return text.map(String::strip).filter(s -> !s.isEmpty());
    }

    static List<Decision.Draft> one(dev.conn.incident.EventBody body) {
        return List.of(Decision.Draft.of(body));
    }
}
