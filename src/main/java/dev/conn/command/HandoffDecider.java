package dev.conn.command;

import dev.conn.incident.CommandEvent;
import dev.conn.incident.Decision;
import dev.conn.incident.IncidentState;
import dev.conn.incident.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Decides {@link HandoffCommand}s: the holder offers a role with a brief and a read-back code; the
 * receiver acknowledges (reading the code back, in person, or by voice without the code) or
 * declines; the holder may withdraw; an offer not acknowledged within the ACK timeout expires and
 * the holder keeps the role (ICS transfer of command; Google SRE book ch. 14; PagerDuty's 5-minute
 * escalation timeout as the default). The offer stores its {@code expiresAt}, so a later policy
 * change cannot move it.
 */
public final class HandoffDecider extends PeopleDecider<HandoffCommand> {
    private final RandomGenerator random;
    private final CommunicationDeadlines deadlines;

    /**
     * @param ackTimeout the policy ACK timeout; positive
     * @param random draws read-back codes: a {@code SecureRandom} in the app, seeded in tests
     * @param deadlines where the brief gets the coming communication deadlines
     * @throws IllegalArgumentException if the timeout is not positive
     */
    public HandoffDecider(Duration ackTimeout, RandomGenerator random, CommunicationDeadlines deadlines) {
        this(ackTimeout, random, deadlines, uuids());
    }

    /**
     * @param ackTimeout the policy ACK timeout; positive
     * @param random draws read-back codes
     * @param deadlines where the brief gets the coming communication deadlines
     * @param newId mints offer ids
     * @throws IllegalArgumentException if the timeout is not positive
     */
    public HandoffDecider(
            Duration ackTimeout, RandomGenerator random, CommunicationDeadlines deadlines, Supplier<String> newId) {
        super(ackTimeout, newId, deadlines.reads()); // the brief's deadlines read the comms events too
        this.random = Objects.requireNonNull(random, "random");
        this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
    }

    /**
     * Composes the brief an offer would carry, checking the offer as {@link #decide} would, without
     * deciding anything: the holder reads it before offering.
     *
     * @param offer the offer (a previewed code in it is kept; else a fresh one is drawn)
     * @param state the people, folded
     * @param clock "now"
     * @return the brief and its code
     * @throws dev.conn.incident.CommandRefusedException in the user's words, as the offer would be
     *     refused
     */
    public BriefPreview preview(HandoffCommand.Offer offer, PeopleFold state, Clock clock) {
        if (!state.isDeclared()) {
            throw new dev.conn.incident.CommandRefusedException("No such incident; declare it first");
        }
        try {
            Prepared p = prepare(offer, state, clock.instant());
            return new BriefPreview(p.brief(), p.code());
        } catch (Refusal r) {
            throw new dev.conn.incident.CommandRefusedException(r.getMessage());
        }
    }

    @Override
    List<Decision.Draft> decide(HandoffCommand command, PeopleFold state, Instant now) {
        if (command instanceof HandoffCommand.Offer o) {
            Prepared p = prepare(o, state, now);
            return one(new CommandEvent.HandoffOffered(
                    newId(),
                    p.holder().role(),
                    p.holder().person(),
                    p.holder().responderId(),
                    p.to().name(),
                    p.to().id(),
                    p.code().value(),
                    Optional.of(p.brief().text()),
                    // stored, so a later policy change or another console's policy cannot turn
                    // this offer back to pending or to expired after the fact
                    Optional.of(now.plus(ackTimeout()))));
        }
        if (command instanceof HandoffCommand.Acknowledge a) {
            return acknowledge(a, state, now);
        }
        if (command instanceof HandoffCommand.Decline d) {
            Optional<String> why = clean(d.reason());
            transition(() -> require(state, d.offerId()).decline(why, now));
            return one(new CommandEvent.HandoffDeclined(d.offerId(), why));
        }
        if (command instanceof HandoffCommand.Withdraw w) {
            Optional<String> why = clean(w.reason());
            transition(() -> require(state, w.offerId()).withdraw(why, now));
            return one(new CommandEvent.HandoffWithdrawn(w.offerId(), why));
        }
        return List.of(); // ExpireDue: the expiries every decision records are all it asks for
    }

