package dev.conn.comms;

import dev.conn.incident.Audience;
import dev.conn.settings.Policy;
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
import java.util.Map;
import java.util.Optional;

/**
 * The deadlines of one incident's communication plan, worked out from a {@link CommsFold} and the
 * policy: each checklist item's due instant (or how it was settled), each audience's next update.
 * Immutable. Where each stands at a given instant ({@link #at}) costs one pass over the items and
 * audiences, so the Comms tab recomputes it every second without reading or folding anything; the
 * schedule itself is worked out again only when an event changes the fold. Rules: see {@link
 * CommsPlan}.
 */
public final class CommsSchedule {
    /** The schedule of an incident not yet declared: no items, no countdowns. */
    public static final CommsSchedule EMPTY = new CommsSchedule(List.of(), List.of(), Duration.ZERO);

    private final List<Item> items;
    private final List<Countdown> countdowns;
    private final Duration dueSoon;

    private CommsSchedule(List<Item> items, List<Countdown> countdowns, Duration dueSoon) {
        this.items = List.copyOf(items);
        this.countdowns = List.copyOf(countdowns);
        this.dueSoon = dueSoon;
    }

    /**
     * @param policy the comms section of the policy
     * @param f the incident's fold
     * @return its deadlines; {@link #EMPTY} before the declaration
     */
    public static CommsSchedule of(Policy.Comms policy, CommsFold f) {
        if (!f.isDeclared()) {
            return EMPTY;
        }
        // the template items in force: the current severity's, plus settled ones from earlier plans
        Map<String, Policy.ChecklistTemplateItem> inForce = new LinkedHashMap<>();
        for (Policy.ChecklistTemplateItem t : policy.checklist()) {
            if (t.severities().contains(f.severity())) {
                inForce.put(t.id(), t);
            }
        }
        for (Policy.ChecklistTemplateItem t : policy.checklist()) {
            if (!inForce.containsKey(t.id()) && f.settledByUser().contains(t.id())) {
                inForce.put(t.id(), t);
            }
        }
        Map<String, Settled> settled = settle(inForce, f);
        List<Countdown> countdowns = new ArrayList<>();
        if (f.resolvedAt().isEmpty()) {
            Map<Audience, Policy.Cadence> cadences = new EnumMap<>(Audience.class);
            for (Policy.Cadence c : policy.cadences()) {
                if (c.severity() == f.severity()) {
                    cadences.put(c.audience(), c);
                }
            }
            cadences.forEach((a, c) -> countdowns.add(countdown(a, c, f)));
        }
        List<Item> items = new ArrayList<>();
        for (Policy.ChecklistTemplateItem t : inForce.values()) {
            Optional<Instant> due = due(t, f);
            Optional<Instant> snoozed = f.snoozedUntil(t.id());
            Optional<Settled> done = Optional.ofNullable(settled.get(t.id()));
            boolean promised = false;
            if (snoozed.isPresent() && due.isPresent()) {
                due = snoozed;
            } else if (done.isEmpty() && due.isPresent() && t.anchor() == Policy.Anchor.DECLARED) {
                // the last message to this audience promised when the next one goes out: that
                // promise is when this item is due, as the audience's countdown says (issue 14 item 8)
                Optional<Instant> promise = promiseTo(t.audience(), countdowns);
                if (promise.isPresent()) {
                    due = promise;
                    promised = true;
                }
            }
            items.add(new Item(t.id(), t.title(), Optional.ofNullable(t.audience()), due, snoozed, done, promised));
        }
        return new CommsSchedule(items, countdowns, Duration.ofMinutes(policy.dueSoonMinutes()));
    }

    /**
     * @param now the instant to evaluate at (UTC)
     * @return where each item and countdown stands then
     */
    public CommsPlan at(Instant now) {
        List<ChecklistItem> checklist = new ArrayList<>(items.size());
        for (Item i : items) {
            ItemState state;
            if (i.settled().isPresent()) {
                state = i.settled().get().state();
            } else if (i.due().isEmpty()) {
                state = ItemState.WAITING;
            } else if (i.snoozedUntil().isPresent()
                    && now.plus(dueSoon).isBefore(i.snoozedUntil().get())) {
                state = ItemState.SNOOZED;
            } else {
                state = ItemState.byDeadline(i.due().get(), now, dueSoon);
            }
            checklist.add(new ChecklistItem(
                    i.id(),
                    i.title(),
                    i.audience(),
                    i.due(),
                    state,
                    i.settled().map(Settled::at),
                    i.settled().flatMap(Settled::note),
                    i.promised()));
        }
        List<AudienceCountdown> out = new ArrayList<>(countdowns.size());
        for (Countdown c : countdowns) {
            ItemState state =
                    c.due().map(d -> ItemState.byDeadline(d, now, dueSoon)).orElse(ItemState.DONE);
            out.add(new AudienceCountdown(c.audience(), c.lastUpdateAt(), c.due(), c.basis(), state));
        }
        return new CommsPlan(checklist, out);
    }

