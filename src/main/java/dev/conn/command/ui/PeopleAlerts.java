package dev.conn.command.ui;

import dev.conn.command.Handoff;
import dev.conn.incident.FatigueLevel;
import dev.conn.incident.IncidentState;
import dev.conn.incident.ui.IncidentViewModel;
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
 * acknowledged or the expiry dismissed). Once the incident is resolved none of them is alerted:
 * the outage is over, and its roster and hand-offs are history (issue 14 item 7). FX thread only.
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
     * @param incident the open incident: nothing is alerted once it is resolved
     */
    static void route(
            CommandBannersViewModel banners,
            FatigueAlertsViewModel fatigue,
            PeopleListViewModel people,
            AlertCentre centre,
            IncidentViewModel incident) {
        java.util.function.BooleanSupplier resolved = () -> {
            IncidentState s = incident.currentProperty().get();
            return s != null && s.resolvedAt().isPresent();
        };
        List<Runnable> all = new ArrayList<>();
        Runnable fatigueAlerts = () -> {
            List<Draft> drafts = new ArrayList<>();
            for (FatigueAlertsViewModel.FatigueAlertRow row : fatigue.alerts()) {
                FatigueLevel level = row.crossing().level();
                drafts.add(new Draft(
                        "fatigue:" + row.crossing().responderId() + ":" + level.name(),
                        level == FatigueLevel.BREAK_SUGGESTED ? Level.WARNING : Level.CRITICAL,
                        "Fatigue: " + row.crossing().person() + ", " + level.label(),
                        row.text()));
            }
            sync(centre, resolved, "fatigue:", drafts);
        };
        Runnable taskAlerts = () -> {
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
            sync(centre, resolved, "task:", drafts);
        };
        fatigue.alerts().subscribe(fatigueAlerts);
        people.tasks().subscribe(taskAlerts);
        Runnable pending = () -> sync(centre, resolved, "handoff-pending:", pending(banners));
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
            sync(centre, resolved, "handoff-expired:", drafts);
        };
        banners.expiredHandoffProperty().subscribe(expired);
        banners.expiredTextProperty().subscribe(expired);
        all.addAll(List.of(fatigueAlerts, taskAlerts, pending, expired));
        incident.currentProperty().subscribe((before, after) -> {
            boolean was = before != null && before.resolvedAt().isPresent();
            boolean is = after != null && after.resolvedAt().isPresent();
            if (was != is || before == null || after == null || !before.id().equals(after.id())) {
                all.forEach(Runnable::run);
            }
        });
    }

    private static void sync(
            AlertCentre centre, java.util.function.BooleanSupplier resolved, String prefix, List<Draft> drafts) {
        centre.sync(prefix, resolved.getAsBoolean() ? List.of() : drafts);
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
