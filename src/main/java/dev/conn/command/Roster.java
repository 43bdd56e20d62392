package dev.conn.command;

import dev.conn.incident.CommandFold;
import dev.conn.incident.Event;
import dev.conn.incident.Retractions;
import dev.conn.incident.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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
 *   <li>The incident commander (IC) is the one {@link CommandFold} folds (the declared
 *       commander, replaced by a {@code ROLE_ASSIGNED} or an acknowledged hand-off of {@link
 *       Role#INCIDENT_COMMANDER}), the same fold the incident header reads; a role passes at the
 *       acknowledgement time, never at the offer time, and only by the first outcome of its offer.
 *   <li>The IC holds every role not delegated (SRE book ch. 14). A delegated role whose holder
 *       leaves reverts to the IC. Subject matter experts are several and never held by default.
 *   <li>The declaring commander is on the roster, on duty from the declaration, under {@link
 *       #declaredCommanderId}; an outgoing holder stays on the roster after a hand-off (issue 14
 *       item 5). An older log that added them by hand keeps one responder, under the added id.
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
 * because the log may come from an import. The deciders ({@link RosterDecider}, {@link
 * HandoffDecider}, {@link TaskDecider}) refuse such commands on the way in. {@link RosterFold}
 * folds incrementally.
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

    Roster(
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
     * Folds an incident's log. Events are applied in timeline order ({@link Event#BY_OCCURRENCE});
     * retracted events are left out; contending decisions (two outcomes of one offer, two offers
     * of one role) are settled in the order given, the log's ({@link
     * dev.conn.incident.CommandFold}).
     *
     * @param events the events of one incident, in the log's order; other types are ignored
     * @return the roster
     * @throws IllegalArgumentException if the events belong to more than one incident
     */
    public static Roster fold(Collection<Event> events) {
        List<Event> live = Retractions.withoutRetracted(List.copyOf(events));
        List<Event> sorted = new ArrayList<>(live);
        sorted.sort(Event.BY_OCCURRENCE);
        RosterFold f = new RosterFold();
        f.expect(live); // contending decisions settled in the log's order: the order given
        sorted.forEach(f::apply);
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

    /**
     * The responder id the declaring commander has on the roster and in the duty log when they
     * never joined by hand: the id of the {@code INCIDENT_DECLARED} event, so every console folds
     * the same id.
     *
     * @param declared the declaration event
     * @return its id as a string
     */
    public static String declaredCommanderId(Event declared) {
        return dev.conn.fatigue.DutyLog.declaredCommanderId(declared);
    }

    static Optional<Responder> resolve(List<Responder> responders, String id, String name) {
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
}