    private List<Decision.Draft> acknowledge(HandoffCommand.Acknowledge a, PeopleFold state, Instant now) {
        Handoff offered = require(state, a.offerId());
        transition(() -> offered.acknowledge(a.method(), a.spokenCode().orElse(null), now));
        Roster roster = state.roster();
        Optional<Responder> receiver = roster.responder(offered.toId());
        if (receiver.isPresent() && receiver.get().presence() != Presence.ON_DUTY) {
            throw refuse(receiver.get().name() + " is not on duty ("
                    + receiver.get().presence().label() + ") and cannot take the "
                    + offered.role().label() + " role; offer it to someone on duty");
        }
        boolean stillHolds = roster.holders(offered.role()).stream()
                .anyMatch(h -> offered.fromId().isPresent() && h.responderId().isPresent()
                        ? h.responderId().get().equals(offered.fromId().get())
                        : h.person().strip().equalsIgnoreCase(offered.from().strip()));
        if (!stillHolds) {
            // e.g. the holder left and the role went back to the IC: the IC never agreed to this offer
            throw refuse(
                    offered.from() + " no longer holds the " + offered.role().label()
                            + " role, so this offer cannot be acknowledged; the current holder must offer it again");
        }
        return one(new CommandEvent.HandoffAcknowledged(
                a.offerId(), offered.role(), offered.to(), Optional.of(offered.toId()), a.method()));
    }

    private static Handoff require(PeopleFold state, String offerId) {
        return state.handoffs()
                .find(offerId)
                .orElseThrow(() -> refuse("There is no hand-off offer " + offerId
                        + " in this incident; nothing to acknowledge, decline or withdraw"));
    }

    /** Runs a transition of {@link Handoff}, whose refusals are worded for the user. */
    private static void transition(Supplier<Handoff> t) {
        try {
            t.get();
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw refuse(e.getMessage());
        }
    }

    /** An offer checked against the people, with its brief: all but the event. */
    private record Prepared(RoleHolder holder, Responder to, ReadBackCode code, HandoffBrief brief) {}

    private Prepared prepare(HandoffCommand.Offer offer, PeopleFold state, Instant now) {
        Roster roster = state.roster();
        Role role = offer.role();
        RoleHolder holder = holder(roster, role, offer.fromResponderId());
        Responder to = requireResponder(roster, offer.toResponderId());
        if (to.presence() == Presence.LEFT) {
            throw refuse(to.name() + " has left the response and cannot take the " + role.label()
                    + " role; pick someone on duty");
        }
        if (to.presence() == Presence.ON_BREAK) {
            throw refuse(to.name() + " is on a break; end the break before offering the " + role.label() + " role");
        }
        if (roster.holders(role).stream().anyMatch(h -> isResponder(roster, h, to))) {
            throw refuse(to.name() + " already holds the " + role.label() + " role");
        }
        for (Handoff p : state.handoffs().pendingFor(role, now)) {
            boolean sameHolder =
                    !role.allowsSeveralHolders() || holder.isPerson(p.fromId().orElse(null), p.from());
            if (sameHolder) {
                throw refuse("A hand-off of the " + role.label() + " role from " + p.from() + " to " + p.to()
                        + " is already pending (offered " + UtcTime.hhmm(p.offeredAt()) + ", expires "
                        + UtcTime.hhmm(p.expiresAt()) + "); wait for the answer or withdraw it first");
            }
        }
        ReadBackCode code = offer.code().orElseGet(() -> ReadBackCode.generate(random));
        IncidentState incident = state.header().orElseThrow();
        HandoffBrief brief = HandoffBrief.compose(
                new HandoffBrief.Subject(role, holder.person(), to.name(), code),
                incident,
                roster,
                state.tasks(),
                HandoffBrief.recentDecisions(state.events(), HandoffBrief.RECENT_DECISIONS),
                deadlines.upcoming(incident, state.events(), now),
                now);
        return new Prepared(holder, to, code, brief);
    }

    private static RoleHolder holder(Roster roster, Role role, Optional<String> fromResponderId) {
        if (fromResponderId.isPresent()) {
            Responder from = requireResponder(roster, fromResponderId.get());
            return roster.holders(role).stream()
                    .filter(h -> isResponder(roster, h, from))
                    .findFirst()
                    .orElseThrow(() -> refuse(from.name() + " does not hold the " + role.label() + " role"));
        }
        if (role.allowsSeveralHolders()) {
            throw refuse("Say which " + role.label() + " hands off");
        }
        return roster.holder(role)
                .orElseThrow(() -> refuse(
                        "Nobody holds the " + role.label() + " role, so there is nothing to hand off; assign it"));
    }
}
