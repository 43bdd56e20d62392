package dev.conn.command;

import dev.conn.fatigue.AlertKey;
import dev.conn.fatigue.DutyLog;
import dev.conn.fatigue.DutyReading;
import dev.conn.fatigue.FatigueCrossing;
import dev.conn.fatigue.FatigueMonitor;
import dev.conn.incident.AckMethod;
import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.FatigueLevel;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.incident.IncidentState;
import dev.conn.incident.IncidentViewModel;
import dev.conn.incident.Role;
import dev.conn.platform.fx.TaskRunner;
import dev.conn.settings.Policy;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The people of the open incident for the views: roster with duty and fatigue, pending and
 * expired hand-offs, the leaderless warning, check-back tasks and fatigue alerts. It folds the
 * command-relevant events of {@link IncidentViewModel#events()} ({@link Roster}, {@link Handoffs},
 * {@link CheckBackTask}, {@link DutyLog}) when they change, and re-renders countdowns on each
 * {@link IncidentViewModel#nowProperty()} tick. Commands run through {@link CommandService} on the
 * {@link TaskRunner}; the events they record are handed to {@link IncidentViewModel#accept} at
 * once, so every view shows them without waiting for the log follower. Touch only on the FX
 * thread.
 */
public final class PeopleViewModel {
    /** The event types the folds read; everything else in the log is ignored here. */
    static final Set<EventType> TYPES;

    static {
        Set<EventType> t = EnumSet.copyOf(CommandService.EVENT_TYPES);
        t.addAll(DutyLog.TYPES);
        t.add(EventType.FATIGUE_ALERTED);
        TYPES = Collections.unmodifiableSet(t);
    }

    /**
     * One roster line.
     *
     * @param responder the responder
     * @param presence upper-case presence, e.g. {@code ON DUTY}
     * @param roles the roles held, comma-separated, or empty
     * @param continuousDuty continuous duty as {@code h:mm}
     * @param level the fatigue level now
     * @param nextIc true if designated as the next incident commander
     */
    public record ResponderRow(
            Responder responder,
            String presence,
            String roles,
            String continuousDuty,
            FatigueLevel level,
            boolean nextIc) {}

    /**
     * One check-back task line.
     *
     * @param task the task
     * @param countdown time left as {@code m:ss}, or {@code OVERDUE m:ss}, or the closed state
     * @param overdue true while open and past its check-back time
     */
    public record TaskRow(CheckBackTask task, String countdown, boolean overdue) {}

    /**
     * A fatigue alert shown in the People panel.
     *
     * @param crossing the threshold crossed
     * @param text what to tell the IC
     * @param heldRole the role the responder holds (command first), if any: offer "Start hand-off"
     */
    public record FatigueAlertRow(FatigueCrossing crossing, String text, Optional<Role> heldRole) {}

    /**
     * A command's result with the events it stored.
     *
     * @param result the command's result
     * @param events events stored since just before the command, in storage order
     */
    private record Done<T>(T result, List<Event> events) {}

    /** A command against one incident, run in the background. */
    @FunctionalInterface
    private interface Call<T> {
        T apply(IncidentId incident, String author) throws Exception;
    }

    private final IncidentViewModel incident;
    private final IncidentService service;
    private final CommandService commands;
    private final TaskRunner tasks;
    private final FatigueMonitor monitor;
    private final Duration ackTimeout;

    private final List<Event> kept = new ArrayList<>();
    private Roster roster = Roster.fold(List.of());
    private Handoffs handoffs;
    private List<CheckBackTask> taskList = List.of();
    private DutyLog dutyLog = DutyLog.empty();
    private boolean expiring;
    private final Set<AlertKey> alertsInFlight = new HashSet<>();
    private final Set<String> dismissedExpiries = new HashSet<>();

    private final ObservableList<ResponderRow> responders = FXCollections.observableArrayList();
    private final ObservableList<TaskRow> taskRows = FXCollections.observableArrayList();
    private final ObservableList<FatigueAlertRow> fatigueAlerts = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper leaderless = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper leaderlessText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Handoff> pendingHandoff = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper handoffText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper handoffCountdown = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper handoffCode = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Handoff> expiredHandoff = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper expiredText = new ReadOnlyStringWrapper("");

    /**
     * Starts observing the incident at once.
     *
     * @param incident the open incident, its events and the 1-second tick
     * @param service the incident service, for the log position around each command
     * @param commands the command domain API (blocking)
     * @param tasks runs commands off the FX thread
     * @param policy the hand-off ACK timeout and the fatigue thresholds
     * @param fallbackZone the zone for night hours of responders who gave none
     */
    public PeopleViewModel(
            IncidentViewModel incident,
            IncidentService service,
            CommandService commands,
            TaskRunner tasks,
            Policy policy,
            ZoneId fallbackZone) {
        this.incident = incident;
        this.service = service;
        this.commands = commands;
        this.tasks = tasks;
        this.ackTimeout = policy.handoff().ackTimeout();
        this.monitor = new FatigueMonitor(policy.fatigue(), fallbackZone);
        this.handoffs = Handoffs.fold(List.of(), ackTimeout);
        incident.events().addListener((ListChangeListener<Event>) this::onEvents);
        incident.resetsProperty().addListener((o, was, now) -> rebuild());
        incident.nowProperty().addListener((o, was, now) -> onTick(now));
        rebuild();
    }

    // ---- state for the views --------------------------------------------------------------------

    /** @return the roster, in order of first joining; left responders last */
    public ObservableList<ResponderRow> responders() {
        return responders;
    }

    /** @return the open tasks first (in order of check-back time), then the closed ones */
    public ObservableList<TaskRow> tasks() {
        return taskRows;
    }

    /**
     * @return true while a fatigue alert or an overdue check-back is waiting: the window then shows
     *     the people panel even if the user closed it, so nothing important hides behind it
     */
    public javafx.beans.binding.BooleanBinding needsAttention() {
        return javafx.beans.binding.Bindings.isNotEmpty(fatigueAlerts())
                .or(javafx.beans.binding.Bindings.createBooleanBinding(
                        () -> tasks().stream().anyMatch(TaskRow::overdue), tasks()));
    }

    /** @return fatigue alerts raised by this console, newest last, until dismissed */
    public ObservableList<FatigueAlertRow> fatigueAlerts() {
        return fatigueAlerts;
    }

    /** @return true while the open incident has nobody in command */
    public ReadOnlyBooleanProperty leaderlessProperty() {
        return leaderless.getReadOnlyProperty();
    }

    /** @return the leaderless banner text, or empty */
    public ReadOnlyStringProperty leaderlessTextProperty() {
        return leaderlessText.getReadOnlyProperty();
    }

    /** @return the first hand-off waiting for acknowledgement, or null */
    public ReadOnlyObjectProperty<Handoff> pendingHandoffProperty() {
        return pendingHandoff.getReadOnlyProperty();
    }

    /** @return e.g. "Hand-off of Incident Commander to Bob pending ACK", or empty */
    public ReadOnlyStringProperty handoffTextProperty() {
        return handoffText.getReadOnlyProperty();
    }

    /** @return time left to acknowledge as {@code m:ss}, or empty */
    public ReadOnlyStringProperty handoffCountdownProperty() {
        return handoffCountdown.getReadOnlyProperty();
    }

    /** @return e.g. "· read-back code K7-DELTA", or empty */
    public ReadOnlyStringProperty handoffCodeProperty() {
        return handoffCode.getReadOnlyProperty();
    }

    /** @return the latest expired hand-off not yet dismissed or re-offered, or null */
    public ReadOnlyObjectProperty<Handoff> expiredHandoffProperty() {
        return expiredHandoff.getReadOnlyProperty();
    }

    /** @return the expiry banner text, or empty */
    public ReadOnlyStringProperty expiredTextProperty() {
        return expiredText.getReadOnlyProperty();
    }

    /** @return the roster as last folded */
    public Roster roster() {
        return roster;
    }

    /** @return the instant of the last tick */
    public Instant now() {
        return incident.nowProperty().get();
    }

    // ---- folding --------------------------------------------------------------------------------

    private void onEvents(ListChangeListener.Change<? extends Event> c) {
        if (incident.isResetting()) {
            return; // resetsProperty follows and rebuilds
        }
        boolean changed = false;
        while (c.next()) {
            if (c.wasRemoved() && !c.wasAdded()) {
                rebuild();
                return;
            }
            for (Event e : c.getAddedSubList()) {
                if (TYPES.contains(e.type())) {
                    kept.add(e);
                    changed = true;
                }
            }
        }
        if (changed) {
            refold();
        }
    }

    private void rebuild() {
        kept.clear();
        for (Event e : incident.events()) {
            if (TYPES.contains(e.type())) {
                kept.add(e);
            }
        }
        alertsInFlight.clear();
        fatigueAlerts.clear();
        refold();
    }

    private void refold() {
        roster = Roster.fold(kept);
        handoffs = Handoffs.fold(kept, ackTimeout);
        taskList = CheckBackTask.fold(kept);
        dutyLog = DutyLog.fold(kept);
        render(now());
    }

    private void onTick(Instant now) {
        render(now);
        expireDue(now);
        raiseFatigueAlerts(now);
    }

    private void render(Instant now) {
        renderLeaderless();
        renderHandoffs(now);
        renderRoster(now);
        renderTasks(now);
    }

    private void renderLeaderless() {
        Optional<LeaderlessInterval> gap =
                incident.current().isPresent() ? roster.currentLeaderlessInterval() : Optional.empty();
        leaderless.set(gap.isPresent());
        leaderlessText.set(gap.map(g -> "No incident commander since " + UtcTime.hhmm(g.start()) + " ("
                        + g.reason().description() + "). Assign command or hand off.")
                .orElse(""));
    }

    private void renderHandoffs(Instant now) {
        List<Handoff> pending = handoffs.pending(now);
        if (pending.isEmpty()) {
            pendingHandoff.set(null);
            handoffText.set("");
            handoffCountdown.set("");
            handoffCode.set("");
        } else {
            Handoff h = pending.get(0);
            pendingHandoff.set(h);
            String more = pending.size() > 1 ? " (+" + (pending.size() - 1) + " more)" : "";
            handoffText.set("Hand-off of " + h.role().label() + " to " + h.to() + " pending ACK");
            handoffCountdown.set(minutesSeconds(h.remainingAt(now)));
            handoffCode.set("· read-back code " + h.readBackCode().value() + more);
        }
        Optional<Handoff> expired = latestExpired(now);
        expiredHandoff.set(expired.orElse(null));
        expiredText.set(expired.map(h -> "Hand-off to " + h.to() + " expired at "
                        + UtcTime.hhmm(h.closedAt().orElse(h.expiresAt())) + " — " + h.from() + " still holds "
                        + (h.role().isCommand() ? "command" : "the " + h.role().label() + " role") + ".")
                .orElse(""));
    }

    /** The newest expired offer, unless dismissed or followed by a newer offer of the same role. */
    private Optional<Handoff> latestExpired(Instant now) {
        List<Handoff> all = handoffs.all();
        for (int i = all.size() - 1; i >= 0; i--) {
            Handoff h = all.get(i);
            if (h.stateAt(now) != HandoffState.EXPIRED || dismissedExpiries.contains(h.offerId())) {
                continue;
            }
            boolean reoffered = all.subList(i + 1, all.size()).stream().anyMatch(n -> n.role() == h.role());
            return reoffered ? Optional.empty() : Optional.of(h);
        }
        return Optional.empty();
    }

    private void renderRoster(Instant now) {
        Optional<Roster.NextIc> next = roster.nextCommander();
        List<ResponderRow> rows = new ArrayList<>();
        List<ResponderRow> gone = new ArrayList<>();
        for (Responder r : roster.responders()) {
            String roles = roster.rolesOf(r.id()).stream()
                    .map(h -> h.role().label())
                    .distinct()
                    .collect(Collectors.joining(", "));
            Optional<DutyReading> reading =
                    dutyLog.responder(r.id()).map(d -> monitor.clockFor(d).at(now));
            ResponderRow row = new ResponderRow(
                    r,
                    r.presence().label().toUpperCase(java.util.Locale.ROOT),
                    roles,
                    reading.map(d -> hoursMinutes(d.continuousDuty())).orElse("0:00"),
                    reading.map(DutyReading::level).orElse(FatigueLevel.RESTED),
                    next.map(n -> n.responderId().equals(r.id())).orElse(false));
            (r.presence().isPresent() ? rows : gone).add(row);
        }
        rows.addAll(gone);
        if (!rows.equals(responders)) {
            replaceKeepingSelection(responders, rows);
        }
    }

    private void renderTasks(Instant now) {
        List<TaskRow> open = new ArrayList<>();
        List<TaskRow> closed = new ArrayList<>();
        taskList.stream()
                .sorted(java.util.Comparator.comparing(CheckBackTask::checkBackAt))
                .forEach(t -> {
                    boolean assigneeLeft = roster.responder(t.responderId())
                            .map(r -> r.presence() == Presence.LEFT)
                            .orElse(false);
                    if (t.isOpen() && assigneeLeft) {
                        // nobody will check back: the IC must reassign or cancel it, now
                        open.add(new TaskRow(t, "UNOWNED: " + t.person() + " left; reassign or cancel", true));
                    } else if (t.isOpen()) {
                        boolean overdue = t.isOverdue(now);
                        String countdown = overdue
                                ? "OVERDUE " + minutesSeconds(t.overdueBy(now))
                                : minutesSeconds(t.remaining(now));
                        open.add(new TaskRow(t, countdown, overdue));
                    } else {
                        closed.add(new TaskRow(t, t.state().name(), false));
                    }
                });
        open.addAll(closed);
        if (!open.equals(taskRows)) {
            replaceKeepingSelection(taskRows, open);
        }
    }

    /** Updates rows in place where they line up, so a selected row stays selected across ticks. */
    private static <T> void replaceKeepingSelection(ObservableList<T> target, List<T> rows) {
        if (target.size() != rows.size()) {
            target.setAll(rows);
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).equals(target.get(i))) {
                target.set(i, rows.get(i));
            }
        }
    }

    // ---- timers ---------------------------------------------------------------------------------

    private void expireDue(Instant now) {
        if (expiring
                || handoffs.dueForExpiry(now).isEmpty()
                || incident.current().isEmpty()) {
            return;
        }
        expiring = true;
        run(commands::expireDue, expired -> expiring = false, error -> {
            expiring = false;
            incident.reportError(error);
        });
    }

    private void raiseFatigueAlerts(Instant now) {
        IncidentState st = incident.current().orElse(null);
        if (st == null || !st.isOpen()) {
            return;
        }
        Set<AlertKey> skip = new LinkedHashSet<>(monitor.alreadyAlerted(dutyLog, now));
        skip.addAll(alertsInFlight);
        for (FatigueCrossing c : monitor.crossings(dutyLog, now, skip)) {
            alertsInFlight.add(c.key());
            fatigueAlerts.add(new FatigueAlertRow(c, alertText(c), heldRole(c.responderId())));
            String who = incident.authorProperty().get();
            IncidentId id = st.id();
            tasks.run(
                    () -> {
                        long position = service.logPosition();
                        service.record(id, EventType.FATIGUE_ALERTED, c.payload(), Optional.of(now), who);
                        return service.eventsAfter(position);
                    },
                    events -> {
                        incident.accept(events);
                        alertsInFlight.remove(c.key());
                    },
                    e -> incident.reportError("Fatigue alert not recorded: " + e.getMessage()));
        }
    }

    private String alertText(FatigueCrossing c) {
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
        List<RoleHolder> held = roster.rolesOf(responderId);
        return held.stream()
                .map(RoleHolder::role)
                .filter(Role::isCommand)
                .findFirst()
                .or(() -> held.stream()
                        .filter(h -> !h.byDefault())
                        .map(RoleHolder::role)
                        .findFirst());
    }

    /**
     * Hides a fatigue alert line.
     *
     * @param alert the alert
     */
    public void dismissAlert(FatigueAlertRow alert) {
        fatigueAlerts.remove(alert);
    }

    /**
     * Shows a problem in the status bar, the one error channel.
     *
     * @param message what went wrong and what to do
     */
    public void reportError(String message) {
        incident.reportError(message);
    }

    /** Hides the expired hand-off banner until another offer expires. */
    public void dismissExpired() {
        Handoff h = expiredHandoff.get();
        if (h != null) {
            dismissedExpiries.add(h.offerId());
            renderHandoffs(now());
        }
    }

    // ---- commands -------------------------------------------------------------------------------

    /**
     * Adds a responder, on duty.
     *
     * @param name display name
     * @param handle chat handle or phone, if any
     * @param timeZone IANA zone, if known
     * @param onError told why on the FX thread if refused
     */
    public void addResponder(
            String name, Optional<String> handle, Optional<ZoneId> timeZone, Consumer<String> onError) {
        run((id, who) -> commands.addResponder(id, name, handle, timeZone, who), r -> {}, onError);
    }

    /** @param responderId a responder who left; joins again */
    public void join(String responderId) {
        run((id, who) -> commands.join(id, responderId, who), r -> {}, incident::reportError);
    }

    /** @param responderId a present responder; leaves the response */
    public void leave(String responderId) {
        run((id, who) -> commands.leave(id, responderId, who), r -> {}, incident::reportError);
    }

    /** @param responderId a responder on duty; starts a break */
    public void startBreak(String responderId) {
        run((id, who) -> commands.startBreak(id, responderId, who), r -> {}, incident::reportError);
    }

    /** @param responderId a responder on a break; back on duty */
    public void endBreak(String responderId) {
        run((id, who) -> commands.endBreak(id, responderId, who), r -> {}, incident::reportError);
    }

    /**
     * Gives a role directly (delegation, or taking command while leaderless).
     *
     * @param role the role
     * @param responderId who gets it
     */
    public void assignRole(Role role, String responderId) {
        run((id, who) -> commands.assignRole(id, role, responderId, who), r -> {}, incident::reportError);
    }

    /** @param responderId who takes command next if the IC must hand off */
    public void designateNextIc(String responderId) {
        run((id, who) -> commands.designateNextIc(id, responderId, who), r -> {}, incident::reportError);
    }

    /**
     * Offers a role from its holder to a responder; the offer is recorded with a brief and a fresh
     * read-back code.
     *
     * @param role the role (one holder)
     * @param toResponderId the receiver
     * @param onOffered given the offer (brief and code) on the FX thread
     */
    public void offerHandoff(Role role, String toResponderId, Consumer<HandoffOffer> onOffered) {
        offerHandoff(role, toResponderId, Optional.empty(), onOffered);
    }

    /**
     * Offers a role with the code of a brief already previewed ({@link #previewHandoff}).
     *
     * @param role the role (one holder)
     * @param toResponderId the receiver
     * @param code the previewed read-back code, or empty for a fresh one
     * @param onOffered given the offer (brief and code) on the FX thread
     */
    public void offerHandoff(
            Role role, String toResponderId, Optional<ReadBackCode> code, Consumer<HandoffOffer> onOffered) {
        run((id, who) -> commands.offerHandoff(id, role, toResponderId, code, who), onOffered, incident::reportError);
    }

    /**
     * Composes the brief an offer would carry, without recording anything, so the holder reads it
     * before offering. A refusal (nobody holds the role, a pending offer...) is reported as an
     * error, as the offer itself would be.
     *
     * @param role the role (one holder)
     * @param toResponderId the receiver
     * @param onPreview given the brief and its code on the FX thread
     */
    public void previewHandoff(Role role, String toResponderId, Consumer<CommandService.BriefPreview> onPreview) {
        run((id, who) -> commands.previewHandoff(id, role, toResponderId), onPreview, incident::reportError);
    }

    /**
     * The receiver acknowledges a pending offer.
     *
     * @param offerId the offer
     * @param method how
     * @param spokenCode the code read back, for {@link AckMethod#READ_BACK}
     * @param onAcknowledged given the acknowledgement and its announcement on the FX thread
     * @param onError told why on the FX thread if refused (e.g. a wrong code)
     */
    public void acknowledge(
            String offerId,
            AckMethod method,
            String spokenCode,
            Consumer<Acknowledgement> onAcknowledged,
            Consumer<String> onError) {
        run((id, who) -> commands.acknowledge(id, offerId, method, spokenCode, who), onAcknowledged, onError);
    }

    /** @param offerId a pending offer the receiver declines */
    public void decline(String offerId) {
        run((id, who) -> commands.decline(id, offerId, Optional.empty(), who), r -> {}, incident::reportError);
    }

    /** @param offerId a pending offer the holder takes back */
    public void withdraw(String offerId) {
        run((id, who) -> commands.withdraw(id, offerId, Optional.empty(), who), r -> {}, incident::reportError);
    }

    /**
     * Gives a responder a task with a check-back time.
     *
     * @param responderId the assignee
     * @param text what to do
     * @param checkBackIn when to report back, from now
     * @param onError told why on the FX thread if refused
     */
    public void assignTask(String responderId, String text, Duration checkBackIn, Consumer<String> onError) {
        run((id, who) -> commands.assignTask(id, responderId, text, checkBackIn, who), t -> {}, onError);
    }

    /** @param taskId a task the assignee confirms */
    public void acknowledgeTask(String taskId) {
        run((id, who) -> commands.acknowledgeTask(id, taskId, who), t -> {}, incident::reportError);
    }

    /** @param taskId a task that is done */
    public void completeTask(String taskId) {
        run((id, who) -> commands.completeTask(id, taskId, Optional.empty(), who), t -> {}, incident::reportError);
    }

    /** @param taskId a task called off */
    public void cancelTask(String taskId) {
        run((id, who) -> commands.cancelTask(id, taskId, Optional.empty(), who), t -> {}, incident::reportError);
    }

    /**
     * Runs a command in the background; on success its events join the incident at once, then
     * {@code onDone} runs, both on the FX thread.
     */
    private <T> void run(Call<T> call, Consumer<? super T> onDone, Consumer<String> onError) {
        IncidentState st = incident.current().orElse(null);
        if (st == null) {
            onError.accept("Declare or open an incident first (Ctrl+N)");
            return;
        }
        IncidentId id = st.id();
        String who = incident.authorProperty().get();
        tasks.run(
                () -> {
                    long position = service.logPosition();
                    T result = call.apply(id, who);
                    return new Done<>(result, service.eventsAfter(position));
                },
                done -> {
                    incident.accept(done.events());
                    onDone.accept(done.result());
                },
                e -> onError.accept(message(e)));
    }

    private static String message(Throwable e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /**
     * @param d a duration; negative counts as zero
     * @return {@code m:ss}, e.g. {@code 4:59}; minutes are not capped
     */
    static String minutesSeconds(Duration d) {
        long s = Math.max(0, d.getSeconds());
        return (s / 60) + ":" + String.format(java.util.Locale.ROOT, "%02d", s % 60);
    }

    /**
     * @param d a duration; negative counts as zero
     * @return {@code h:mm}, e.g. {@code 1:32}
     */
    static String hoursMinutes(Duration d) {
        long m = Math.max(0, d.toMinutes());
        return (m / 60) + ":" + String.format(java.util.Locale.ROOT, "%02d", m % 60);
    }
}
