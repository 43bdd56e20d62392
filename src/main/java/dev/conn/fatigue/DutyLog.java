package dev.conn.fatigue;

import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.FatigueLevel;
import dev.conn.incident.IncidentId;
import dev.conn.incident.Payload;
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
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Who was on duty when, in one incident: a pure fold over the responder events of its log. No
 * clock is needed here; {@link DutyClock} evaluates a responder's record at an instant.
 *
 * <p>Payload fields read (see {@link EventType}): {@code RESPONDER_JOINED} {@code responderId},
 * {@code name}, optional {@code handle}, optional {@code timeZone} (IANA id);
 * {@code RESPONDER_LEFT}, {@code BREAK_STARTED}, {@code BREAK_ENDED} {@code responderId};
 * {@code FATIGUE_ALERTED} {@code responderId}, {@code level}; {@code EVENT_RETRACTED}
 * {@code retractedEventId}.
 *
 * <p>The fold is forgiving, because logs are imported and merged: an event without a
 * {@code responderId}, a break for someone not present, a second break start, a break end without
 * a start, a repeated join while present and a leave while absent change nothing; an unknown
 * {@code timeZone} is ignored (the caller's zone is used); a retracted event is left out. Leaving
 * during a break ends the break too.
 */
public final class DutyLog {

    /** The event types the fold reads; enough to build the log without the whole timeline. */
    public static final Set<EventType> TYPES = Collections.unmodifiableSet(EnumSet.of(
            EventType.RESPONDER_JOINED,
            EventType.RESPONDER_LEFT,
            EventType.BREAK_STARTED,
            EventType.BREAK_ENDED,
            EventType.FATIGUE_ALERTED,
            EventType.EVENT_RETRACTED));

    private static final DutyLog EMPTY = new DutyLog(List.of());

    private final List<ResponderDuty> responders;

    private DutyLog(List<ResponderDuty> responders) {
        this.responders = List.copyOf(responders);
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
        List<Event> sorted = new ArrayList<>(events);
        sorted.sort(Event.BY_OCCURRENCE);
        Set<UUID> retracted = dev.conn.incident.Retractions.retractedIds(sorted);
        IncidentId incident = null;
        for (Event e : sorted) {
            if (incident == null) {
                incident = e.incidentId();
            } else if (!incident.equals(e.incidentId())) {
                throw new IllegalArgumentException(
                        "events of incidents " + incident + " and " + e.incidentId() + " mixed");
            }
        }
        Folder f = new Folder();
        for (Event e : sorted) {
            if (!retracted.contains(e.id())) {
                f.apply(e);
            }
        }
        return new DutyLog(f.result());
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

    /** Applies events one at a time; the mutable half of {@link #fold}. */
    private static final class Folder {
        private final Map<String, Builder> byId = new LinkedHashMap<>();
        private final Map<String, List<FatigueAlert>> alerts = new HashMap<>();

        void apply(Event e) {
            Payload p = e.payload();
            Optional<String> id = p.text("responderId").filter(s -> !s.isBlank());
            if (id.isEmpty()) {
                return;
            }
            Instant at = e.occurredAt();
            switch (e.type()) {
                case RESPONDER_JOINED -> byId.computeIfAbsent(id.get(), Builder::new)
                        .join(p, at);
                case RESPONDER_LEFT -> with(id.get(), b -> b.leave(at));
                case BREAK_STARTED -> with(id.get(), b -> b.startBreak(at));
                case BREAK_ENDED -> with(id.get(), b -> b.endBreak(at));
                case FATIGUE_ALERTED -> p.text("level")
                        .flatMap(FatigueLevel::parse)
                        .ifPresent(level -> alerts.computeIfAbsent(id.get(), k -> new ArrayList<>())
                                .add(new FatigueAlert(at, level)));
                default -> {
                    // not a duty event
                }
            }
        }

        private void with(String id, Consumer<Builder> action) {
            Builder b = byId.get(id);
            if (b != null) {
                action.accept(b);
            }
        }

        List<ResponderDuty> result() {
            return byId.values().stream()
                    .map(b -> b.build(alerts.getOrDefault(b.id, List.of())))
                    .toList();
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

        void join(Payload p, Instant at) {
            p.text("name").filter(s -> !s.isBlank()).ifPresent(n -> name = n);
            p.text("handle").filter(s -> !s.isBlank()).ifPresent(h -> handle = h);
            p.text("timeZone").flatMap(Builder::zone).ifPresent(z -> zone = z);
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
