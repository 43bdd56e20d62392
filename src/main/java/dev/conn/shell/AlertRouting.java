package dev.conn.shell;

import dev.conn.platform.fx.AlertCentre;
import dev.conn.platform.fx.AlertCentre.Draft;
import dev.conn.platform.fx.AlertCentre.Level;
import dev.conn.platform.text.TimeFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * Routes the comms conditions into the alert centre (the people feature routes its own: {@code
 * command.ui.PeopleAlerts}). Each condition is an alert while it holds and is cleared when it
 * ends. FX thread only.
 */
public final class AlertRouting {
    private AlertRouting() {}

    /**
     * Routes the comms checklist and the outbox into the alert centre: an overdue communication
     * (critical: "First, send an outage notification. Do it NOW."), a message whose delivery is
     * unknown after a crash (the user must resend or mark it sent), and a message a channel
     * refused for good ({@code MESSAGE_FAILED}). Each stays listed while it holds. After the
     * incident is resolved, only communications due after the resolution are alerted.
     *
     * @param comms the comms tab's view model
     * @param events the open incident's events (for {@code MESSAGE_FAILED})
     * @param centre the alert centre
     */
    public static void comms(
            dev.conn.comms.CommsViewModel comms,
            javafx.collections.ObservableList<dev.conn.incident.Event> events,
            AlertCentre centre) {
        comms.checklist().subscribe(() -> {
            List<Draft> drafts = new ArrayList<>();
            // once resolved, only deadlines after the resolution (resolution post, postmortem)
            // still call for action; the rest of the outage's checklist is history
            java.util.Optional<java.time.Instant> resolvedAt =
                    comms.incident().flatMap(dev.conn.incident.IncidentState::resolvedAt);
            for (dev.conn.comms.ChecklistItem item : comms.checklist()) {
                boolean stillMatters = resolvedAt.isEmpty()
                        || item.dueAt().map(d -> d.isAfter(resolvedAt.get())).orElse(false);
                if (item.state() == dev.conn.comms.ItemState.OVERDUE && stillMatters) {
                    drafts.add(new Draft(
                            "comms-overdue:" + item.id(),
                            Level.CRITICAL,
                            "Overdue: " + item.title(),
                            item.dueAt()
                                            .map(d -> "Was due at " + TimeFormat.utcMinutes(d) + ". ")
                                            .orElse("")
                                    + "Send it from the Comms tab (Ctrl+M), or skip it with a reason."));
                }
            }
            centre.sync("comms-overdue:", drafts);
        });
        comms.unknownDeliveries().subscribe(() -> {
            List<Draft> drafts = new ArrayList<>();
            for (dev.conn.comms.OutboxMessage m : comms.unknownDeliveries()) {
                drafts.add(new Draft(
                        "delivery-unknown:" + m.idempotencyKey(),
                        Level.CRITICAL,
                        "Delivery unknown: " + m.subject(),
                        "Sending to " + m.channel() + " ended without an answer. In the Comms tab, resend it or"
                                + " mark it sent."));
            }
            centre.sync("delivery-unknown:", drafts);
        });
        events.subscribe(() -> {
            List<Draft> drafts = new ArrayList<>();
            for (dev.conn.incident.Event e : events) {
                if (e.type() == dev.conn.incident.EventType.MESSAGE_FAILED
                        && readable(e) instanceof dev.conn.incident.CommsEvent.MessageFailed f) {
                    drafts.add(new Draft(
                            "delivery-failed:" + e.id(),
                            Level.WARNING,
                            "Message not delivered via " + f.channel(),
                            f.reason() + " (" + TimeFormat.utcMinutes(e.occurredAt()) + ")"));
                }
            }
            centre.sync("delivery-failed:", drafts);
        });
    }

    /** @return the event's body, or null if its payload does not fit its type (it is skipped) */
    private static dev.conn.incident.EventBody readable(dev.conn.incident.Event e) {
        try {
            return e.body();
        } catch (dev.conn.incident.MalformedEventException unreadable) {
            return null;
        }
    }
}
