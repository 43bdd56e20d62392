package dev.conn.postmortem;

import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.Retractions;
import dev.conn.incident.TimelineEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One incident's postmortem state, folded as events arrive: its milestones ({@link Milestones}),
 * what the team wrote ({@link Postmortem}) and the changes made to production that await a
 * clean-up decision. The deciders fold the events they read into one, and the postmortem tab keeps
 * one in step with the open incident, so a new event costs the work it brings, not a refold of the
 * log: a section edit recorded after the last one is applied on its own; the few events the
 * milestones depend on are refolded only when one of them arrives; an edit that arrives out of
 * recording order, or a retraction of a postmortem event, refolds only the postmortem events.
 *
 * <p>Pure and not thread-safe: use from one thread. Events of other types are ignored; an event id
 * seen before is ignored.
 */
public final class PostmortemFold {
    /** Every event type the fold reads. */
    public static final Set<EventType> TYPES;

    static {
        Set<EventType> t = EnumSet.noneOf(EventType.class);
        t.addAll(Milestones.TYPES);
        t.addAll(Postmortem.TYPES);
        t.add(EventType.ACTION_TAKEN);
        TYPES = java.util.Collections.unmodifiableSet(t);
    }

    private final Map<UUID, Event> seen = new HashMap<>();
    private final List<Event> timeline = new ArrayList<>();
    private final List<Event> written = new ArrayList<>();
    private final List<Event> changes = new ArrayList<>();
    private final List<Event> retractions = new ArrayList<>();
    /** Retractions by the id they name, for events that arrive after their retraction. */
    private final Map<UUID, Event> retractionOf = new HashMap<>();

    private final Set<UUID> retracted = new HashSet<>();
    private boolean declared;
    private Milestones milestones;
    private boolean milestonesStale;
    private Postmortem.Builder builder = new Postmortem.Builder();
    private Event lastApplied;
    private boolean postmortemStale;
    private Postmortem postmortem;

    /**
     * @param events events of one incident, in any order
     * @return a fold of them
     */
    public static PostmortemFold of(Collection<Event> events) {
        PostmortemFold f = new PostmortemFold();
        events.forEach(f::add);
        return f;
    }

    /**
     * Takes in one event of the incident.
     *
     * @param e the event
     * @return true if it changed what the fold answers (a type it reads, not seen before)
     */
    public boolean add(Event e) {
        if (!TYPES.contains(e.type()) || seen.putIfAbsent(e.id(), e) != null) {
            return false;
        }
        EventType type = e.type();
        if (type == EventType.EVENT_RETRACTED) {
            retractions.add(e);
            milestonesStale = true;
            if (Bodies.read(e) instanceof TimelineEvent.EventRetracted r) {
                retractionOf.putIfAbsent(r.retractedEventId(), e);
                Event target = seen.get(r.retractedEventId());
                if (target != null) {
                    withdraw(target, e);
                }
            }
            return true;
        }
        if (Milestones.TYPES.contains(type)) {
            timeline.add(e);
            declared |= type == EventType.INCIDENT_DECLARED;
            milestonesStale = true;
        } else if (type == EventType.ACTION_TAKEN) {
            changes.add(e);
        } else {
            written.add(e);
            apply(e);
        }
        Event retraction = retractionOf.get(e.id());
        if (retraction != null) { // the retraction arrived before the event it names
            withdraw(e, retraction);
        }
        return true;
    }

    /** Withdraws {@code target} if {@code retraction} may withdraw it (the one rule of Retractions). */
    private void withdraw(Event target, Event retraction) {
        if (Retractions.retractedIds(List.of(target, retraction)).contains(target.id()) && retracted.add(target.id())) {
            postmortemStale |= Postmortem.TYPES.contains(target.type());
        }
    }

    private void apply(Event e) {
        if (postmortemStale) {
            return;
        }
        if (lastApplied != null && Milestones.BY_RECORDING.compare(e, lastApplied) < 0) {
            postmortemStale = true; // recorded before what is applied already: refold in order
            return;
        }
        builder.apply(e);
        lastApplied = e;
        postmortem = null;
    }

    /** @return true once the incident's declaration has been folded */
    public boolean declared() {
        return declared;
    }

    /** @return the milestones and TTx, or empty until the declaration has been folded */
    public Optional<Milestones> milestones() {
        if (!declared) {
            return Optional.empty();
        }
        if (milestones == null || milestonesStale) {
            List<Event> events = new ArrayList<>(timeline);
            events.addAll(retractions);
            milestones = Milestones.fold(events);
            milestonesStale = false;
        }
        return Optional.of(milestones);
    }

    /** @return what the team wrote, as last edited */
    public Postmortem postmortem() {
        if (postmortemStale) {
            List<Event> live = new ArrayList<>();
            for (Event w : written) {
                if (!retracted.contains(w.id())) {
                    live.add(w);
                }
            }
            live.sort(Milestones.BY_RECORDING);
            builder = new Postmortem.Builder();
            live.forEach(builder::apply);
            lastApplied = live.isEmpty() ? null : live.get(live.size() - 1);
            postmortemStale = false;
            postmortem = null;
        }
        if (postmortem == null) {
            postmortem = builder.build();
        }
        return postmortem;
    }

    /** @return the changes made to production ({@code ACTION_TAKEN}) that are not retracted, in timeline order */
    public List<Event> changesMade() {
        List<Event> out = new ArrayList<>();
        for (Event c : changes) {
            if (!retracted.contains(c.id())) {
                out.add(c);
            }
        }
        out.sort(Event.BY_OCCURRENCE);
        return out;
    }
}
