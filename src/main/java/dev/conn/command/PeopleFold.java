package dev.conn.command;

import dev.conn.fatigue.DutyLog;
import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentState;
import dev.conn.incident.Retractions;
import dev.conn.incident.TimelineEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The people of one incident, folded incrementally: the {@link Roster}, the {@link Handoffs}, the
 * {@link CheckBackTask}s and the {@link DutyLog}, over the events of {@link #TYPES} only (never the
 * notes and messages of a long incident). The deciders fold what they read into one; each view
 * model keeps one and adds the events that arrive.
 *
 * <p>Events are added in any order and taken in lazily. Events that come after everything folded
 * so far (the usual case: what was just recorded) are applied to the running folds, so adding one
 * costs about one event's work whatever the length of the log. An event that would change the past
 * (back-dated before the newest folded one, a retraction, an event a retraction names, an offer
 * whose outcome is dated before it) makes the folds start again over the kept events, which gives
 * exactly what the whole-log folds ({@link Roster#fold}, {@link Handoffs#fold}, ...) give. Not
 * thread-safe: one owner (a decision, or a view model on the FX thread).
 */
public final class PeopleFold {
    /** The types the deciders read: the people, the header the brief needs, decisions and retractions. */
    public static final Set<EventType> DECIDER_TYPES;

    /** The types kept: {@link #DECIDER_TYPES} and the fatigue alerts of the duty log. */
    public static final Set<EventType> TYPES;

    static {
        Set<EventType> d = EnumSet.copyOf(IncidentState.HEADER_TYPES);
        d.addAll(EnumSet.of(
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
        DECIDER_TYPES = Collections.unmodifiableSet(d);
        Set<EventType> t = EnumSet.copyOf(d);
        t.addAll(DutyLog.TYPES);
        TYPES = Collections.unmodifiableSet(t);
    }

    private final Duration ackTimeout;
    private final Set<EventType> alsoKept;
    private final List<Event> arrived = new ArrayList<>();
    private final List<Event> kept = new ArrayList<>();
    private final List<Event> pending = new ArrayList<>();
    private final Set<UUID> ids = new HashSet<>();
    private final Set<UUID> named = new HashSet<>();
    private boolean declared;
    private RosterFold rosterFold;
    private Handoffs.Fold handoffFold;
    private CheckBackTask.Fold taskFold;
    private DutyLog.Fold dutyFold;
    private int refolds;

    private Roster roster;
    private Handoffs handoffs;
    private List<CheckBackTask> tasks;
    private DutyLog dutyLog;

    /**
     * @param ackTimeout the policy ACK timeout, for offers that did not store their expiry; positive
     * @throws IllegalArgumentException if the timeout is not positive
     */
    public PeopleFold(Duration ackTimeout) {
        this(ackTimeout, Set.of());
    }

    /**
     * A fold that also keeps events of other types in {@link #events()}, unfolded: those a
     * decision needs besides the people (the hand-off brief's communication deadlines).
     *
     * @param ackTimeout the policy ACK timeout; positive
     * @param alsoKept further types kept in {@link #events()}
     * @throws IllegalArgumentException if the timeout is not positive
     */
    public PeopleFold(Duration ackTimeout, Set<EventType> alsoKept) {
        new Handoffs.Fold(ackTimeout); // checks it
        this.ackTimeout = ackTimeout;
        this.alsoKept = Set.copyOf(alsoKept);
    }

    /**
     * Adds an event, if of a kept type and not added before.
     *
     * @param e an event of this fold's incident
     * @return true if it was kept
     */
    public boolean add(Event e) {
        if (!TYPES.contains(e.type())) {
            if (alsoKept.contains(e.type()) && ids.add(e.id())) {
                arrived.add(e); // kept for the decision, not folded
                return true;
            }
            return false;
        }
        if (!ids.add(e.id())) {
            return false;
        }
        arrived.add(e);
        pending.add(e);
        if (e.type() == EventType.INCIDENT_DECLARED) {
            declared = true;
        }
        roster = null;
        handoffs = null;
        tasks = null;
        dutyLog = null;
        return true;
    }

    /**
     * @param events events of this fold's incident, in any order
     * @return true if any was kept
     */
    public boolean addAll(Collection<Event> events) {
        boolean any = false;
        for (Event e : events) {
            any |= add(e);
        }
        return any;
    }

    /** Forgets every event (another incident is opened). */
    public void clear() {
        arrived.clear();
        kept.clear();
        pending.clear();
        ids.clear();
        named.clear();
        declared = false;
        rosterFold = null;
        roster = null;
        handoffs = null;
        tasks = null;
        dutyLog = null;
    }

    /** @return true once the incident's declaration is among the events */
    public boolean isDeclared() {
        return declared;
    }

    /**
     * @return the roster now
     * @throws IllegalArgumentException if the events belong to more than one incident
     */
    public Roster roster() {
        catchUp();
        if (roster == null) {
            roster = rosterFold.roster();
        }
        return roster;
    }

    /** @return the hand-offs now (pending, expiry and countdowns depend on the instant asked about) */
    public Handoffs handoffs() {
        catchUp();
        if (handoffs == null) {
            handoffs = handoffFold.handoffs();
        }
        return handoffs;
    }

    /** @return the check-back tasks, in order of assignment */
    public List<CheckBackTask> tasks() {
        catchUp();
        if (tasks == null) {
            tasks = taskFold.tasks();
        }
        return tasks;
    }

    /** @return who was on duty when, with the fatigue alerts recorded */
    public DutyLog dutyLog() {
        catchUp();
        if (dutyLog == null) {
            dutyLog = dutyFold.log();
        }
        return dutyLog;
    }

    /** @return the incident's header folded from the kept events, or empty before its declaration */
    public Optional<IncidentState> header() {
        if (!declared) {
            return Optional.empty();
        }
        return Optional.of(IncidentState.fold(arrived.stream()
                .filter(e -> IncidentState.HEADER_TYPES.contains(e.type()))
                .toList()));
    }

    /**
     * @return the kept events (also those of the further types kept) in the order they were added
     *     (storage order, for a decision)
     */
    public List<Event> events() {
        return Collections.unmodifiableList(arrived);
    }

    /** @return how many times the folds started again from the kept events (for tests) */
    int refolds() {
        catchUp();
        return refolds;
    }

    private void catchUp() {
        if (pending.isEmpty() && rosterFold != null) {
            return;
        }
        if (rosterFold != null) {
            // contending decisions among the new events are settled in their order of arrival
            List<Event> arrival = List.copyOf(pending);
            rosterFold.expect(arrival);
            handoffFold.expect(arrival);
        }
        pending.sort(Event.BY_OCCURRENCE);
        int applied = 0;
        if (rosterFold != null) {
            for (Event e : pending) {
                if (changesThePast(e)) {
                    break;
                }
                apply(e);
                kept.add(e);
                applied++;
            }
        }
        if (rosterFold == null || applied < pending.size()) {
            kept.addAll(pending.subList(applied, pending.size()));
            refold();
        }
        pending.clear();
    }

    private boolean changesThePast(Event e) {
        return (!kept.isEmpty() && Event.BY_OCCURRENCE.compare(e, kept.get(kept.size() - 1)) < 0)
                || e.type() == EventType.EVENT_RETRACTED
                || named.contains(e.id())
                || rosterFold.needsRefold(e)
                || handoffFold.needsRefold(e);
    }

    private void refold() {
        kept.sort(Event.BY_OCCURRENCE);
        named.clear();
        for (Event e : kept) {
            if (Bodies.of(e).orElse(null) instanceof TimelineEvent.EventRetracted r) {
                named.add(r.retractedEventId());
            }
        }
        List<Event> live = Retractions.withoutRetracted(kept);
        // contending decisions (two outcomes of one offer, two offers of one role) are settled in
        // the log's order, which is the order the events arrived in, never by their clocks
        List<Event> logOrder = Retractions.withoutRetracted(arrived);
        rosterFold = new RosterFold();
        handoffFold = new Handoffs.Fold(ackTimeout);
        taskFold = new CheckBackTask.Fold();
        dutyFold = new DutyLog.Fold();
        rosterFold.expect(logOrder);
        handoffFold.expect(logOrder);
        live.forEach(this::apply);
        refolds++;
    }

    private void apply(Event e) {
        rosterFold.apply(e);
        handoffFold.apply(e);
        taskFold.apply(e);
        dutyFold.apply(e);
    }
}
