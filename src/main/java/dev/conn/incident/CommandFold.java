package dev.conn.incident;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is the incident commander, and which hand-offs passed a role: the one fold of both, which the
 * incident header ({@link IncidentState}, and through it the incident list, the exports and the
 * CLI) and the roster of the {@code command} feature build on, so they can never disagree. Pure
 * and incremental: apply events one at a time in timeline order ({@link Event#BY_OCCURRENCE}).
 *
 * <p>Rules (PagerDuty incident roles, https://response.pagerduty.com/before/different_roles/; ICS
 * transfer of command: command passes only when the incoming commander accepts):
 *
 * <ul>
 *   <li>The commander of record is the {@code commander} of {@code INCIDENT_DECLARED} (its author
 *       if none), replaced by a {@code ROLE_ASSIGNED} of {@link Role#INCIDENT_COMMANDER}, or by the
 *       receiver of an acknowledged hand-off of it. Names are stripped; a blank name is nobody.
 *   <li>An acknowledgement hands a role over only if it is the first outcome (acknowledged,
 *       declined, withdrawn or expired) of a known offer and is dated before the offer's stored
 *       {@code expiresAt}. An acknowledgement of a declined, withdrawn, expired or unknown offer
 *       (two consoles racing, a merged or imported log) hands nothing over.
 *   <li>An outcome dated before its offer (clock skew between consoles) still closes it, counted at
 *       the offer's time: a whole-log fold knows every offer first ({@link #of}); applied
 *       incrementally, such an offer arriving after its outcome is reported by {@link
 *       #needsRefold} so the caller folds again.
 * </ul>
 *
 * <p>Retracted events must be left out by the caller ({@link Retractions}). A payload that does
 * not fit its type is skipped (the log may come from an import), except that a malformed
 * declaration still names its author as commander. Not thread-safe.
 */
public final class CommandFold {
    /** The event types the fold reads. */
    public static final Set<EventType> TYPES = Collections.unmodifiableSet(EnumSet.of(
            EventType.INCIDENT_DECLARED,
            EventType.ROLE_ASSIGNED,
            EventType.HANDOFF_OFFERED,
            EventType.HANDOFF_ACKNOWLEDGED,
            EventType.HANDOFF_DECLINED,
            EventType.HANDOFF_WITHDRAWN,
            EventType.HANDOFF_EXPIRED));

    /**
     * The incident commander of record.
     *
     * @param person the commander's name, stripped, never blank
     * @param responderId their responder id, if the event that made them commander named one
     * @param since when they took command (UTC): the declaration, assignment or acknowledgement
     */
    public record Commander(String person, Optional<String> responderId, Instant since) {
        /** @throws NullPointerException if a field is null */
        public Commander {
            Objects.requireNonNull(person, "person");
            Objects.requireNonNull(responderId, "responderId");
            Objects.requireNonNull(since, "since");
        }
    }

    /**
     * How an offer ended.
     *
     * @param event the first outcome event of the offer
     * @param handedOver true if it is an acknowledgement that handed the role over
     */
    public record Outcome(Event event, boolean handedOver) {}

    /** An offer as the rule needs it. */
    private record Offer(Instant offeredAt, Optional<Instant> expiresAt) {}

    private final Map<String, Offer> offers = new HashMap<>();
    private final Map<String, Outcome> outcomes = new HashMap<>();
    private final Set<String> orphans = new HashSet<>();
    private final Set<UUID> seen = new HashSet<>();
    private Commander commander;

    /** A fold with no events yet. */
    public CommandFold() {}

    /**
     * Folds a whole log, every offer known before any outcome.
     *
     * @param events the events of one incident, retracted ones left out, in timeline order; other
     *     types are skipped
     * @return the fold
     */
    public static CommandFold of(Collection<Event> events) {
        CommandFold f = new CommandFold();
        f.expect(events);
        events.forEach(f::apply);
        return f;
    }

    /**
     * Learns the offers among events about to be applied, so an outcome dated before its offer
     * still closes it (call once, before applying a whole log).
     *
     * @param events events of one incident; only {@code HANDOFF_OFFERED} is looked at
     */
    public void expect(Collection<Event> events) {
        for (Event e : events) {
            if (e.type() == EventType.HANDOFF_OFFERED
                    && body(e).orElse(null) instanceof CommandEvent.HandoffOffered o) {
                offers.putIfAbsent(o.offerId(), new Offer(e.occurredAt(), o.expiresAt()));
            }
        }
    }

    /**
     * @param e an event about to be applied
     * @return true if applying it incrementally would differ from folding the whole log again: an
     *     offer whose outcome, dated before it, was applied already
     */
    public boolean needsRefold(Event e) {
        return e.type() == EventType.HANDOFF_OFFERED
                && !orphans.isEmpty()
                && body(e).orElse(null) instanceof CommandEvent.HandoffOffered o
                && orphans.contains(o.offerId());
    }

    /**
     * Applies the next event in timeline order; an event applied before (same id) is skipped.
     *
     * @param e the event
     * @return true if it is an acknowledgement that handed a role over
     */
    public boolean apply(Event e) {
        if (!TYPES.contains(e.type()) || !seen.add(e.id())) {
            return false;
        }
        Optional<EventBody> body = body(e);
        if (body.isEmpty()) {
            if (e.type() == EventType.INCIDENT_DECLARED) {
                commander = named(e.author(), Optional.empty(), e.occurredAt());
            }
            return false;
        }
        EventBody b = body.get();
        if (b instanceof HeaderEvent.IncidentDeclared d) {
            commander = named(d.commander().orElse(e.author()), Optional.empty(), e.occurredAt());
        } else if (b instanceof CommandEvent.RoleAssigned r && r.role().isCommand()) {
            Commander c = named(r.person(), r.responderId(), e.occurredAt());
            if (c != null) {
                commander = c;
            }
        } else if (b instanceof CommandEvent.HandoffOffered o) {
            offers.putIfAbsent(o.offerId(), new Offer(e.occurredAt(), o.expiresAt()));
        } else if (b instanceof CommandEvent.HandoffOutcome out) {
            return close(e, out);
        }
        return false;
    }

    private boolean close(Event e, CommandEvent.HandoffOutcome out) {
        Offer offer = offers.get(out.offerId());
        if (offer == null) {
            orphans.add(out.offerId()); // unknown offer: nothing to close, unless it turns up
            return false;
        }
        if (outcomes.containsKey(out.offerId())) {
            return false; // closed by an earlier outcome
        }
        boolean handedOver = out instanceof CommandEvent.HandoffAcknowledged && beforeExpiry(offer, e);
        outcomes.put(out.offerId(), new Outcome(e, handedOver));
        if (handedOver
                && out instanceof CommandEvent.HandoffAcknowledged a
                && a.role().isCommand()) {
            Commander c = named(a.to(), a.toId(), e.occurredAt());
            if (c != null) {
                commander = c;
            }
        }
        return handedOver;
    }

    private static boolean beforeExpiry(Offer offer, Event outcome) {
        Instant at = outcome.occurredAt().isBefore(offer.offeredAt()) ? offer.offeredAt() : outcome.occurredAt();
        return offer.expiresAt().map(at::isBefore).orElse(true);
    }

    private static Commander named(String name, Optional<String> responderId, Instant at) {
        String n = name == null ? "" : name.strip();
        return n.isEmpty() ? null : new Commander(n, responderId.filter(id -> !id.isBlank()), at);
    }

    /** @return the incident commander of record, or empty if nobody holds command */
    public Optional<Commander> commander() {
        return Optional.ofNullable(commander);
    }

    /**
     * @param offerId an offer
     * @return how it ended, if an outcome closed it
     */
    public Optional<Outcome> outcome(String offerId) {
        return Optional.ofNullable(outcomes.get(offerId));
    }

    /**
     * @param e an event
     * @return its typed body, or empty if its payload does not fit its type (skipped by folds)
     */
    private static Optional<EventBody> body(Event e) {
        try {
            return Optional.of(e.body());
        } catch (MalformedEventException ex) {
            return Optional.empty();
        }
    }
}
