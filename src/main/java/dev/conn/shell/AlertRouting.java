package dev.conn.shell;

import dev.conn.command.Handoff;
import dev.conn.command.PeopleViewModel;
import dev.conn.fatigue.FatigueLevel;
import dev.conn.platform.fx.AlertCentre;
import dev.conn.platform.fx.AlertCentre.Draft;
import dev.conn.platform.fx.AlertCentre.Level;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Routes the people panel's conditions into the alert centre: fatigue thresholds, overdue
 * check-back tasks, a hand-off waiting for its ACK, and an expired hand-off. Each condition is an
 * alert while it holds and is cleared when it ends (a break taken, the task acknowledged, the
 * hand-off acknowledged or the expiry dismissed). FX thread only.
 */
public final class AlertRouting {
    private static final DateTimeFormatter HHMM =
            DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private AlertRouting() {}

    /**
     * Starts routing; it lasts as long as the view model.
     *
     * @param people the people panel's view model
     * @param centre the alert centre
     */
    public static void people(PeopleViewModel people, AlertCentre centre) {
        people.fatigueAlerts().subscribe(() -> {
            List<Draft> drafts = new ArrayList<>();
            for (PeopleViewModel.FatigueAlertRow row : people.fatigueAlerts()) {
                FatigueLevel level = row.crossing().level();
                drafts.add(new Draft(
                        "fatigue:" + row.crossing().responderId() + ":" + level.name(),
                        level == FatigueLevel.BREAK_SUGGESTED ? Level.WARNING : Level.CRITICAL,
                        "Fatigue: " + row.crossing().person() + ", " + level.label(),
                        row.text()));
            }
            centre.sync("fatigue:", drafts);
        });
        people.tasks().subscribe(() -> {
            List<Draft> drafts = new ArrayList<>();
            for (PeopleViewModel.TaskRow row : people.tasks()) {
                if (row.overdue()) {
                    drafts.add(new Draft(
                            "task:" + row.task().taskId(),
                            Level.WARNING,
                            "Check-back overdue: " + row.task().person(),
                            row.task().text() + " (check back was due at "
                                    + HHMM.format(row.task().checkBackAt()) + ")"));
                }
            }
            centre.sync("task:", drafts);
        });
        Runnable pending = () -> centre.sync(
                "handoff-pending:", pending(people.pendingHandoffProperty().get(), people));
        people.pendingHandoffProperty().subscribe(pending);
        people.handoffTextProperty().subscribe(pending);
        Runnable expired = () -> {
            Handoff h = people.expiredHandoffProperty().get();
            List<Draft> drafts = h == null
                    ? List.of()
                    : List.of(new Draft(
                            "handoff-expired:" + h.offerId(),
                            Level.CRITICAL,
                            "Hand-off to " + h.to() + " expired",
                            people.expiredTextProperty().get()));
            centre.sync("handoff-expired:", drafts);
        };
        people.expiredHandoffProperty().subscribe(expired);
        people.expiredTextProperty().subscribe(expired);
    }

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
                                            .map(d -> "Was due at " + HHMM.format(d) + ". ")
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
                if (e.type() == dev.conn.incident.EventType.MESSAGE_FAILED) {
                    drafts.add(new Draft(
                            "delivery-failed:" + e.id(),
                            Level.WARNING,
                            "Message not delivered via " + e.payload().textOrEmpty("channel"),
                            e.payload().textOrEmpty("reason") + " (" + HHMM.format(e.occurredAt()) + ")"));
                }
            }
            centre.sync("delivery-failed:", drafts);
        });
    }

    private static List<Draft> pending(Handoff h, PeopleViewModel people) {
        if (h == null) {
            return List.of();
        }
        return List.of(new Draft(
                "handoff-pending:" + h.offerId(),
                Level.INFO,
                "Hand-off to " + h.to() + " waiting for ACK",
                people.handoffTextProperty().get() + " (ACK due by " + HHMM.format(h.expiresAt()) + ")"));
    }
}
