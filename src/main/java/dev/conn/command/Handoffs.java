package dev.conn.command;

import dev.conn.incident.CommandEvent;
import dev.conn.incident.CommandFold;
import dev.conn.incident.Event;
import dev.conn.incident.EventBody;
import dev.conn.incident.IncidentId;
import dev.conn.incident.Retractions;
import dev.conn.incident.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every hand-off of an incident: a pure fold of {@code HANDOFF_OFFERED}, {@code
 * HANDOFF_ACKNOWLEDGED}, {@code HANDOFF_DECLINED}, {@code HANDOFF_EXPIRED} and {@code
 * HANDOFF_WITHDRAWN} into {@link Handoff} state machines. Whether an offer is pending depends on
 * the time asked about, so every query takes the current instant from the caller's {@code Clock}.
 *
 * <p>The fold trusts the log: the first outcome of an offer counts, later ones and outcomes of
 * unknown offers are skipped, and an offer with no usable role is skipped.
 */
public final class Handoffs {
    private final List<Handoff> all;
    private final Duration ackTimeout;

    private Handoffs(List<Handoff> all, Duration ackTimeout) {
        this.all = List.copyOf(all);
        this.ackTimeout = ackTimeout;
    }

    /**
     * Folds an incident's log, in timeline order ({@link Event#BY_OCCURRENCE}); retracted events
     * are left out. Of two contending decisions (two outcomes of one offer, two offers of one role
     * pending at once) the first in the order given wins ({@link CommandFold}).
     *
     * @param events the events of one incident, in the log's order (the store's read order); other
     *     types are ignored
     * @param ackTimeout the policy ACK timeout ({@code Policy.Handoff#ackTimeout()}); positive
     * @return the hand-offs
     * @throws IllegalArgumentException if the events belong to more than one incident, or the
     *     timeout is not positive
     */
    public static Handoffs fold(Collection<Event> events, Duration ackTimeout) {
        List<Event> live = Retractions.withoutRetracted(List.copyOf(events));
        List<Event> sorted = new ArrayList<>(live);
        sorted.sort(Event.BY_OCCURRENCE);
        Fold f = new Fold(ackTimeout);
        // every offer first, so an outcome dated before its offer still finds it; contending
        // decisions are settled in the log's order (the order given)
        f.expect(live);
        sorted.forEach(f::apply);
        return f.handoffs();
    }

    /**
     * The incremental fold behind {@link Handoffs#fold}: apply events in timeline order, retracted
     * ones left out. Each offer closes with its first outcome, by the rule of {@link CommandFold}
     * (which every fold of roles shares). Not thread-safe.
     */
    static final class Fold {
        private final Duration ackTimeout;
        private final CommandFold command = new CommandFold();
        private final Map<String, Handoff> byId = new LinkedHashMap<>();
        private IncidentId incident;

        /**
         * @param ackTimeout the policy ACK timeout, for offers that did not store their expiry
         * @throws IllegalArgumentException if the timeout is not positive
         */
        Fold(Duration ackTimeout) {
            Objects.requireNonNull(ackTimeout, "ackTimeout");
            if (ackTimeout.isNegative() || ackTimeout.isZero()) {
                throw new IllegalArgumentException("The hand-off ACK timeout must be positive, not " + ackTimeout);
            }
            this.ackTimeout = ackTimeout;
        }

        /** @param events a whole log about to be applied (see {@link CommandFold#expect}) */
        void expect(Collection<Event> events) {
            command.expect(events);
        }

        /**
         * @param e the next event
         * @return true if applying it incrementally would differ from folding everything again
         */
        boolean needsRefold(Event e) {
            return command.needsRefold(e);
        }

