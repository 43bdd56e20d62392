package dev.conn.comms;

import dev.conn.incident.Audience;
import dev.conn.incident.Event;
import dev.conn.incident.Payload;
import dev.conn.incident.Severity;
import dev.conn.settings.Policy;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The communication plan of one incident at one instant: its checklist and one "next update due"
 * countdown per audience. A pure function of (policy, events, now), after PagerDuty's external
 * communication guidelines (https://response.pagerduty.com/during/external_communication_guidelines/).
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>Items and cadences follow the current severity. Items with anchor DECLARED are due their
 *       offset after the moment the current severity took effect (declaration, or the last
 *       {@code SEVERITY_CHANGED}): a severity change re-plans what is still open; done and skipped
 *       items keep their state even if the new severity does not list them.
 *   <li>A {@code MESSAGE_QUEUED} to an audience ticks the item it names ({@code checklistItemId}),
 *       or else the open item of that audience due soonest whose anchor has passed.
 *   <li>An audience's next update is due {@code firstWithinMinutes} after the severity took effect
 *       until it gets a message; then at the message's promised {@code nextUpdateAt}, or the
 *       cadence interval after the message. The state summary is also due at each hand-off of
 *       the incident commander role.
 *   <li>After resolution no countdown runs; items anchored on RESOLVED become due.
 * </ul>
 *
 * @param checklist the items, in policy order
 * @param countdowns one per audience with a cadence at the current severity, in {@link Audience}
 *     order
 */
public record CommsPlan(List<ChecklistItem> checklist, List<AudienceCountdown> countdowns) {

    /**
     * @param policy the comms section of the policy
     * @param events every event of one incident, in storage order
     * @param clock the clock to read now from
     * @return the plan at the clock's instant
     */
    public static CommsPlan evaluate(Policy.Comms policy, List<Event> events, Clock clock) {
        return evaluate(policy, events, clock.instant());
    }

    /**
     * @param policy the comms section of the policy
     * @param events every event of one incident, in storage order; empty gives an empty plan
     * @param now the instant to evaluate at (UTC)
     * @return the plan
     */
    public static CommsPlan evaluate(Policy.Comms policy, List<Event> events, Instant now) {
        Fold f = new Fold();
        for (Event e : events) {
            f.apply(e);
        }
        if (f.declaredAt == null) {
            return new CommsPlan(List.of(), List.of());
        }
        Duration dueSoon = Duration.ofMinutes(policy.dueSoonMinutes());

        // the template items in force: the current severity's, plus settled ones from earlier plans
        Map<String, Policy.ChecklistTemplateItem> inForce = new LinkedHashMap<>();
        for (Policy.ChecklistTemplateItem t : policy.checklist()) {
            if (t.severities().contains(f.severity)) {
                inForce.put(t.id(), t);
            }
        }
        for (Policy.ChecklistTemplateItem t : policy.checklist()) {
            if (!inForce.containsKey(t.id()) && (f.done.containsKey(t.id()) || f.skipped.containsKey(t.id()))) {
                inForce.put(t.id(), t);
            }
        }

        // messages tick items in the order they were queued
        Map<String, Settled> settled = new HashMap<>();
        List<Event> ordered = f.itemEvents;
        for (Event e : ordered) {
            Payload p = e.payload();
            switch (e.type()) {
                case CHECKLIST_ITEM_DONE -> settled.putIfAbsent(
                        p.textOrEmpty("itemId"), new Settled(ItemState.DONE, e.occurredAt(), Optional.empty()));
                case CHECKLIST_ITEM_SKIPPED -> settled.putIfAbsent(
                        p.textOrEmpty("itemId"), new Settled(ItemState.SKIPPED, e.occurredAt(), p.text("reason")));
                case MESSAGE_QUEUED -> {
                    Optional<String> named = p.text("checklistItemId").filter(inForce::containsKey);
                    Optional<String> target = named.or(() -> audience(p).flatMap(a -> inForce.values().stream()
                            .filter(t -> a == t.audience() && !settled.containsKey(t.id()))
                            .filter(t -> eligibleFrom(t, f)
                                    .map(x -> !x.isAfter(e.occurredAt()))
                                    .orElse(false))
                            .min(Comparator.comparing(t -> due(t, f).orElse(Instant.MAX)))
                            .map(Policy.ChecklistTemplateItem::id)));
                    target.ifPresent(id -> settled.putIfAbsent(
                            id,
                            new Settled(
                                    ItemState.DONE,
                                    e.occurredAt(),
                                    Optional.of("message: " + p.textOrEmpty("subject")))));
                }
                default -> {
                    // not a checklist event
                }
            }
        }

        List<ChecklistItem> items = new ArrayList<>();
        for (Policy.ChecklistTemplateItem t : inForce.values()) {
            Optional<Audience> aud = Optional.ofNullable(t.audience());
            Settled s = settled.get(t.id());
            Optional<Instant> due = due(t, f);
            Instant snoozedUntil = f.snoozedUntil.get(t.id());
            if (snoozedUntil != null && due.isPresent()) {
                due = Optional.of(snoozedUntil);
            }
            ItemState state;
            if (s != null) {
                state = s.state;
            } else if (due.isEmpty()) {
                state = ItemState.WAITING;
            } else if (snoozedUntil != null && now.plus(dueSoon).isBefore(snoozedUntil)) {
                state = ItemState.SNOOZED;
            } else {
                state = ItemState.byDeadline(due.get(), now, dueSoon);
            }
            items.add(new ChecklistItem(
                    t.id(),
                    t.title(),
                    aud,
                    due,
                    state,
                    Optional.ofNullable(s).map(x -> x.at),
                    Optional.ofNullable(s).flatMap(x -> x.note)));
        }

        List<AudienceCountdown> countdowns = new ArrayList<>();
        if (f.resolvedAt == null) {
            Map<Audience, Policy.Cadence> cadences = new EnumMap<>(Audience.class);
            for (Policy.Cadence c : policy.cadences()) {
                if (c.severity() == f.severity) {
                    cadences.put(c.audience(), c);
                }
            }
            for (Map.Entry<Audience, Policy.Cadence> entry : cadences.entrySet()) {
                Audience a = entry.getKey();
                Policy.Cadence c = entry.getValue();
                Update last = f.lastUpdate.get(a);
                Optional<Instant> due;
                boolean promised = false;
                if (last == null) {
                    due = Optional.of(f.severityAnchor.plus(Duration.ofMinutes(c.firstWithinMinutes())));
                } else if (last.promise.isPresent()) {
                    due = last.promise;
                    promised = true;
                } else {
                    due = interval(c, Duration.between(f.declaredAt, last.at)).map(last.at::plus);
                }
                if (a == Audience.STATE_SUMMARY
                        && f.handoffAt != null
                        && (last == null || last.at.isBefore(f.handoffAt))) {
                    // a state summary is also due at every hand-off of command (SRE book, ch. 14)
                    Instant h = f.handoffAt;
                    due = Optional.of(due.filter(d -> d.isBefore(h)).orElse(h));
                    promised = false;
                }
                ItemState state =
                        due.map(d -> ItemState.byDeadline(d, now, dueSoon)).orElse(ItemState.DONE);
                countdowns.add(
                        new AudienceCountdown(a, Optional.ofNullable(last).map(u -> u.at), due, promised, state));
            }
        }
        return new CommsPlan(List.copyOf(items), List.copyOf(countdowns));
    }

    /**
     * @param audience an audience
     * @return its countdown, if the policy sets one at the current severity and the incident is open
     */
    public Optional<AudienceCountdown> countdown(Audience audience) {
        return countdowns.stream().filter(c -> c.audience() == audience).findFirst();
    }

    /**
     * @param id a checklist item id
     * @return the item, if it is in the plan
     */
    public Optional<ChecklistItem> item(String id) {
        return checklist.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    private static Optional<Duration> interval(Policy.Cadence c, Duration sinceDeclared) {
        Integer every = c.everyMinutes();
        if (c.forFirstMinutes() != null && sinceDeclared.compareTo(Duration.ofMinutes(c.forFirstMinutes())) >= 0) {
            every = c.thenEveryMinutes() != null ? c.thenEveryMinutes() : every;
        }
        return Optional.ofNullable(every).map(Duration::ofMinutes);
    }

    private static Optional<Instant> anchor(Policy.ChecklistTemplateItem t, Fold f) {
        return switch (t.anchor()) {
            case DECLARED -> Optional.of(f.severityAnchor);
            case RESOLVED -> Optional.ofNullable(f.resolvedAt);
        };
    }

    /** A message counts for DECLARED items from the declaration on, for RESOLVED ones after it. */
    private static Optional<Instant> eligibleFrom(Policy.ChecklistTemplateItem t, Fold f) {
        return switch (t.anchor()) {
            case DECLARED -> Optional.of(f.declaredAt);
            case RESOLVED -> Optional.ofNullable(f.resolvedAt);
        };
    }

    private static Optional<Instant> due(Policy.ChecklistTemplateItem t, Fold f) {
        return anchor(t, f).map(a -> plusBusinessDays(a.plus(Duration.ofMinutes(t.dueMinutes())), t.dueBusinessDays()));
    }

    /**
     * Adds business days (Monday to Friday, counted in UTC; public holidays are not known).
     *
     * @param from an instant
     * @param days business days to add; null or 0 for none
     * @return the instant that many weekdays later, same time of day
     */
    static Instant plusBusinessDays(Instant from, Integer days) {
        if (days == null || days == 0) {
            return from;
        }
        ZonedDateTime t = from.atZone(ZoneOffset.UTC);
        int left = days;
        while (left > 0) {
            t = t.plusDays(1);
            if (t.getDayOfWeek() != DayOfWeek.SATURDAY && t.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return t.toInstant();
    }

    static Optional<Audience> audience(Payload p) {
        Optional<String> name = p.text("audience");
        if (name.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Audience.valueOf(name.get().strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // written by a newer Conn: counts for no audience
        }
    }

    private record Settled(ItemState state, Instant at, Optional<String> note) {}

    private record Update(Instant at, Optional<Instant> promise) {}

    /** What the plan needs from the log, folded in storage order. */
    private static final class Fold {
        Instant declaredAt;
        Instant severityAnchor;
        Severity severity;
        Instant resolvedAt;
        Instant handoffAt;
        final Map<String, Event> done = new HashMap<>();
        final Map<String, Event> skipped = new HashMap<>();
        final Map<String, Instant> snoozedUntil = new HashMap<>();
        final Map<Audience, Update> lastUpdate = new EnumMap<>(Audience.class);
        final List<Event> itemEvents = new ArrayList<>();

        void apply(Event e) {
            Payload p = e.payload();
            switch (e.type()) {
                case INCIDENT_DECLARED -> {
                    declaredAt = e.occurredAt();
                    severityAnchor = declaredAt;
                    severity = Severity.parse(p.textOrEmpty("severity"));
                }
                case SEVERITY_CHANGED -> {
                    Severity next = Severity.parse(p.textOrEmpty("severity"));
                    if (next != severity) {
                        severity = next;
                        severityAnchor = e.occurredAt();
                    }
                }
                case RESOLVED -> resolvedAt = e.occurredAt();
                case HANDOFF_ACKNOWLEDGED -> {
                    if (dev.conn.incident.IncidentState.COMMANDER_ROLE.equals(p.textOrEmpty("role"))) {
                        handoffAt = e.occurredAt();
                    }
                }
                case STATUS_CHANGED -> {
                    if ("resolved".equalsIgnoreCase(p.textOrEmpty("status")) && resolvedAt == null) {
                        resolvedAt = e.occurredAt();
                    }
                }
                case CHECKLIST_ITEM_DONE -> {
                    done.putIfAbsent(p.textOrEmpty("itemId"), e);
                    itemEvents.add(e);
                }
                case CHECKLIST_ITEM_SKIPPED -> {
                    skipped.putIfAbsent(p.textOrEmpty("itemId"), e);
                    itemEvents.add(e);
                }
                case CHECKLIST_ITEM_SNOOZED -> p.instant("until")
                        .ifPresent(u -> snoozedUntil.put(p.textOrEmpty("itemId"), u));
                case MESSAGE_QUEUED -> {
                    itemEvents.add(e);
                    audience(p)
                            .ifPresent(a -> lastUpdate.put(a, new Update(e.occurredAt(), p.instant("nextUpdateAt"))));
                }
                default -> {
                    // not part of the plan
                }
            }
        }
    }
}
