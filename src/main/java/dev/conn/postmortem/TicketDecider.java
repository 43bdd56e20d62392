package dev.conn.postmortem;

import dev.conn.incident.ActionItemStatus;
import dev.conn.incident.CommsEvent;
import dev.conn.incident.Decider;
import dev.conn.incident.Decision;
import dev.conn.incident.Event;
import dev.conn.incident.EventBody;
import dev.conn.incident.EventType;
import dev.conn.incident.HeaderEvent;
import dev.conn.incident.IntegrationEvent;
import dev.conn.incident.MalformedEventException;
import dev.conn.incident.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Decides {@link CreateTickets} (issue 16 §1): a {@code TICKET_REQUESTED} per action item that
 * has no ticket and none on its way, each stored with its outbox row (the projection), so the
 * ticket is created once, also offline. Refused, in words, when no tracker is configured, when the
 * one item asked for has a ticket or one on its way, or when there is nothing to ticket. A request
 * is on its way until its {@code MESSAGE_SENT} or {@code MESSAGE_FAILED}; one whose delivery is
 * unknown stays on its way (the Comms tab resends it). Pure.
 */
public final class TicketDecider implements Decider<TicketDecider.CreateTickets, TicketDecider.State> {

    /**
     * Create tickets for action items.
     *
     * @param itemIds the items; empty means every item without a ticket (not those marked won't do)
     * @param channel the outbox channel of the tracker the settings choose ({@code tickets:jira}),
     *     or empty if none is configured
     */
    public record CreateTickets(List<UUID> itemIds, Optional<String> channel) {
        /** Copies the list; null becomes empty. */
        public CreateTickets {
            itemIds = itemIds == null ? List.of() : List.copyOf(itemIds);
            channel = channel == null ? Optional.empty() : channel;
        }
    }

    /** What the decision needs: the postmortem, the incident's title and severity, the requests. */
    public static final class State {
        private final PostmortemFold postmortem = new PostmortemFold();
        private String title = "";
        private Severity severity = Severity.SEV4;
        /** Requests per item, in order. */
        private final Map<String, List<String>> requests = new HashMap<>();
        /** Requests with an outcome that ends them (sent or failed). */
        private final Set<String> ended = new HashSet<>();

        /** @return true if a request for the item has no outcome yet */
        boolean onItsWay(UUID item) {
            return requests.getOrDefault(item.toString(), List.of()).stream().anyMatch(r -> !ended.contains(r));
        }

        int requestsFor(UUID item) {
            return requests.getOrDefault(item.toString(), List.of()).size();
        }
    }

    private static final Set<EventType> READS;

    static {
        Set<EventType> t = EnumSet.copyOf(PostmortemFold.TYPES);
        t.add(EventType.SEVERITY_CHANGED);
        t.add(EventType.TICKET_REQUESTED);
        t.add(EventType.MESSAGE_SENT);
        t.add(EventType.MESSAGE_FAILED);
        READS = java.util.Collections.unmodifiableSet(t);
    }

    @Override
    public Set<EventType> reads() {
        return READS;
    }

    @Override
    public State initial() {
        return new State();
    }

    @Override
    public State evolve(State state, Event event) {
        state.postmortem.add(event);
        EventBody body;
        try {
            body = event.body();
        } catch (MalformedEventException unreadable) {
            return state;
        }
        if (body instanceof HeaderEvent.IncidentDeclared d) {
            state.title = d.title();
            state.severity = d.severity();
        } else if (body instanceof HeaderEvent.SeverityChanged s) {
            state.severity = s.severity();
        } else if (body instanceof IntegrationEvent.TicketRequested t) {
            state.requests
                    .computeIfAbsent(t.actionItemId(), k -> new ArrayList<>())
                    .add(t.messageId());
        } else if (body instanceof CommsEvent.MessageSent s) {
            state.ended.add(s.messageId());
        } else if (body instanceof CommsEvent.MessageFailed f) {
            state.ended.add(f.messageId());
        }
        return state;
    }

    @Override
    public Decision decide(CreateTickets command, State state, Clock clock) {
        if (!state.postmortem.declared()) {
            return Decision.refuse(PostmortemDecider.NO_INCIDENT);
        }
        if (command.channel().isEmpty()) {
            return Decision.refuse("No ticket tracker is configured: add Jira, GitHub or Linear under"
                    + " \"integrations\" in settings.json (see the README), then create the ticket again");
        }
        List<ActionItem> items = state.postmortem.postmortem().actionItems();
        List<ActionItem> chosen = new ArrayList<>();
        if (command.itemIds().isEmpty()) {
            for (ActionItem a : items) {
                if (a.ticket().isEmpty() && a.status() != ActionItemStatus.WONT_DO && !state.onItsWay(a.id())) {
                    chosen.add(a);
                }
            }
            if (chosen.isEmpty()) {
                return Decision.refuse("Every action item has a ticket or one on its way");
            }
        } else {
            for (UUID id : command.itemIds()) {
                Optional<ActionItem> a =
                        items.stream().filter(i -> i.id().equals(id)).findFirst();
                if (a.isEmpty()) {
                    return Decision.refuse("That action item is not in this incident's postmortem (was it retracted?)");
                }
                if (!a.get().ticket().isEmpty()) {
                    return Decision.refuse("\"" + a.get().text() + "\" has a ticket already: "
                            + a.get().ticket());
                }
                if (state.onItsWay(id)) {
                    return Decision.refuse(
                            "A ticket for \"" + a.get().text() + "\" is on its way (see the Comms tab's outbox)");
                }
                chosen.add(a.get());
            }
        }
        List<EventBody> out = new ArrayList<>();
        for (ActionItem a : chosen) {
            out.add(new IntegrationEvent.TicketRequested(
                    requestId(a.id(), state.requestsFor(a.id())).toString(),
                    command.channel().get(),
                    a.id().toString(),
                    state.title,
                    state.severity,
                    a.text(),
                    a.kind(),
                    a.owner().isEmpty() ? Optional.empty() : Optional.of(a.owner()),
                    a.due().map(LocalDate::toString)));
        }
        return Decision.accept(out.toArray(EventBody[]::new));
    }

    /**
     * The id of an item's n-th ticket request: derived, so deciding the same command twice against
     * the same log names the same request (and the outbox's row key refuses a second row).
     */
    static UUID requestId(UUID item, int n) {
        return UUID.nameUUIDFromBytes(
                ("conn-ticket:" + Objects.requireNonNull(item) + ":" + n).getBytes(StandardCharsets.UTF_8));
    }
}
