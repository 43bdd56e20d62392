package dev.conn.command;

import dev.conn.incident.CommandEvent;
import dev.conn.incident.CommandFold;
import dev.conn.incident.Event;
import dev.conn.incident.EventBody;
import dev.conn.incident.EventType;
import dev.conn.incident.HeaderEvent;
import dev.conn.incident.IncidentId;
import dev.conn.incident.Role;
import dev.conn.incident.Status;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The incremental fold behind {@link Roster}: apply events one at a time in timeline order
 * ({@link Event#BY_OCCURRENCE}), retracted ones left out, and take a {@link #roster()} whenever
 * needed; the rules are {@link Roster}'s. The leadership check for an instant runs once every event
 * of that instant is applied: when a later instant arrives, or (without changing the fold) when a
 * roster is taken. Who holds command comes from the one {@link CommandFold}. Not thread-safe.
 */
final class RosterFold {
    private final CommandFold command = new CommandFold();
    private IncidentId incident;
    private final Map<String, Responder> responders = new LinkedHashMap<>();
    private final EnumMap<Role, List<Holding>> delegated = new EnumMap<>(Role.class);
    private final EnumMap<Role, Instant> revertedAt = new EnumMap<>(Role.class);
    private final Map<String, OfferFrom> offers = new HashMap<>();
    private Roster.NextIc nextIc;
    private String declaredId;
    private boolean resolved;
    private boolean declared;
    private final List<LeaderlessInterval> intervals = new ArrayList<>();
    private Instant gapStart;
    private LeaderlessInterval.Reason gapReason;
    private Instant lastAt;

    /** One person holding one role; the responder id may be unknown. */
    private record Holding(String person, String responderId, Instant since) {
        boolean is(String id, String name) {
            if (id != null && responderId != null) {
                return responderId.equals(id);
            }
            return name != null && person.strip().equalsIgnoreCase(name.strip());
        }
    }

    /** Who a {@code HANDOFF_OFFERED} was from, for the SME hand-off that replaces one of several. */
    private record OfferFrom(String person, String responderId) {}

    RosterFold() {
        for (Role r : Role.values()) {
            delegated.put(r, new ArrayList<>());
        }
    }

    /**
     * Learns the offers of a whole log before it is applied (see {@link CommandFold#expect}).
     *
     * @param events the events about to be applied
     */
    void expect(Collection<Event> events) {
        command.expect(events);
    }

    /**
     * @param e the next event
     * @return true if applying it incrementally would differ from folding everything again
     */
    boolean needsRefold(Event e) {
        return command.needsRefold(e);
    }

    /**
     * Applies the next event in timeline order.
     *
     * @param e the event
     * @throws IllegalArgumentException if it belongs to another incident than the events before
     */
    void apply(Event e) {
        if (incident == null) {
            incident = e.incidentId();
        } else if (!incident.equals(e.incidentId())) {
            throw new IllegalArgumentException("events of incidents " + incident + " and " + e.incidentId() + " mixed");
        }
        Instant at = e.occurredAt();
        if (lastAt != null && !lastAt.equals(at) && declared) {
            checkLeadership(lastAt); // every event of the previous instant is in
        }
        lastAt = at;
        boolean handedOver = command.apply(e);
        if (e.type() == EventType.INCIDENT_DECLARED) {
            declared = true;
        }
        Optional<EventBody> body = Bodies.of(e);
        if (body.isEmpty()) {
            return;
        }
        EventBody b = body.get();
        if (b instanceof HeaderEvent.IncidentDeclared d) {
            declaredCommander(e, d);
        } else if (b instanceof CommandEvent.ResponderJoined j) {
            if (!j.responderId().isBlank()) {
                joined(j, at);
            }
        } else if (b instanceof CommandEvent.ResponderLeft l) {
            left(l.responderId(), at);
        } else if (b instanceof CommandEvent.BreakStarted s) {
            move(s.responderId(), Presence.ON_DUTY, Presence.ON_BREAK, at);
        } else if (b instanceof CommandEvent.BreakEnded s) {
            move(s.responderId(), Presence.ON_BREAK, Presence.ON_DUTY, at);
        } else if (b instanceof CommandEvent.RoleAssigned r) {
            String person = r.person().strip();
            if (!person.isEmpty()) {
                take(r.role(), new Holding(person, r.responderId().orElse(null), at), null);
            }
        } else if (b instanceof CommandEvent.HandoffOffered o) {
            offers.put(o.offerId(), new OfferFrom(o.from(), o.fromId().orElse(null)));
        } else if (b instanceof CommandEvent.HandoffAcknowledged a && handedOver) {
            String to = a.to().strip();
            if (!to.isEmpty()) { // not for a declined, expired or unknown offer: handedOver says so
                take(a.role(), new Holding(to, a.toId().orElse(null), at), offers.get(a.offerId()));
            }
        } else if (b instanceof CommandEvent.NextIcDesignated n) {
            String person = Optional.of(n.person().strip())
                    .filter(x -> !x.isEmpty())
                    .or(() ->
                            Optional.ofNullable(responders.get(n.responderId())).map(Responder::name))
                    .orElse(n.responderId());
            nextIc = new Roster.NextIc(n.responderId(), person, at);
        } else if (b instanceof HeaderEvent.StatusChanged s) {
            resolved = s.status() == Status.RESOLVED;
        } else if (b instanceof HeaderEvent.Resolved) {
            resolved = true;
        }
    }

    /**
     * The declaring commander is on the roster from the declaration, under the declaration's event
     * id ({@link Roster#declaredCommanderId}), so they can take a task and their duty is counted.
     */
    private void declaredCommander(Event e, HeaderEvent.IncidentDeclared d) {
        String name = d.commander().map(String::strip).orElse("");
        if (name.isEmpty()
                || Roster.resolve(List.copyOf(responders.values()), null, name).isPresent()) {
            return;
        }
        String id = Roster.declaredCommanderId(e);
        responders.put(
                id,
                new Responder(
                        id,
                        name,
                        Optional.empty(),
                        Optional.empty(),
                        Presence.ON_DUTY,
                        e.occurredAt(),
                        e.occurredAt()));
        declaredId = id;
    }

    private void joined(CommandEvent.ResponderJoined j, Instant at) {
        String id = j.responderId();
        Responder declaredAs = declaredId == null || declaredId.equals(id) ? null : responders.get(declaredId);
        if (declaredAs != null
                && declaredAs.presence().isPresent()
                && declaredAs.name().strip().equalsIgnoreCase(j.name().strip())) {
            // an older log added the declaring commander by hand: one person, on duty since declaring
            responders.remove(declaredId);
            responders.put(
                    id,
                    new Responder(
                            id,
                            declaredAs.name(),
                            Optional.empty(),
                            Optional.empty(),
                            declaredAs.presence(),
                            declaredAs.since(),
                            declaredAs.joinedAt()));
            declaredId = null;
        }
        Responder old = responders.get(id);
        String name = Optional.of(j.name().strip()).filter(n -> !n.isEmpty()).orElse(old == null ? id : old.name());
        Optional<String> handle = j.handle()
                .map(String::strip)
                .filter(h -> !h.isEmpty())
                .or(() -> old == null ? Optional.empty() : old.handle());
        Optional<ZoneId> zone =
                j.timeZone().flatMap(RosterFold::zone).or(() -> old == null ? Optional.empty() : old.timeZone());
        if (old == null) {
            responders.put(id, new Responder(id, name, handle, zone, Presence.ON_DUTY, at, at));
        } else {
            boolean back = old.presence() == Presence.LEFT;
            responders.put(
                    id,
                    new Responder(
                            id,
                            name,
                            handle,
                            zone,
                            back ? Presence.ON_DUTY : old.presence(),
                            back ? at : old.since(),
                            old.joinedAt()));
        }
    }

    private static Optional<ZoneId> zone(String id) {
        try {
            return Optional.of(ZoneId.of(id.strip()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private void left(String id, Instant at) {
        Responder r = responders.get(id);
        if (r == null || r.presence() == Presence.LEFT) {
            return;
        }
        responders.put(id, with(r, Presence.LEFT, at));
        for (Role role : Role.values()) {
            List<Holding> hs = delegated.get(role);
            if (hs.removeIf(h -> h.is(id, r.name())) && hs.isEmpty()) {
                revertedAt.put(role, at);
            }
        }
        if (nextIc != null && nextIc.responderId().equals(id)) {
            nextIc = null;
        }
    }

    private void move(String id, Presence from, Presence to, Instant at) {
        Responder r = responders.get(id);
        if (r != null && r.presence() == from) {
            responders.put(id, with(r, to, at));
        }
    }

    private static Responder with(Responder r, Presence presence, Instant at) {
        return new Responder(r.id(), r.name(), r.handle(), r.timeZone(), presence, at, r.joinedAt());
    }

    /** Gives a role to a person; {@code from} is who handed it off, for roles with several holders. */
    private void take(Role role, Holding h, OfferFrom from) {
        if (role.isCommand()) {
            // the command fold already made them commander; the designation is used up
            if (nextIc != null && h.is(nextIc.responderId(), nextIc.person())) {
                nextIc = null;
            }
        } else if (role.allowsSeveralHolders()) {
            List<Holding> hs = delegated.get(role);
            if (from != null) {
                hs.removeIf(x -> x.is(from.responderId(), from.person()));
            }
            if (hs.stream().noneMatch(x -> x.is(h.responderId(), h.person()))) {
                hs.add(h);
            }
        } else {
            List<Holding> hs = delegated.get(role);
            hs.clear();
            hs.add(h);
        }
    }

    private Holding commander() {
        return command.commander()
                .map(c -> new Holding(c.person(), c.responderId().orElse(null), c.since()))
                .orElse(null);
    }

    private void checkLeadership(Instant at) {
        LeaderlessInterval.Reason reason = leaderlessReason();
        if (gapStart == null && reason != null) {
            gapStart = at;
            gapReason = reason;
        } else if (gapStart != null && reason == null) {
            intervals.add(new LeaderlessInterval(gapStart, Optional.of(at), gapReason));
            gapStart = null;
            gapReason = null;
        }
    }

    private LeaderlessInterval.Reason leaderlessReason() {
        if (resolved) {
            return null;
        }
        Holding commander = commander();
        if (commander == null) {
            return LeaderlessInterval.Reason.NO_COMMANDER;
        }
        Optional<Responder> r =
                Roster.resolve(List.copyOf(responders.values()), commander.responderId(), commander.person());
        if (r.isEmpty()) {
            return null;
        }
        return switch (r.get().presence()) {
            case LEFT -> LeaderlessInterval.Reason.COMMANDER_LEFT;
            case ON_BREAK -> LeaderlessInterval.Reason.COMMANDER_ON_BREAK;
            case ON_DUTY -> null;
        };
    }

    /** @return the roster after the events applied so far; the fold itself is not changed */
    Roster roster() {
        List<Responder> rs = List.copyOf(responders.values());
        List<LeaderlessInterval> gaps = new ArrayList<>(intervals);
        Instant start = gapStart;
        LeaderlessInterval.Reason reason = gapReason;
        if (lastAt != null && declared) { // the check of the last instant, on copies
            LeaderlessInterval.Reason now = leaderlessReason();
            if (start == null && now != null) {
                start = lastAt;
                reason = now;
            } else if (start != null && now == null) {
                gaps.add(new LeaderlessInterval(start, Optional.of(lastAt), reason));
                start = null;
            }
        }
        if (start != null) {
            gaps.add(new LeaderlessInterval(start, Optional.empty(), reason));
        }
        Holding commander = commander();
        Optional<RoleHolder> ic =
                Optional.ofNullable(commander).map(c -> holder(rs, Role.INCIDENT_COMMANDER, c, c.since(), false));
        EnumMap<Role, List<RoleHolder>> byRole = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            List<RoleHolder> list = new ArrayList<>();
            if (role.isCommand()) {
                ic.ifPresent(list::add);
            } else {
                for (Holding h : delegated.get(role)) {
                    list.add(holder(rs, role, h, h.since(), false));
                }
                if (list.isEmpty() && role.heldByCommanderByDefault() && commander != null) {
                    Instant since = commander.since();
                    Instant reverted = revertedAt.get(role);
                    if (reverted != null && reverted.isAfter(since)) {
                        since = reverted;
                    }
                    list.add(holder(rs, role, commander, since, true));
                }
            }
            byRole.put(role, List.copyOf(list));
        }
        return new Roster(rs, ic, byRole, Optional.ofNullable(nextIc), gaps);
    }

    private static RoleHolder holder(List<Responder> rs, Role role, Holding h, Instant since, boolean byDefault) {
        Optional<String> id = Optional.ofNullable(h.responderId())
                .or(() -> Roster.resolve(rs, null, h.person()).map(Responder::id));
        return new RoleHolder(role, h.person(), id, since, byDefault);
    }
}
