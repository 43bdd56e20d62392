package dev.conn.command;

import dev.conn.incident.Event;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentState;
import dev.conn.incident.Payload;
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
import java.util.Objects;
import java.util.Optional;

/**
 * Who is in the response and who holds which role: a pure fold over one incident's events, after
 * PagerDuty's incident roles (https://response.pagerduty.com/before/different_roles/) and the
 * Google SRE book, chapter 14 "Managing Incidents". Role holders are derived from events and never
 * stored as mutable state.
 *
 * <p>Rules of the fold:
 *
 * <ul>
 *   <li>The incident commander (IC) is the {@code commander} of {@code INCIDENT_DECLARED} (its
 *       author if none), replaced by a {@code ROLE_ASSIGNED} or {@code HANDOFF_ACKNOWLEDGED} of
 *       {@link Role#INCIDENT_COMMANDER}, exactly as {@link IncidentState} folds it; a role passes
 *       at the acknowledgement time, never at the offer time.
 *   <li>The IC holds every role not delegated (SRE book ch. 14). A delegated role whose holder
 *       leaves reverts to the IC. Subject matter experts are several and never held by default.
 *   <li>A holder known only by name (the declared IC) is matched to the responder of that name,
 *       ignoring case; a holder who matches no responder is presumed present.
 *   <li>The designated next IC is cleared when that person takes command or leaves.
 *   <li>Leaderless: while the incident is open, the IC role is empty, its holder has left, or its
 *       holder is on a break without having handed off. Events at the same instant are applied
 *       together before the check, so a hand-off recorded at the moment the IC leaves leaves no
 *       gap. A resolved incident has no leader to miss: resolution ends an open gap and reopening
 *       starts the check again.
 * </ul>
 *
 * <p>The fold trusts the log: events that are out of place (a break for an unknown responder, an
 * unknown role name, a terminal hand-off event for an unknown offer) are skipped, never thrown on,
 * because the log may come from an import. {@link CommandService} refuses such events on the way
 * in.
 */
public final class Roster {
    private final List<Responder> responders;
    private final Optional<RoleHolder> commander;
    private final Map<Role, List<RoleHolder>> holders;
    private final Optional<NextIc> nextCommander;
    private final List<LeaderlessInterval> leaderlessIntervals;

    /**
     * The person designated in advance to take command if the IC must hand off
     * ({@code NEXT_IC_DESIGNATED}).
     *
     * @param responderId the designee's responder id
     * @param person the designee's display name
     * @param designatedAt when they were designated (UTC)
     */
    public record NextIc(String responderId, String person, Instant designatedAt) {
        /** @throws NullPointerException if any field is null */
        public NextIc {
            Objects.requireNonNull(responderId, "responderId");
            Objects.requireNonNull(person, "person");
            Objects.requireNonNull(designatedAt, "designatedAt");
        }
    }

    private Roster(
            List<Responder> responders,
            Optional<RoleHolder> commander,
            Map<Role, List<RoleHolder>> holders,
            Optional<NextIc> nextCommander,
            List<LeaderlessInterval> leaderlessIntervals) {
        this.responders = List.copyOf(responders);
        this.commander = commander;
        this.holders = holders;
        this.nextCommander = nextCommander;
        this.leaderlessIntervals = List.copyOf(leaderlessIntervals);
    }

    /**
     * Folds an incident's log. Events are applied in timeline order ({@link Event#BY_OCCURRENCE}),
     * whatever order they are given in.
     *
     * @param events the events of one incident, in any order; other types are ignored
     * @return the roster
     * @throws IllegalArgumentException if the events belong to more than one incident
     */
    public static Roster fold(Collection<Event> events) {
        List<Event> sorted = new ArrayList<>(dev.conn.incident.Retractions.withoutRetracted(List.copyOf(events)));
        sorted.sort(Event.BY_OCCURRENCE);
        Folder f = new Folder(dev.conn.incident.HandoffOutcomes.of(sorted));
        for (int i = 0; i < sorted.size(); i++) {
            Event e = sorted.get(i);
            f.apply(e);
            boolean lastAtThisInstant =
                    i + 1 == sorted.size() || !sorted.get(i + 1).occurredAt().equals(e.occurredAt());
            // no gap before the incident exists: a back-dated entry is not a leaderless moment
            if (lastAtThisInstant && f.declared) {
                f.checkLeadership(e.occurredAt());
            }
        }
        return f.roster();
    }

    /** @return every responder who ever joined, in order of first joining */
    public List<Responder> responders() {
        return responders;
    }

