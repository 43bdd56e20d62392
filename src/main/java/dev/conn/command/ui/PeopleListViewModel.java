package dev.conn.command.ui;

import dev.conn.command.BriefPreview;
import dev.conn.command.CheckBackTask;
import dev.conn.command.HandoffCommand;
import dev.conn.command.HandoffOffer;
import dev.conn.command.PeopleCommand;
import dev.conn.command.PeopleFold;
import dev.conn.command.Presence;
import dev.conn.command.ReadBackCode;
import dev.conn.command.Responder;
import dev.conn.command.Roster;
import dev.conn.command.RosterCommand;
import dev.conn.command.TaskCommand;
import dev.conn.fatigue.DutyReading;
import dev.conn.fatigue.FatigueMonitor;
import dev.conn.incident.FatigueLevel;
import dev.conn.incident.Role;
import dev.conn.incident.ui.IncidentViewModel;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The People panel's lists: the roster with presence, roles, continuous duty and fatigue level,
 * and the check-back tasks with their countdowns. It keeps the incident's people folded ({@link
 * PeopleFold}, fed as events arrive) and re-renders the rows on each 1-second tick from that
 * folded state. Its actions (responders, roles, offers, tasks) are sent as typed commands. FX
 * thread only.
 */
public final class PeopleListViewModel {
    /**
     * One roster line.
     *
     * @param responder the responder
     * @param presence upper-case presence, e.g. {@code ON DUTY}; {@link #STOOD_DOWN} for everyone
     *     present once the incident is resolved
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
     * @param overdue true while open and past its check-back time (or its assignee left)
     */
    public record TaskRow(CheckBackTask task, String countdown, boolean overdue) {}

    /** The presence shown for everyone still present once the incident is resolved: duty ended. */
    public static final String STOOD_DOWN = "STOOD DOWN";

    private final IncidentViewModel incident;
    private final CommandSender sender;
    private final FatigueMonitor monitor;
    private final PeopleFold fold;
    private final ObservableList<ResponderRow> responders = FXCollections.observableArrayList();
    private final ObservableList<TaskRow> taskRows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper anyOverdue = new ReadOnlyBooleanWrapper();

    /**
     * Starts following the open incident at once.
     *
     * @param incident the open incident, its events and the 1-second tick
     * @param sender sends commands off the FX thread
     * @param monitor the fatigue thresholds, for each responder's level
     * @param ackTimeout the policy hand-off ACK timeout
     */
    PeopleListViewModel(IncidentViewModel incident, CommandSender sender, FatigueMonitor monitor, Duration ackTimeout) {
        this.incident = incident;
        this.sender = sender;
        this.monitor = monitor;
        this.fold = new PeopleFold(ackTimeout);
        new PeopleFeed(incident, fold, () -> render(now()));
        incident.nowProperty().addListener((o, was, now) -> render(now));
        render(now());
    }

    /** @return the roster, in order of first joining; left responders last */
    public ObservableList<ResponderRow> responders() {
        return responders;
    }

    /** @return the open tasks first (in order of check-back time), then the closed ones */
    public ObservableList<TaskRow> tasks() {
        return taskRows;
    }

    /** @return true while a check-back task is overdue or has lost its assignee */
    public ReadOnlyBooleanProperty anyOverdueProperty() {
        return anyOverdue.getReadOnlyProperty();
    }

    /** @return the roster as last folded */
    public Roster roster() {
        return fold.roster();
    }

    /** @return the responders on duty now, for the dialogs' choices */
    public List<Responder> onDuty() {
        return fold.roster().responders().stream().filter(Responder::isOnDuty).toList();
    }

    /** @return the designated next IC, if on the roster */
    public Optional<Responder> nextCommander() {
        Roster r = fold.roster();
        return r.nextCommander().flatMap(n -> r.responder(n.responderId()));
    }

    private Instant now() {
        return incident.nowProperty().get();
    }

    private void render(Instant now) {
        renderRoster(now);
        renderTasks(now);
    }

