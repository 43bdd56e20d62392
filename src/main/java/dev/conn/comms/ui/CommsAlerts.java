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
 * is an alert while it holds and is cleared when it ends. Once the incident is resolved, nothing
 * about it is alerted but the postmortem reminder (an item whose id names the postmortem, {@code
 * schedule-postmortem} in the default policy), and that one as a warning: the outage is over
 * (issue 14 item 7). Everything comes from the view model's folded state: nothing here walks the
 * log. FX thread only.
 */
final class CommsAlerts {
    private static final DateTimeFormatter HHMM =
            DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private CommsAlerts() {}

    private static boolean resolved(IncidentState s) {
        return s != null && s.resolvedAt().isPresent();
    }

    /** @return whether the item is the reminder to hold the postmortem, by its policy id */
    static boolean isPostmortemReminder(ChecklistItem item) {
        return item.id().toLowerCase(java.util.Locale.ROOT).contains("postmortem");
    }

    /**
     * Starts routing; it lasts as long as the view model.
     *
     * @param comms the Comms tab's view model
     * @param centre the alert centre
     */
    static void route(CommsViewModel comms, AlertCentre centre) {
        Runnable overdue = () -> {
            List<Draft> drafts = new ArrayList<>();
            // once resolved, the outage's checklist is history: only the postmortem still calls
            // for action, and not urgently
            Optional<Instant> resolvedAt = comms.incident().flatMap(IncidentState::resolvedAt);
            for (ChecklistItem item : comms.checklist()) {
                if (item.state() != ItemState.OVERDUE) {
                    continue;
                }
                String due = item.dueAt()
                        .map(d -> "Was due at " + HHMM.format(d) + ". ")
                        .orElse("");
                if (resolvedAt.isEmpty()) {
                    drafts.add(new Draft(
                            "comms-overdue:" + item.id(),
                            Level.CRITICAL,
                            "Overdue: " + item.title(),
                            due + "Compose (" + CommsFeature.COMPOSE.getDisplayText()
                                    + ") it, or skip it in the Comms tab (" + CommsFeature.COMMS_TAB.getDisplayText()
                                    + ")."));
                } else if (isPostmortemReminder(item)
                        && item.dueAt().map(d -> d.isAfter(resolvedAt.get())).orElse(false)) {
                    drafts.add(new Draft(
                            "comms-overdue:" + item.id(),
                            Level.WARNING,
                            "Postmortem due: " + item.title(),
                            due + "Tick it in the Comms tab (" + CommsFeature.COMMS_TAB.getDisplayText()
                                    + ") once it is scheduled."));
                }
            }
            centre.sync("comms-overdue:", drafts);
        };
        comms.checklist().subscribe(overdue);
        comms.incidentProperty().subscribe((before, after) -> {
            if (resolved(before) != resolved(after)) {
                overdue.run(); // resolving (or reopening) changes what is alerted, not the list
            }
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
