package dev.conn.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Decides which {@code HANDOFF_ACKNOWLEDGED} events really transferred a role: the first outcome
 * (acknowledged, declined, withdrawn or expired) of a known offer, dated before the offer's
 * {@code expiresAt} if the offer carries one. An acknowledgement of a declined, withdrawn, expired
 * or unknown offer (two consoles racing, a merged or imported log) transfers nothing.
 *
 * <p>Offers are indexed before outcomes are read, so an outcome dated before its offer (clock skew
 * between consoles) still closes it, counted at the offer's time. Pure; shared by every fold that
 * derives role holders ({@link IncidentState}, {@code command.Roster}, {@code command.Handoffs}).
 */
public final class HandoffOutcomes {
    /** The event types that open or close a hand-off. */
    public static final Set<EventType> TYPES = Set.of(
            EventType.HANDOFF_OFFERED,
            EventType.HANDOFF_ACKNOWLEDGED,
            EventType.HANDOFF_DECLINED,
            EventType.HANDOFF_WITHDRAWN,
            EventType.HANDOFF_EXPIRED);

    private final Map<String, Event> firstOutcome;
    private final Set<UUID> transfers;

    private HandoffOutcomes(Map<String, Event> firstOutcome, Set<UUID> transfers) {
        this.firstOutcome = firstOutcome;
        this.transfers = transfers;
    }

    /**
     * @param events the events of one incident, in any order; other types are ignored
     * @return the outcome of every offer
     */
    public static HandoffOutcomes of(Collection<Event> events) {
        Map<String, Event> offers = new HashMap<>();
        List<Event> outcomes = new ArrayList<>();
        List<Event> sorted = new ArrayList<>(events);
        sorted.sort(Event.BY_OCCURRENCE);
        for (Event e : sorted) {
            if (e.type() == EventType.HANDOFF_OFFERED) {
                e.payload().text("offerId").ifPresent(id -> offers.putIfAbsent(id, e));
            } else if (TYPES.contains(e.type())) {
                outcomes.add(e);
            }
        }
        Map<String, Event> first = new HashMap<>();
        Set<UUID> transfers = new HashSet<>();
        Set<String> closed = new HashSet<>();
        for (Event e : outcomes) {
            String id = e.payload().textOrEmpty("offerId");
            Event offer = offers.get(id);
            if (offer == null || !closed.add(id)) {
                continue; // unknown offer, or already closed by an earlier outcome
            }
            first.put(id, e);
            if (e.type() == EventType.HANDOFF_ACKNOWLEDGED && beforeExpiry(offer, e)) {
                transfers.add(e.id());
            }
        }
        return new HandoffOutcomes(first, transfers);
    }

    private static boolean beforeExpiry(Event offer, Event outcome) {
        Optional<Instant> expiresAt;
        try {
            expiresAt = offer.payload().instant("expiresAt");
        } catch (IllegalArgumentException e) {
            expiresAt = Optional.empty();
        }
        Instant at = outcome.occurredAt().isBefore(offer.occurredAt()) ? offer.occurredAt() : outcome.occurredAt();
        return expiresAt.map(at::isBefore).orElse(true);
    }

    /**
     * @param acknowledgement a {@code HANDOFF_ACKNOWLEDGED} event
     * @return true if it transferred the role
     */
    public boolean transfers(Event acknowledgement) {
        return transfers.contains(acknowledgement.id());
    }

    /**
     * @param offerId an offer
     * @return the event that closed it first, if any
     */
    public Optional<Event> firstOutcome(String offerId) {
        return Optional.ofNullable(firstOutcome.get(offerId));
    }
}