    private void renderRoster(Instant now) {
        Roster roster = fold.roster();
        boolean resolved = incident.current().map(st -> !st.isOpen()).orElse(false);
        Optional<Roster.NextIc> next = roster.nextCommander();
        List<ResponderRow> rows = new ArrayList<>();
        List<ResponderRow> gone = new ArrayList<>();
        for (Responder r : roster.responders()) {
            String roles = roster.rolesOf(r.id()).stream()
                    .map(h -> h.role().label())
                    .distinct()
                    .collect(Collectors.joining(", "));
            Optional<DutyReading> reading = fold.dutyLog().responder(r.id()).map(d -> monitor.clockFor(d)
                    .at(now));
            ResponderRow row = new ResponderRow(
                    r,
                    resolved && r.presence().isPresent()
                            ? STOOD_DOWN
                            : r.presence().label().toUpperCase(Locale.ROOT),
                    roles,
                    reading.map(d -> Countdowns.hoursMinutes(d.continuousDuty()))
                            .orElse("0:00"),
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
        Roster roster = fold.roster();
        List<TaskRow> open = new ArrayList<>();
        List<TaskRow> closed = new ArrayList<>();
        fold.tasks().stream()
                .sorted(Comparator.comparing(CheckBackTask::checkBackAt))
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
                                ? "OVERDUE " + Countdowns.minutesSeconds(t.overdueBy(now))
                                : Countdowns.minutesSeconds(t.remaining(now));
                        open.add(new TaskRow(t, countdown, overdue));
                    } else {
                        closed.add(new TaskRow(t, t.state().name(), false));
                    }
                });
        open.addAll(closed);
        if (!open.equals(taskRows)) {
            replaceKeepingSelection(taskRows, open);
        }
        anyOverdue.set(taskRows.stream().anyMatch(TaskRow::overdue));
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

    /**
     * Shows a problem in the status bar, the one error channel.
     *
     * @param message what went wrong and what to do
     */
    public void reportError(String message) {
        sender.reportError(message);
    }

    private void send(PeopleCommand command) {
        sender.send(command, r -> {}, sender::reportError);
    }

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
        sender.send(new RosterCommand.AddResponder(name, handle, timeZone), r -> {}, onError);
    }

    /** @param responderId a responder who left; joins again */
    public void join(String responderId) {
        send(new RosterCommand.Join(responderId));
    }

    /** @param responderId a present responder; leaves the response */
    public void leave(String responderId) {
        send(new RosterCommand.Leave(responderId));
    }

    /** @param responderId a responder on duty; starts a break */
    public void startBreak(String responderId) {
        send(new RosterCommand.StartBreak(responderId));
    }

    /** @param responderId a responder on a break; back on duty */
    public void endBreak(String responderId) {
        send(new RosterCommand.EndBreak(responderId));
    }

    /**
     * Gives a role directly (delegation, or taking command while leaderless).
     *
     * @param role the role
     * @param responderId who gets it
     */
    public void assignRole(Role role, String responderId) {
        send(new RosterCommand.AssignRole(role, responderId));
    }

    /** @param responderId who takes command next if the IC must hand off */
    public void designateNextIc(String responderId) {
        send(new RosterCommand.DesignateNextIc(responderId));
    }

    /**
     * Offers a role from its holder to a responder, with a brief and the given (or a fresh)
     * read-back code.
     *
     * @param role the role (one holder)
     * @param toResponderId the receiver
     * @param code the previewed read-back code, or empty for a fresh one
     * @param onOffered given the offer (brief and code) on the FX thread
     */
    public void offerHandoff(
            Role role, String toResponderId, Optional<ReadBackCode> code, Consumer<HandoffOffer> onOffered) {
        sender.send(
                new HandoffCommand.Offer(role, Optional.empty(), toResponderId, code),
                r -> r.offer().ifPresent(onOffered),
                sender::reportError);
    }

    /**
     * Composes the brief an offer would carry, recording nothing, so the holder reads it before
     * offering. A refusal (nobody holds the role, a pending offer...) is reported as an error, as
     * the offer itself would be.
     *
     * @param role the role (one holder)
     * @param toResponderId the receiver
     * @param onPreview given the brief and its code on the FX thread
     */
    public void previewHandoff(Role role, String toResponderId, Consumer<BriefPreview> onPreview) {
        sender.preview(HandoffCommand.Offer.of(role, toResponderId), onPreview, sender::reportError);
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
        sender.send(new TaskCommand.Assign(responderId, text, checkBackIn), r -> {}, onError);
    }

    /** @param taskId a task the assignee confirms */
    public void acknowledgeTask(String taskId) {
        send(new TaskCommand.Acknowledge(taskId));
    }

    /** @param taskId a task that is done */
    public void completeTask(String taskId) {
        send(new TaskCommand.Complete(taskId, Optional.empty()));
    }

    /** @param taskId a task called off */
    public void cancelTask(String taskId) {
        send(new TaskCommand.Cancel(taskId, Optional.empty()));
    }
}
