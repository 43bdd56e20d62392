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
 *   <li>Decisions that need one winner go to the first in the <em>log's order</em>, never to the
 *       earlier clock (consoles' clocks differ): the order {@link #expect} is given (the store's
 *       reads: a war room's server order, then this console's events not yet shared), or, applied
 *       incrementally, the order of arrival. Of two outcomes of one offer (two acknowledgements,
 *       an acknowledgement and a decline), the first counts. Of two offers of one role pending at
 *       once (made on two consoles before either saw the other; for a role with several holders,
 *       two offers from the same holder), the first stands and the second is closed, never pending,
 *       and its outcomes count for nothing. The losing event stays in the log; {@link
 *       #supersession} says what it lost to and why, for the timeline and the console that wrote it.
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

    /**
     * An event that lost a decision needing one winner: it stays in the log and counts for nothing.
     *
     * @param loser the losing event
     * @param winner the event that won (first in the log's order)
     * @param reason why, in words for the timeline and the losing console's user
     */
    public record Supersession(Event loser, Event winner, String reason) {
        /** @throws NullPointerException if a field is null */
        public Supersession {
            Objects.requireNonNull(loser, "loser");
            Objects.requireNonNull(winner, "winner");
            Objects.requireNonNull(reason, "reason");
        }

        /** @return "superseded by Bo's hand-off (…reason…)" */
        public String summary() {
            return "superseded by " + winner.author() + "'s "
                    + winner.type().label().toLowerCase(java.util.Locale.ROOT) + " (" + reason + ")";
        }
    }

    /** An offer as the rule needs it. */
    private record Offer(Instant offeredAt, Optional<Instant> expiresAt) {}

    /** An offer as the one-winner rule needs it: its event, the pending key and when it lapses. */
    private record Judged(Event event, String key, Optional<Instant> expiresAt) {}

    private final Map<String, Offer> offers = new HashMap<>();
    private final Set<UUID> judged = new HashSet<>();
    private final Map<String, Judged> judgedOffers = new HashMap<>();
    private final Map<String, String> pendingByKey = new HashMap<>();
    private final Map<String, Event> firstOutcome = new HashMap<>();
    private final Map<String, Supersession> supersededOffers = new HashMap<>();
    private final Map<UUID, Supersession> superseded = new java.util.LinkedHashMap<>();
    private final Map<String, Outcome> outcomes = new HashMap<>();
    private final Set<String> orphans = new HashSet<>();
    private final Set<UUID> seen = new HashSet<>();
    private Commander commander;

    /** A fold with no events yet. */
    public CommandFold() {}

    /**
     * Folds a whole log, every offer known before any outcome: one-winner decisions settled in the
     * order given, then every event applied in timeline order ({@link Event#BY_OCCURRENCE}).
     *
     * @param events the events of one incident, retracted ones left out, in the log's order (the
     *     store's read order); other types are skipped
     * @return the fold
     */
    public static CommandFold of(Collection<Event> events) {
        CommandFold f = new CommandFold();
        f.expect(events);
        java.util.List<Event> timeline = new java.util.ArrayList<>(events);
        timeline.sort(Event.BY_OCCURRENCE);
        timeline.forEach(f::apply);
        return f;
    }

    /**
     * Learns the offers among events about to be applied, so an outcome dated before its offer
     * still closes it, and settles the decisions that need one winner in the order given (call
     * once, before applying a whole log).
     *
     * @param events events of one incident in the log's order (the store's read order; retracted
     *     ones left out); other types are skipped
     */
    public void expect(Collection<Event> events) {
        for (Event e : events) {
            if (e.type() == EventType.HANDOFF_OFFERED
                    && body(e).orElse(null) instanceof CommandEvent.HandoffOffered o) {
                offers.putIfAbsent(o.offerId(), new Offer(e.occurredAt(), o.expiresAt()));
            }
        }
        for (Event e : events) {
            judge(e);
        }
    }

    /**
     * Settles, in the order events are judged (the log's order), which of two contending events
     * wins: the first outcome of an offer, the first of two offers of one role pending at once.
     */
    private void judge(Event e) {
        if (!TYPES.contains(e.type()) || !judged.add(e.id())) {
            return;
        }
        EventBody b = body(e).orElse(null);
        if (b instanceof CommandEvent.HandoffOffered o) {
            if (judgedOffers.containsKey(o.offerId())) {
                return;
            }
            String key = o.role().name() + (o.role().allowsSeveralHolders() ? ":" + holderKey(o) : "");
            Judged mine = new Judged(e, key, o.expiresAt());
            judgedOffers.put(o.offerId(), mine);
            Judged pending = Optional.ofNullable(pendingByKey.get(key))
                    .map(judgedOffers::get)
                    .orElse(null);
            if (pending != null
                    && !firstOutcome.containsKey(pendingOfferId(pending))
                    && pending.expiresAt().map(e.occurredAt()::isBefore).orElse(true)) {
                Supersession lost = new Supersession(
                        e,
                        pending.event(),
                        "a hand-off of the " + o.role().label() + " role "
                                + describe((CommandEvent.HandoffOffered)
                                        pending.event().body())
                                + " was already pending; a role has one pending offer, the first in the log's order");
                superseded.put(e.id(), lost);
                supersededOffers.put(o.offerId(), lost);
            } else {
                pendingByKey.put(key, o.offerId());
            }
        } else if (b instanceof CommandEvent.HandoffOutcome out) {
            Supersession offerLost = supersededOffers.get(out.offerId());
            if (offerLost != null) {
                superseded.put(
                        e.id(),
                        new Supersession(
                                e,
                                offerLost.winner(),
                                "the offer it answers had been superseded: " + offerLost.reason()));
                return;
            }
            Event first = firstOutcome.get(out.offerId());
            if (first != null) {
                superseded.put(
                        e.id(),
                        new Supersession(
                                e,
                                first,
                                outcomeWords(first) + " first; the first"
                                        + " outcome of an offer in the log's order counts"));
                return;
            }
            if (judgedOffers.containsKey(out.offerId())) {
                firstOutcome.put(out.offerId(), e);
            }
        }
    }

    private static String pendingOfferId(Judged j) {
        return ((CommandEvent.HandoffOffered) j.event().body()).offerId();
    }

    private static String holderKey(CommandEvent.HandoffOffered o) {
        return o.fromId().filter(id -> !id.isBlank()).orElse(o.from().strip().toLowerCase(java.util.Locale.ROOT));
    }

    private static String describe(CommandEvent.HandoffOffered o) {
        return "from " + o.from() + " to " + o.to();
    }

    private static String outcomeWords(Event first) {
        EventBody b = body(first).orElse(null);
        if (b instanceof CommandEvent.HandoffAcknowledged a) {
            return a.to() + " acknowledged it";
        }
        if (b instanceof CommandEvent.HandoffDeclined) {
            return first.author() + " declined it";
        }
        if (b instanceof CommandEvent.HandoffWithdrawn) {
            return first.author() + " withdrew it";
        }
        return "it expired";
    }

    /**
     * @param eventId an event
     * @return what it lost to, if it lost a decision needing one winner
     */
    public Optional<Supersession> supersession(UUID eventId) {
        return Optional.ofNullable(superseded.get(eventId));
    }

    /** @return every event that lost a decision needing one winner, in the order settled */
    public java.util.List<Supersession> supersessions() {
        return java.util.List.copyOf(superseded.values());
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
        judge(e); // arrived after everything judged before: the order of arrival is the log's
        if (superseded.containsKey(e.id())) {
            return false; // lost to an event earlier in the log's order: it counts for nothing
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
