package dev.conn.timeline;

import dev.conn.incident.CommsEvent;
import dev.conn.incident.Event;
import dev.conn.incident.EventBody;
import dev.conn.incident.EventType;
import dev.conn.incident.MalformedEventException;
import dev.conn.platform.text.TimeFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one timeline row of a message (issue 14 item 11): the {@code MESSAGE_QUEUED} row says where
 * each channel's delivery stands, and the {@code MESSAGE_SENT}, {@code MESSAGE_FAILED} and {@code
 * MESSAGE_DELIVERY_UNKNOWN} events that follow make no row of their own. Per channel the latest
 * outcome in timeline order counts (a retry that succeeds replaces a failure). Pure.
 *
 * <p>Words: "Message to slack-ops: Checkout errors. Queued", then "… Sent at 18:53:18 UTC", "…
 * Failed: HTTP 401", "… Delivery unknown (Conn stopped mid-send); resend or mark sent"; with
 * several channels each is named: "… slack-ops sent at 18:53:18 UTC; statuspage queued".
 */
final class MessageRow {
    /** The delivery events folded into their message's row. */
    static final Set<EventType> DELIVERIES =
            Set.of(EventType.MESSAGE_SENT, EventType.MESSAGE_FAILED, EventType.MESSAGE_DELIVERY_UNKNOWN);

    private MessageRow() {}

    /**
     * @param e an event
     * @return the id of the message it reports a delivery of, or empty if it is no readable
     *     delivery event (then it keeps a row of its own)
     */
    static Optional<String> deliveryOf(Event e) {
        if (!DELIVERIES.contains(e.type())) {
            return Optional.empty();
        }
        try {
            EventBody b = e.body();
            if (b instanceof CommsEvent.MessageSent s) {
                return Optional.of(s.messageId());
            }
            if (b instanceof CommsEvent.MessageFailed f) {
                return Optional.of(f.messageId());
            }
            return b instanceof CommsEvent.MessageDeliveryUnknown u ? Optional.of(u.messageId()) : Optional.empty();
        } catch (MalformedEventException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * @param e an event
     * @return the id of the message it queues, or empty if it is not a readable {@code
     *     MESSAGE_QUEUED}
     */
    static Optional<String> queuedId(Event e) {
        if (e.type() != EventType.MESSAGE_QUEUED) {
            return Optional.empty();
        }
        try {
            return e.body() instanceof CommsEvent.MessageQueued q ? Optional.of(q.messageId()) : Optional.empty();
        } catch (MalformedEventException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * @param queued the {@code MESSAGE_QUEUED} event
     * @param deliveries its delivery events, in any order
     * @return the row's text
     */
    static String text(Event queued, List<Event> deliveries) {
        CommsEvent.MessageQueued q = (CommsEvent.MessageQueued) queued.body();
        List<String> channels = Arrays.stream(q.channels().split(","))
                .map(String::strip)
                .filter(c -> !c.isEmpty())
                .toList();
        Map<String, String> state = new LinkedHashMap<>();
        channels.forEach(c -> state.put(c, "queued"));
        List<Event> sorted = new ArrayList<>(deliveries);
        sorted.sort(Event.BY_OCCURRENCE);
        for (Event d : sorted) {
            EventBody b = d.body();
            if (b instanceof CommsEvent.MessageSent s) {
                state.put(
                        s.channel(),
                        "sent at " + TimeFormat.utcSeconds(s.sentAt())
                                + (s.markedByUser().orElse(false) ? " (marked sent by user)" : ""));
            } else if (b instanceof CommsEvent.MessageFailed f) {
                state.put(f.channel(), "failed: " + f.reason());
            } else if (b instanceof CommsEvent.MessageDeliveryUnknown u) {
                state.put(
                        u.channel(),
                        "delivery unknown (" + u.reason().orElse("Conn stopped mid-send") + "); resend or mark sent");
            }
        }
        String where;
        if (state.size() == 1) {
            String only = state.values().iterator().next();
            where = Character.toUpperCase(only.charAt(0)) + only.substring(1);
        } else {
            List<String> parts = new ArrayList<>();
            state.forEach((c, s) -> parts.add(c + " " + s));
            where = String.join("; ", parts);
        }
        return "Message to " + q.channels() + ": " + q.subject() + ". " + where;
    }
}