    /** Ticks, skips and messages settle items in the order they were recorded. */
    private static Map<String, Settled> settle(Map<String, Policy.ChecklistTemplateItem> inForce, CommsFold f) {
        Map<String, Settled> settled = new HashMap<>();
        for (CommsFold.Mark m : f.marks()) {
            if (m instanceof CommsFold.Mark.Done d) {
                settled.putIfAbsent(d.itemId(), new Settled(ItemState.DONE, d.at(), Optional.empty()));
            } else if (m instanceof CommsFold.Mark.Skipped s) {
                settled.putIfAbsent(s.itemId(), new Settled(ItemState.SKIPPED, s.at(), Optional.of(s.reason())));
            } else if (m instanceof CommsFold.Mark.Message msg) {
                // the item it names, or else the open item of its audience due soonest whose
                // anchor had passed when it was queued
                Optional<String> target = msg.itemId()
                        .filter(inForce::containsKey)
                        .or(() -> inForce.values().stream()
                                .filter(t -> msg.audience() == t.audience() && !settled.containsKey(t.id()))
                                .filter(t -> eligibleFrom(t, f)
                                        .map(x -> !x.isAfter(msg.at()))
                                        .orElse(false))
                                .min(Comparator.comparing(t -> due(t, f).orElse(Instant.MAX)))
                                .map(Policy.ChecklistTemplateItem::id));
                target.ifPresent(id -> settled.putIfAbsent(
                        id, new Settled(ItemState.DONE, msg.at(), Optional.of("message: " + msg.subject()))));
            } else if (m instanceof CommsFold.Mark.RoleTaken r) {
                for (Policy.ChecklistTemplateItem t : inForce.values()) {
                    if (t.role() == r.role()) {
                        settled.putIfAbsent(
                                t.id(),
                                new Settled(
                                        ItemState.DONE,
                                        r.at(),
                                        Optional.of(
                                                r.person() + " is " + r.role().label())));
                    }
                }
            }
        }
        return settled;
    }

    private static Countdown countdown(Audience a, Policy.Cadence c, CommsFold f) {
        Optional<CommsFold.Update> last = f.lastUpdate(a);
        Optional<Instant> due;
        AudienceCountdown.Basis basis;
        if (last.isEmpty()) {
            due = Optional.of(f.severityAnchor().plus(Duration.ofMinutes(c.firstWithinMinutes())));
            basis = AudienceCountdown.Basis.FIRST_UPDATE;
        } else if (last.get().promise().isPresent()) {
            due = last.get().promise();
            basis = AudienceCountdown.Basis.PROMISED;
        } else {
            Instant at = last.get().at();
            due = interval(c, Duration.between(f.declaredAt(), at)).map(at::plus);
            basis = AudienceCountdown.Basis.CADENCE;
        }
        Optional<Instant> handoff = f.handoffAt();
        if (a == Audience.STATE_SUMMARY
                && handoff.isPresent()
                && last.map(u -> u.at().isBefore(handoff.get())).orElse(true)) {
            // a state summary is also due at every hand-off of command (SRE book, ch. 14)
            Instant h = handoff.get();
            if (due.filter(d -> d.isBefore(h)).isEmpty()) {
                due = Optional.of(h);
                basis = AudienceCountdown.Basis.HANDOFF;
            }
        }
        return new Countdown(a, last.map(CommsFold.Update::at), due, basis);
    }

    private static Optional<Duration> interval(Policy.Cadence c, Duration sinceDeclared) {
        Integer every = c.everyMinutes();
        if (c.forFirstMinutes() != null && sinceDeclared.compareTo(Duration.ofMinutes(c.forFirstMinutes())) >= 0) {
            every = c.thenEveryMinutes() != null ? c.thenEveryMinutes() : every;
        }
        return Optional.ofNullable(every).map(Duration::ofMinutes);
    }

    private static Optional<Instant> anchor(Policy.ChecklistTemplateItem t, CommsFold f) {
        return switch (t.anchor()) {
            case DECLARED -> Optional.of(f.severityAnchor());
            case RESOLVED -> f.resolvedAt();
        };
    }

    /** A message counts for DECLARED items from the declaration on, for RESOLVED ones after it. */
    private static Optional<Instant> eligibleFrom(Policy.ChecklistTemplateItem t, CommsFold f) {
        return switch (t.anchor()) {
            case DECLARED -> Optional.of(f.declaredAt());
            case RESOLVED -> f.resolvedAt();
        };
    }

    private static Optional<Instant> due(Policy.ChecklistTemplateItem t, CommsFold f) {
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

    private static Optional<Instant> promiseTo(Audience audience, List<Countdown> countdowns) {
        return countdowns.stream()
                .filter(c -> c.audience() == audience && c.basis() == AudienceCountdown.Basis.PROMISED)
                .findFirst()
                .flatMap(Countdown::due);
    }

    /** How an item was settled. */
    private record Settled(ItemState state, Instant at, Optional<String> note) {}

    /** A checklist item's deadline, or how it was settled. */
    private record Item(
            String id,
            String title,
            Optional<Audience> audience,
            Optional<Instant> due,
            Optional<Instant> snoozedUntil,
            Optional<Settled> settled,
            boolean promised) {}

    /** An audience's next update. */
    private record Countdown(
            Audience audience, Optional<Instant> lastUpdateAt, Optional<Instant> due, AudienceCountdown.Basis basis) {}
}
