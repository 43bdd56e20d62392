package dev.conn.command;

import dev.conn.incident.AckMethod;
import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentId;
import dev.conn.incident.Payload;
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
     * Folds an incident's log, in timeline order ({@link Event#BY_OCCURRENCE}).
     *
     * @param events the events of one incident, in any order; other types are ignored
     * @param ackTimeout the policy ACK timeout ({@code Policy.Handoff#ackTimeout()}); positive
     * @return the hand-offs
     * @throws IllegalArgumentException if the events belong to more than one incident, or the
     *     timeout is not positive
     */
    public static Handoffs fold(Collection<Event> events, Duration ackTimeout) {
        Objects.requireNonNull(ackTimeout, "ackTimeout");
        if (ackTimeout.isNegative() || ackTimeout.isZero()) {
            throw new IllegalArgumentException("The hand-off ACK timeout must be positive, not " + ackTimeout);
        }
        List<Event> sorted = new ArrayList<>(dev.conn.incident.Retractions.withoutRetracted(List.copyOf(events)));
        sorted.sort(Event.BY_OCCURRENCE);
        Map<String, Handoff> byId = new LinkedHashMap<>();
        IncidentId incident = null;
        for (Event e : sorted) { // pass 1: every offer, so an outcome dated before its offer still finds it
            if (incident == null) {
                incident = e.incidentId();
            } else if (!incident.equals(e.incidentId())) {
                throw new IllegalArgumentException(
                        "events of incidents " + incident + " and " + e.incidentId() + " mixed");
            }
            Payload p = e.payload();
            String offerId = p.textOrEmpty("offerId");
            if (e.type() == EventType.HANDOFF_OFFERED) {
                Duration timeout = storedTimeout(p, e.occurredAt()).orElse(ackTimeout);
                Role.fromName(p.textOrEmpty("role")).ifPresent(role -> {
                    if (!offerId.isEmpty() && !byId.containsKey(offerId)) {
                        byId.put(
                                offerId,
                                Handoff.offer(
                                        offerId,
                                        role,
                                        p.textOrEmpty("from"),
                                        p.text("fromId"),
                                        p.textOrEmpty("to"),
                                        p.textOrEmpty("toId"),
                                        new ReadBackCode(p.textOrEmpty("readBackCode")),
                                        p.textOrEmpty("brief"),
                                        e.occurredAt(),
                                        timeout));
                    }
                });
            }
        }
        // pass 2: each offer closes with its first outcome (the rule every role fold shares)
        dev.conn.incident.HandoffOutcomes outcomes = dev.conn.incident.HandoffOutcomes.of(sorted);
        byId.replaceAll((id, h) ->
                outcomes.firstOutcome(id).map(e -> close(h, e, outcomes)).orElse(h));
        return new Handoffs(new ArrayList<>(byId.values()), ackTimeout);
    }

    /** The timeout an offer was made with, if it recorded its {@code expiresAt}. */
    private static Optional<Duration> storedTimeout(Payload p, java.time.Instant offeredAt) {
        try {
            return p.instant("expiresAt")
                    .map(at -> Duration.between(offeredAt, at))
                    .filter(d -> !d.isNegative() && !d.isZero());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Handoff close(Handoff h, Event e, dev.conn.incident.HandoffOutcomes outcomes) {
        Payload p = e.payload();
        java.time.Instant at = e.occurredAt().isBefore(h.offeredAt()) ? h.offeredAt() : e.occurredAt();
        return switch (e.type()) {
            case HANDOFF_ACKNOWLEDGED -> outcomes.transfers(e)
                    ? h.closedByEvent(HandoffState.ACKNOWLEDGED, at, method(p), Optional.empty())
                    // acknowledged too late: it had expired, and the holder kept the role
                    : h.closedByEvent(HandoffState.EXPIRED, h.expiresAt(), Optional.empty(), Optional.empty());
            case HANDOFF_DECLINED -> h.closedByEvent(HandoffState.DECLINED, at, Optional.empty(), p.text("reason"));
            case HANDOFF_WITHDRAWN -> h.closedByEvent(HandoffState.WITHDRAWN, at, Optional.empty(), p.text("reason"));
            case HANDOFF_EXPIRED -> h.closedByEvent(HandoffState.EXPIRED, at, Optional.empty(), Optional.empty());
            default -> h;
        };
    }

    private static Optional<AckMethod> method(Payload p) {
        String m = p.textOrEmpty("method");
        for (AckMethod a : AckMethod.values()) {
            if (a.name().equalsIgnoreCase(m.strip())) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
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
