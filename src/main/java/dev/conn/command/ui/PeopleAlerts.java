package dev.conn.command.ui;

import dev.conn.command.Handoff;
import dev.conn.incident.FatigueLevel;
import dev.conn.platform.fx.AlertCentre;
import dev.conn.platform.fx.AlertCentre.Draft;
import dev.conn.platform.fx.AlertCentre.Level;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Routes the people conditions into the alert centre: fatigue thresholds, overdue check-back
 * tasks, a hand-off waiting for its ACK, and an expired hand-off. Each condition is an alert while
 * it holds and is cleared when it ends (a break taken, the task acknowledged, the hand-off
 * acknowledged or the expiry dismissed). FX thread only.
 */
final class PeopleAlerts {
    private static final DateTimeFormatter HHMM =
            DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private PeopleAlerts() {}

    /**
     * Starts routing; it lasts as long as the view models.
     *
     * @param banners the command banners
     * @param fatigue the fatigue alerts
     * @param people the roster and the tasks
     * @param centre the alert centre
     */
    static void route(
            CommandBannersViewModel banners,
            FatigueAlertsViewModel fatigue,
            PeopleListViewModel people,
            AlertCentre centre) {
        fatigue.alerts().subscribe(() -> {
            List<Draft> drafts = new ArrayList<>();
            for (FatigueAlertsViewModel.FatigueAlertRow row : fatigue.alerts()) {
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
            for (PeopleListViewModel.TaskRow row : people.tasks()) {
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
        Runnable pending = () -> centre.sync("handoff-pending:", pending(banners));
        banners.pendingHandoffProperty().subscribe(pending);
        banners.handoffTextProperty().subscribe(pending);
        Runnable expired = () -> {
            Handoff h = banners.expiredHandoffProperty().get();
            List<Draft> drafts = h == null
                    ? List.of()
                    : List.of(new Draft(
                            "handoff-expired:" + h.offerId(),
                            Level.CRITICAL,
                            "Hand-off to " + h.to() + " expired",
                            banners.expiredTextProperty().get()));
            centre.sync("handoff-expired:", drafts);
        };
        banners.expiredHandoffProperty().subscribe(expired);
        banners.expiredTextProperty().subscribe(expired);
    }

    private static List<Draft> pending(CommandBannersViewModel banners) {
        Handoff h = banners.pendingHandoffProperty().get();
        if (h == null) {
            return List.of();
        }
        return List.of(new Draft(
                "handoff-pending:" + h.offerId(),
                Level.INFO,
                "Hand-off to " + h.to() + " waiting for ACK",
                banners.handoffTextProperty().get() + " (ACK due by " + HHMM.format(h.expiresAt()) + ")"));
    }
}