    /** @return the responders on duty or on a break, in order of first joining */
    public List<Responder> present() {
        return responders.stream().filter(r -> r.presence().isPresent()).toList();
    }

    /**
     * @param responderId a responder id
     * @return that responder, if they ever joined
     */
    public Optional<Responder> responder(String responderId) {
        return responders.stream().filter(r -> r.id().equals(responderId)).findFirst();
    }

    /**
     * The responder a role holder is: by id when known, else the last joined responder of the same
     * name (ignoring case).
     *
     * @param holder a role holder of this roster
     * @return the responder, or empty if the holder never joined as a responder
     */
    public Optional<Responder> responderOf(RoleHolder holder) {
        return resolve(responders, holder.responderId().orElse(null), holder.person());
    }

    /** @return the incident commander, or empty if nobody holds the role */
    public Optional<RoleHolder> commander() {
        return commander;
    }

    /**
     * @param role a role that has at most one holder (not {@link Role#SUBJECT_MATTER_EXPERT})
     * @return its holder: the delegate, else the IC for roles the IC holds by default; empty if
     *     nobody
     * @throws IllegalArgumentException for {@link Role#SUBJECT_MATTER_EXPERT}; use {@link
     *     #holders(Role)}
     */
    public Optional<RoleHolder> holder(Role role) {
        if (role.allowsSeveralHolders()) {
            throw new IllegalArgumentException(role.label() + " can have several holders; use holders(role)");
        }
        return holders.get(role).stream().findFirst();
    }

    /**
     * @param role any role
     * @return its holders (at most one unless the role {@link Role#allowsSeveralHolders()}), in
     *     order of assignment
     */
    public List<RoleHolder> holders(Role role) {
        return holders.get(role);
    }

    /** @return every holding, in {@link Role} order, the IC's default holdings included */
    public List<RoleHolder> holders() {
        List<RoleHolder> all = new ArrayList<>();
        for (Role r : Role.values()) {
            all.addAll(holders.get(r));
        }
        return List.copyOf(all);
    }

    /**
     * @param responderId a responder id
     * @return the roles that responder holds now (matched as {@link #responderOf(RoleHolder)}), in
     *     {@link Role} order
     */
    public List<RoleHolder> rolesOf(String responderId) {
        return holders().stream()
                .filter(h -> responderOf(h).map(r -> r.id().equals(responderId)).orElse(false))
                .toList();
    }

    /** @return the designated next incident commander, if one is designated */
    public Optional<NextIc> nextCommander() {
        return nextCommander;
    }

    /**
     * @return every leaderless interval of the incident, oldest first; the last may be ongoing
     *     (empty end)
     */
    public List<LeaderlessInterval> leaderlessIntervals() {
        return leaderlessIntervals;
    }

    /** @return the gap in command that lasts now, if any (for the persistent banner) */
    public Optional<LeaderlessInterval> currentLeaderlessInterval() {
        if (leaderlessIntervals.isEmpty()) {
            return Optional.empty();
        }
        LeaderlessInterval last = leaderlessIntervals.get(leaderlessIntervals.size() - 1);
        return last.isOngoing() ? Optional.of(last) : Optional.empty();
    }

    /** @return true if nobody is in command now */
    public boolean isLeaderless() {
        return currentLeaderlessInterval().isPresent();
    }

    private static Optional<Responder> resolve(List<Responder> responders, String id, String name) {
        if (id != null) {
            for (Responder r : responders) {
                if (r.id().equals(id)) {
                    return Optional.of(r);
                }
            }
        }
        String n = name == null ? "" : name.strip();
        Responder match = null;
        for (Responder r : responders) {
            if (!n.isEmpty() && r.name().strip().equalsIgnoreCase(n)) {
                match = r;
            }
        }
        return Optional.ofNullable(match);
    }

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

    /** Applies events one at a time; the mutable half of {@link #fold}. */
    private static final class Folder {
        private IncidentId incident;
        private final Map<String, Responder> responders = new LinkedHashMap<>();
        private Holding commander;
        private final EnumMap<Role, List<Holding>> delegated = new EnumMap<>(Role.class);
        private final EnumMap<Role, Instant> revertedAt = new EnumMap<>(Role.class);
        private final Map<String, OfferFrom> offers = new HashMap<>();
        private NextIc nextIc;
        private boolean resolved;
        private final List<LeaderlessInterval> intervals = new ArrayList<>();
        private Instant gapStart;
        private LeaderlessInterval.Reason gapReason;
        private final dev.conn.incident.HandoffOutcomes handoffs;
        private boolean declared;

        Folder(dev.conn.incident.HandoffOutcomes handoffs) {
            this.handoffs = handoffs;
            for (Role r : Role.values()) {
                delegated.put(r, new ArrayList<>());
            }
        }

