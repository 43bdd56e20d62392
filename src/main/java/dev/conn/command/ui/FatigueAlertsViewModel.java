package dev.conn.command.ui;

import dev.conn.command.PeopleFold;
import dev.conn.command.RoleHolder;
import dev.conn.command.UtcTime;
import dev.conn.fatigue.AlertFatigue;
import dev.conn.fatigue.AlertKey;
import dev.conn.fatigue.FatigueCrossing;
import dev.conn.fatigue.FatigueMonitor;
import dev.conn.incident.IncidentState;
import dev.conn.incident.Role;
import dev.conn.incident.ui.IncidentViewModel;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The fatigue alerts this console raises for the open incident: on each 1-second tick it asks the
 * {@link FatigueMonitor} which thresholds responders have crossed, from the duty log it keeps
 * folded ({@link PeopleFold}, fed as events arrive), shows each crossing at once (with the role the
 * responder holds, for "Start hand-off") and sends them as one {@link AlertFatigue} command, which
 * records those nobody has recorded yet. An alert stays listed until dismissed. FX thread only.
 */
public final class FatigueAlertsViewModel {
    /**
     * A fatigue alert shown in the People panel.
     *
     * @param crossing the threshold crossed
     * @param text what to tell the IC
     * @param heldRole the role the responder holds (command first), if any: offer "Start hand-off"
     */
    public record FatigueAlertRow(FatigueCrossing crossing, String text, Optional<Role> heldRole) {}

    private final IncidentViewModel incident;
    private final CommandSender sender;
    private final FatigueMonitor monitor;
    private final PeopleFold fold;
    private final Set<AlertKey> inFlight = new HashSet<>();
    private final ObservableList<FatigueAlertRow> alerts = FXCollections.observableArrayList();

    /**
     * Starts following the open incident at once.
     *
     * @param incident the open incident, its events and the 1-second tick
     * @param sender sends the alerts to be recorded, off the FX thread
     * @param monitor the thresholds and arming rules
     * @param ackTimeout the policy hand-off ACK timeout (the roster fold needs it)
     */
    FatigueAlertsViewModel(
            IncidentViewModel incident, CommandSender sender, FatigueMonitor monitor, Duration ackTimeout) {
        this.incident = incident;
        this.sender = sender;
        this.monitor = monitor;
        this.fold = new PeopleFold(ackTimeout);
        incident.resetsProperty().addListener((o, was, now) -> {
            inFlight.clear();
            alerts.clear(); // another incident: its alerts are not this one's
        });
        new PeopleFeed(incident, fold, () -> {});
        incident.nowProperty().addListener((o, was, now) -> raise(now));
    }

    /** @return fatigue alerts raised by this console, newest last, until dismissed */
    public ObservableList<FatigueAlertRow> alerts() {
        return alerts;
    }

    /**
     * Hides a fatigue alert line.
     *
     * @param alert the alert
     */
    public void dismiss(FatigueAlertRow alert) {
        alerts.remove(alert);
    }

    private void raise(Instant now) {
        IncidentState st = incident.current().orElse(null);
        if (st == null || !st.isOpen()) {
            alerts.clear(); // resolved: duty ended, nobody is asked to take a break (issue 14 item 5)
            return;
        }
        Set<AlertKey> skip = new LinkedHashSet<>(monitor.alreadyAlerted(fold.dutyLog(), now));
        skip.addAll(inFlight);
        List<FatigueCrossing> crossings = monitor.crossings(fold.dutyLog(), now, skip);
        if (crossings.isEmpty()) {
            return;
        }
        for (FatigueCrossing c : crossings) {
            inFlight.add(c.key());
            alerts.add(new FatigueAlertRow(c, text(c), heldRole(c.responderId())));
        }
        sender.alertFatigue(
                new AlertFatigue(crossings),
                () -> crossings.forEach(c -> inFlight.remove(c.key())),
                e -> sender.reportError("Fatigue alert not recorded: " + e));
    }

    private static String text(FatigueCrossing c) {
        String since = UtcTime.hhmm(c.reachedAt());
        return switch (c.level()) {
            case BREAK_SUGGESTED -> c.person() + " reached the break threshold at " + since
                    + " (continuous duty without a real break): suggest a break.";
            case HANDOFF_URGED -> c.person() + " reached the hand-off threshold at " + since
                    + ": hand off their roles and send them to rest.";
            case CRITICAL -> c.person() + " is critically fatigued (since " + since
                    + "): hand off now and end their shift.";
            case RESTED -> c.person() + " is rested.";
        };
    }

    private Optional<Role> heldRole(String responderId) {
        List<RoleHolder> held = fold.roster().rolesOf(responderId);
        return held.stream()
                .map(RoleHolder::role)
                .filter(Role::isCommand)
                .findFirst()
                .or(() -> held.stream()
                        .filter(h -> !h.byDefault())
                        .map(RoleHolder::role)
                        .findFirst());
    }
}
