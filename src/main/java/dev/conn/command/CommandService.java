package dev.conn.command;

import dev.conn.incident.AckMethod;
import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.incident.IncidentState;
import dev.conn.incident.Payload;
import dev.conn.incident.Role;
import dev.conn.settings.Policy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The command domain API: responders, roles, hand-offs with acknowledgement, and check-back tasks
 * (PagerDuty incident roles, https://response.pagerduty.com/before/different_roles/; Google SRE
 * book ch. 14 "Managing Incidents"; ICS transfer of command). Each command reads the incident's
 * log, validates the request against the current folds ({@link Roster}, {@link Handoffs}, {@link
 * CheckBackTask}) and records one event through {@link IncidentService#record}; nothing is kept
 * in memory between calls, so every console and the CLI see the same state.
 *
 * <p>Every method blocks on the event store: call from a background task, never from the FX
 * thread. "Now" comes from the {@link IncidentService#clock()}; every event is stamped with the
 * instant it was validated at. Commands are serialised within this service; two processes writing
 * the same incident at the same moment are not (the store has no compare-and-append yet).
 *
 * <p>Refusals: {@link IllegalArgumentException} for a bad input (blank text, wrong read-back
 * code, a non-positive duration), {@link IllegalStateException} when the request contradicts the
 * incident's state, with a message that says what to do instead. {@code StoreException} if the
 * database cannot be read or written.
 */
public final class CommandService {
    private final IncidentService incidents;
    private final Clock clock;
    private final Duration ackTimeout;
    private final RandomGenerator random;
    private final CommunicationDeadlines deadlines;

    /**
     * A service without a source of communication deadlines ({@link CommunicationDeadlines#NONE}).
     *
     * @param incidents where events are recorded and read; its clock is "now"
     * @param handoffPolicy the hand-off rules, for the ACK timeout
     * @param random draws read-back codes; a {@code SecureRandom} in the app, seeded in tests
     * @throws IllegalArgumentException if the ACK timeout is not positive
     */
    public CommandService(IncidentService incidents, Policy.Handoff handoffPolicy, RandomGenerator random) {
        this(incidents, handoffPolicy, random, CommunicationDeadlines.NONE);
    }

    /**
     * @param incidents where events are recorded and read; its clock is "now"
     * @param handoffPolicy the hand-off rules, for the ACK timeout
     * @param random draws read-back codes; a {@code SecureRandom} in the app, seeded in tests
     * @param deadlines where hand-off briefs get coming communication deadlines from
     * @throws IllegalArgumentException if the ACK timeout is not positive
     */
    public CommandService(
            IncidentService incidents,
            Policy.Handoff handoffPolicy,
            RandomGenerator random,
            CommunicationDeadlines deadlines) {
        this.incidents = Objects.requireNonNull(incidents, "incidents");
        this.clock = incidents.clock();
        this.ackTimeout = handoffPolicy.ackTimeout();
        if (ackTimeout.isNegative() || ackTimeout.isZero()) {
            throw new IllegalArgumentException("The hand-off ACK timeout must be positive, not " + ackTimeout);
        }
        this.random = Objects.requireNonNull(random, "random");
        this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
    }

    // ---- queries --------------------------------------------------------------------------------

    /**
     * @param incident an incident
     * @return its roster now
     * @throws IllegalStateException if no such incident was declared
     */
    public Roster roster(IncidentId incident) {
        return Roster.fold(events(incident));
    }

    /**
     * @param incident an incident
     * @return its hand-offs, folded with the policy ACK timeout; ask them about pending and expiry
     *     with the clock's instant
     * @throws IllegalStateException if no such incident was declared
     */
    public Handoffs handoffs(IncidentId incident) {
        return Handoffs.fold(events(incident), ackTimeout);
    }

    /**
     * @param incident an incident
     * @return its check-back tasks, in order of assignment
     * @throws IllegalStateException if no such incident was declared
     */
    public List<CheckBackTask> tasks(IncidentId incident) {
        return CheckBackTask.fold(events(incident));
    }

    // ---- responders -----------------------------------------------------------------------------

    /**
     * Adds a person to the response ({@code RESPONDER_JOINED}). Someone of the same name who left
     * earlier joins again under their old responder id.
     *
     * @param incident the incident
     * @param name the person's display name
     * @param handle chat handle or phone, if known
     * @param timeZone the person's time zone, if known
     * @param author the person at the keyboard
     * @return the responder, on duty
     * @throws IllegalArgumentException if the name is blank
     * @throws IllegalStateException if someone of that name is already in the response, or the
     *     incident is unknown
     */
    public synchronized Responder addResponder(
            IncidentId incident, String name, Optional<String> handle, Optional<ZoneId> timeZone, String author) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new IllegalArgumentException("Give the responder's name");
        }
        List<Event> events = events(incident);
        Roster roster = Roster.fold(events);
        Optional<Responder> same = roster.responders().stream()
                .filter(r -> r.name().equalsIgnoreCase(n))
                .reduce((first, second) -> second);
        if (same.isPresent() && same.get().presence().isPresent()) {
            throw new IllegalStateException(
                    n + " is already in the response (" + same.get().presence().label() + ")");
        }
        String id = same.map(Responder::id).orElseGet(() -> Event.newId().toString());
        Event e = record(
                incident,
                EventType.RESPONDER_JOINED,
                Payload.of(
                        "responderId",
                        id,
                        "name",
                        n,
                        "handle",
                        handle.map(String::strip).filter(h -> !h.isEmpty()).orElse(null),
                        "timeZone",
                        timeZone.map(ZoneId::getId).orElse(null)),
                now(),
                author);
        return after(events, e).responder(id).orElseThrow();
    }

    /**
     * A responder who left joins again, under the same id ({@code RESPONDER_JOINED}).
     *
     * @param incident the incident
     * @param responderId the responder
     * @param author the person at the keyboard
     * @return the responder, on duty
     * @throws IllegalStateException if the responder is unknown or has not left
     */
    public synchronized Responder join(IncidentId incident, String responderId, String author) {
        List<Event> events = events(incident);
        Responder r = requireResponder(Roster.fold(events), responderId);
        if (r.presence().isPresent()) {
            throw new IllegalStateException(
                    r.name() + " is already in the response (" + r.presence().label() + ")");
        }
        Event e = record(
                incident,
                EventType.RESPONDER_JOINED,
                Payload.of("responderId", r.id(), "name", r.name()),
                now(),
                author);
        return after(events, e).responder(responderId).orElseThrow();
    }

    /**
     * A responder leaves the response ({@code RESPONDER_LEFT}). Roles delegated to them revert to
     * the IC; if they are the IC, the incident is leaderless until someone takes command.
     *
     * @param incident the incident
     * @param responderId the responder
     * @param author the person at the keyboard
     * @return the responder, left
     * @throws IllegalStateException if the responder is unknown or already left
     */
    public synchronized Responder leave(IncidentId incident, String responderId, String author) {
        List<Event> events = events(incident);
        Responder r = requireResponder(Roster.fold(events), responderId);
        if (r.presence() == Presence.LEFT) {
            throw new IllegalStateException(r.name() + " already left at " + UtcTime.hhmm(r.since()));
        }
        return recordPresence(incident, events, r, EventType.RESPONDER_LEFT, author);
    }

    /**
     * A responder on duty starts a break ({@code BREAK_STARTED}). An IC who goes on a break
     * without handing off leaves the incident leaderless.
     *
     * @param incident the incident
     * @param responderId the responder
     * @param author the person at the keyboard
     * @return the responder, on a break
     * @throws IllegalStateException if the responder is unknown, on a break already, or left
     */
    public synchronized Responder startBreak(IncidentId incident, String responderId, String author) {
        List<Event> events = events(incident);
        Responder r = requireResponder(Roster.fold(events), responderId);
        if (r.presence() != Presence.ON_DUTY) {
            throw new IllegalStateException(
                    r.name() + " is not on duty (" + r.presence().label() + " since " + UtcTime.hhmm(r.since()) + ")");
        }
        return recordPresence(incident, events, r, EventType.BREAK_STARTED, author);
    }

    /**
     * A responder on a break is back on duty ({@code BREAK_ENDED}).
     *
     * @param incident the incident
     * @param responderId the responder
     * @param author the person at the keyboard
     * @return the responder, on duty
     * @throws IllegalStateException if the responder is unknown or not on a break
     */
    public synchronized Responder endBreak(IncidentId incident, String responderId, String author) {
        List<Event> events = events(incident);
        Responder r = requireResponder(Roster.fold(events), responderId);
        if (r.presence() != Presence.ON_BREAK) {
            throw new IllegalStateException(
                    r.name() + " is not on a break (" + r.presence().label() + ")");
        }
        return recordPresence(incident, events, r, EventType.BREAK_ENDED, author);
    }

    /** Records a leave or break event for a responder and returns them as they are after it. */
    private Responder recordPresence(
            IncidentId incident, List<Event> events, Responder r, EventType type, String author) {
        Event e = record(incident, type, Payload.of("responderId", r.id(), "person", r.name()), now(), author);
        return after(events, e).responder(r.id()).orElseThrow();
    }

    // ---- roles ----------------------------------------------------------------------------------

    /**
     * Gives a role directly, without a hand-off ({@code ROLE_ASSIGNED}): the IC delegating a role
     * it holds by default, adding a subject matter expert, or someone taking command while nobody
     * is in command. A role someone else holds, and command while someone is in command, pass only
     * by hand-off with acknowledgement.
     *
     * @param incident the incident
     * @param role the role
     * @param responderId who gets it
     * @param author the person at the keyboard
     * @return the new holding
     * @throws IllegalStateException if the responder is unknown or not on duty, already holds the
     *     role, a hand-off of the role is pending, the incident commander is in command (for {@link
     *     Role#INCIDENT_COMMANDER}), or the role is delegated to someone else
     */
    public synchronized RoleHolder assignRole(IncidentId incident, Role role, String responderId, String author) {
        Objects.requireNonNull(role, "role");
        List<Event> events = expireDueAndRead(incident, author);
        Roster roster = Roster.fold(events);
        Responder to = requireOnDuty(roster, responderId, "take the " + role.label() + " role");
        List<RoleHolder> current = roster.holders(role);
        if (current.stream().anyMatch(h -> isResponder(roster, h, to))) {
            throw new IllegalStateException(to.name() + " already holds the " + role.label() + " role");
        }
        Instant now = now();
        List<Handoff> pending = Handoffs.fold(events, ackTimeout).pendingFor(role, now);
        if (!pending.isEmpty() && !role.allowsSeveralHolders()) {
            Handoff h = pending.get(0);
            throw new IllegalStateException("A hand-off of the " + role.label() + " role to " + h.to()
                    + " is pending until " + UtcTime.hhmm(h.expiresAt()) + "; withdraw it first");
        }
        if (role.isCommand() && !roster.isLeaderless()) {
            String ic = roster.commander().map(RoleHolder::person).orElse("The IC");
            throw new IllegalStateException(
                    ic + " is in command; command passes only by a hand-off that " + to.name() + " acknowledges");
        }
        if (!role.isCommand() && !role.allowsSeveralHolders()) {
            Optional<RoleHolder> delegate =
                    current.stream().filter(h -> !h.byDefault()).findFirst();
            if (delegate.isPresent()) {
                throw new IllegalStateException(delegate.get().person() + " holds the " + role.label()
                        + " role; pass it by a hand-off that " + to.name() + " acknowledges");
            }
        }
        Event e = record(
                incident,
                EventType.ROLE_ASSIGNED,
                Payload.of("role", role, "person", to.name(), "responderId", to.id()),
                now,
                author);
        return after(events, e).holders(role).stream()
                .filter(h -> h.responderId().map(to.id()::equals).orElse(false))
                .findFirst()
                .orElseThrow();
    }

    /**
     * Designates who takes command next if the IC must hand off ({@code NEXT_IC_DESIGNATED}).
     *
     * @param incident the incident
     * @param responderId the designee
     * @param author the person at the keyboard
     * @return the designation
     * @throws IllegalStateException if the responder is unknown, has left, is the IC, or is
     *     designated already
     */
    public synchronized Roster.NextIc designateNextIc(IncidentId incident, String responderId, String author) {
        List<Event> events = events(incident);
        Roster roster = Roster.fold(events);
        Responder r = requireResponder(roster, responderId);
        if (r.presence() == Presence.LEFT) {
            throw new IllegalStateException(r.name() + " has left the response and cannot be the next IC");
        }
        if (roster.commander().map(ic -> isResponder(roster, ic, r)).orElse(false)) {
            throw new IllegalStateException(r.name() + " is the incident commander now");
        }
        if (roster.nextCommander().map(n -> n.responderId().equals(r.id())).orElse(false)) {
            throw new IllegalStateException(r.name() + " is already the designated next IC");
        }
        Event e = record(
                incident,
                EventType.NEXT_IC_DESIGNATED,
                Payload.of("responderId", r.id(), "person", r.name()),
                now(),
                author);
        return after(events, e).nextCommander().orElseThrow();
    }

    // ---- hand-offs ------------------------------------------------------------------------------

    /**
     * Offers a role from its holder to a responder ({@code HANDOFF_OFFERED}) with a brief and a
     * fresh read-back code. The holder keeps the role until the receiver acknowledges, within the
     * policy ACK timeout. Offers past their timeout are first recorded as expired.
     *
     * @param incident the incident
     * @param role a role with one holder (for subject matter experts use {@link
     *     #offerHandoff(IncidentId, Role, String, String, String)})
     * @param toResponderId the receiver
     * @param author the person at the keyboard
     * @return the offer with its brief and code
     * @throws IllegalArgumentException for {@link Role#SUBJECT_MATTER_EXPERT}
     * @throws IllegalStateException if nobody holds the role, a hand-off of the role is pending,
     *     the receiver is unknown, has left, is on a break, or already holds the role
     */
    public synchronized HandoffOffer offerHandoff(IncidentId incident, Role role, String toResponderId, String author) {
        return offerHandoff(incident, role, toResponderId, Optional.empty(), author);
    }

    /**
     * Offers a role as {@link #offerHandoff(IncidentId, Role, String, String)}, keeping the
     * read-back code of a brief the holder has already previewed ({@link #previewHandoff}), so a
     * brief read aloud from the preview is the one the receiver reads back. The brief is composed
     * again from the log as it is now.
     *
     * @param incident the incident
     * @param role a role with one holder
     * @param toResponderId the receiver
     * @param code the previewed code, or empty for a fresh one
     * @param author the person at the keyboard
     * @return the offer with its brief and code
     * @throws IllegalArgumentException for {@link Role#SUBJECT_MATTER_EXPERT}
     * @throws IllegalStateException as {@link #offerHandoff(IncidentId, Role, String, String)}
     */
    public synchronized HandoffOffer offerHandoff(
            IncidentId incident, Role role, String toResponderId, Optional<ReadBackCode> code, String author) {
        List<Event> events = expireDueAndRead(incident, author);
        Prepared p = prepare(events, singleHolder(Roster.fold(events), role), toResponderId, code);
        return offer(incident, p, author);
    }

    /**
     * Composes the brief an offer of a role would carry, with a fresh read-back code, and checks
     * the offer would be accepted, without recording anything: the holder reads it before
     * offering. Pass its code to {@link #offerHandoff(IncidentId, Role, String, Optional,
     * String)}.
     *
     * @param incident the incident
     * @param role a role with one holder
     * @param toResponderId the receiver
     * @return the brief, whose last line carries the code, and the code
     * @throws IllegalArgumentException for {@link Role#SUBJECT_MATTER_EXPERT}
     * @throws IllegalStateException as {@link #offerHandoff(IncidentId, Role, String, String)}
     */
    public synchronized BriefPreview previewHandoff(IncidentId incident, Role role, String toResponderId) {
        List<Event> events = events(incident);
        Prepared p = prepare(events, singleHolder(Roster.fold(events), role), toResponderId, Optional.empty());
        return new BriefPreview(p.brief(), p.code());
    }

    /**
     * A brief shown before the offer.
     *
     * @param brief the brief as it would be sent
     * @param code its read-back code
     */
    public record BriefPreview(HandoffBrief brief, ReadBackCode code) {
        /** @throws NullPointerException if a field is null */
        public BriefPreview {
            java.util.Objects.requireNonNull(brief, "brief");
            java.util.Objects.requireNonNull(code, "code");
        }
    }

    private static RoleHolder singleHolder(Roster roster, Role role) {
        if (role.allowsSeveralHolders()) {
            throw new IllegalArgumentException("Say which " + role.label() + " hands off");
        }
        return roster.holder(role)
                .orElseThrow(() -> new IllegalStateException(
                        "Nobody holds the " + role.label() + " role, so there is nothing to hand off; assign it"));
    }

    /**
     * Offers a role from a named holder to a responder: as {@link #offerHandoff(IncidentId, Role,
     * String, String)}, for any role, including one of several subject matter experts.
     *
     * @param incident the incident
     * @param role the role
     * @param fromResponderId the holder who hands off
     * @param toResponderId the receiver
     * @param author the person at the keyboard
     * @return the offer with its brief and code
     * @throws IllegalStateException if {@code fromResponderId} does not hold the role, or as
     *     {@link #offerHandoff(IncidentId, Role, String, String)}
     */
    public synchronized HandoffOffer offerHandoff(
            IncidentId incident, Role role, String fromResponderId, String toResponderId, String author) {
        List<Event> events = expireDueAndRead(incident, author);
        Roster roster = Roster.fold(events);
        Responder from = requireResponder(roster, fromResponderId);
        RoleHolder holder = roster.holders(role).stream()
                .filter(h -> isResponder(roster, h, from))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalStateException(from.name() + " does not hold the " + role.label() + " role"));
        return offer(incident, prepare(events, holder, toResponderId, Optional.empty()), author);
    }

    /** An offer checked against the log, with its brief: all but the recording. */
    private record Prepared(RoleHolder holder, Responder to, ReadBackCode code, HandoffBrief brief, Instant now) {}

    private Prepared prepare(List<Event> events, RoleHolder holder, String toId, Optional<ReadBackCode> previewed) {
        Roster roster = Roster.fold(events);
        Role role = holder.role();
        Responder to = requireResponder(roster, toId);
        if (to.presence() == Presence.LEFT) {
            throw new IllegalStateException(to.name() + " has left the response and cannot take the " + role.label()
                    + " role; pick someone on duty");
        }
        if (to.presence() == Presence.ON_BREAK) {
            throw new IllegalStateException(
                    to.name() + " is on a break; end the break before offering the " + role.label() + " role");
        }
        if (roster.holders(role).stream().anyMatch(h -> isResponder(roster, h, to))) {
            throw new IllegalStateException(to.name() + " already holds the " + role.label() + " role");
        }
        Instant now = now();
        Handoffs handoffs = Handoffs.fold(events, ackTimeout);
        for (Handoff p : handoffs.pendingFor(role, now)) {
            boolean sameHolder =
                    !role.allowsSeveralHolders() || holder.isPerson(p.fromId().orElse(null), p.from());
            if (sameHolder) {
                throw new IllegalStateException("A hand-off of the " + role.label() + " role from " + p.from() + " to "
                        + p.to() + " is already pending (offered " + UtcTime.hhmm(p.offeredAt()) + ", expires "
                        + UtcTime.hhmm(p.expiresAt()) + "); wait for the answer or withdraw it first");
            }
        }
        ReadBackCode code = previewed.orElseGet(() -> ReadBackCode.generate(random));
        IncidentState state = IncidentState.fold(events);
        HandoffBrief brief = HandoffBrief.compose(
                new HandoffBrief.Subject(role, holder.person(), to.name(), code),
                state,
                roster,
                CheckBackTask.fold(events),
                HandoffBrief.recentDecisions(events, HandoffBrief.RECENT_DECISIONS),
                deadlines.upcoming(state, events, now),
                now);
        return new Prepared(holder, to, code, brief, now);
    }

    private HandoffOffer offer(IncidentId incident, Prepared p, String author) {
        RoleHolder holder = p.holder();
        Role role = holder.role();
        Responder to = p.to();
        ReadBackCode code = p.code();
        HandoffBrief brief = p.brief();
        Instant now = p.now();
        String offerId = Event.newId().toString();
        record(
                incident,
                EventType.HANDOFF_OFFERED,
                Payload.of(
                        "offerId",
                        offerId,
                        "role",
                        role,
                        "from",
                        holder.person(),
                        "fromId",
                        holder.responderId().orElse(null),
                        "to",
                        to.name(),
                        "toId",
                        to.id(),
                        "readBackCode",
                        code.value(),
                        "brief",
                        brief.text(),
                        // stored, so a later policy change or another console's policy cannot
                        // turn this offer back to pending or to expired after the fact
                        "expiresAt",
                        now.plus(ackTimeout)),
                now,
                author);
        Handoff h = Handoff.offer(
                offerId,
                role,
                holder.person(),
                holder.responderId(),
                to.name(),
                to.id(),
                code,
                brief.text(),
                now,
                ackTimeout);
        return new HandoffOffer(h, brief);
    }

    /**
     * The receiver acknowledges a pending offer ({@code HANDOFF_ACKNOWLEDGED}); the role passes to
     * them at this instant. Offers past their timeout are first recorded as expired, so an ACK
     * that comes too late is refused.
     *
     * @param incident the incident
     * @param offerId the offer
     * @param method how the receiver acknowledged
     * @param spokenCode what the receiver read back; needed only for {@link AckMethod#READ_BACK},
     *     may be null otherwise
     * @param author the person at the keyboard
     * @return the acknowledged hand-off and the announcement to propose
     * @throws IllegalArgumentException if the method is READ_BACK and the code is missing or wrong
     * @throws IllegalStateException if the offer is unknown or not pending (acknowledged,
     *     declined, withdrawn, expired), the receiver has left or is on a break, or the offering
     *     holder no longer holds the role
     */
    public synchronized Acknowledgement acknowledge(
            IncidentId incident, String offerId, AckMethod method, String spokenCode, String author) {
        Objects.requireNonNull(method, "method");
        List<Event> events = expireDueAndRead(incident, author);
        Handoff offered = Handoffs.fold(events, ackTimeout).require(offerId);
        Instant now = now();
        Handoff acked = offered.acknowledge(method, spokenCode, now);
        Roster roster = Roster.fold(events);
        Optional<Responder> receiver = roster.responder(offered.toId());
        if (receiver.isPresent() && receiver.get().presence() != Presence.ON_DUTY) {
            throw new IllegalStateException(receiver.get().name() + " is not on duty ("
                    + receiver.get().presence().label() + ") and cannot take the "
                    + offered.role().label()
                    + " role; offer it to someone on duty");
        }
        boolean stillHolds = roster.holders(offered.role()).stream()
                .anyMatch(h -> offered.fromId().isPresent() && h.responderId().isPresent()
                        ? h.responderId().get().equals(offered.fromId().get())
                        : h.person().strip().equalsIgnoreCase(offered.from().strip()));
        if (!stillHolds) {
            // e.g. the holder left and the role went back to the IC: the IC never agreed to this offer
            throw new IllegalStateException(
                    offered.from() + " no longer holds the " + offered.role().label()
                            + " role, so this offer cannot be acknowledged; the current holder must offer it again");
        }
        record(
                incident,
                EventType.HANDOFF_ACKNOWLEDGED,
                Payload.of(
                        "offerId",
                        offerId,
                        "role",
                        offered.role(),
                        "to",
                        offered.to(),
                        "toId",
                        offered.toId(),
                        "method",
                        method),
                now,
                author);
        return new Acknowledgement(acked, HandoffAnnouncement.afterAcknowledgement(acked));
    }

    /**
     * The receiver declines a pending offer ({@code HANDOFF_DECLINED}); the holder keeps the role.
     *
     * @param incident the incident
     * @param offerId the offer
     * @param reason why, if given
     * @param author the person at the keyboard
     * @return the declined hand-off
     * @throws IllegalStateException if the offer is unknown or not pending
     */
    public synchronized Handoff decline(IncidentId incident, String offerId, Optional<String> reason, String author) {
        List<Event> events = expireDueAndRead(incident, author);
        Instant now = now();
        Optional<String> why = clean(reason);
        Handoff declined = Handoffs.fold(events, ackTimeout).require(offerId).decline(why, now);
        record(
                incident,
                EventType.HANDOFF_DECLINED,
                Payload.of("offerId", offerId, "reason", why.orElse(null)),
                now,
                author);
        return declined;
    }

    /**
     * The holder takes a pending offer back ({@code HANDOFF_WITHDRAWN}) and keeps the role.
     *
     * @param incident the incident
     * @param offerId the offer
     * @param reason why, if given
     * @param author the person at the keyboard
     * @return the withdrawn hand-off
     * @throws IllegalStateException if the offer is unknown or not pending
     */
    public synchronized Handoff withdraw(IncidentId incident, String offerId, Optional<String> reason, String author) {
        List<Event> events = expireDueAndRead(incident, author);
        Instant now = now();
        Optional<String> why = clean(reason);
        Handoff withdrawn = Handoffs.fold(events, ackTimeout).require(offerId).withdraw(why, now);
        record(
                incident,
                EventType.HANDOFF_WITHDRAWN,
                Payload.of("offerId", offerId, "reason", why.orElse(null)),
                now,
                author);
        return withdrawn;
    }

    /**
     * Records {@code HANDOFF_EXPIRED} for every offer whose ACK timeout has passed by the clock's
     * now and that is not recorded as expired yet, dated at its expiry time. Idempotent: a second
     * call records nothing. Call it from the UI tick; the result raises the alarm.
     *
     * @param incident the incident
     * @param author the person (or console) noticing
     * @return the offers newly recorded as expired; the holders keep their roles
     * @throws IllegalStateException if no such incident was declared
     */
    public synchronized List<Handoff> expireDue(IncidentId incident, String author) {
        return expireDue(incident, events(incident), author);
    }

    private List<Handoff> expireDue(IncidentId incident, List<Event> events, String author) {
        Instant now = now();
        List<Handoff> expired = new ArrayList<>();
        for (Handoff h : Handoffs.fold(events, ackTimeout).dueForExpiry(now)) {
            Handoff x = h.expire(now);
            record(
                    incident,
                    EventType.HANDOFF_EXPIRED,
                    Payload.of("offerId", h.offerId()),
                    x.closedAt().orElseThrow(),
                    author);
            expired.add(x);
        }
        return List.copyOf(expired);
    }

    // ---- check-back tasks -----------------------------------------------------------------------

    /**
     * Gives a responder a time-boxed task ({@code TASK_ASSIGNED}).
     *
     * @param incident the incident
     * @param responderId the assignee
     * @param text what to do
     * @param checkBackIn when to report back, from now; positive
     * @param author the person at the keyboard
     * @return the task, assigned, with {@code checkBackAt} = now + {@code checkBackIn} (UTC)
     * @throws IllegalArgumentException if the text is blank or the duration not positive
     * @throws IllegalStateException if the assignee is unknown or not on duty
     */
    public synchronized CheckBackTask assignTask(
            IncidentId incident, String responderId, String text, Duration checkBackIn, String author) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("Say what the task is");
        }
        if (checkBackIn == null || checkBackIn.isNegative() || checkBackIn.isZero()) {
            throw new IllegalArgumentException("Give a check-back time in the future");
        }
        List<Event> events = events(incident);
        Responder r = requireOnDuty(Roster.fold(events), responderId, "take a task");
        Instant now = now();
        String taskId = Event.newId().toString();
        Event e = record(
                incident,
                EventType.TASK_ASSIGNED,
                Payload.of(
                        "taskId",
                        taskId,
                        "responderId",
                        r.id(),
                        "person",
                        r.name(),
                        "text",
                        t,
                        "checkBackAt",
                        now.plus(checkBackIn)),
                now,
                author);
        return requireTask(plus(events, e), taskId);
    }

    /**
     * The assignee confirms a task ({@code TASK_ACKNOWLEDGED}).
     *
     * @param incident the incident
     * @param taskId the task
     * @param author the person at the keyboard
     * @return the task, acknowledged
     * @throws IllegalStateException if the task is unknown, acknowledged already, done or cancelled
     */
    public synchronized CheckBackTask acknowledgeTask(IncidentId incident, String taskId, String author) {
        List<Event> events = events(incident);
        CheckBackTask t = requireTask(events, taskId);
        if (t.state() != TaskState.ASSIGNED) {
            throw new IllegalStateException(
                    "The task \"" + t.text() + "\" is " + t.state().name().toLowerCase(Locale.ROOT) + " already");
        }
        Event e = record(incident, EventType.TASK_ACKNOWLEDGED, Payload.of("taskId", taskId), now(), author);
        return requireTask(plus(events, e), taskId);
    }

    /**
     * Marks a task done ({@code TASK_DONE}).
     *
     * @param incident the incident
     * @param taskId the task
     * @param result what came of it, if given
     * @param author the person at the keyboard
     * @return the task, done
     * @throws IllegalStateException if the task is unknown, done or cancelled
     */
    public synchronized CheckBackTask completeTask(
            IncidentId incident, String taskId, Optional<String> result, String author) {
        return close(incident, taskId, EventType.TASK_DONE, "text", result, author);
    }

    /**
     * Calls a task off ({@code TASK_CANCELLED}).
     *
     * @param incident the incident
     * @param taskId the task
     * @param reason why, if given
     * @param author the person at the keyboard
     * @return the task, cancelled
     * @throws IllegalStateException if the task is unknown, done or cancelled
     */
    public synchronized CheckBackTask cancelTask(
            IncidentId incident, String taskId, Optional<String> reason, String author) {
        return close(incident, taskId, EventType.TASK_CANCELLED, "reason", reason, author);
    }

    private CheckBackTask close(
            IncidentId incident, String taskId, EventType type, String field, Optional<String> why, String author) {
        List<Event> events = events(incident);
        CheckBackTask t = requireTask(events, taskId);
        if (!t.isOpen()) {
            throw new IllegalStateException(
                    "The task \"" + t.text() + "\" is " + t.state().name().toLowerCase(Locale.ROOT) + " already");
        }
        Event e = record(
                incident, type, Payload.of("taskId", taskId, field, clean(why).orElse(null)), now(), author);
        return requireTask(plus(events, e), taskId);
    }

    // ---- helpers --------------------------------------------------------------------------------

    private Instant now() {
        return clock.instant();
    }

    /**
     * The event types the roster, hand-off, task and brief folds read (not the notes of a long
     * incident); views that fold the same state use this set too.
     */
    public static final java.util.Set<EventType> EVENT_TYPES;

    static {
        java.util.Set<EventType> types = java.util.EnumSet.copyOf(IncidentState.HEADER_TYPES);
        types.addAll(java.util.EnumSet.of(
                EventType.RESPONDER_JOINED,
                EventType.RESPONDER_LEFT,
                EventType.BREAK_STARTED,
                EventType.BREAK_ENDED,
                EventType.ROLE_ASSIGNED,
                EventType.NEXT_IC_DESIGNATED,
                EventType.HANDOFF_OFFERED,
                EventType.HANDOFF_ACKNOWLEDGED,
                EventType.HANDOFF_DECLINED,
                EventType.HANDOFF_EXPIRED,
                EventType.HANDOFF_WITHDRAWN,
                EventType.TASK_ASSIGNED,
                EventType.TASK_ACKNOWLEDGED,
                EventType.TASK_DONE,
                EventType.TASK_CANCELLED,
                EventType.DECISION,
                EventType.EVENT_CORRECTED,
                EventType.EVENT_RETRACTED));
        EVENT_TYPES = java.util.Collections.unmodifiableSet(types);
    }

    /**
     * The types whose arrival from another console makes a read stale: who is in the response,
     * who holds what, offers and tasks. Notes and decisions typed meanwhile do not.
     */
    private static final java.util.Set<EventType> GUARDED_TYPES = guardedTypes();

    private static java.util.Set<EventType> guardedTypes() {
        java.util.Set<EventType> t = java.util.EnumSet.copyOf(EVENT_TYPES);
        t.removeAll(java.util.EnumSet.of(EventType.DECISION, EventType.EVENT_CORRECTED));
        return java.util.Collections.unmodifiableSet(t);
    }

    /** Log position before the last read, and what this service stored since (guarded appends). */
    private long readPosition = -1;

    private final java.util.Set<java.util.UUID> storedSinceRead = new java.util.HashSet<>();

    private List<Event> events(IncidentId incident) {
        readPosition = incidents.logPosition(); // before the read: a later append is then always seen
        storedSinceRead.clear();
        List<Event> events = incidents.events(incident, EVENT_TYPES);
        if (events.stream().noneMatch(e -> e.type() == EventType.INCIDENT_DECLARED)) {
            throw new IllegalStateException("No incident " + incident.shortForm());
        }
        return events;
    }

    /**
     * Records the expiry of offers past their timeout (the service "noticing" them, by whoever's
     * command noticed), then returns the log as it is now.
     */
    private List<Event> expireDueAndRead(IncidentId incident, String author) {
        List<Event> events = events(incident);
        List<Handoff> expired = expireDue(incident, events, author);
        return expired.isEmpty() ? events : events(incident);
    }

    /**
     * Records an event decided on the last read of the log, refused with {@link
     * dev.conn.incident.ConcurrentChangeException} if another console or the CLI changed the
     * people, roles, offers or tasks of the incident since that read.
     */
    private Event record(IncidentId incident, EventType type, Payload payload, Instant at, String author) {
        Event e = incidents.recordUnlessChanged(
                incident,
                type,
                payload,
                Optional.of(at),
                author,
                new IncidentService.ReadGuard(readPosition, GUARDED_TYPES, storedSinceRead));
        storedSinceRead.add(e.id());
        return e;
    }

    private static Roster after(List<Event> events, Event recorded) {
        return Roster.fold(plus(events, recorded));
    }

    private static List<Event> plus(List<Event> events, Event recorded) {
        List<Event> all = new ArrayList<>(events);
        all.add(recorded);
        return all;
    }

    private static Responder requireResponder(Roster roster, String responderId) {
        return roster.responder(responderId)
                .orElseThrow(() -> new IllegalStateException("No responder " + responderId + " in this incident"));
    }

    private static Responder requireOnDuty(Roster roster, String responderId, String toDo) {
        Responder r = requireResponder(roster, responderId);
        if (r.presence() == Presence.LEFT) {
            throw new IllegalStateException(r.name() + " has left the response and cannot " + toDo);
        }
        if (r.presence() == Presence.ON_BREAK) {
            throw new IllegalStateException(r.name() + " is on a break; end the break first");
        }
        return r;
    }

    private static boolean isResponder(Roster roster, RoleHolder h, Responder r) {
        return roster.responderOf(h).map(x -> x.id().equals(r.id())).orElse(false);
    }

    private static CheckBackTask requireTask(List<Event> events, String taskId) {
        return CheckBackTask.fold(events).stream()
                .filter(t -> t.taskId().equals(taskId))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No task " + taskId + " in this incident"));
    }

    private static Optional<String> clean(Optional<String> text) {
        return text.map(String::strip).filter(s -> !s.isEmpty());
    }
}
