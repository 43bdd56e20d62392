package dev.conn.fatigue;

import dev.conn.incident.CommandEvent;
import dev.conn.incident.Event;
import dev.conn.incident.EventBody;
import dev.conn.incident.EventType;
import dev.conn.incident.HeaderEvent;
import dev.conn.incident.IncidentId;
import dev.conn.incident.MalformedEventException;
import dev.conn.incident.Retractions;
import dev.conn.incident.Status;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Who was on duty when, in one incident: a pure fold over the responder events of its log. No
 * clock is needed here; {@link DutyClock} evaluates a responder's record at an instant.
 *
 * <p>Events read (see {@link CommandEvent}): {@code ResponderJoined} (id, name, optional handle and
 * IANA time zone), {@code ResponderLeft}, {@code BreakStarted}, {@code BreakEnded}, {@code
 * FatigueAlerted} (level); {@code EVENT_RETRACTED} withdraws the event it names.
 *
 * <p>The fold is forgiving, because logs are imported and merged: an event without a
 * {@code responderId}, a break for someone not present, a second break start, a break end without
 * a start, a repeated join while present and a leave while absent change nothing; an unknown
 * {@code timeZone} is ignored (the caller's zone is used); a retracted event is left out. Leaving
 * during a break ends the break too.
 *
 * <p>The declaring commander ({@code IncidentDeclared.commander}) is on duty from the declaration,
 * under {@link #declaredCommanderId}, unless a responder of that name already joined; a later join
 * of the same name (older logs added them by hand) continues that duty under the joined id.
 * Resolution ({@code RESOLVED}, or {@code STATUS_CHANGED} to resolved) ends everyone's duty and
 * break at that instant: the responders stand down and no fatigue clock runs for a resolved
 * incident. Reopening puts those stood down back on duty from the reopening (issue 14 item 5).
 */
public final class DutyLog {

    /** The event types the fold reads; enough to build the log without the whole timeline. */
    public static final Set<EventType> TYPES = Collections.unmodifiableSet(EnumSet.of(
            EventType.RESPONDER_JOINED,
            EventType.RESPONDER_LEFT,
            EventType.BREAK_STARTED,
            EventType.BREAK_ENDED,
            EventType.FATIGUE_ALERTED,
            EventType.INCIDENT_DECLARED,
            EventType.STATUS_CHANGED,
            EventType.RESOLVED,
            EventType.EVENT_RETRACTED));

    private static final DutyLog EMPTY = new DutyLog(List.of());

    private final List<ResponderDuty> responders;

    private DutyLog(List<ResponderDuty> responders) {
        this.responders = List.copyOf(responders);
    }

    /**
     * The responder id of the declaring commander who never joined by hand: the declaration
     * event's id, so every console folds the same one.
     *
     * @param declared the {@code INCIDENT_DECLARED} event
     * @return its id as a string
     */
    public static String declaredCommanderId(Event declared) {
        return declared.id().toString();
    }

    /** @return a log with no responders */
    public static DutyLog empty() {
        return EMPTY;
    }

    /**
     * Folds a log. Events are applied in timeline order ({@link Event#BY_OCCURRENCE}), so they may
     * be given in any order; types other than {@link #TYPES} are skipped.
     *
     * @param events events of one incident, in any order
     * @return the duty log
     * @throws IllegalArgumentException if the events belong to more than one incident
     */
    public static DutyLog fold(Collection<Event> events) {
        List<Event> sorted = new ArrayList<>(Retractions.withoutRetracted(List.copyOf(events)));
        sorted.sort(Event.BY_OCCURRENCE);
        Fold f = new Fold();
        sorted.forEach(f::apply);
        return f.log();
    }

    /** @return every responder who ever joined, in order of first joining */
    public List<ResponderDuty> responders() {
        return responders;
    }

    /**
     * @param responderId a {@code responderId}
     * @return that responder's record, if they ever joined
     */
    public Optional<ResponderDuty> responder(String responderId) {
        return responders.stream()
                .filter(r -> r.responderId().equals(responderId))
                .findFirst();
    }

    @Override
    public String toString() {
        return "DutyLog" + responders;
    }

    /**
     * The incremental fold behind {@link #fold}: apply events one at a time in timeline order
     * ({@link Event#BY_OCCURRENCE}), retracted ones left out, and take the {@link #log()} whenever
     * needed. Not thread-safe.
     */
    public static final class Fold {
        private final Map<String, Builder> byId = new LinkedHashMap<>();
        private final Map<String, List<FatigueAlert>> alerts = new HashMap<>();
        private IncidentId incident;
        private String declaredId;
        private final List<Builder> stoodDown = new ArrayList<>();
        private boolean resolved;

        /** A fold with no events yet. */
        public Fold() {}

        /**
         * @param e the next event; types other than {@link #TYPES} change nothing
         * @throws IllegalArgumentException if it belongs to another incident than the events before
         */
        public void apply(Event e) {
            if (incident == null) {
                incident = e.incidentId();
            } else if (!incident.equals(e.incidentId())) {
                throw new IllegalArgumentException(
                        "events of incidents " + incident + " and " + e.incidentId() + " mixed");
            }
            if (!TYPES.contains(e.type())) {
                return;
            }
            EventBody b;
            try {
                b = e.body();
            } catch (MalformedEventException ex) {
                return; // an imported log may hold it: skipped, like any stray event
            }
            Instant at = e.occurredAt();
            if (b instanceof HeaderEvent.IncidentDeclared d) {
                declared(e, d);
            } else if (b instanceof HeaderEvent.Resolved) {
                resolve(at);
            } else if (b instanceof HeaderEvent.StatusChanged s) {
                if (s.status() == Status.RESOLVED) {
                    resolve(at);
                } else {
                    reopen(at);
                }
            } else if (b instanceof CommandEvent.ResponderJoined j) {
                if (!j.responderId().isBlank()) {
                    takeOverDeclared(j);
                    byId.computeIfAbsent(j.responderId(), Builder::new).join(j, at);
                }
            } else if (b instanceof CommandEvent.ResponderLeft l) {
                with(l.responderId(), r -> r.leave(at));
            } else if (b instanceof CommandEvent.BreakStarted s) {
                with(s.responderId(), r -> r.startBreak(at));
            } else if (b instanceof CommandEvent.BreakEnded s) {
                with(s.responderId(), r -> r.endBreak(at));
            } else if (b instanceof CommandEvent.FatigueAlerted a
                    && !a.responderId().isBlank()) {
                alerts.computeIfAbsent(a.responderId(), k -> new ArrayList<>()).add(new FatigueAlert(at, a.level()));
            }
        }

        private void declared(Event e, HeaderEvent.IncidentDeclared d) {
            String name = d.commander().map(String::strip).orElse("");
            boolean joined = byId.values().stream().anyMatch(r -> r.name.strip().equalsIgnoreCase(name));
            if (name.isEmpty() || joined) {
                return;
            }
            declaredId = declaredCommanderId(e);
            Builder r = byId.computeIfAbsent(declaredId, Builder::new);
            r.name = name;
            r.joinedAt = e.occurredAt();
        }

        /** An older log added the declaring commander by hand: their duty continues under that id. */
        private void takeOverDeclared(CommandEvent.ResponderJoined j) {
            Builder declared = declaredId == null ? null : byId.get(declaredId);
            if (declared == null
                    || declaredId.equals(j.responderId())
                    || byId.containsKey(j.responderId())
                    || !declared.name.strip().equalsIgnoreCase(j.name().strip())) {
                return;
            }
            byId.remove(declaredId);
            byId.put(j.responderId(), declared.renamed(j.responderId()));
            stoodDown.replaceAll(r -> r == declared ? byId.get(j.responderId()) : r);
            declaredId = null;
        }

        private void resolve(Instant at) {
            if (resolved) {
                return;
            }
            resolved = true;
            for (Builder r : byId.values()) {
                if (r.joinedAt != null) {
                    r.leave(at);
                    stoodDown.add(r);
                }
            }
        }

        private void reopen(Instant at) {
            if (!resolved) {
                return;
            }
            resolved = false;
            for (Builder r : stoodDown) {
                if (r.joinedAt == null) {
                    r.joinedAt = at;
                }
            }
            stoodDown.clear();
        }

        private void with(String id, Consumer<Builder> action) {
            Builder r = byId.get(id);
            if (r != null) {
                action.accept(r);
            }
        }

        /** @return the duty log after the events applied so far; the fold is not changed */
        public DutyLog log() {
            return new DutyLog(byId.values().stream()
                    .map(r -> r.build(alerts.getOrDefault(r.id, List.of())))
                    .toList());
        }
    }

    /** One responder's record under construction. */
    private static final class Builder {
        private final String id;
        private String name = "";
        private String handle;
        private ZoneId zone;
        private final List<TimeSpan> stints = new ArrayList<>();
        private final List<TimeSpan> breaks = new ArrayList<>();
        private Instant joinedAt;
        private Instant breakStartedAt;

        Builder(String id) {
            this.id = id;
        }

        /** @return a copy of this record under another responder id */
        Builder renamed(String newId) {
            Builder b = new Builder(newId);
            b.name = name;
            b.handle = handle;
            b.zone = zone;
            b.stints.addAll(stints);
            b.breaks.addAll(breaks);
            b.joinedAt = joinedAt;
            b.breakStartedAt = breakStartedAt;
            return b;
        }

        void join(CommandEvent.ResponderJoined j, Instant at) {
            if (!j.name().isBlank()) {
                name = j.name();
            }
            j.handle().filter(s -> !s.isBlank()).ifPresent(h -> handle = h);
            j.timeZone().flatMap(Builder::zone).ifPresent(z -> zone = z);
            if (joinedAt == null) {
                joinedAt = at;
            }
        }

        private static Optional<ZoneId> zone(String text) {
            try {
                return Optional.of(ZoneId.of(text.trim()));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }

        void leave(Instant at) {
            if (joinedAt == null) {
                return;
            }
            endBreak(at);
            stints.add(TimeSpan.closed(joinedAt, at));
            joinedAt = null;
        }

        void startBreak(Instant at) {
            if (joinedAt != null && breakStartedAt == null) {
                breakStartedAt = at;
            }
        }

        void endBreak(Instant at) {
            if (breakStartedAt != null) {
                breaks.add(TimeSpan.closed(breakStartedAt, at));
                breakStartedAt = null;
            }
        }

        ResponderDuty build(List<FatigueAlert> alerted) {
            List<TimeSpan> allStints = new ArrayList<>(stints);
            List<TimeSpan> allBreaks = new ArrayList<>(breaks);
            if (joinedAt != null) {
                allStints.add(TimeSpan.open(joinedAt));
            }
            if (breakStartedAt != null) {
                allBreaks.add(TimeSpan.open(breakStartedAt));
            }
            return new ResponderDuty(
                    id,
                    name.isEmpty() ? id : name,
                    Optional.ofNullable(handle),
                    Optional.ofNullable(zone),
                    allStints,
                    allBreaks,
                    alerted);
        }
    }
}
