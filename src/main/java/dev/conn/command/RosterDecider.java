package dev.conn.command;

import dev.conn.incident.CommandEvent;
import dev.conn.incident.Decision;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decides {@link RosterCommand}s: who joins, leaves and takes breaks, who holds which role, who is
 * the next incident commander (PagerDuty incident roles,
 * https://response.pagerduty.com/before/different_roles/; Google SRE book ch. 14). A role someone
 * else holds, and command while someone is in command, pass only by hand-off ({@link
 * HandoffDecider}).
 */
public final class RosterDecider extends PeopleDecider<RosterCommand> {

    /**
     * @param ackTimeout the policy ACK timeout (a role with a pending offer is not assigned)
     * @throws IllegalArgumentException if the timeout is not positive
     */
    public RosterDecider(Duration ackTimeout) {
        this(ackTimeout, uuids());
    }

    /**
     * @param ackTimeout the policy ACK timeout
     * @param newId mints responder ids
     * @throws IllegalArgumentException if the timeout is not positive
     */
    public RosterDecider(Duration ackTimeout, Supplier<String> newId) {
        super(ackTimeout, newId);
    }

    @Override
    List<Decision.Draft> decide(RosterCommand command, PeopleFold state, Instant now) {
        Roster roster = state.roster();
        if (command instanceof RosterCommand.AddResponder a) {
            return add(a, roster);
        }
        if (command instanceof RosterCommand.Join j) {
            Responder r = requireResponder(roster, j.responderId());
            if (r.presence().isPresent()) {
                throw refuse(r.name() + " is already in the response ("
                        + r.presence().label() + ")");
            }
            return one(new CommandEvent.ResponderJoined(r.id(), r.name(), Optional.empty(), Optional.empty()));
        }
        if (command instanceof RosterCommand.Leave l) {
            Responder r = requireResponder(roster, l.responderId());
            if (r.presence() == Presence.LEFT) {
                throw refuse(r.name() + " already left at " + UtcTime.hhmm(r.since()));
            }
            return one(new CommandEvent.ResponderLeft(r.id(), Optional.of(r.name())));
        }
        if (command instanceof RosterCommand.StartBreak b) {
            Responder r = requireResponder(roster, b.responderId());
            if (r.presence() != Presence.ON_DUTY) {
                throw refuse(r.name() + " is not on duty (" + r.presence().label() + " since " + UtcTime.hhmm(r.since())
                        + ")");
            }
            return one(new CommandEvent.BreakStarted(r.id(), Optional.of(r.name())));
        }
        if (command instanceof RosterCommand.EndBreak b) {
            Responder r = requireResponder(roster, b.responderId());
            if (r.presence() != Presence.ON_BREAK) {
                throw refuse(r.name() + " is not on a break (" + r.presence().label() + ")");
            }
            return one(new CommandEvent.BreakEnded(r.id(), Optional.of(r.name())));
        }
        if (command instanceof RosterCommand.AssignRole a) {
            return assign(a, state, now);
        }
        return designate((RosterCommand.DesignateNextIc) command, roster);
    }

    private List<Decision.Draft> add(RosterCommand.AddResponder a, Roster roster) {
        String n = a.name().strip();
        if (n.isEmpty()) {
            throw refuse("Give the responder's name");
        }
        Optional<Responder> same = roster.responders().stream()
                .filter(r -> r.name().equalsIgnoreCase(n))
                .reduce((first, second) -> second);
        if (same.isPresent() && same.get().presence().isPresent()) {
            throw refuse(
                    n + " is already in the response (" + same.get().presence().label() + ")");
        }
        String id = same.map(Responder::id).orElseGet(this::newId);
        return one(new CommandEvent.ResponderJoined(
                id,
                n,
                a.handle().map(String::strip).filter(h -> !h.isEmpty()),
                a.timeZone().map(ZoneId::getId)));
    }

    private List<Decision.Draft> assign(RosterCommand.AssignRole a, PeopleFold state, Instant now) {
        Roster roster = state.roster();
        var role = a.role();
        Responder to = requireOnDuty(roster, a.responderId(), "take the " + role.label() + " role");
        List<RoleHolder> current = roster.holders(role);
        if (current.stream().anyMatch(h -> isResponder(roster, h, to))) {
            throw refuse(to.name() + " already holds the " + role.label() + " role");
        }
        List<Handoff> pending = state.handoffs().pendingFor(role, now);
        if (!pending.isEmpty() && !role.allowsSeveralHolders()) {
            Handoff h = pending.get(0);
            throw refuse("A hand-off of the " + role.label() + " role to " + h.to() + " is pending until "
                    + UtcTime.hhmm(h.expiresAt()) + "; withdraw it first");
        }
        if (role.isCommand() && !roster.isLeaderless()) {
            String ic = roster.commander().map(RoleHolder::person).orElse("The IC");
            throw refuse(ic + " is in command; command passes only by a hand-off that " + to.name() + " acknowledges");
        }
        if (!role.isCommand() && !role.allowsSeveralHolders()) {
            Optional<RoleHolder> delegate =
                    current.stream().filter(h -> !h.byDefault()).findFirst();
            if (delegate.isPresent()) {
                throw refuse(delegate.get().person() + " holds the " + role.label()
                        + " role; pass it by a hand-off that " + to.name() + " acknowledges");
            }
        }
        return one(new CommandEvent.RoleAssigned(role, to.name(), Optional.of(to.id())));
    }

    private static List<Decision.Draft> designate(RosterCommand.DesignateNextIc d, Roster roster) {
        Responder r = requireResponder(roster, d.responderId());
        if (r.presence() == Presence.LEFT) {
            throw refuse(r.name() + " has left the response and cannot be the next IC");
        }
        if (roster.commander().map(ic -> isResponder(roster, ic, r)).orElse(false)) {
            throw refuse(r.name() + " is the incident commander now");
        }
        if (roster.nextCommander().map(n -> n.responderId().equals(r.id())).orElse(false)) {
            throw refuse(r.name() + " is already the designated next IC");
        }
        return one(new CommandEvent.NextIcDesignated(r.id(), r.name()));
    }
}