        /**
         * @param e the next event in timeline order
         * @throws IllegalArgumentException if it belongs to another incident than the events before
         */
        void apply(Event e) {
            if (incident == null) {
                incident = e.incidentId();
            } else if (!incident.equals(e.incidentId())) {
                throw new IllegalArgumentException(
                        "events of incidents " + incident + " and " + e.incidentId() + " mixed");
            }
            command.apply(e);
            EventBody b = Bodies.of(e).orElse(null);
            Optional<CommandFold.Supersession> lost = command.supersession(e.id());
            if (b instanceof CommandEvent.HandoffOffered o && lost.isPresent() && !byId.containsKey(o.offerId())) {
                // another offer of the role was pending first: this one never was
                byId.put(
                        o.offerId(),
                        Handoff.offer(
                                        o.offerId(),
                                        o.role(),
                                        o.from(),
                                        o.fromId(),
                                        o.to(),
                                        o.toId(),
                                        new ReadBackCode(o.readBackCode()),
                                        o.brief().orElse(""),
                                        e.occurredAt(),
                                        ackTimeout)
                                .closedByEvent(
                                        HandoffState.SUPERSEDED,
                                        e.occurredAt(),
                                        Optional.empty(),
                                        Optional.of(lost.get().summary())));
            } else if (b instanceof CommandEvent.HandoffOffered o
                    && !o.offerId().isEmpty()
                    && !byId.containsKey(o.offerId())) {
                Duration timeout = o.expiresAt()
                        .map(at -> Duration.between(e.occurredAt(), at))
                        .filter(d -> !d.isNegative() && !d.isZero())
                        .orElse(ackTimeout);
                byId.put(
                        o.offerId(),
                        Handoff.offer(
                                o.offerId(),
                                o.role(),
                                o.from(),
                                o.fromId(),
                                o.to(),
                                o.toId(),
                                new ReadBackCode(o.readBackCode()),
                                o.brief().orElse(""),
                                e.occurredAt(),
                                timeout));
                closeIfAnswered(o.offerId()); // its outcome may be dated before it
            } else if (b instanceof CommandEvent.HandoffOutcome out) {
                closeIfAnswered(out.offerId());
            }
        }

        private void closeIfAnswered(String offerId) {
            Handoff h = byId.get(offerId);
            if (h == null || h.recordedState().isFinal()) {
                return;
            }
            command.outcome(offerId).ifPresent(o -> byId.put(offerId, close(h, o)));
        }

        private static Handoff close(Handoff h, CommandFold.Outcome outcome) {
            Event e = outcome.event();
            Instant at = e.occurredAt().isBefore(h.offeredAt()) ? h.offeredAt() : e.occurredAt();
            EventBody b = Bodies.of(e).orElse(null);
            if (b instanceof CommandEvent.HandoffAcknowledged a) {
                return outcome.handedOver()
                        ? h.closedByEvent(HandoffState.ACKNOWLEDGED, at, Optional.of(a.method()), Optional.empty())
                        // acknowledged too late: it had expired, and the holder kept the role
                        : h.closedByEvent(HandoffState.EXPIRED, h.expiresAt(), Optional.empty(), Optional.empty());
            } else if (b instanceof CommandEvent.HandoffDeclined d) {
                return h.closedByEvent(HandoffState.DECLINED, at, Optional.empty(), d.reason());
            } else if (b instanceof CommandEvent.HandoffWithdrawn w) {
                return h.closedByEvent(HandoffState.WITHDRAWN, at, Optional.empty(), w.reason());
            } else if (b instanceof CommandEvent.HandoffExpired) {
                return h.closedByEvent(HandoffState.EXPIRED, at, Optional.empty(), Optional.empty());
            }
            return h;
        }

        /** @return the hand-offs after the events applied so far */
        Handoffs handoffs() {
            return new Handoffs(new ArrayList<>(byId.values()), ackTimeout);
        }
    }

    /** @return the policy ACK timeout this fold used */
    public Duration ackTimeout() {
        return ackTimeout;
    }

    /** @return every hand-off, in order of offering */
    public List<Handoff> all() {
        return all;
    }

    /**
     * @param offerId an offer id
     * @return that hand-off, if offered in this incident
     */
    public Optional<Handoff> find(String offerId) {
        return all.stream().filter(h -> h.offerId().equals(offerId)).findFirst();
    }

    /**
     * @param offerId an offer id
     * @return that hand-off
     * @throws IllegalStateException if no such offer was made in this incident
     */
    public Handoff require(String offerId) {
        return find(offerId)
                .orElseThrow(() -> new IllegalStateException("There is no hand-off offer " + offerId
                        + " in this incident; nothing to acknowledge, decline or withdraw"));
    }

    /**
     * @param now the current instant (UTC), from the caller's clock
     * @return the offers waiting for acknowledgement at {@code now}, in order of offering
     */
    public List<Handoff> pending(Instant now) {
        return all.stream().filter(h -> h.isPendingAt(now)).toList();
    }

    /**
     * @param role a role
     * @param now the current instant (UTC)
     * @return the pending offers of that role at {@code now}: at most one, except for roles with
     *     several holders (one per holder)
     */
    public List<Handoff> pendingFor(Role role, Instant now) {
        return all.stream().filter(h -> h.role() == role && h.isPendingAt(now)).toList();
    }

    /**
     * @param now the current instant (UTC)
     * @return the offers whose timeout has passed with no {@code HANDOFF_EXPIRED} recorded yet;
     *     each should be recorded as expired and raise the alarm
     */
    public List<Handoff> dueForExpiry(Instant now) {
        return all.stream().filter(h -> h.isDueForExpiry(now)).toList();
    }
}
