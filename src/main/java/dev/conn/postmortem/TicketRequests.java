package dev.conn.postmortem;

import dev.conn.incident.CommsEvent;
import dev.conn.incident.Event;
import dev.conn.incident.EventBody;
import dev.conn.incident.EventType;
import dev.conn.incident.IntegrationEvent;
import dev.conn.incident.MalformedEventException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Where each action item's last ticket request stands (issue 16 §1), for the line beside the item
 * until its link arrives: on its way, delivery unknown, or refused in the tracker's words. Pure.
 */
public final class TicketRequests {
    /** The event types this reads. */
    public static final Set<EventType> TYPES = Set.of(
            EventType.TICKET_REQUESTED,
            EventType.MESSAGE_SENT,
            EventType.MESSAGE_FAILED,
            EventType.MESSAGE_DELIVERY_UNKNOWN);

    private TicketRequests() {}

    /**
     * @param events an incident's events, in log order
     * @return per action item with a request not yet sent, its state in words ("ticket on its
     *     way", "ticket not created: …", "ticket: delivery unknown, see the Comms tab")
     */
    public static Map<UUID, String> of(List<Event> events) {
        Map<String, UUID> itemOf = new HashMap<>();
        Map<UUID, String> out = new HashMap<>();
        for (Event e : events) {
            if (!TYPES.contains(e.type())) {
                continue;
            }
            EventBody b;
            try {
                b = e.body();
            } catch (MalformedEventException unreadable) {
                continue;
            }
            if (b instanceof IntegrationEvent.TicketRequested t) {
                try {
                    UUID item = UUID.fromString(t.actionItemId());
                    itemOf.put(t.messageId(), item);
                    out.put(item, "ticket on its way");
                } catch (IllegalArgumentException notAnItem) {
                    // not an item of this version: nothing to show
                }
            } else if (b instanceof CommsEvent.MessageSent s && itemOf.containsKey(s.messageId())) {
                out.remove(itemOf.get(s.messageId()));
            } else if (b instanceof CommsEvent.MessageFailed f && itemOf.containsKey(f.messageId())) {
                out.put(itemOf.get(f.messageId()), "ticket not created: " + f.reason());
            } else if (b instanceof CommsEvent.MessageDeliveryUnknown u && itemOf.containsKey(u.messageId())) {
                out.put(itemOf.get(u.messageId()), "ticket: delivery unknown, see the Comms tab");
            }
        }
        return out;
    }
}
