package dev.conn.command;

import dev.conn.incident.Event;
import dev.conn.incident.IncidentId;
import dev.conn.incident.Payload;
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
        List<Event> sorted = new ArrayList<>(events);
        sorted.sort(Event.BY_OCCURRENCE);
        Map<String, Handoff> byId = new LinkedHashMap<>();
        IncidentId incident = null;
        for (Event e : sorted) {
            if (incident == null) {
                incident = e.incidentId();
            } else if (!incident.equals(e.incidentId())) {
                throw new IllegalArgumentException(
                        "events of incidents " + incident + " and " + e.incidentId() + " mixed");
            }
            Payload p = e.payload();
            String offerId = p.textOrEmpty("offerId");
            switch (e.type()) {
                case HANDOFF_OFFERED -> Role.fromName(p.textOrEmpty("role")).ifPresent(role -> {
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
                                        ackTimeout));
                    }
                });
                case HANDOFF_ACKNOWLEDGED -> byId.computeIfPresent(
                        offerId,
                        (id, h) -> h.closedByEvent(
                                HandoffState.ACKNOWLEDGED, e.occurredAt(), method(p), Optional.empty()));
                case HANDOFF_DECLINED -> byId.computeIfPresent(
                        offerId,
                        (id, h) -> h.closedByEvent(
                                HandoffState.DECLINED, e.occurredAt(), Optional.empty(), p.text("reason")));
                case HANDOFF_WITHDRAWN -> byId.computeIfPresent(
                        offerId,
                        (id, h) -> h.closedByEvent(
                                HandoffState.WITHDRAWN, e.occurredAt(), Optional.empty(), p.text("reason")));
                case HANDOFF_EXPIRED -> byId.computeIfPresent(
                        offerId,
                        (id, h) -> h.closedByEvent(
                                HandoffState.EXPIRED, e.occurredAt(), Optional.empty(), Optional.empty()));
                default -> {
                    // not a hand-off event
                }
            }
        }
        return new Handoffs(new ArrayList<>(byId.values()), ackTimeout);
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