        void apply(Event e) {
            if (incident == null) {
                incident = e.incidentId();
            } else if (!incident.equals(e.incidentId())) {
                throw new IllegalArgumentException(
                        "events of incidents " + incident + " and " + e.incidentId() + " mixed");
            }
            Payload p = e.payload();
            Instant at = e.occurredAt();
            switch (e.type()) {
                case INCIDENT_DECLARED -> {
                    declared = true;
                    String who = p.text("commander").orElse(e.author()).strip();
                    commander = who.isEmpty() ? null : new Holding(who, null, at);
                }
                case RESPONDER_JOINED -> p.text("responderId")
                        .filter(id -> !id.isBlank())
                        .ifPresent(id -> joined(id, p, at));
                case RESPONDER_LEFT -> p.text("responderId").ifPresent(id -> left(id, at));
                case BREAK_STARTED -> p.text("responderId")
                        .ifPresent(id -> move(id, Presence.ON_DUTY, Presence.ON_BREAK, at));
                case BREAK_ENDED -> p.text("responderId")
                        .ifPresent(id -> move(id, Presence.ON_BREAK, Presence.ON_DUTY, at));
                case ROLE_ASSIGNED -> Role.fromName(p.textOrEmpty("role")).ifPresent(role -> {
                    String person = p.textOrEmpty("person").strip();
                    if (!person.isEmpty()) {
                        take(role, new Holding(person, p.text("responderId").orElse(null), at), null);
                    }
                });
                case HANDOFF_OFFERED -> p.text("offerId")
                        .ifPresent(id -> offers.put(
                                id,
                                new OfferFrom(
                                        p.textOrEmpty("from"), p.text("fromId").orElse(null))));
                case HANDOFF_ACKNOWLEDGED -> Role.fromName(p.textOrEmpty("role"))
                        .filter(role -> handoffs.transfers(e)) // not for a declined, expired or unknown offer
                        .ifPresent(role -> {
                            String to = p.textOrEmpty("to").strip();
                            if (!to.isEmpty()) {
                                OfferFrom from = offers.get(p.textOrEmpty("offerId"));
                                take(role, new Holding(to, p.text("toId").orElse(null), at), from);
                            }
                        });
                case NEXT_IC_DESIGNATED -> p.text("responderId").ifPresent(id -> {
                    String person = p.text("person")
                            .or(() -> Optional.ofNullable(responders.get(id)).map(Responder::name))
                            .orElse(id);
                    nextIc = new NextIc(id, person, at);
                });
                case STATUS_CHANGED -> p.text("status")
                        .flatMap(Folder::status)
                        .ifPresent(s -> resolved = s == Status.RESOLVED);
                case RESOLVED -> resolved = true;
                default -> {
                    // other types do not change the roster
                }
            }
        }

        private static Optional<Status> status(String text) {
            try {
                return Optional.of(Status.parse(text));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }

        private void joined(String id, Payload p, Instant at) {
            Responder old = responders.get(id);
            String name =
                    p.text("name").filter(n -> !n.isBlank()).map(String::strip).orElse(old == null ? id : old.name());
            Optional<String> handle = p.text("handle")
                    .filter(h -> !h.isBlank())
                    .map(String::strip)
                    .or(() -> old == null ? Optional.empty() : old.handle());
            Optional<ZoneId> zone =
                    p.text("timeZone").flatMap(Folder::zone).or(() -> old == null ? Optional.empty() : old.timeZone());
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
                commander = h;
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

        void checkLeadership(Instant at) {
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
            if (commander == null) {
                return LeaderlessInterval.Reason.NO_COMMANDER;
            }
            Optional<Responder> r =
                    resolve(List.copyOf(responders.values()), commander.responderId(), commander.person());
            if (r.isEmpty()) {
                return null;
            }
            return switch (r.get().presence()) {
                case LEFT -> LeaderlessInterval.Reason.COMMANDER_LEFT;
                case ON_BREAK -> LeaderlessInterval.Reason.COMMANDER_ON_BREAK;
                case ON_DUTY -> null;
            };
        }

        Roster roster() {
            List<Responder> rs = List.copyOf(responders.values());
            List<LeaderlessInterval> gaps = new ArrayList<>(intervals);
            if (gapStart != null) {
                gaps.add(new LeaderlessInterval(gapStart, Optional.empty(), gapReason));
            }
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
                    .or(() -> resolve(rs, null, h.person()).map(Responder::id));
            return new RoleHolder(role, h.person(), id, since, byDefault);
        }
    }
}
