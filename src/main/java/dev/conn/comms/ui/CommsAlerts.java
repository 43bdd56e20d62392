package dev.conn.comms.ui;

import dev.conn.comms.ChecklistItem;
import dev.conn.comms.CommsFold;
import dev.conn.comms.ItemState;
import dev.conn.comms.OutboxMessage;
import dev.conn.incident.IncidentState;
import dev.conn.platform.fx.AlertCentre;
import dev.conn.platform.fx.AlertCentre.Draft;
import dev.conn.platform.fx.AlertCentre.Level;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Routes the comms conditions into the alert centre: an overdue communication (critical: "First,
 * send an outage notification. Do it NOW."), a message whose delivery is unknown (the user must
 * resend or mark it sent), and a message a channel refused for good ({@code MESSAGE_FAILED}). Each
 * is an alert while it holds and is cleared when it ends. After the incident is resolved, only
 * communications due after the resolution are alerted. Everything comes from the view model's
 * folded state: nothing here walks the log. FX thread only.
 */
final class CommsAlerts {
    private static final DateTimeFormatter HHMM =
            DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private CommsAlerts() {}

    /**
     * Starts routing; it lasts as long as the view model.
     *
     * @param comms the Comms tab's view model
     * @param centre the alert centre
     */
    static void route(CommsViewModel comms, AlertCentre centre) {
        comms.checklist().subscribe(() -> {
            List<Draft> drafts = new ArrayList<>();
            // once resolved, only deadlines after the resolution (resolution post, postmortem)
            // still call for action; the rest of the outage's checklist is history
            Optional<Instant> resolvedAt = comms.incident().flatMap(IncidentState::resolvedAt);
            for (ChecklistItem item : comms.checklist()) {
                boolean stillMatters = resolvedAt.isEmpty()
                        || item.dueAt().map(d -> d.isAfter(resolvedAt.get())).orElse(false);
                if (item.state() == ItemState.OVERDUE && stillMatters) {
                    drafts.add(new Draft(
                            "comms-overdue:" + item.id(),
                            Level.CRITICAL,
                            "Overdue: " + item.title(),
                            item.dueAt()
                                            .map(d -> "Was due at " + HHMM.format(d) + ". ")
                                            .orElse("")
                                    + "Send it from the Comms tab (Ctrl+M), or skip it with a reason."));
                }
            }
            centre.sync("comms-overdue:", drafts);
        });
        comms.unknownDeliveries().subscribe(() -> {
            List<Draft> drafts = new ArrayList<>();
            for (OutboxMessage m : comms.unknownDeliveries()) {
                drafts.add(new Draft(
                        "delivery-unknown:" + m.idempotencyKey(),
                        Level.CRITICAL,
                        "Delivery unknown: " + m.subject(),
                        "Sending to " + m.channel() + " ended without an answer. In the Comms tab, resend it or"
                                + " mark it sent."));
            }
            centre.sync("delivery-unknown:", drafts);
        });
        comms.failures().subscribe(() -> {
            List<Draft> drafts = new ArrayList<>();
            for (CommsFold.Failure f : comms.failures()) {
                drafts.add(new Draft(
                        "delivery-failed:" + f.eventId(),
                        Level.WARNING,
                        "Message not delivered via " + f.channel(),
                        f.reason() + " (" + HHMM.format(f.at()) + ")"));
            }
            centre.sync("delivery-failed:", drafts);
        });
    }
}
